#pragma once
#include "model/appendix_table.h"
#include "model/plan.h"
#include "model/statistics.h"

namespace kehoach {


// The plan's targets applied to the statistics: each indicator's reduction for the whole unit
// (from a count or an end rate), split among the units after the fixed figures, with every
// rate and total. Throws InputError naming the plan file when the targets cannot be met or name
// a unit the statistics do not have.
AppendixTable build_appendix(const Plan& plan, const Statistics& statistics);

}  // namespace kehoach
