#include <doctest/doctest.h>

#include "compute/deadlines.h"

using namespace kehoach;

TEST_CASE("days are counted across months and leap years") {
  CHECK(day_number({1970, 1, 1}) == 0);
  CHECK(day_number({2022, 6, 10}) - day_number({2022, 6, 1}) == 9);
  CHECK(day_number({2024, 3, 1}) - day_number({2024, 2, 28}) == 2);
  CHECK(day_number({2023, 1, 1}) - day_number({2022, 12, 31}) == 1);
}

TEST_CASE("the report schedule comes in date order with the days left or overdue") {
  ReportSettings settings;
  settings.schedule = {{Period::Year, 10, 11, 0, 9}, {Period::H1, 10, 6, 0, 8}, {Period::Q1, 5, 4, 0, 7}};
  const auto deadlines = report_deadlines(settings, 2022, {2022, 6, 1});
  REQUIRE(deadlines.size() == 3);
  CHECK(deadlines[0].period == Period::Q1);
  CHECK(deadlines[0].days_left == -57);
  CHECK(deadlines[1].period == Period::H1);
  CHECK(deadlines[1].days_left == 9);
  CHECK(deadlines[2].due.month == 11);
}

TEST_CASE("a due date in the next year is written with its year") {
  ReportSettings settings;
  settings.schedule = {{Period::Year, 10, 1, 2023, 3}};
  CHECK(report_deadlines(settings, 2022, {2022, 12, 31})[0].days_left == 10);
}
