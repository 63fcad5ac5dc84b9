#include "compute/rate_target.h"

#include "compute/wide_int.h"

#include "compute/rate.h"

namespace kehoach {

long long largest_count_within_rate(long long total, Rate target) {
  if (total <= 0 || target.hundredths < 0) return 0;
  // rate_of is monotone in the count, so estimate from the exact quotient and step to the edge.
  long long count = static_cast<long long>(static_cast<WideInt>(target.hundredths) * total / 10000);
  if (count > total) count = total;
  while (count < total && rate_of(count + 1, total) <= target) ++count;
  while (count > 0 && rate_of(count, total) > target) --count;
  return count;
}

}  // namespace kehoach
