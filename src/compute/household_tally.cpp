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

UnitTreeBuilder::UnitTreeBuilder(std::vector<std::string> levels) {
  tree_.levels = std::move(levels);
  tree_.nodes.push_back(UnitNode{"Tổng cộng", -1, -1, {}, {}});
  children_by_key_.emplace_back();
}

// The written path is looked up first: a million records name a few thousand units, so the
// Unicode work of name_key is done once per spelling, not once per record.
int UnitTreeBuilder::unit_of(const std::vector<std::string>& path) {
  path_key_.clear();
  for (const auto& name : path) {
    path_key_ += name;
    path_key_ += '\x1f';
  }
  if (auto found = by_written_path_.find(path_key_); found != by_written_path_.end()) return found->second;
  int node = 0;
  for (const auto& name : path) node = child(node, name);
  by_written_path_.emplace(path_key_, node);
  return node;
}

int UnitTreeBuilder::child(int parent, const std::string& name) {
  const int node = static_cast<int>(tree_.nodes.size());
  auto [found, inserted] = children_by_key_[static_cast<std::size_t>(parent)].emplace(name_key(name), node);
  if (!inserted) return found->second;
  const int level = tree_.nodes[static_cast<std::size_t>(parent)].level + 1;
  tree_.nodes.push_back(UnitNode{name, level, parent, {}, {}});
  tree_.nodes[static_cast<std::size_t>(parent)].children.push_back(node);
  children_by_key_.emplace_back();  // after the lookup above: this may move the maps
  return node;
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
