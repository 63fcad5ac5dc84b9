#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "model/appendix_table.h"
#include "model/plan.h"
#include "model/unit_tree.h"

namespace kehoach {

struct PlanInput {
  Plan plan;
  AppendixTable table;  // the plan's targets split among the units of its statistics
  std::optional<HouseholdTally> analysis;  // the whole unit's records added up, when the plan has records
  // For the terminal, not the documents: the household list read (its file) and, when the standard
  // applied is not yet confirmed, the warning.
  std::vector<std::string> read;
  std::string warning;
};

// What every plan command starts from: the plan file read, its statistics read (or computed from
// its household records), the figures computed. Throws InputError.
PlanInput load_plan(const std::string& plan_file);

// Prints the warning on the console's err, and the lists read on its out unless `out` carries JSON.
void tell_plan_input(const PlanInput& input, Console console, const std::string& command, bool json);

}  // namespace kehoach
