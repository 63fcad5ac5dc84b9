#include "model/unit_tree.h"


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

// With a stack of the units still to visit rather than recursion, so that no depth of tree can
// exhaust the call stack.
std::vector<int> UnitTree::preorder() const {
  std::vector<int> order;
  if (nodes.empty()) return order;
  std::vector<int> stack(nodes.front().children.rbegin(), nodes.front().children.rend());
  while (!stack.empty()) {
    const int node = stack.back();
    stack.pop_back();
    order.push_back(node);
    const auto& children = nodes[static_cast<std::size_t>(node)].children;
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
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
