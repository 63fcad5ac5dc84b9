#include "model/period.h"

namespace kehoach {

std::optional<Period> parse_period(const std::string& text) {
  if (text == "q1" || text == "3m") return Period::Q1;
  if (text == "6m" || text == "h1") return Period::H1;
  if (text == "9m" || text == "q3") return Period::Q3;
  if (text == "year" || text == "12m") return Period::Year;
  return std::nullopt;
}

const char* period_key(Period period) {
  switch (period) {
    case Period::Q1: return "q1";
    case Period::H1: return "6m";
    case Period::Q3: return "9m";
    case Period::Year: break;
  }
  return "year";
}

int period_last_month(Period period) { return 3 * (static_cast<int>(period) + 1); }

// A steady pace through the year: a quarter of the target by March, half by June, …
Rate default_threshold(Period period) { return Rate{2500 * (static_cast<int>(period) + 1)}; }

}  // namespace kehoach
