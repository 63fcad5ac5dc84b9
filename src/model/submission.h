#pragma once
// A submission (nộp lên cấp trên): a unit's village table, plan or periodic report of a year, sent up to
// the level above, which returns it with a reason or approves it; approval locks the work until the
// level above reopens it, with a reason. The words of the states and actions, in one place; what may
// happen in which state, and who may do it, is compute/submission_flow.h.
//
//   Đang nhập ──Gửi──▶ Đã gửi ──Duyệt──▶ Đã duyệt ──Mở lại (lý do)──▶ Đang nhập
//                        │  ▲
//          Trả lại (lý do)  Gửi (lại)
//                        ▼  │
//                     Bị trả lại
#include <optional>
#include <string>

namespace kehoach {

enum class SubmissionState {
  Entering,   // Đang nhập: the unit works on it (also where nothing has been sent yet)
  Submitted,  // Đã gửi: sent up, waiting for the level above
  Returned,   // Bị trả lại: sent back with a reason; the unit fixes it and sends it again
  Approved,   // Đã duyệt: accepted; the unit cannot change it until it is reopened
};

enum class SubmissionAction {
  Submit,   // Gửi: the unit sends its latest version
  Return,   // Trả lại: the level above sends it back, with a reason
  Approve,  // Duyệt: the level above accepts it
  Reopen,   // Mở lại: the level above unlocks an approved one, with a reason
};

// Who acts, as the account stands to the unit whose work it is. An account that stands in none of these
// (another commune's officer, another province's) does not see the unit at all (404) and never gets here.
enum class SubmissionActor {
  OwnOfficer,       // an officer of the unit itself: sends its work
  AncestorOfficer,  // an officer of a unit above it (the province): returns, approves, reopens
  Administrator,    // manages units and accounts; takes no part in the submissions (decided: it would
                    // step over the officers whose responsibility they are)
};

// As stored: "entering", "submitted", "returned", "approved"; and back (nullopt for another word).
const char* submission_state_key(SubmissionState state);
std::optional<SubmissionState> submission_state_from_key(const std::string& key);
// As stored: "submit", "return", "approve", "reopen"; and back.
const char* submission_action_key(SubmissionAction action);
std::optional<SubmissionAction> submission_action_from_key(const std::string& key);

// "Đang nhập", "Đã gửi", "Bị trả lại", "Đã duyệt".
std::string submission_state_label(SubmissionState state);
// The button: "Gửi", "Trả lại", "Duyệt", "Mở lại".
std::string submission_action_label(SubmissionAction action);
// The verb inside a sentence: "gửi", "trả lại", "duyệt", "mở lại".
std::string submission_action_verb(SubmissionAction action);

// Return and Reopen are done with a reason, which the unit reads.
bool action_needs_reason(SubmissionAction action);

}  // namespace kehoach
