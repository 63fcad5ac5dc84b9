#include "compute/appendix.h"

#include <algorithm>
#include <map>

#include "compute/allocation.h"
#include "compute/rate.h"
#include "compute/rate_target.h"
#include "model/input_error.h"
#include "model/unit_level.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

long long start_of(const UnitStatistics& unit, Indicator indicator) {
  return indicator == Indicator::Poor ? unit.poor : unit.near_poor;
}

// "Tu Hiep" for "Tứ Hiệp": the commonest slip in a typed name is the diacritics.
std::string suggestion(const std::string& wanted, const Statistics& statistics) {
  for (const auto& unit : statistics.units)
    if (fold(unit.name) == fold(wanted)) return " Có phải là \"" + unit.name + "\"?";
  std::string names;
  for (const auto& unit : statistics.units) names += (names.empty() ? "" : ", ") + unit.name;
  return " Các đơn vị trong tệp: " + names + ".";
}

std::vector<AllocationUnit> allocation_units(const Plan& plan, const Target& target,
                                             const Statistics& statistics) {
  std::vector<AllocationUnit> units;
  std::map<std::string, std::size_t> index_by_key;  // only when there are names to look up: a
  for (const auto& unit : statistics.units) {        // country's villages would cost seconds of Unicode work
    if (!target.fixed.empty()) index_by_key[name_key(unit.name)] = units.size();
    units.push_back({unit.name, start_of(unit, target.indicator), std::nullopt});
  }
  for (const auto& fixed : target.fixed) {
    auto found = index_by_key.find(name_key(fixed.unit));
    if (found == index_by_key.end())
      throw InputError(Location{plan.file, {}, {}, {}},
                       "chỉ tiêu " + std::string(indicator_households(target.indicator)) + " giao cho \"" +
                           fixed.unit + "\" nhưng tệp thống kê " + statistics.source +
                           " không có đơn vị này." + suggestion(fixed.unit, statistics));
    AllocationUnit& unit = units[found->second];
    unit.fixed = fixed.all ? unit.start : fixed.reduction;
  }
  return units;
}

long long target_reduction(const Target& target, long long start, long long households) {
  if (target.reduce) return *target.reduce;
  const long long allowed_end = largest_count_within_rate(households, *target.end_rate);
  return allowed_end >= start ? 0 : start - allowed_end;  // already at or below the rate
}

// The level a unit without a level word in its name has: the one the column names (the plan's own
// label first), else the one the issuer's units usually are (a xã's thôn, a huyện's xã).
const UnitLevel* unnamed_level(const Plan& plan, const Statistics& statistics) {
  for (const std::string& header : {plan.unit_label, statistics.unit_column}) {
    const std::vector<const UnitLevel*> levels = header_levels(header);
    if (!levels.empty()) return levels.front();
  }
  const UnitLevel* issuer = split_level(area_of(plan.unit)).level;
  return issuer ? usual_child(*issuer) : nullptr;
}

// The column header: the plan's, else the levels the names carry ("Tổ dân phố 1" under a column "Thôn"
// is a tổ dân phố; "Phường …" and "Xã …" under "Xã" are "Xã, phường"), else the column as written.
std::string column_label(const Plan& plan, const Statistics& statistics, const std::vector<const UnitLevel*>& levels,
                         bool named) {
  if (!plan.unit_label.empty()) return plan.unit_label;
  if (!named || std::find(levels.begin(), levels.end(), nullptr) != levels.end()) return statistics.unit_column;
  return levels_phrase(levels, true);
}

IndicatorFigures figures(long long households, long long start, long long reduction) {
  IndicatorFigures f;
  f.start = start;
  f.reduction = reduction;
  f.end = start - reduction;
  f.start_rate = rate_of(start, households);
  f.reduction_rate = rate_of(reduction, households);
  f.end_rate = rate_of(f.end, households);
  return f;
}

}  // namespace

AppendixTable build_appendix(const Plan& plan, const Statistics& statistics) {
  AppendixTable table;
  table.year = plan.year;
  table.total.name = kTotalLabel;
  const UnitLevel* fallback = unnamed_level(plan, statistics);
  std::vector<const UnitLevel*> levels;
  bool named = false;
  for (const auto& unit : statistics.units) {
    bool own = false;
    levels.push_back(level_of(unit.name, fallback, &own));
    named = named || own;
    table.rows.push_back({unit.name, levels.back() ? levels.back()->word : "", unit.households, {}});
    table.total.households += unit.households;
  }
  table.unit_label = column_label(plan, statistics, levels, named);

  for (const auto& target : plan.targets) {
    const std::vector<AllocationUnit> units = allocation_units(plan, target, statistics);
    long long start_total = 0;
    for (const auto& unit : units) start_total += unit.start;

    IndicatorTarget summary{target.indicator, target_reduction(target, start_total, table.total.households),
                            target.end_rate.has_value(), target.end_rate.value_or(Rate{})};
    std::vector<long long> reductions;
    try {
      reductions = allocate_reduction(units, summary.target_reduction, indicator_households(target.indicator));
    } catch (const InputError& e) {
      throw InputError(Location{plan.file, {}, {}, {}}, e.problem());
    }
    for (std::size_t i = 0; i < units.size(); ++i) {
      table.rows[i].figures.push_back(figures(table.rows[i].households, units[i].start, reductions[i]));
      table.rows[i].figures.back().fixed = units[i].fixed.has_value();
    }
    table.total.figures.push_back(figures(table.total.households, start_total, summary.target_reduction));
    table.indicators.push_back(summary);
  }
  return table;
}

}  // namespace kehoach
