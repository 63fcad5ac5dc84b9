#pragma once
#include "text/rate.h"

namespace kehoach {

// count / total as a percentage to 2 decimals, rounded half up: rate_of(128, 2047) = 6,25%.
// A total of 0 gives 0 (an empty unit has no rate to speak of); callers reject such units
// where a rate matters.
Rate rate_of(long long count, long long total);

}  // namespace kehoach
