#pragma once
// Tình hình nộp: where the submissions of the units below a province stand for one year and kind of work, as
// pure figures. Each unit that should send is a line (its state, when it first sent, its deadline); the
// counts at the top of the page and of its workbook are made from the lines here, once, so that the page and
// the workbook cannot disagree.
//
// Decided (helper guide 14): a deadline is plan data. For a unit's submission it is the deadline the level
// above set on the dashboard for that year and kind, else the due date of the period in the report schedule
// of that level's plan, else the same one level higher, else none. On time = the first Gửi at or before the
// end of the deadline's day in Vietnam (UTC+7, no summer time); late after it; a unit that has not sent by a
// deadline that has passed is "Quá hạn, chưa gửi". Whether it is on time is kept apart from the lock: a late
// submission is received, returned and approved like any other.
#include <cstdint>
#include <optional>
#include <vector>

#include "model/date.h"
#include "model/submission.h"
#include "text/rate.h"

namespace kehoach {

// Vietnam's time is UTC+7 all year.
inline constexpr std::int64_t kVietnamOffsetSeconds = 7 * 3600;

// The day in Vietnam of a moment given in seconds since 1970-01-01 UTC.
Date vietnam_day(std::int64_t seconds);
// The last second of `day` in Vietnam (23:59:59 UTC+7), in seconds since 1970-01-01 UTC.
std::int64_t vietnam_day_end(const Date& day);

// Where a deadline comes from.
enum class DeadlineOrigin {
  SetOnDashboard,  // the level above set it on Tình hình nộp
  PlanSchedule,    // the report schedule (reports: schedule) of the level above's plan of the year
};

struct SubmissionDeadline {
  Date due;
  DeadlineOrigin origin = DeadlineOrigin::SetOnDashboard;
  std::size_t level = 0;  // which of the candidates gave it: 0 the unit's parent, 1 the one above it, …
};

// What one unit above a commune offers as its deadline for a year and kind.
struct DeadlineCandidate {
  std::optional<Date> set;      // set on its dashboard
  std::optional<Date> planned;  // its plan's schedule (report periods only)
};

// The deadline that holds for a unit, given the units above it nearest first: the nearest that offers one,
// its own setting before its plan's schedule. nullopt when none does.
std::optional<SubmissionDeadline> deadline_that_holds(const std::vector<DeadlineCandidate>& nearest_first);

enum class Timeliness {
  NoDeadline,  // Không có hạn: neither on time nor late
  NotDue,      // Chưa đến hạn: not sent, and the deadline's day has not ended
  Overdue,     // Quá hạn, chưa gửi: not sent, and the deadline's day has ended
  OnTime,      // Đúng hạn: first sent by the end of the deadline's day
  Late,        // Nộp muộn: first sent after it
};

// A unit's timeliness on `now` (seconds since 1970 UTC): judged on its first sending when there is one (a
// unit sent back or reopened keeps the day it first sent: a reopening is the level above's doing, never
// "Quá hạn"), else on whether the deadline has passed.
Timeliness timeliness(const std::optional<Date>& deadline, const std::optional<std::int64_t>& first_sent, std::int64_t now);

// One unit that should send, as the dashboard reads it.
struct StatusLine {
  SubmissionState state = SubmissionState::Entering;  // Entering also when nothing was ever sent
  std::optional<std::int64_t> first_sent;             // the first Gửi, seconds since 1970 UTC
  std::optional<Date> deadline;
};

// Whether the unit counts as sent: its work is with the level above (Đã gửi, Bị trả lại: received and sent
// back to be fixed, Đã duyệt). Reopened work is being entered again, and is not.
bool counts_as_sent(SubmissionState state);

struct StatusCounts {
  int expected = 0;                                   // units that should send: every line
  int entering = 0, submitted = 0, returned = 0, approved = 0;  // by state
  int sent = 0;                                       // submitted + returned + approved
  int on_time = 0, late = 0;                          // of the sent with a deadline, by their first sending
  int overdue = 0;                                    // never sent, deadline passed: Quá hạn, chưa gửi
  int judged = 0;                                     // the sent with a deadline: on_time + late
  // Percentages to 2 decimals, half up (rate_of): completeness = sent ÷ expected, approved ÷ expected, on
  // time ÷ sent (of those with a deadline); nullopt when there is nothing to divide by.
  std::optional<Rate> sent_share, approved_share, on_time_share;
};

StatusCounts count_statuses(const std::vector<StatusLine>& lines, std::int64_t now);

// What the dashboard's filter by state keeps.
enum class StatusFilter { All, Entering, Submitted, Returned, Approved, Overdue, Late };
bool status_matches(StatusFilter filter, const StatusLine& line, std::int64_t now);

}  // namespace kehoach
