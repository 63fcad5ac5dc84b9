#pragma once
// The versions of a unit's work and their files. Every save is a new version, never changed after: a
// village table uploaded or typed, a plan's data and the documents made from it, a report period's
// movements and its report. The home page reads each kind's latest version for its status.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kehoach {

// What a version is of. The report kinds follow the periods of `kehoach report --period`.
enum class WorkKind { VillageTable, Plan, ReportQ1, Report6m, Report9m, ReportYear };
// "village_table", "plan", "report_q1", "report_6m", "report_9m", "report_year"; and back.
const char* work_kind_key(WorkKind kind);
std::optional<WorkKind> work_kind_from_key(const std::string& key);

// Where a unit's work of a kind stands. Nothing saved yet is NotStarted; a saved version is Draft (Đang
// nhập) until one is marked done (Đã hoàn thành: the documents made from it).
enum class WorkState { NotStarted, Draft, Done };
const char* work_state_key(WorkState state);  // "not_started", "draft", "done"

struct VersionRecord {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  int year = 0;
  WorkKind kind = WorkKind::Plan;
  int number = 0;  // 1, 2, … per unit, year and kind
  WorkState state = WorkState::Draft;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> created_by;
};

struct VersionFile {
  std::string role;  // "input" (what the user gave) or "output" (what kehoach made)
  std::string name;  // the name a download is given: "ke-hoach.docx", "thon.csv"
  std::string sha256;
};

// Records a file of the content store (store/file_store.h) once; within the transaction that uses it.
void record_stored_file(Poco::Data::Session& session, const std::string& sha256, std::int64_t size, std::int64_t when);

// A new version of the unit's work: numbered after the last one of its unit, year and kind (the id is
// taken first, whose counter's lock keeps two saves from taking one number). Within a transaction, with
// its files.
VersionRecord add_version(Poco::Data::Session& session, VersionRecord version, const std::vector<VersionFile>& files);

std::optional<VersionRecord> find_version(Poco::Data::Session& session, std::int64_t id);
// The newest version of the kind, if any.
std::optional<VersionRecord> latest_version(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind);
// Every version of the kind, newest first.
std::vector<VersionRecord> versions_of(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind);
std::vector<VersionFile> version_files(Poco::Data::Session& session, std::int64_t version);

// Where the kind stands for the unit and year: its latest version's state, or NotStarted.
WorkState work_state(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind);

}  // namespace kehoach
