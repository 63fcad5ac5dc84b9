#include "app/plan_input.h"

#include "app/household_input.h"
#include "compute/appendix.h"
#include "compute/household_tally.h"
#include "model/grid.h"
#include "read/office_reader.h"
#include "read/plan_reader.h"
#include "read/programme_reader.h"
#include "read/statistics_reader.h"
#include "read/table_file.h"
#include "write/records_notes.h"

namespace kehoach {

PlanInput load_plan(const std::string& plan_file, EncodingChoice encoding) {
  Plan plan = read_plan(plan_file);
  plan.offices = std::make_shared<const OfficeBook>(shipped_office_book());
  plan.programme = shipped_programme(plan.year);
  if (!plan.records) {
    const Grid grid = read_table_file(plan.statistics_path, plan.statistics_sheet, encoding);
    const Statistics statistics = read_statistics(grid);
    AppendixTable table = build_appendix(plan, statistics);
    PlanInput input{std::move(plan), std::move(table), std::nullopt, {}};
    input.messages.warnings = grid.notes;
    return input;
  }
  const RecordsSource& source = *plan.records;
  const PovertyStandard standard = choose_standard(source.standard, plan.year);
  const HouseholdCensus census = load_households(source.path, standard, RecordsOptions{source.sheet, source.skip_bad_rows, encoding});
  AppendixTable table = build_appendix(plan, lowest_level_statistics(census.units, source.path));
  // A plan starts the year from the review at the end of the year before.
  table.notes = TableNotes{{noted(census.records, NotedList::Role::Only, plan.year - 1)}, standard};
  PlanInput input{std::move(plan), std::move(table), census.units.nodes.front().tally, {}};
  input.messages.notices.push_back("Danh sách hộ: " + records_on_terminal(census.records) + ".");
  input.messages.warnings = census.records.notes;
  if (!standard.confirmed) input.messages.warnings.push_back(unconfirmed_standard_warning(standard));
  return input;
}

}  // namespace kehoach
