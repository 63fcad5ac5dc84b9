#include "compute/records_census.h"

#include <algorithm>

#include "compute/household_tally.h"
#include "compute/record_movements.h"
#include "model/input_error.h"

namespace kehoach {
namespace {

template <typename T>
T& at_unit(std::vector<T>& per_unit, int unit) {
  if (per_unit.size() <= static_cast<std::size_t>(unit)) per_unit.resize(static_cast<std::size_t>(unit) + 1);
  return per_unit[static_cast<std::size_t>(unit)];
}

}  // namespace

int RecordUnits::unit_of(const Household& household, const std::string& source) {
  if (!builder_) builder_ = std::make_unique<UnitTreeBuilder>(std::vector<std::string>(household.units.size()));
  if (household.units.size() != builder_->tree().levels.size())
    throw InputError(Location{source, household.source_row, {}, {}},
                     "danh sách này ghi đơn vị theo " + std::to_string(household.units.size()) +
                         " cấp, danh sách trước theo " + std::to_string(builder_->tree().levels.size()) +
                         " cấp; các danh sách phải có cùng các cột đơn vị.");
  return builder_->unit_of(household.units);
}

UnitTree RecordUnits::take(const std::vector<std::string>& levels) {
  UnitTree tree = builder_ ? std::move(builder_->tree()) : UnitTreeBuilder(levels).tree();
  tree.levels = levels;
  return tree;
}

void RecordsTally::add(const Household& household, Classification classification, const std::string& source) {
  count_household(at_unit(tallies_, units_.unit_of(household, source)), household, classification);
}

// The tree the records named, each lowest unit with its tally, every unit above the sum below it.
UnitTree RecordsTally::finish(const std::vector<std::string>& levels) {
  UnitTree tree = units_.take(levels);
  tallies_.resize(tree.nodes.size());
  for (std::size_t i = 0; i < tallies_.size(); ++i) tree.nodes[i].tally = tallies_[i];
  roll_up(tree);
  return tree;
}

void ListMatcher::add_earlier(const Household& household, Classification classification) {
  if (classification == Classification::Poor || classification == Classification::NearPoor)
    earlier_.emplace(household.code, classification);
}

void ListMatcher::add_start(const Household& household, Classification classification, const std::string& source) {
  const int unit = units_.unit_of(household, source);
  count_household(at_unit(movements_.start, unit), household, classification);
  start_.emplace(household.code, StartEntry{unit, classification, false});
}

void ListMatcher::add_end(const Household& household, Classification classification, const std::string& source) {
  RecordMovements& m = movements_;
  const int unit = units_.unit_of(household, source);
  HouseholdChange change;
  change.end = classification;
  count_household(at_unit(m.end, unit), household, classification);
  if (auto was = earlier_.find(household.code); was != earlier_.end()) change.earlier = was->second;
  int left_unit = unit;
  if (auto found = start_.find(household.code); found != start_.end()) {
    found->second.seen = true;
    change.start = found->second.classification;
    change.moved = found->second.unit != unit;
    left_unit = found->second.unit;
    ++m.matched;
  } else {
    change.arrived = !household.origin.empty();
    ++(change.arrived ? m.arrived : m.new_households);
  }
  // Both units' counts must exist before references to them are taken.
  const auto needed = static_cast<std::size_t>(std::max(left_unit, unit)) + 1;
  if (m.moves.size() < needed) m.moves.resize(needed);
  count_change(change, m.moves[static_cast<std::size_t>(left_unit)], m.moves[static_cast<std::size_t>(unit)]);
}

RecordMovements ListMatcher::finish(const std::vector<std::string>& levels) {
  RecordMovements& m = movements_;
  for (const auto& [code, entry] : start_) {
    if (entry.seen) continue;
    ++m.left;
    HouseholdChange change;
    change.start = entry.classification;
    MovementCounts unused;
    count_change(change, at_unit(m.moves, entry.unit), unused);
  }
  m.units = units_.take(levels);
  m.start.resize(m.units.nodes.size());
  m.end.resize(m.units.nodes.size());
  m.moves.resize(m.units.nodes.size());
  roll_up(m);
  return std::move(m);
}

}  // namespace kehoach
