#include "compute/deadlines.h"

#include <Poco/DateTime.h>

#include <algorithm>

namespace kehoach {

long long day_number(const Date& date) {
  // Julian day numbers start at noon; at midnight they are whole plus one half.
  return static_cast<long long>(Poco::DateTime(date.year, date.month, date.day).julianDay() + 0.5) - 2440588;
}

std::vector<Deadline> report_deadlines(const ReportSettings& settings, int plan_year, const Date& today) {
  std::vector<Deadline> deadlines;
  for (const auto& due : settings.schedule) {
    const Date date{due.year ? due.year : plan_year, due.month, due.day};
    Deadline deadline{due.period, date, day_number(date) - day_number(today), std::nullopt, std::nullopt, 0};
    if (auto own = settings.periods.find(due.period); own != settings.periods.end()) {
      deadline.number = own->second.number;
      deadline.issued = own->second.date;
      if (deadline.issued) deadline.days_late = std::max(0LL, day_number(*deadline.issued) - day_number(date));
    }
    deadlines.push_back(deadline);
  }
  std::stable_sort(deadlines.begin(), deadlines.end(),
                   [](const Deadline& a, const Deadline& b) { return day_number(a.due) < day_number(b.due); });
  return deadlines;
}

}  // namespace kehoach
