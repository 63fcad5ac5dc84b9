#include <doctest/doctest.h>

#include "compute/submission_status.h"

using namespace kehoach;

namespace {

constexpr std::int64_t kHour = 3600, kDay = 24 * kHour;
// 2026-06-10 16:59:59 UTC: the last second of 10/06/2026 in Vietnam (23:59:59 UTC+7).
constexpr std::int64_t kEndOfTenthJune = 1781110799;
const Date kTenthJune{2026, 6, 10};

}  // namespace

TEST_CASE("a day in Vietnam begins at 17:00 UTC the day before and ends at 16:59:59 UTC") {
  CHECK(vietnam_day_end(kTenthJune) == kEndOfTenthJune);
  CHECK(vietnam_day(kEndOfTenthJune) == kTenthJune);
  CHECK(vietnam_day(kEndOfTenthJune + 1) == Date{2026, 6, 11});
  CHECK(vietnam_day(1780000000) == Date{2026, 5, 29});  // 20:26:40 UTC on 28/05 is 03:26:40 on 29/05 in Vietnam
  CHECK(vietnam_day(1798736400) == Date{2027, 1, 1});   // 17:00 UTC on New Year's Eve
  CHECK(vietnam_day(1798736399) == Date{2026, 12, 31});
  CHECK(vietnam_day(vietnam_day_end({2028, 2, 29})) == Date{2028, 2, 29});
  CHECK(vietnam_day_end({2028, 3, 1}) - vietnam_day_end({2028, 2, 28}) == 2 * kDay);
  CHECK(vietnam_day(-25200) == Date{1970, 1, 1});  // 17:00 UTC on 31/12/1969: midnight in Vietnam
  CHECK(vietnam_day(-25201) == Date{1969, 12, 31});
}

TEST_CASE("the deadline that holds: the nearest unit above that gives one, its own setting before its plan's schedule") {
  CHECK_FALSE(deadline_that_holds({}).has_value());
  CHECK_FALSE(deadline_that_holds({{}, {}}).has_value());
  const Date set{2026, 7, 15}, planned{2026, 7, 10}, higher{2026, 7, 20};
  const auto own = deadline_that_holds({{set, planned}, {higher, std::nullopt}});
  REQUIRE(own);
  CHECK(own->due == set);
  CHECK(own->origin == DeadlineOrigin::SetOnDashboard);
  CHECK(own->level == 0);
  const auto from_plan = deadline_that_holds({{std::nullopt, planned}, {higher, std::nullopt}});
  REQUIRE(from_plan);
  CHECK(from_plan->due == planned);
  CHECK(from_plan->origin == DeadlineOrigin::PlanSchedule);
  const auto from_above = deadline_that_holds({{}, {std::nullopt, higher}});
  REQUIRE(from_above);
  CHECK(from_above->due == higher);
  CHECK(from_above->origin == DeadlineOrigin::PlanSchedule);
  CHECK(from_above->level == 1);
}

TEST_CASE("on time is the first sending by the end of the deadline's day in Vietnam, to the second") {
  CHECK(timeliness(kTenthJune, kEndOfTenthJune, kEndOfTenthJune + 30 * kDay) == Timeliness::OnTime);
  CHECK(timeliness(kTenthJune, kEndOfTenthJune + 1, kEndOfTenthJune + 1) == Timeliness::Late);
  CHECK(timeliness(kTenthJune, kEndOfTenthJune - 20 * kDay, kEndOfTenthJune - 19 * kDay) == Timeliness::OnTime);
  // Not sent: not due until the day has ended, then overdue.
  CHECK(timeliness(kTenthJune, std::nullopt, kEndOfTenthJune) == Timeliness::NotDue);
  CHECK(timeliness(kTenthJune, std::nullopt, kEndOfTenthJune + 1) == Timeliness::Overdue);
  // No deadline: neither.
  CHECK(timeliness(std::nullopt, kEndOfTenthJune, kEndOfTenthJune) == Timeliness::NoDeadline);
  CHECK(timeliness(std::nullopt, std::nullopt, kEndOfTenthJune + 90 * kDay) == Timeliness::NoDeadline);
}

