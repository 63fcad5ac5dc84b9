#include "model/submission.h"

namespace kehoach {
namespace {

constexpr SubmissionState kStates[] = {SubmissionState::Entering, SubmissionState::Submitted, SubmissionState::Returned,
                                       SubmissionState::Approved};
constexpr SubmissionAction kActions[] = {SubmissionAction::Submit, SubmissionAction::Return, SubmissionAction::Approve,
                                         SubmissionAction::Reopen};

}  // namespace

const char* submission_state_key(SubmissionState state) {
  switch (state) {
    case SubmissionState::Entering: return "entering";
    case SubmissionState::Submitted: return "submitted";
    case SubmissionState::Returned: return "returned";
    case SubmissionState::Approved: return "approved";
  }
  return "entering";
}

std::optional<SubmissionState> submission_state_from_key(const std::string& key) {
  for (SubmissionState state : kStates)
    if (key == submission_state_key(state)) return state;
  return std::nullopt;
}

const char* submission_action_key(SubmissionAction action) {
  switch (action) {
    case SubmissionAction::Submit: return "submit";
    case SubmissionAction::Return: return "return";
    case SubmissionAction::Approve: return "approve";
    case SubmissionAction::Reopen: return "reopen";
  }
  return "submit";
}

std::optional<SubmissionAction> submission_action_from_key(const std::string& key) {
  for (SubmissionAction action : kActions)
    if (key == submission_action_key(action)) return action;
  return std::nullopt;
}

std::string submission_state_label(SubmissionState state) {
  switch (state) {
    case SubmissionState::Entering: return "Đang nhập";
    case SubmissionState::Submitted: return "Đã gửi";
    case SubmissionState::Returned: return "Bị trả lại";
    case SubmissionState::Approved: return "Đã duyệt";
  }
  return "";
}

std::string submission_action_label(SubmissionAction action) {
  switch (action) {
    case SubmissionAction::Submit: return "Gửi";
    case SubmissionAction::Return: return "Trả lại";
    case SubmissionAction::Approve: return "Duyệt";
    case SubmissionAction::Reopen: return "Mở lại";
  }
  return "";
}

std::string submission_action_verb(SubmissionAction action) {
  switch (action) {
    case SubmissionAction::Submit: return "gửi";
    case SubmissionAction::Return: return "trả lại";
    case SubmissionAction::Approve: return "duyệt";
    case SubmissionAction::Reopen: return "mở lại";
  }
  return "";
}

bool action_needs_reason(SubmissionAction action) {
  return action == SubmissionAction::Return || action == SubmissionAction::Reopen;
}

}  // namespace kehoach
