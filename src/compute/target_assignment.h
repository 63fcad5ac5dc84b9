#pragma once
// Targets given from above (model/target_assignment.h) as the figures of a cascade: every unit of a province's
// split (compute/cascade.h, the same split `kehoach batch` makes), one plan unit's part of it, and where a
// plan departs from that part. No I/O.
#include <optional>
#include <string>
#include <vector>

#include "compute/cascade.h"
#include "model/appendix_table.h"
#include "model/cascade.h"
#include "model/plan.h"
#include "model/target_assignment.h"
#include "model/unit_tree.h"

namespace kehoach {

// Every unit of the split from the top down, each parent before its children: the top with its own table's
// total, every other unit with its row in its parent's table. A figure the cascade file fixed is marked as it
// was fixed: a count, or "all".
std::vector<AssignedUnit> assigned_units(const UnitTree& tree, const CascadeResult& cascade, const CascadeSpec& spec);

// The targets of the unit at `path` (names below the top, compared as name_key compares them): its own figures
// and its children's, in the split's order. Nullopt when the split has no such unit.
std::optional<UnitTargets> unit_targets(const std::vector<AssignedUnit>& units, const std::vector<std::string>& path);

// A plan's figures in the same form: its appendix's total and rows, a row fixed as the plan fixed it (a count,
// or "all").
UnitTargets planned_targets(const Plan& plan, const AppendixTable& table);

// Where `planned` departs from `assigned`, for each indicator assigned (one the assignment does not have is the
// unit's own to set): the unit's own reduction, then each village of the assignment in its order, then the
// villages the plan has and the assignment does not, when it gives them a reduction. Villages are matched by
// name as name_key compares them; an indicator the plan does not target at all departs as a whole.
std::vector<TargetDifference> target_differences(const UnitTargets& assigned, const UnitTargets& planned);

// A figure of an indicator among `figures`, or null.
const AssignedFigure* figure_of(const std::vector<AssignedFigure>& figures, Indicator indicator);

}  // namespace kehoach
