#pragma once

namespace kehoach {

struct Date {
  int year = 0, month = 0, day = 0;  // day 0: a draft that leaves the day blank
  friend bool operator==(const Date&, const Date&) = default;
};

}  // namespace kehoach
