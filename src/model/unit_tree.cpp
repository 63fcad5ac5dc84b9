#include "model/unit_tree.h"

#include <functional>

namespace kehoach {

HouseholdTally& HouseholdTally::operator+=(const HouseholdTally& o) {
  households += o.households;
  members += o.members;
  poor += o.poor;
  near_poor += o.near_poor;
  middle_income += o.middle_income;
  poor_members += o.poor_members;
  near_poor_members += o.near_poor_members;
  poor_with_labour += o.poor_with_labour;
  poor_without_labour += o.poor_without_labour;
  poor_social_protection += o.poor_social_protection;
  poor_ethnic_minority += o.poor_ethnic_minority;
  poor_merit += o.poor_merit;
  for (std::size_t i = 0; i < kDeprivationCount; ++i) {
    poor_deprived[i] += o.poor_deprived[i];
    near_poor_deprived[i] += o.near_poor_deprived[i];
  }
  return *this;
}

std::vector<int> UnitTree::preorder() const {
  std::vector<int> order;
  std::function<void(int)> visit = [&](int node) {
    for (int child : nodes[static_cast<std::size_t>(node)].children) {
      order.push_back(child);
      visit(child);
    }
  };
  if (!nodes.empty()) visit(0);
  return order;
}

std::vector<int> UnitTree::listed() const {
  std::vector<int> units;
  if (!nodes.empty() && nodes.front().children.size() > 1) units.push_back(0);
  for (int node : preorder()) units.push_back(node);
  return units;
}

std::vector<int> UnitTree::at_level(int level) const {
  std::vector<int> found;
  for (int node : preorder())
    if (nodes[static_cast<std::size_t>(node)].level == level) found.push_back(node);
  return found;
}

}  // namespace kehoach
