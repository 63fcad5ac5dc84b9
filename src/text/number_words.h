#pragma once
// Numbers as Vietnamese documents write them: thousands with a dot, decimals after a comma (domain.md
// section 3). Every output and every message takes its figures from here.
#include <string>

#include "text/rate.h"

namespace kehoach {

std::string format_count(long long count);      // 2047 -> "2.047"
std::string format_rate(Rate rate);             // {625} -> "6,25"
std::string format_share(Rate share);           // a share of a target: {5000} -> "50", {5926} -> "59,26"

}  // namespace kehoach
