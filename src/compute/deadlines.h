#pragma once
#include <vector>

#include "model/date.h"
#include "model/report_settings.h"

namespace kehoach {

struct Deadline {
  Period period;
  Date due;
  long long days_left = 0;  // negative: overdue by that many days
};

// The plan's report schedule as dates in order, each with the days left from `today`.
std::vector<Deadline> report_deadlines(const ReportSettings& settings, int plan_year, const Date& today);

// Days from 1970-01-01, for date arithmetic without time zones.
long long day_number(const Date& date);

}  // namespace kehoach
