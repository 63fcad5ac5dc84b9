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

TEST_CASE("a report with its date in the plan file is issued, on time or late by its days, never overdue") {
  ReportSettings settings;
  settings.schedule = {{Period::H1, 10, 6, 0, 8}, {Period::Year, 10, 11, 0, 9}, {Period::Q3, 5, 10, 0, 10}};
  settings.periods[Period::H1].number = 30;
  settings.periods[Period::H1].date = Date{2022, 6, 8};
  settings.periods[Period::Year].date = Date{2022, 11, 14};
  settings.periods[Period::Q3].number = 41;  // a number without a date: not yet issued
  const auto deadlines = report_deadlines(settings, 2022, {2026, 11, 29});
  REQUIRE(deadlines.size() == 3);
  CHECK(deadlines[0].issued == Date{2022, 6, 8});
  CHECK(deadlines[0].number == 30);
  CHECK(deadlines[0].days_late == 0);
  CHECK(deadlines[1].period == Period::Q3);
  CHECK_FALSE(deadlines[1].issued);
  CHECK(deadlines[1].number == 41);
  CHECK(deadlines[2].issued == Date{2022, 11, 14});
  CHECK(deadlines[2].days_late == 4);
}
