#include "compute/household_tally.h"

#include <map>

#include "compute/classification.h"
#include "model/input_error.h"
#include "text/unicode.h"

namespace kehoach {

void count_household(HouseholdTally& t, const Household& h, Classification classification) {
  ++t.households;
  t.members += h.members;
  if (classification == Classification::MiddleIncome) ++t.middle_income;
  if (classification == Classification::NearPoor) {
    ++t.near_poor;
    t.near_poor_members += h.members;
    for (std::size_t i = 0; i < kDeprivationCount; ++i) t.near_poor_deprived[i] += h.deprived[i];
  }
  if (classification != Classification::Poor) return;
  ++t.poor;
  t.poor_members += h.members;
  ++(h.able_to_work ? t.poor_with_labour : t.poor_without_labour);
  t.poor_social_protection += h.social_protection;
  t.poor_ethnic_minority += h.ethnic_minority;
  t.poor_merit += h.merit;
  for (std::size_t i = 0; i < kDeprivationCount; ++i) t.poor_deprived[i] += h.deprived[i];
}

// Children always come after their parent in `nodes`, so one backward pass adds each unit into
// its parent after all of its own children have been added into it.
void roll_up(UnitTree& tree) {
  for (std::size_t i = tree.nodes.size(); i-- > 1;) {
    UnitNode& node = tree.nodes[i];
    tree.nodes[static_cast<std::size_t>(node.parent)].tally += node.tally;
  }
}

Statistics lowest_level_statistics(const UnitTree& tree, const std::string& source) {
  Statistics statistics;
  statistics.source = source;
  statistics.unit_column = tree.levels.empty() ? "Đơn vị" : tree.levels.back();
  std::map<std::string, int> seen;  // name key → node
  for (int node : tree.at_level(static_cast<int>(tree.levels.size()) - 1)) {
    const UnitNode& unit = tree.nodes[static_cast<std::size_t>(node)];
    auto [previous, inserted] = seen.emplace(name_key(unit.name), node);
    if (!inserted) {
      const auto& other = tree.nodes[static_cast<std::size_t>(previous->second)];
      throw InputError(Location{source, {}, {}, {}},
                       "\"" + unit.name + "\" có ở hai nơi (" + tree.nodes[static_cast<std::size_t>(other.parent)].name +
                           " và " + tree.nodes[static_cast<std::size_t>(unit.parent)].name +
                           "); bảng chỉ tiêu của một kế hoạch ghi mỗi đơn vị một lần, hãy dùng danh sách hộ của riêng "
                           "đơn vị lập kế hoạch.");
    }
    const HouseholdTally& t = unit.tally;
    statistics.units.push_back(UnitStatistics{unit.name, t.households, t.poor, t.near_poor, t.members, 0});
  }
  return statistics;
}

}  // namespace kehoach
