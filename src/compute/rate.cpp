#include "compute/rate.h"

#include "compute/wide_int.h"

namespace kehoach {

Rate rate_of(long long count, long long total) {
  if (total <= 0) return Rate{0};
  // hundredths of a percent = count * 10000 / total; adding total/2 before dividing rounds
  // half up. Doubled to keep the half exact for odd totals.
  const WideInt doubled = static_cast<WideInt>(count) * 20000 + total;
  return Rate{static_cast<std::int64_t>(doubled / (2 * static_cast<WideInt>(total)))};
}

}  // namespace kehoach
