#pragma once
// A top unit's targets split down its hierarchy, level by level, by the appendix's rules: at every
// unit, its reduction is shared among its children after their fixed figures, by largest remainder
// in proportion to their start counts. Each unit's children therefore add up to it exactly, and a
// commune's table is the appendix of its own plan.
#include <optional>
#include <vector>

#include "model/appendix_table.h"
#include "model/cascade.h"
#include "model/unit_tree.h"

namespace kehoach {

struct CascadeResult {
  int top = 0;  // the unit the targets belong to: the file's single top unit, or the root of several
  std::vector<std::optional<AppendixTable>> tables;  // per node: the table of its children (none for the lowest)
  std::vector<std::size_t> row_in_parent;             // per node: its row in its parent's table
  // A unit's figures: its row in its parent's table, and for the top its own table's total.
  const AppendixRow* row_of(const UnitTree& tree, int node) const;
  // The top, then every unit below it, each parent before its children.
  std::vector<int> units_from_top(const UnitTree& tree) const;
};

// Throws InputError naming the cascade file when a target cannot be met at some level, or a fixed
// figure names a unit that is not there.
CascadeResult split_cascade(const UnitTree& tree, const CascadeSpec& spec);

}  // namespace kehoach
