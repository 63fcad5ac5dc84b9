#include "store/versions.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include "store/database.h"
#include "store/ids.h"

namespace kehoach {
namespace {

using namespace Poco::Data::Keywords;
using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, Poco::Int64, std::string, Poco::Int64,
                        Poco::Nullable<Poco::Int64>>;
constexpr const char* kColumns =
    "SELECT id, unit_id, plan_year, kind, number, state, created_at, created_by FROM versions";

std::optional<WorkState> state_from_key(const std::string& key) {
  for (WorkState state : {WorkState::Draft, WorkState::Done})
    if (key == work_state_key(state)) return state;
  return std::nullopt;
}

VersionRecord record(const Row& row) {
  VersionRecord version;
  version.id = row.get<0>();
  version.unit_id = row.get<1>();
  version.year = static_cast<int>(row.get<2>());
  const std::optional<WorkKind> kind = work_kind_from_key(row.get<3>());
  const std::optional<WorkState> state = state_from_key(row.get<5>());
  if (!kind || !state) throw StoreError("bảng phiên bản có loại hoặc trạng thái không rõ.");
  version.kind = *kind;
  version.number = static_cast<int>(row.get<4>());
  version.state = *state;
  version.created_at = row.get<6>();
  if (!row.get<7>().isNull()) version.created_by = row.get<7>().value();
  return version;
}

std::vector<VersionRecord> select_versions(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind) {
  std::vector<Row> rows;
  session << sql(session, std::string(kColumns) + " WHERE unit_id = ? AND plan_year = ? AND kind = ? ORDER BY number DESC"),
      bind(static_cast<Poco::Int64>(unit)), bind(static_cast<Poco::Int64>(year)), bind(std::string(work_kind_key(kind))),
      into(rows), now;
  std::vector<VersionRecord> versions;
  for (const Row& row : rows) versions.push_back(record(row));
  return versions;
}

}  // namespace

const char* work_kind_key(WorkKind kind) {
  switch (kind) {
    case WorkKind::VillageTable: return "village_table";
    case WorkKind::Plan: return "plan";
    case WorkKind::ReportQ1: return "report_q1";
    case WorkKind::Report6m: return "report_6m";
    case WorkKind::Report9m: return "report_9m";
    case WorkKind::ReportYear: return "report_year";
  }
  return "plan";
}

std::optional<WorkKind> work_kind_from_key(const std::string& key) {
  for (WorkKind kind : {WorkKind::VillageTable, WorkKind::Plan, WorkKind::ReportQ1, WorkKind::Report6m,
                        WorkKind::Report9m, WorkKind::ReportYear})
    if (key == work_kind_key(kind)) return kind;
  return std::nullopt;
}

const char* work_state_key(WorkState state) {
  switch (state) {
    case WorkState::NotStarted: return "not_started";
    case WorkState::Draft: return "draft";
    case WorkState::Done: return "done";
  }
  return "draft";
}

void record_stored_file(Poco::Data::Session& session, const std::string& sha256, std::int64_t size, std::int64_t when) {
  Poco::Int64 known = 0;
  session << sql(session, "SELECT COUNT(*) FROM stored_files WHERE sha256 = ?"), bind(sha256), into(known), now;
  if (known > 0) return;
  session << sql(session, "INSERT INTO stored_files (sha256, byte_size, created_at) VALUES (?, ?, ?)"), bind(sha256),
      bind(static_cast<Poco::Int64>(size)), bind(static_cast<Poco::Int64>(when)), now;
}

VersionRecord add_version(Poco::Data::Session& session, VersionRecord version, const std::vector<VersionFile>& files) {
  if (version.state == WorkState::NotStarted) throw StoreError("một phiên bản đã lưu không thể ở trạng thái chưa bắt đầu.");
  version.id = next_id(session, "versions");  // and the counter's lock: one new version at a time
  Poco::Nullable<Poco::Int64> last;
  session << sql(session, "SELECT MAX(number) FROM versions WHERE unit_id = ? AND plan_year = ? AND kind = ?"),
      bind(static_cast<Poco::Int64>(version.unit_id)), bind(static_cast<Poco::Int64>(version.year)),
      bind(std::string(work_kind_key(version.kind))), into(last), now;
  version.number = last.isNull() ? 1 : static_cast<int>(last.value()) + 1;
  const Poco::Nullable<Poco::Int64> by =
      version.created_by ? Poco::Nullable<Poco::Int64>(*version.created_by) : Poco::Nullable<Poco::Int64>();
  session << sql(session, "INSERT INTO versions (id, unit_id, plan_year, kind, number, state, created_at, created_by) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
      bind(static_cast<Poco::Int64>(version.id)), bind(static_cast<Poco::Int64>(version.unit_id)),
      bind(static_cast<Poco::Int64>(version.year)), bind(std::string(work_kind_key(version.kind))),
      bind(static_cast<Poco::Int64>(version.number)), bind(std::string(work_state_key(version.state))),
      bind(static_cast<Poco::Int64>(version.created_at)), bind(by), now;
  for (const VersionFile& file : files)
    session << sql(session, "INSERT INTO version_files (version_id, file_role, file_name, sha256) VALUES (?, ?, ?, ?)"),
        bind(static_cast<Poco::Int64>(version.id)), bind(file.role), bind(file.name), bind(file.sha256), now;
  return version;
}

std::optional<VersionRecord> find_version(Poco::Data::Session& session, std::int64_t id) {
  std::vector<Row> rows;
  session << sql(session, std::string(kColumns) + " WHERE id = ?"), bind(static_cast<Poco::Int64>(id)), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return record(rows.front());
}

std::optional<VersionRecord> latest_version(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind) {
  std::vector<VersionRecord> versions = select_versions(session, unit, year, kind);
  if (versions.empty()) return std::nullopt;
  return versions.front();
}

std::vector<VersionRecord> versions_of(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind) {
  return select_versions(session, unit, year, kind);
}

std::vector<VersionFile> version_files(Poco::Data::Session& session, std::int64_t version) {
  std::vector<Poco::Tuple<std::string, std::string, std::string>> rows;
  session << sql(session, "SELECT file_role, file_name, sha256 FROM version_files WHERE version_id = ? ORDER BY file_role, file_name"),
      bind(static_cast<Poco::Int64>(version)), into(rows), now;
  std::vector<VersionFile> files;
  for (const auto& row : rows) files.push_back({row.get<0>(), row.get<1>(), row.get<2>()});
  return files;
}

WorkState work_state(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind) {
  const std::optional<VersionRecord> latest = latest_version(session, unit, year, kind);
  return latest ? latest->state : WorkState::NotStarted;
}

}  // namespace kehoach
