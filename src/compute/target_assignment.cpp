#include "compute/target_assignment.h"

#include <map>
#include <set>

#include "text/unicode.h"

namespace kehoach {
namespace {

std::string path_key(const std::vector<std::string>& path) {
  std::string key;
  for (const std::string& name : path) key += name_key(name) + '\n';
  return key;
}

// The figures the cascade file fixed as "all", by the unit's path and the indicator.
std::set<std::pair<std::string, Indicator>> fixed_all(const CascadeSpec& spec) {
  std::set<std::pair<std::string, Indicator>> all;
  for (const CascadeFixed& fixed : spec.fixed)
    if (fixed.figure.all) all.emplace(path_key(fixed.path), fixed.indicator);
  return all;
}

std::vector<AssignedFigure> figures_of(const AppendixRow& row, const std::vector<IndicatorTarget>& indicators,
                                       const std::set<std::pair<std::string, Indicator>>& all, const std::string& key) {
  std::vector<AssignedFigure> figures;
  for (std::size_t k = 0; k < indicators.size() && k < row.figures.size(); ++k) {
    const IndicatorFigures& f = row.figures[k];
    const Indicator indicator = indicators[k].indicator;
    const FixedKind fixed = !f.fixed ? FixedKind::Split : all.count({key, indicator}) ? FixedKind::All : FixedKind::Count;
    figures.push_back({indicator, f.start, f.reduction, fixed});
  }
  return figures;
}

}  // namespace

const AssignedFigure* figure_of(const std::vector<AssignedFigure>& figures, Indicator indicator) {
  for (const AssignedFigure& figure : figures)
    if (figure.indicator == indicator) return &figure;
  return nullptr;
}

std::vector<AssignedUnit> assigned_units(const UnitTree& tree, const CascadeResult& cascade, const CascadeSpec& spec) {
  const auto& top_table = cascade.tables[static_cast<std::size_t>(cascade.top)];
  if (!top_table) return {};
  const std::vector<IndicatorTarget>& indicators = top_table->indicators;
  const auto all = fixed_all(spec);
  std::vector<AssignedUnit> units;
  std::map<int, std::vector<std::string>> path_of{{cascade.top, {}}};
  for (int node : cascade.units_from_top(tree)) {
    const UnitNode& unit = tree.nodes[static_cast<std::size_t>(node)];
    if (node != cascade.top) {
      std::vector<std::string> path = path_of[unit.parent];
      path.push_back(unit.name);
      path_of[node] = path;
    }
    const AppendixRow* row = cascade.row_of(tree, node);
    if (!row) continue;
    const std::vector<std::string>& path = path_of[node];
    units.push_back({path, row->households, figures_of(*row, indicators, all, path_key(path))});
  }
  return units;
}

std::optional<UnitTargets> unit_targets(const std::vector<AssignedUnit>& units, const std::vector<std::string>& path) {
  const std::string key = path_key(path);
  const AssignedUnit* found = nullptr;
  for (const AssignedUnit& unit : units)
    if (unit.path.size() == path.size() && path_key(unit.path) == key) found = &unit;
  if (!found) return std::nullopt;
  UnitTargets targets;
  targets.households = found->households;
  targets.own = found->figures;
  for (const AssignedUnit& unit : units) {
    if (unit.path.size() != path.size() + 1) continue;
    const std::vector<std::string> parent(unit.path.begin(), unit.path.end() - 1);
    if (path_key(parent) == key) targets.parts.push_back({unit.path.back(), unit.households, unit.figures});
  }
  return targets;
}

UnitTargets planned_targets(const Plan& plan, const AppendixTable& table) {
  std::set<std::pair<std::string, Indicator>> all;
  for (const Target& target : plan.targets)
    for (const FixedFigure& fixed : target.fixed)
      if (fixed.all) all.emplace(path_key({fixed.unit}), target.indicator);
  UnitTargets targets;
  targets.households = table.total.households;
  targets.own = figures_of(table.total, table.indicators, {}, "");
  for (const AppendixRow& row : table.rows)
    targets.parts.push_back({row.name, row.households, figures_of(row, table.indicators, all, path_key({row.name}))});
  return targets;
}

std::vector<TargetDifference> target_differences(const UnitTargets& assigned, const UnitTargets& planned) {
  std::vector<TargetDifference> differences;
  std::map<std::string, const UnitTargets::Part*> planned_parts;
  for (const UnitTargets::Part& part : planned.parts) planned_parts.emplace(name_key(part.name), &part);
  std::set<std::string> assigned_keys;
  for (const UnitTargets::Part& part : assigned.parts) assigned_keys.insert(name_key(part.name));
  for (const AssignedFigure& given : assigned.own) {
    const Indicator indicator = given.indicator;
    const AssignedFigure* own = figure_of(planned.own, indicator);
    if (!own) {
      differences.push_back({"", indicator, given.reduction, std::nullopt});
      continue;
    }
    if (own->reduction != given.reduction) differences.push_back({"", indicator, given.reduction, own->reduction});
    for (const UnitTargets::Part& part : assigned.parts) {
      const AssignedFigure* assigned_figure = figure_of(part.figures, indicator);
      if (!assigned_figure) continue;
      const auto found = planned_parts.find(name_key(part.name));
      const AssignedFigure* planned_figure = found == planned_parts.end() ? nullptr : figure_of(found->second->figures, indicator);
      if (!planned_figure) {
        if (assigned_figure->reduction != 0) differences.push_back({part.name, indicator, assigned_figure->reduction, std::nullopt});
      } else if (planned_figure->reduction != assigned_figure->reduction) {
        differences.push_back({part.name, indicator, assigned_figure->reduction, planned_figure->reduction});
      }
    }
    for (const UnitTargets::Part& part : planned.parts) {
      if (assigned_keys.count(name_key(part.name))) continue;
      const AssignedFigure* planned_figure = figure_of(part.figures, indicator);
      if (planned_figure && planned_figure->reduction != 0)
        differences.push_back({part.name, indicator, std::nullopt, planned_figure->reduction});
    }
  }
  return differences;
}

}  // namespace kehoach
