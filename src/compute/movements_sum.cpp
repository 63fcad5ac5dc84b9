#include "compute/movements_sum.h"

#include <map>

#include "text/unicode.h"

namespace kehoach {
namespace {

void add(IndicatorMovements& total, const IndicatorMovements& period, bool first) {
  total.stated_end = period.stated_end;  // the end of the sum is the end of its last period
  if (first) {
    total.counts = period.counts;
    return;
  }
  if (!total.counts || !period.counts) {
    total.counts.reset();  // a period known only by its end count breaks the sum of movements
    return;
  }
  for (std::size_t m = 0; m < kMovementCount; ++m) (*total.counts)[m] += (*period.counts)[m];
}

}  // namespace

Movements sum_movements(const std::vector<Movements>& periods) {
  if (periods.size() == 1) return periods.front();
  Movements total;
  std::map<std::string, std::size_t> index;
  for (std::size_t p = 0; p < periods.size(); ++p) {
    total.source += (p ? ", " : "") + periods[p].source;
    for (const auto& unit : periods[p].units) {
      auto [found, inserted] = index.emplace(name_key(unit.name), total.units.size());
      if (inserted) total.units.push_back({unit.name, unit.source_row, {}, {}, std::nullopt});
      UnitMovements& sum = total.units[found->second];
      sum.end_households = unit.end_households;  // as the stated ends: those of the last period
      add(sum.poor, unit.poor, inserted);
      add(sum.near_poor, unit.near_poor, inserted);
    }
  }
  return total;
}

}  // namespace kehoach