TEST_CASE("the counts and percentages of a period: sent, approved, on time, overdue") {
  const std::int64_t now = kEndOfTenthJune + 10 * kDay;
  const std::vector<StatusLine> lines{
      {SubmissionState::Approved, kEndOfTenthJune - 5 * kDay, kTenthJune},      // on time
      {SubmissionState::Approved, kEndOfTenthJune + 2 * kDay, kTenthJune},      // late
      {SubmissionState::Submitted, kEndOfTenthJune, kTenthJune},                // on time, at the last second
      {SubmissionState::Returned, kEndOfTenthJune + 1, kTenthJune},             // late, by a second
      {SubmissionState::Entering, std::nullopt, kTenthJune},                    // never sent: overdue
      {SubmissionState::Entering, kEndOfTenthJune - 9 * kDay, kTenthJune},      // reopened: not sent, not overdue
      {SubmissionState::Entering, std::nullopt, std::nullopt},                  // no deadline
  };
  const StatusCounts counts = count_statuses(lines, now);
  CHECK(counts.expected == 7);
  CHECK(counts.entering == 3);
  CHECK(counts.submitted == 1);
  CHECK(counts.returned == 1);
  CHECK(counts.approved == 2);
  CHECK(counts.sent == 4);
  CHECK(counts.on_time == 2);
  CHECK(counts.late == 2);
  CHECK(counts.judged == 4);
  CHECK(counts.overdue == 1);
  REQUIRE(counts.sent_share);
  CHECK(counts.sent_share->hundredths == 5714);      // 4 ÷ 7 = 57,14%
  REQUIRE(counts.approved_share);
  CHECK(counts.approved_share->hundredths == 2857);  // 2 ÷ 7 = 28,57%
  REQUIRE(counts.on_time_share);
  CHECK(counts.on_time_share->hundredths == 5000);   // 2 ÷ 4

  // Before the deadline has passed nobody is overdue, and the shares round half up.
  const std::vector<StatusLine> early{{SubmissionState::Submitted, kEndOfTenthJune - kDay, kTenthJune},
                                      {SubmissionState::Entering, std::nullopt, kTenthJune},
                                      {SubmissionState::Entering, std::nullopt, kTenthJune}};
  const StatusCounts before = count_statuses(early, kEndOfTenthJune);
  CHECK(before.overdue == 0);
  CHECK(before.sent_share->hundredths == 3333);  // 1 ÷ 3 = 33,33%
  CHECK(count_statuses(early, kEndOfTenthJune + 1).overdue == 2);
  std::vector<StatusLine> eight(8, StatusLine{});
  eight[0] = {SubmissionState::Approved, kEndOfTenthJune, kTenthJune};
  CHECK(count_statuses(eight, now).approved_share->hundredths == 1250);  // 1 ÷ 8 = 12,5%
  const std::vector<StatusLine> three{{SubmissionState::Approved, kEndOfTenthJune, kTenthJune},
                                      {SubmissionState::Approved, kEndOfTenthJune, kTenthJune},
                                      {SubmissionState::Entering, std::nullopt, std::nullopt}};
  CHECK(count_statuses(three, now).sent_share->hundredths == 6667);  // 2 ÷ 3 = 66,666…: 66,67%

  // Nothing to divide by: no share.
  const StatusCounts none = count_statuses({}, now);
  CHECK(none.expected == 0);
  CHECK_FALSE(none.sent_share.has_value());
  CHECK_FALSE(none.approved_share.has_value());
  CHECK_FALSE(none.on_time_share.has_value());
  const StatusCounts undated = count_statuses({{SubmissionState::Submitted, now, std::nullopt}}, now);
  CHECK(undated.sent == 1);
  CHECK(undated.judged == 0);
  CHECK_FALSE(undated.on_time_share.has_value());
}

TEST_CASE("the filter by state keeps the lines of that state, the overdue and the late") {
  const std::int64_t now = kEndOfTenthJune + 10 * kDay;
  const StatusLine approved_late{SubmissionState::Approved, kEndOfTenthJune + kHour, kTenthJune};
  const StatusLine submitted{SubmissionState::Submitted, kEndOfTenthJune - kHour, kTenthJune};
  const StatusLine returned{SubmissionState::Returned, kEndOfTenthJune - kHour, kTenthJune};
  const StatusLine overdue{SubmissionState::Entering, std::nullopt, kTenthJune};
  const StatusLine undated{SubmissionState::Entering, std::nullopt, std::nullopt};
  for (const StatusLine& line : {approved_late, submitted, returned, overdue, undated})
    CHECK(status_matches(StatusFilter::All, line, now));
  CHECK(status_matches(StatusFilter::Approved, approved_late, now));
  CHECK_FALSE(status_matches(StatusFilter::Approved, submitted, now));
  CHECK(status_matches(StatusFilter::Submitted, submitted, now));
  CHECK_FALSE(status_matches(StatusFilter::Submitted, returned, now));
  CHECK(status_matches(StatusFilter::Returned, returned, now));
  CHECK(status_matches(StatusFilter::Entering, overdue, now));
  CHECK(status_matches(StatusFilter::Entering, undated, now));
  CHECK(status_matches(StatusFilter::Overdue, overdue, now));
  CHECK_FALSE(status_matches(StatusFilter::Overdue, overdue, kEndOfTenthJune));
  CHECK_FALSE(status_matches(StatusFilter::Overdue, undated, now));
  CHECK(status_matches(StatusFilter::Late, approved_late, now));
  CHECK_FALSE(status_matches(StatusFilter::Late, submitted, now));
  CHECK_FALSE(status_matches(StatusFilter::Late, overdue, now));
}
