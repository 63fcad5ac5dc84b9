#include "store/submission_deadlines.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <cstdio>

#include "store/database.h"
#include "store/ids.h"
#include "store/optional_id.h"

namespace kehoach {
namespace {

using namespace Poco::Data::Keywords;
using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, OptionalId>;

constexpr const char* kColumns = "SELECT unit_id, due_date, set_at, set_by FROM submission_deadlines ";

DeadlineRecord record_of(const Row& row, int year, WorkKind kind) {
  const std::optional<Date> due = date_from_iso(row.get<1>());
  if (!due) throw StoreError("bảng hạn nộp có ngày \"" + row.get<1>() + "\" không rõ.");
  DeadlineRecord record{row.get<0>(), year, kind, *due, row.get<2>(), std::nullopt};
  if (!row.get<3>().isNull()) record.set_by = row.get<3>().value();
  return record;
}

}  // namespace

std::string iso_date(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

std::optional<Date> date_from_iso(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  const Date date{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > days_in_month(date.year, date.month))
    return std::nullopt;
  return date;
}

std::vector<DeadlineRecord> deadlines_of(Poco::Data::Session& session, int year, WorkKind kind) {
  std::vector<Row> rows;
  session << sql(session, std::string(kColumns) + "WHERE plan_year = ? AND kind = ? ORDER BY unit_id"),
      bind(static_cast<Poco::Int64>(year)), bind(std::string(work_kind_key(kind))), into(rows), now;
  std::vector<DeadlineRecord> records;
  for (const Row& row : rows) records.push_back(record_of(row, year, kind));
  return records;
}

std::optional<DeadlineRecord> find_deadline(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind) {
  std::vector<Row> rows;
  session << sql(session, std::string(kColumns) + "WHERE unit_id = ? AND plan_year = ? AND kind = ?"),
      bind(static_cast<Poco::Int64>(unit)), bind(static_cast<Poco::Int64>(year)), bind(std::string(work_kind_key(kind))),
      into(rows), now;
  if (rows.empty()) return std::nullopt;
  return record_of(rows.front(), year, kind);
}

std::optional<DeadlineRecord> change_deadline(
    Database& database, Poco::Data::Session& session, const DeadlineChange& change,
    const std::function<void(Poco::Data::Session&, const std::optional<DeadlineRecord>& before)>& also) {
  Transaction transaction(database, session);
  lock_table(session, "submission_deadlines");
  const std::optional<DeadlineRecord> before = find_deadline(session, change.unit_id, change.year, change.kind);
  if ((!before && !change.due) || (before && change.due && before->due == *change.due)) return before;  // nothing changes
  const Poco::Int64 unit = change.unit_id, year = change.year, at = change.at;
  const std::string kind = work_kind_key(change.kind);
  const OptionalId by = nullable(change.by);
  if (!change.due) {
    session << sql(session, "DELETE FROM submission_deadlines WHERE unit_id = ? AND plan_year = ? AND kind = ?"), bind(unit),
        bind(year), bind(kind), now;
  } else if (before) {
    session << sql(session, "UPDATE submission_deadlines SET due_date = ?, set_at = ?, set_by = ? "
                            "WHERE unit_id = ? AND plan_year = ? AND kind = ?"),
        bind(iso_date(*change.due)), bind(at), bind(by), bind(unit), bind(year), bind(kind), now;
  } else {
    session << sql(session, "INSERT INTO submission_deadlines (unit_id, plan_year, kind, due_date, set_at, set_by) "
                            "VALUES (?, ?, ?, ?, ?, ?)"),
        bind(unit), bind(year), bind(kind), bind(iso_date(*change.due)), bind(at), bind(by), now;
  }
  if (also) also(session, before);
  transaction.commit();
  return before;
}

}  // namespace kehoach
