#include "store/submissions.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <stdexcept>

#include "store/audit.h"
#include "store/database.h"
#include "store/ids.h"
#include "store/optional_id.h"

namespace kehoach {
namespace {

using namespace Poco::Data::Keywords;

SubmissionState state_of(const std::string& key) {
  const std::optional<SubmissionState> state = submission_state_from_key(key);
  if (!state) throw StoreError("bảng bài nộp có trạng thái \"" + key + "\" không rõ.");
  return *state;
}

using Row = Poco::Tuple<Poco::Int64, std::string, OptionalId, std::string, std::string, Poco::Int64, OptionalId>;

SubmissionRecord select_submission(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind) {
  SubmissionRecord record;
  record.unit_id = unit;
  record.year = year;
  record.kind = kind;
  std::vector<Row> rows;
  session << sql(session, "SELECT id, state, version_id, reason, explanation, changed_at, changed_by FROM submissions "
                          "WHERE unit_id = ? AND plan_year = ? AND kind = ?"),
      bind(static_cast<Poco::Int64>(unit)), bind(static_cast<Poco::Int64>(year)), bind(std::string(work_kind_key(kind))),
      into(rows), now;
  if (rows.empty()) return record;
  const Row& row = rows.front();
  record.id = row.get<0>();
  record.state = state_of(row.get<1>());
  record.version_id = optional(row.get<2>());
  record.reason = row.get<3>();
  record.explanation = row.get<4>();
  record.changed_at = row.get<5>();
  record.changed_by = optional(row.get<6>());
  return record;
}

void check_change(const SubmissionChange& change) {
  if (action_needs_reason(change.action) && change.reason.empty())
    throw std::invalid_argument("trả lại hay mở lại bài nộp phải có lý do.");
  if (change.action == SubmissionAction::Submit && !change.version_id)
    throw std::invalid_argument("gửi bài nộp phải nêu phiên bản được gửi.");
}

// The record after the change: the version sent and its explanation with a Submit, the reason of a Return
// or Reopen (a Submit and an Approve clear it: the state they lead to has none).
SubmissionRecord changed(SubmissionRecord record, const SubmissionChange& change, SubmissionState next) {
  record.state = next;
  if (change.action == SubmissionAction::Submit) {
    record.version_id = change.version_id;
    record.explanation = change.explanation;
  }
  record.reason = action_needs_reason(change.action) ? change.reason : "";
  record.changed_at = change.at;
  record.changed_by = change.by;
  return record;
}

void write_record(Poco::Data::Session& session, SubmissionRecord& record) {
  if (record.id == 0) {
    record.id = next_id(session, "submissions");
    session << sql(session, "INSERT INTO submissions (id, unit_id, plan_year, kind, state, version_id, reason, explanation, "
                            "changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        bind(static_cast<Poco::Int64>(record.id)), bind(static_cast<Poco::Int64>(record.unit_id)),
        bind(static_cast<Poco::Int64>(record.year)), bind(std::string(work_kind_key(record.kind))),
        bind(std::string(submission_state_key(record.state))), bind(nullable(record.version_id)), bind(record.reason),
        bind(record.explanation), bind(static_cast<Poco::Int64>(record.changed_at)), bind(nullable(record.changed_by)), now;
    return;
  }
  session << sql(session, "UPDATE submissions SET state = ?, version_id = ?, reason = ?, explanation = ?, changed_at = ?, "
                          "changed_by = ? WHERE id = ?"),
      bind(std::string(submission_state_key(record.state))), bind(nullable(record.version_id)), bind(record.reason),
      bind(record.explanation), bind(static_cast<Poco::Int64>(record.changed_at)), bind(nullable(record.changed_by)),
      bind(static_cast<Poco::Int64>(record.id)), now;
}

void write_event(Poco::Data::Session& session, const SubmissionRecord& record, const SubmissionChange& change,
                 SubmissionState from) {
  const std::int64_t id = next_id(session, "submission_events");
  session << sql(session, "INSERT INTO submission_events (id, submission_id, action, from_state, to_state, version_id, "
                          "reason, explanation, acted_at, acted_by, client_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      bind(static_cast<Poco::Int64>(id)), bind(static_cast<Poco::Int64>(record.id)),
      bind(std::string(submission_action_key(change.action))), bind(std::string(submission_state_key(from))),
      bind(std::string(submission_state_key(record.state))), bind(nullable(record.version_id)), bind(change.reason),
      bind(change.explanation), bind(static_cast<Poco::Int64>(change.at)), bind(nullable(change.by)),
      bind(change.client_address), now;
}

// The change in the audit log (store/audit.h): the states before and after, the version, the reason given
// (the unit reads it too); of an explanation only that there is one, since it speaks of the table's figures.
void write_audit(Poco::Data::Session& session, const SubmissionRecord& record, const SubmissionChange& change,
                 SubmissionState from) {
  AuditEntry entry = audit_entry({change.by.value_or(0), change.client_address, change.at},
                                 std::string("submission.") + submission_action_key(change.action));
  entry.unit_id = record.unit_id;
  entry.kind = work_kind_key(record.kind);
  entry.plan_year = record.year;
  entry.version_id = record.version_id.value_or(0);
  entry.detail = submission_state_label(from) + " → " + submission_state_label(record.state) + ".";
  if (!change.reason.empty()) entry.detail += " Lý do: " + change.reason;
  else if (!change.explanation.empty()) entry.detail += " Có giải trình kèm theo.";
  append_audit(session, entry);
}

}  // namespace

SubmissionRecord find_submission(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind) {
  return select_submission(session, unit, year, kind);
}

std::vector<SubmissionEvent> submission_events(Poco::Data::Session& session, std::int64_t submission) {
  using EventRow = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, OptionalId, std::string, std::string,
                               Poco::Int64, OptionalId, std::string>;
  std::vector<EventRow> rows;
  session << sql(session, "SELECT id, action, from_state, to_state, version_id, reason, explanation, acted_at, acted_by, "
                          "client_address FROM submission_events WHERE submission_id = ? ORDER BY id"),
      bind(static_cast<Poco::Int64>(submission)), into(rows), now;
  std::vector<SubmissionEvent> events;
  for (const EventRow& row : rows) {
    const std::optional<SubmissionAction> action = submission_action_from_key(row.get<1>());
    if (!action) throw StoreError("lịch sử bài nộp có việc \"" + row.get<1>() + "\" không rõ.");
    events.push_back({row.get<0>(), submission, *action, state_of(row.get<2>()), state_of(row.get<3>()),
                      optional(row.get<4>()), row.get<5>(), row.get<6>(), row.get<7>(), optional(row.get<8>()),
                      row.get<9>()});
  }
  return events;
}

void lock_submissions(Poco::Data::Session& session) { lock_table(session, "submissions"); }

SubmissionResult change_submission(Database& database, Poco::Data::Session& session, const SubmissionChange& change,
                                   const SubmissionRule& rule) {
  check_change(change);
  Transaction transaction(database, session);
  lock_submissions(session);
  const SubmissionRecord current = select_submission(session, change.unit_id, change.year, change.kind);
  SubmissionResult result{rule(current), current};
  if (!result.verdict.next) return result;  // refused: the transaction rolls back what it never wrote
  result.record = changed(current, change, *result.verdict.next);
  write_record(session, result.record);
  write_event(session, result.record, change, current.state);
  write_audit(session, result.record, change, current.state);
  transaction.commit();
  return result;
}

}  // namespace kehoach
