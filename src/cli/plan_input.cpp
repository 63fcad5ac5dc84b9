#include "cli/plan_input.h"

#include "compute/appendix.h"
#include "read/plan_reader.h"
#include "read/statistics_reader.h"
#include "read/table_file.h"

namespace kehoach {

PlanInput load_plan(const std::string& plan_file) {
  Plan plan = read_plan(plan_file);
  const Statistics statistics = read_statistics(read_table_file(plan.statistics_path, plan.statistics_sheet));
  AppendixTable table = build_appendix(plan, statistics);
  return {std::move(plan), std::move(table)};
}

}  // namespace kehoach
