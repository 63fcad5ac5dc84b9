#pragma once
// Submissions (model/submission.h): a unit's work of a year and kind sent up, returned, approved, reopened;
// one row per unit, year and kind, and every change of it kept in its history. What may change in which
// state is not decided here (compute/submission_flow.h is the rule, above the store): change_submission
// takes the rule as a function, and runs it on the state as it stands inside the transaction that writes
// the change, after taking the submissions' lock, so that two changes never both pass the check.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/submission.h"
#include "store/versions.h"

namespace kehoach {

class Database;

struct SubmissionRecord {
  std::int64_t id = 0;  // 0: nothing was ever sent (the state is Entering)
  std::int64_t unit_id = 0;
  int year = 0;
  WorkKind kind = WorkKind::Plan;
  SubmissionState state = SubmissionState::Entering;
  std::optional<std::int64_t> version_id;  // the version last sent (what was approved, after a reopening)
  std::string reason;                      // given with the change that led to the state (a return's, a reopening's)
  std::string explanation;                 // the unit's explanation of what `check` found in the version sent
  std::int64_t changed_at = 0;
  std::optional<std::int64_t> changed_by;
};

struct SubmissionEvent {
  std::int64_t id = 0;
  std::int64_t submission_id = 0;
  SubmissionAction action = SubmissionAction::Submit;
  SubmissionState from = SubmissionState::Entering;
  SubmissionState to = SubmissionState::Submitted;
  std::optional<std::int64_t> version_id;
  std::string reason;
  std::string explanation;
  std::int64_t at = 0;
  std::optional<std::int64_t> by;
  std::string client_address;
};

// The submission of the unit's work of that year and kind; a record in Entering with id 0 when nothing
// was ever sent.
SubmissionRecord find_submission(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind);

// Its history, oldest first.
std::vector<SubmissionEvent> submission_events(Poco::Data::Session& session, std::int64_t submission);

// A change asked for: who does what to which unit's work.
struct SubmissionChange {
  std::int64_t unit_id = 0;
  int year = 0;
  WorkKind kind = WorkKind::Plan;
  SubmissionAction action = SubmissionAction::Submit;
  std::optional<std::int64_t> version_id;  // Submit: the version sent (other actions keep the one sent)
  std::string reason;                      // Return, Reopen: required (action_needs_reason)
  std::string explanation;                 // Submit: the unit's explanation of the check's findings, or ""
  std::int64_t at = 0;
  std::optional<std::int64_t> by;
  std::string client_address;
};

// What the rule says of the change, given the submission as it stands: the state after, or why not.
struct SubmissionVerdict {
  std::optional<SubmissionState> next;
  std::string refusal;
};
using SubmissionRule = std::function<SubmissionVerdict(const SubmissionRecord& current)>;

struct SubmissionResult {
  SubmissionVerdict verdict;
  SubmissionRecord record;  // after the change (as it stood, when refused)
};

// In one transaction: takes the submissions' lock, reads where the submission stands, asks `rule`; when it
// allows, writes the new state (the row made at the first sending), the event and its row of the audit log
// (store/audit.h: "submission.<action>", the states before and after, the reason), and commits; when it
// refuses, changes nothing. Throws std::invalid_argument for a Return or Reopen without a reason and a
// Submit without a version (the page asks for them first).
SubmissionResult change_submission(Database& database, Poco::Data::Session& session, const SubmissionChange& change,
                                   const SubmissionRule& rule);

// The lock change_submission takes: the first step of any other transaction that must not write while a
// submission changes under it (a save that is refused once the work is approved).
void lock_submissions(Poco::Data::Session& session);

}  // namespace kehoach
