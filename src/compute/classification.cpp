#include "compute/classification.h"

#include <algorithm>
#include <stdexcept>

namespace kehoach {

int deprivation_count(const Household& household) {
  return static_cast<int>(std::count(household.deprived.begin(), household.deprived.end(), true));
}

namespace {

// At or below the line: the deprivations decide between poor and near-poor.
Classification by_deprivations(const Household& household, const PovertyStandard& standard) {
  return deprivation_count(household) >= standard.poor_deprivations ? Classification::Poor : Classification::NearPoor;
}

}  // namespace

Classification classify(const Household& household, const PovertyStandard& standard) {
  const AreaLines& lines = household.area == Area::Urban ? standard.urban : standard.rural;
  if (household.scored) {
    // Readers refuse scores under a standard without score lines; this keeps the promise.
    if (!lines.poor_score) throw std::logic_error("classify: a scored household under a standard without score lines");
    if (household.income <= *lines.poor_score) return by_deprivations(household, standard);
    if (lines.middle_score && household.income <= *lines.middle_score) return Classification::MiddleIncome;
    return Classification::Other;
  }
  if (household.income <= lines.poor) return by_deprivations(household, standard);
  if (lines.near_poor && household.income <= *lines.near_poor) return Classification::NearPoor;
  if (lines.middle && household.income <= *lines.middle) return Classification::MiddleIncome;
  return Classification::Other;
}

}  // namespace kehoach
