#pragma once
// Units of any depth (province → commune/ward → village, or province → district → commune →
// village) with what the household records add up to in each. The levels are data: the headers
// of the records file's unit columns (domain.md section 8).
#include <array>
#include <string>
#include <vector>

#include "model/household.h"

namespace kehoach {

// What a set of household records adds up to.
struct HouseholdTally {
  long long households = 0, members = 0;
  long long poor = 0, near_poor = 0, middle_income = 0;
  long long poor_members = 0, near_poor_members = 0;
  // The groups of the plan narrative (An Hòa Thịnh, section II), among poor households.
  long long poor_with_labour = 0, poor_without_labour = 0, poor_social_protection = 0;
  long long poor_ethnic_minority = 0, poor_merit = 0;
  std::array<long long, kDeprivationCount> poor_deprived{}, near_poor_deprived{};

  HouseholdTally& operator+=(const HouseholdTally& other);
  bool operator==(const HouseholdTally&) const = default;
};

struct UnitNode {
  std::string name;            // as first written in the file
  int level = -1;              // index into UnitTree::levels; -1 for the root
  int parent = -1;
  std::vector<int> children;   // in order of first appearance
  HouseholdTally tally;
};

struct UnitTree {
  std::vector<std::string> levels;  // "Tỉnh", "Xã", "Thôn"
  std::vector<UnitNode> nodes;      // nodes[0]: the root, everything in the file; parents before children
  std::vector<int> preorder() const;  // every unit below the root, each parent before its children
  std::vector<int> at_level(int level) const;  // in preorder
  // What a table of the tree lists: the root ("Tổng cộng") only when it adds something, that is when
  // there are several top units, then every unit in preorder.
  std::vector<int> listed() const;
};

}  // namespace kehoach
