#include "compute/allocation.h"

#include "compute/wide_int.h"

#include <algorithm>
#include <numeric>

#include "model/input_error.h"

namespace kehoach {
namespace {

std::string households(long long n, const std::string& words) {
  return std::to_string(n) + " " + words;
}

long long sum_fixed(const std::vector<AllocationUnit>& units, const std::string& words) {
  long long fixed_total = 0;
  for (const auto& unit : units) {
    if (!unit.fixed) continue;
    if (*unit.fixed < 0)
      throw InputError("chỉ tiêu giao cho \"" + unit.name + "\" là số âm (" + std::to_string(*unit.fixed) + ").");
    if (*unit.fixed > unit.start)
      throw InputError("chỉ tiêu giao cho \"" + unit.name + "\" là giảm " + households(*unit.fixed, words) +
                       " nhưng đơn vị này chỉ có " + households(unit.start, words) + ".");
    fixed_total += *unit.fixed;
  }
  return fixed_total;
}

}  // namespace

std::vector<long long> allocate_reduction(const std::vector<AllocationUnit>& units, long long target,
                                          const std::string& words) {
  const long long available = std::accumulate(units.begin(), units.end(), 0LL,
                                              [](long long s, const AllocationUnit& u) { return s + u.start; });
  if (target < 0) throw InputError("chỉ tiêu giảm " + words + " là số âm (" + std::to_string(target) + ").");
  if (target > available)
    throw InputError("chỉ tiêu giảm " + households(target, words) + " vượt quá số hiện có (" +
                     households(available, words) + " ở đầu năm).");
  const long long fixed_total = sum_fixed(units, words);
  if (fixed_total > target)
    throw InputError("các chỉ tiêu giao cố định cộng lại là giảm " + households(fixed_total, words) +
                     ", vượt chỉ tiêu chung là giảm " + households(target, words) + ".");

  const long long rest = target - fixed_total;
  long long pool = 0;  // start counts of the units that share the rest
  for (const auto& unit : units)
    if (!unit.fixed) pool += unit.start;
  if (rest > pool)
    throw InputError("sau các chỉ tiêu giao cố định còn phải giảm " + households(rest, words) +
                     " nhưng các đơn vị còn lại chỉ có " + households(pool, words) + ".");

  // Quota of unit i = start_i * rest / pool; floor it and keep the remainder's numerator, so
  // all remainders share the denominator `pool` and compare as integers.
  std::vector<long long> result(units.size(), 0);
  std::vector<std::size_t> sharing;
  std::vector<WideInt> remainder(units.size(), 0);
  long long given = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].fixed) {
      result[i] = *units[i].fixed;
      continue;
    }
    if (pool == 0) continue;
    const WideInt numerator = static_cast<WideInt>(units[i].start) * rest;
    result[i] = static_cast<long long>(numerator / pool);
    remainder[i] = numerator % pool;
    given += result[i];
    sharing.push_back(i);
  }
  std::stable_sort(sharing.begin(), sharing.end(), [&](std::size_t a, std::size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return units[a].start > units[b].start;  // stable: input order breaks the last tie
  });
  // Each of the leftover units has a non-zero remainder, hence quota < start: +1 stays within it.
  for (std::size_t k = 0; given < rest; ++k, ++given) ++result[sharing[k]];
  return result;
}

}  // namespace kehoach
