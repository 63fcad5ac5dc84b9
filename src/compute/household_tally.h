#pragma once
// Household records into per-unit figures: each record counted once in its lowest unit, every
// unit above then the sum of its children, so totals agree at every level by construction.
#include <string>
#include <unordered_map>
#include <vector>

#include "model/household.h"
#include "model/poverty_standard.h"
#include "model/statistics.h"
#include "model/unit_tree.h"

namespace kehoach {

// Adds one classified household to a tally.
void count_household(HouseholdTally& tally, const Household& household, Classification classification);

// Builds the unit tree as records arrive. Units are matched by name whatever the case and Unicode
// form ("Thôn 1" under two communes are two units); the first spelling met is kept.
class UnitTreeBuilder {
 public:
  explicit UnitTreeBuilder(std::vector<std::string> levels);
  // The lowest unit of `path` (one name per level, highest first), created when new.
  int unit_of(const std::vector<std::string>& path);
  UnitTree& tree() { return tree_; }

 private:
  int child(int parent, const std::string& name);

  UnitTree tree_;
  std::vector<std::unordered_map<std::string, int>> children_by_key_;  // per node
  std::unordered_map<std::string, int> by_written_path_;               // the path as written → unit
  std::string path_key_;
};

// Every unit's tally made the sum of its children's, bottom up; only lowest units are counted into.
void roll_up(UnitTree& tree);

// The units of the lowest level as the statistics a plan's targets are split over: households,
// poor, near-poor and members of each. Throws InputError (naming `source`) when two units of that
// level share a name under different parents: a plan's table names each unit once.
Statistics lowest_level_statistics(const UnitTree& tree, const std::string& source);

}  // namespace kehoach
