#pragma once
// The submissions of one year and kind across every unit at once, for the pages of the level above (Tình
// hình nộp, Tổng hợp): one query per question rather than one per unit, so that a province of a hundred
// communes is read in a few statements.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <optional>

#include "model/submission.h"
#include "store/versions.h"

namespace kehoach {

struct SubmissionSummary {
  std::int64_t unit_id = 0;
  SubmissionState state = SubmissionState::Entering;
  std::optional<std::int64_t> version_id;  // the version last sent (what was approved, when approved)
  std::int64_t changed_at = 0;             // the last change of its state
  std::optional<std::int64_t> first_sent;  // its first Gửi
};

// Every unit's submission of that year and kind that was ever sent, by unit.
std::map<std::int64_t, SubmissionSummary> submissions_of_year(Poco::Data::Session& session, int year, WorkKind kind);

// When each unit last saved a version of that year and kind, by unit (units that saved none are absent).
std::map<std::int64_t, std::int64_t> last_saves(Poco::Data::Session& session, int year, WorkKind kind);

}  // namespace kehoach
