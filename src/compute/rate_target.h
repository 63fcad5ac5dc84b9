#pragma once
#include "text/rate.h"

namespace kehoach {

// A target such as "giảm tỷ lệ hộ nghèo còn 4,93%" names no count; the count it allows is the
// largest end count whose rate, rounded to 2 decimals, does not exceed it:
// largest_count_within_rate(2047, 4,93%) = 101.
long long largest_count_within_rate(long long total, Rate target);

}  // namespace kehoach
