#include "compute/classification.h"

#include <algorithm>

namespace kehoach {

int deprivation_count(const Household& household) {
  return static_cast<int>(std::count(household.deprived.begin(), household.deprived.end(), true));
}

Classification classify(const Household& household, const PovertyStandard& standard) {
  const AreaLines& lines = household.area == Area::Urban ? standard.urban : standard.rural;
  if (household.income <= lines.poor)
    return deprivation_count(household) >= standard.poor_deprivations ? Classification::Poor : Classification::NearPoor;
  if (lines.near_poor && household.income <= *lines.near_poor) return Classification::NearPoor;
  if (lines.middle && household.income <= *lines.middle) return Classification::MiddleIncome;
  return Classification::Other;
}

}  // namespace kehoach
