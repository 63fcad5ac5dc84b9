#pragma once
#include <optional>
#include <vector>

#include "model/date.h"
#include "model/report_settings.h"

namespace kehoach {

struct Deadline {
  Period period;
  Date due;
  long long days_left = 0;        // from today; negative: overdue by that many days
  std::optional<int> number;      // the report's own number, when the plan file gives it
  std::optional<Date> issued;     // the report's date: it has been issued
  long long days_late = 0;        // issued after the due date by that many days (0: on time)
};

// The plan's report schedule as dates in order, each with the days left from `today`, or, for a
// report the plan file gives a date (`reports: 6m: date`), when it was issued against its due date:
// an issued report is never overdue.
std::vector<Deadline> report_deadlines(const ReportSettings& settings, int plan_year, const Date& today);

// Days from 1970-01-01, for date arithmetic without time zones.
long long day_number(const Date& date);

}  // namespace kehoach
