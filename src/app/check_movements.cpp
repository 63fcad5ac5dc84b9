#include "app/check_movements.h"

#include <algorithm>

#include "app/uploaded_table.h"
#include "compute/report.h"
#include "read/movements_reader.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

bool full(const MovementsCheck& check, int most_problems) {
  return static_cast<int>(check.problems.size()) >= most_problems;
}

// The reader stops at its first problem. A problem in a unit's row is kept and the row set aside, and the
// rest is read again: the next problem comes from a later row, in the reader's own words. A problem of
// the header ends the reading, as does one of the whole table unless it only lacks the rows set aside.
std::optional<Movements> read_all(MovementsCheck& check, int most_problems) {
  int first_data = 0;
  try {
    first_data = movements_first_data_row(check.grid);
  } catch (const InputError& e) {
    check.problems.push_back(e);
    return std::nullopt;
  }
  Grid rest = check.grid;
  while (true) {
    try {
      Movements movements = read_movements(rest);
      if (check.problems.empty()) return movements;
      return std::nullopt;
    } catch (const InputError& e) {
      const Location& where = e.where();
      if (!where.row || *where.row < first_data) {
        if (check.problems.empty()) check.problems.push_back(e);
        return std::nullopt;
      }
      check.problems.push_back(e);
      if (full(check, most_problems)) return std::nullopt;
      const auto bad = std::find_if(rest.rows.begin(), rest.rows.end(),
                                    [&](const GridRow& row) { return row.source_row == *where.row; });
      if (bad == rest.rows.end()) return std::nullopt;  // a row the reader named but the table has not
      rest.rows.erase(bad);
    }
  }
}

// A unit's movements that the report takes without a word: its counts as they were at the start of the
// year, among as many households as it had (or more, where the table gives households at the end).
UnitMovements unchanged(const AppendixTable& table, const AppendixRow& row, bool end_households, int source_row) {
  UnitMovements unit{row.name, source_row, {}, {}, std::nullopt};
  for (std::size_t k = 0; k < table.indicators.size(); ++k) {
    IndicatorMovements& given = table.indicators[k].indicator == Indicator::Poor ? unit.poor : unit.near_poor;
    given.stated_end = row.figures[k].start;
  }
  if (end_households) unit.end_households = row.households;
  return unit;
}

// The report's own checks of the movements, every one: the figures are built as the report builds them;
// a unit whose movements it refuses is kept with its problem and taken as unchanged, a village of the plan
// the table lacks likewise, and the figures built again.
void check_against_plan(MovementsCheck& check, Movements movements, const PlanInput& plan, int most_problems) {
  const bool end_households = std::any_of(movements.units.begin(), movements.units.end(),
                                          [](const UnitMovements& unit) { return unit.end_households.has_value(); });
  const std::size_t most_tries = movements.units.size() + plan.table.rows.size() + 1;
  for (std::size_t tries = 0; tries < most_tries && !full(check, most_problems); ++tries) {
    try {
      build_report(plan.plan, plan.table, movements, Period::H1);
      if (check.problems.empty()) check.movements = std::move(movements);
      return;
    } catch (const InputError& e) {
      check.problems.push_back(e);
      const std::optional<int> row = e.where().row;
      const auto unit = std::find_if(movements.units.begin(), movements.units.end(),
                                     [&](const UnitMovements& u) { return row && u.source_row == *row; });
      if (unit != movements.units.end()) {
        // A unit of the table that is not in the plan is left out; one that is, taken as unchanged.
        const auto in_plan = std::find_if(plan.table.rows.begin(), plan.table.rows.end(),
                                          [&](const AppendixRow& r) { return name_key(r.name) == name_key(unit->name); });
        if (in_plan == plan.table.rows.end()) movements.units.erase(unit);
        else *unit = unchanged(plan.table, *in_plan, end_households, unit->source_row);
        continue;
      }
      // A village of the plan without a row: the first such one, as the report met it.
      const auto missing = std::find_if(plan.table.rows.begin(), plan.table.rows.end(), [&](const AppendixRow& r) {
        return std::none_of(movements.units.begin(), movements.units.end(),
                            [&](const UnitMovements& u) { return name_key(u.name) == name_key(r.name); });
      });
      if (missing == plan.table.rows.end()) return;  // a problem of no unit: nothing more to learn
      movements.units.push_back(unchanged(plan.table, *missing, end_households, 0));
    }
  }
}

}  // namespace

MovementsCheck check_movements_grid(Grid grid, const PlanInput& plan, int most_problems) {
  MovementsCheck check;
  check.grid = std::move(grid);
  if (std::optional<Movements> movements = read_all(check, most_problems))
    check_against_plan(check, std::move(*movements), plan, most_problems);
  return check;
}

MovementsCheck check_movements_file(const std::string& path, const std::string& shown_name, const PlanInput& plan,
                                    int most_problems) {
  UploadedTable table = read_uploaded_table(path, shown_name);
  if (table.problem) {
    MovementsCheck check;
    check.problems.push_back(*table.problem);
    return check;
  }
  return check_movements_grid(std::move(*table.grid), plan, most_problems);
}

}  // namespace kehoach
