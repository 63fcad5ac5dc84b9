#pragma once
// The deadlines a unit above the communes (a province, a district) sets on its Tình hình nộp page, one per
// year and kind of work, for the submissions of the units below it (compute/submission_status.h says which
// deadline holds for a unit and how it is judged). Set, changed and taken away by the unit's own officers;
// a change is written under the table's lock, in one transaction with whatever the caller records of it.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "store/versions.h"

namespace kehoach {

class Database;

struct DeadlineRecord {
  std::int64_t unit_id = 0;  // the unit that set it
  int year = 0;
  WorkKind kind = WorkKind::Plan;
  Date due;
  std::int64_t set_at = 0;
  std::optional<std::int64_t> set_by;
};

// Every deadline set for that year and kind, by any unit.
std::vector<DeadlineRecord> deadlines_of(Poco::Data::Session& session, int year, WorkKind kind);

std::optional<DeadlineRecord> find_deadline(Poco::Data::Session& session, std::int64_t unit, int year, WorkKind kind);

// A deadline set (due), changed or taken away (no due).
struct DeadlineChange {
  std::int64_t unit_id = 0;
  int year = 0;
  WorkKind kind = WorkKind::Plan;
  std::optional<Date> due;
  std::int64_t at = 0;
  std::optional<std::int64_t> by;
};

// In one transaction under the table's lock: reads the deadline as it stands, writes the change (nothing
// when it changes nothing), runs `also` on the session before committing (what the caller records of the
// change, in the same transaction), commits. Returns the deadline as it stood before.
std::optional<DeadlineRecord> change_deadline(
    Database& database, Poco::Data::Session& session, const DeadlineChange& change,
    const std::function<void(Poco::Data::Session&, const std::optional<DeadlineRecord>& before)>& also = {});

// "2026-06-10" and back (nullopt for anything else, a day that no month has included).
std::string iso_date(const Date& date);
std::optional<Date> date_from_iso(const std::string& text);

}  // namespace kehoach
