#pragma once
#include <optional>
#include <string>

#include "text/rate.h"

namespace kehoach {

enum class Period { Q1, H1, Q3, Year };  // 3, 6, 9 months and the year; all cumulative from 1 January

// "q1", "6m", "9m", "year" as written on the command line and in plan files.
std::optional<Period> parse_period(const std::string& text);
const char* period_key(Period period);
int period_last_month(Period period);   // 3, 6, 9, 12
Rate default_threshold(Period period);  // 25%, 50%, 75%, 100% of the year's target

}  // namespace kehoach
