#pragma once
#include <optional>
#include <string>

#include "model/appendix_table.h"
#include "model/plan.h"
#include "model/unit_tree.h"

namespace kehoach {

struct PlanInput {
  Plan plan;
  AppendixTable table;  // the plan's targets split among the units of its statistics
  std::optional<HouseholdTally> analysis;  // the whole unit's records added up, when the plan has records
};

// What every plan command starts from: the plan file read, its statistics read (or computed from
// its household records), the figures computed. Throws InputError.
PlanInput load_plan(const std::string& plan_file);

}  // namespace kehoach
