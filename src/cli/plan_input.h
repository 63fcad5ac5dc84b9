#pragma once
#include <string>

#include "model/appendix_table.h"
#include "model/plan.h"

namespace kehoach {

struct PlanInput {
  Plan plan;
  AppendixTable table;  // the plan's targets split among the units of its statistics
};

// What every plan command starts from: the plan file read, its statistics read, the figures
// computed. Throws InputError.
PlanInput load_plan(const std::string& plan_file);

}  // namespace kehoach
