#include "compute/rate_target.h"

#include "compute/wide_int.h"

namespace kehoach {

// rate_of(c, T) = floor((20000 c + T) / 2T) hundredths (rounded half up). It stays at or below h
// exactly when (20000 c + T) / 2T < h + 1, that is when 20000 c < T (2h + 1): the largest such c
// is floor((T (2h + 1) - 1) / 20000). Arithmetic, not a search, so that a unit of any size answers
// at once; in 128 bits, so that no total overflows.
long long largest_count_within_rate(long long total, Rate target) {
  if (total <= 0 || target.hundredths < 0) return 0;
  const WideInt bound = static_cast<WideInt>(total) * (2 * static_cast<WideInt>(target.hundredths) + 1) - 1;
  const WideInt count = bound / 20000;
  return count > total ? total : static_cast<long long>(count);
}

}  // namespace kehoach
