#pragma once
#include <optional>

#include "model/appendix_table.h"
#include "model/movements.h"
#include "model/plan.h"
#include "model/report.h"

namespace kehoach {

// What happened since the start of the year against the plan's targets, per unit and in total:
// end = start − decreases + increases; achieved = start − end; share = achieved / target. Units
// whose share of a target is below the period's threshold are marked behind. Throws InputError
// (naming the movements file, the unit's row and the columns) for a unit of the plan without
// movements, a unit of the file not in the plan, movements that do not balance with a stated end
// count, an end below zero, or a household counted differently in the two tables.
Report build_report(const Plan& plan, const AppendixTable& table, const Movements& movements, Period period,
                    std::optional<Rate> threshold = std::nullopt);

}  // namespace kehoach
