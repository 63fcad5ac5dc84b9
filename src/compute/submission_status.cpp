#include "compute/submission_status.h"

#include "compute/deadlines.h"
#include "compute/rate.h"

namespace kehoach {
namespace {

constexpr std::int64_t kDaySeconds = 24 * 3600;

// Floor division: a moment before 1970 lies in the day before, not the day after.
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The date of a day counted from 1970-01-01 (Howard Hinnant's civil_from_days).
Date date_of_day(std::int64_t days) {
  days += 719468;
  const std::int64_t era = floor_div(days, 146097);
  const std::int64_t of_era = days - era * 146097;
  const std::int64_t year_of_era = (of_era - of_era / 1460 + of_era / 36524 - of_era / 146096) / 365;
  const std::int64_t day_of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

}  // namespace

Date vietnam_day(std::int64_t seconds) { return date_of_day(floor_div(seconds + kVietnamOffsetSeconds, kDaySeconds)); }

std::int64_t vietnam_day_end(const Date& day) {
  return (static_cast<std::int64_t>(day_number(day)) + 1) * kDaySeconds - kVietnamOffsetSeconds - 1;
}

std::optional<SubmissionDeadline> deadline_that_holds(const std::vector<DeadlineCandidate>& nearest_first) {
  for (std::size_t level = 0; level < nearest_first.size(); ++level) {
    const DeadlineCandidate& candidate = nearest_first[level];
    if (candidate.set) return SubmissionDeadline{*candidate.set, DeadlineOrigin::SetOnDashboard, level};
    if (candidate.planned) return SubmissionDeadline{*candidate.planned, DeadlineOrigin::PlanSchedule, level};
  }
  return std::nullopt;
}

Timeliness timeliness(const std::optional<Date>& deadline, const std::optional<std::int64_t>& first_sent, std::int64_t now) {
  if (!deadline) return Timeliness::NoDeadline;
  const std::int64_t end = vietnam_day_end(*deadline);
  if (first_sent) return *first_sent <= end ? Timeliness::OnTime : Timeliness::Late;
  return now > end ? Timeliness::Overdue : Timeliness::NotDue;
}

bool counts_as_sent(SubmissionState state) {
  return state == SubmissionState::Submitted || state == SubmissionState::Returned || state == SubmissionState::Approved;
}

StatusCounts count_statuses(const std::vector<StatusLine>& lines, std::int64_t now) {
  StatusCounts counts;
  for (const StatusLine& line : lines) {
    ++counts.expected;
    switch (line.state) {
      case SubmissionState::Entering: ++counts.entering; break;
      case SubmissionState::Submitted: ++counts.submitted; break;
      case SubmissionState::Returned: ++counts.returned; break;
      case SubmissionState::Approved: ++counts.approved; break;
    }
    const Timeliness judged = timeliness(line.deadline, line.first_sent, now);
    if (counts_as_sent(line.state)) {
      ++counts.sent;
      if (judged == Timeliness::OnTime) ++counts.on_time;
      if (judged == Timeliness::Late) ++counts.late;
    }
    if (judged == Timeliness::Overdue) ++counts.overdue;
  }
  counts.judged = counts.on_time + counts.late;
  if (counts.expected > 0) {
    counts.sent_share = rate_of(counts.sent, counts.expected);
    counts.approved_share = rate_of(counts.approved, counts.expected);
  }
  if (counts.judged > 0) counts.on_time_share = rate_of(counts.on_time, counts.judged);
  return counts;
}

bool status_matches(StatusFilter filter, const StatusLine& line, std::int64_t now) {
  switch (filter) {
    case StatusFilter::All: return true;
    case StatusFilter::Entering: return line.state == SubmissionState::Entering;
    case StatusFilter::Submitted: return line.state == SubmissionState::Submitted;
    case StatusFilter::Returned: return line.state == SubmissionState::Returned;
    case StatusFilter::Approved: return line.state == SubmissionState::Approved;
    case StatusFilter::Overdue: return timeliness(line.deadline, line.first_sent, now) == Timeliness::Overdue;
    case StatusFilter::Late: return timeliness(line.deadline, line.first_sent, now) == Timeliness::Late;
  }
  return false;
}

}  // namespace kehoach
