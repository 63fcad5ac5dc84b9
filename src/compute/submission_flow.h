#pragma once
// What may happen to a submission (model/submission.h): one explicit table with a row for every state ×
// action × actor, giving the state after, or the refusal, which says in Vietnamese why not and what to do
// instead. Nothing here reads or writes anything: the store applies a decision, the pages show it.
//
// Decided: the unit's own officers send (Gửi); the officers of a unit above it (a province officer for the
// communes of their province, whatever lies between) return (Trả lại), approve (Duyệt) and reopen (Mở
// lại); an administrator does none of these (they manage units and accounts; the officers answer for the
// figures). Sending again is possible only after a return: a unit that finds a mistake in what it sent
// asks the level above to return it, so that the level above never approves something other than what it
// read. Approval locks the work (the unit's saves of that kind are refused with locked_refusal()).
#include <optional>
#include <string>
#include <vector>

#include "model/submission.h"

namespace kehoach {

// What the refusals name, as the page words them.
struct SubmissionFacts {
  std::string work;     // what was submitted, at the start of a sentence: "Kế hoạch năm 2026"
  std::string unit;     // whose it is, inside a sentence: "xã An Hòa Thịnh"
  std::string above;    // who returns and approves, inside a sentence: "tỉnh Hà Tĩnh"
  std::string since;    // the day the present state began: "12/05/2026" ("" when nothing was sent)
  std::string contact;  // whom to ask to reopen: who approved it ("Nguyễn Văn B, tỉnh Hà Tĩnh"), else `above`
};

// Why a transition is refused; each has its sentence (refusal_text).
enum class Refusal {
  None,                      // the row is allowed
  AlreadySubmitted,          // the unit sends again what waits for the level above
  ApprovedLocked,            // the unit sends (or changes) what is approved
  OnlyAboveDecides,          // the unit returns, approves or reopens its own work
  OnlyUnitSubmits,           // the level above sends the unit's work
  NotSubmitted,              // returning or approving what was not sent
  NothingToReopen,           // reopening what is not approved
  ReturnInstead,             // reopening what is sent but not approved: that is a return
  WaitingForResubmission,    // returning or approving what was returned and not sent again
  ReopenInstead,             // returning what is approved: that is a reopening
  AlreadyApproved,           // approving again
  AdministratorTakesNoPart,  // an administrator acting
};

struct Transition {
  SubmissionState state;
  SubmissionAction action;
  SubmissionActor actor;
  std::optional<SubmissionState> next;  // allowed: the state after
  Refusal refusal = Refusal::None;      // refused: why
};

// The table: 48 rows, one for each state × action × actor, by state, then action, then actor.
const std::vector<Transition>& submission_transitions();

struct SubmissionDecision {
  std::optional<SubmissionState> next;  // allowed: the state after
  std::string refusal;                  // refused: why, and what to do, in Vietnamese
  Refusal why = Refusal::None;          // refused: which reason of the table
  bool allowed() const { return next.has_value(); }
};

// The table's row for the state, action and actor, with its refusal worded with `facts`.
SubmissionDecision decide_submission(SubmissionState state, SubmissionAction action, SubmissionActor actor,
                                     const SubmissionFacts& facts);

// The sentence of a refusal (the state and action it happened in fill it in).
std::string refusal_text(Refusal refusal, SubmissionState state, SubmissionAction action, const SubmissionFacts& facts);

// What the unit is told when it tries to change approved work: "Kế hoạch năm 2026 đã được duyệt ngày
// 12/05/2026; liên hệ Nguyễn Văn B, tỉnh Hà Tĩnh để mở lại."
std::string locked_refusal(const SubmissionFacts& facts);

}  // namespace kehoach
