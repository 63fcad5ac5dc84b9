#pragma once
// Splitting a reduction target among units: what officials do by hand, done exactly.
#include <optional>
#include <string>
#include <vector>

namespace kehoach {

struct AllocationUnit {
  std::string name;
  long long start = 0;                 // count at the start (the most it can reduce)
  std::optional<long long> fixed;      // a figure set in the plan for this unit
};

// Returns each unit's reduction, in input order. Fixed units get their figure; the rest of the
// target is split in proportion to the other units' start counts by the largest-remainder
// method (ties: larger start first, then input order), so the parts add up exactly to `target`
// and no unit is given more than it has. Throws InputError (no location: the caller adds it)
// when the target cannot be met: more than all units have, fixed figures above the target, or
// a fixed figure above what its unit has.
std::vector<long long> allocate_reduction(const std::vector<AllocationUnit>& units, long long target,
                                          const std::string& indicator_words);

}  // namespace kehoach
