#pragma once
// What every command that works from a plan file starts from: the plan, its figures, and what the
// terminal should be told about how they were found.
#include <optional>
#include <string>
#include <vector>

#include "app/messages.h"
#include "model/appendix_table.h"
#include "model/plan.h"
#include "model/unit_tree.h"
#include "text/legacy_encoding.h"

namespace kehoach {

struct PlanInput {
  Plan plan;
  AppendixTable table;  // the plan's targets split among the units of its statistics
  std::optional<HouseholdTally> analysis;  // the whole unit's records added up, when the plan has records
  // For the terminal, not the documents: the household list read (its file) and, when the standard
  // applied is not yet confirmed, the warning.
  Messages messages;
};

// What every plan command starts from: the plan file read, its statistics read (or computed from
// its household records), the figures computed. Throws InputError.
// `encoding`: --encoding, for the statistics table or the household list (text/legacy_encoding.h).
PlanInput load_plan(const std::string& plan_file, EncodingChoice encoding = EncodingChoice::Auto);

}  // namespace kehoach
