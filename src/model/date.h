#pragma once

namespace kehoach {

struct Date {
  int year = 0, month = 0, day = 0;  // day 0: a draft that leaves the day blank
  friend bool operator==(const Date&, const Date&) = default;
};

// The days of `month` (1–12) in `year`, by the Gregorian calendar: 30 June, 29 February only in a leap year.
inline int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

}  // namespace kehoach
