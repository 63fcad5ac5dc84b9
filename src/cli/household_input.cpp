#include "cli/household_input.h"

#include <algorithm>
#include <memory>
#include <ostream>
#include <unordered_map>

#include "compute/classification.h"
#include "compute/household_tally.h"
#include "model/input_error.h"
#include "model/unit_tree_builder.h"
#include "read/standard_reader.h"
#include "read/template_locator.h"
#include "write/records_notes.h"

namespace kehoach {
namespace {

// The unit columns are known only once a file's header is read, so the tree is begun with the
// first record; every later record, of any list, must name as many levels.
class UnitsOfRecords {
 public:
  int unit_of(const Household& household, const std::string& source) {
    if (!builder_) builder_ = std::make_unique<UnitTreeBuilder>(std::vector<std::string>(household.units.size()));
    if (household.units.size() != builder_->tree().levels.size())
      throw InputError(Location{source, household.source_row, {}, {}},
                       "danh sách này ghi đơn vị theo " + std::to_string(household.units.size()) +
                           " cấp, danh sách trước theo " + std::to_string(builder_->tree().levels.size()) +
                           " cấp; các danh sách phải có cùng các cột đơn vị.");
    return builder_->unit_of(household.units);
  }
  UnitTree take(const std::vector<std::string>& levels) {
    UnitTree tree = std::move(builder_->tree());
    tree.levels = levels;
    return tree;
  }

 private:
  std::unique_ptr<UnitTreeBuilder> builder_;
};

std::string level_list(const std::vector<std::string>& levels) {
  std::string out;
  for (const auto& level : levels) out += (out.empty() ? "\"" : ", \"") + level + "\"";
  return out;
}

// The same depth is checked record by record; the same names too, here, once both headers are known.
void check_same_levels(const RecordsSummary& first, const RecordsSummary& second) {
  if (first.levels == second.levels) return;
  throw InputError(Location{second.source, {}, {}, {}},
                   "các cột đơn vị (" + level_list(second.levels) + ") khác với " + first.source + " (" +
                       level_list(first.levels) + "); hai danh sách phải ghi đơn vị theo cùng các cột.");
}

template <typename T>
T& at_unit(std::vector<T>& per_unit, int unit) {
  if (per_unit.size() <= static_cast<std::size_t>(unit)) per_unit.resize(static_cast<std::size_t>(unit) + 1);
  return per_unit[static_cast<std::size_t>(unit)];
}

// The tree the records named, each lowest unit with its tally, every unit above the sum below it.
UnitTree tallied_tree(UnitsOfRecords& units, const std::vector<std::string>& levels, std::vector<HouseholdTally> tallies) {
  UnitTree tree = units.take(levels);
  tallies.resize(tree.nodes.size());
  for (std::size_t i = 0; i < tallies.size(); ++i) tree.nodes[i].tally = tallies[i];
  roll_up(tree);
  return tree;
}

struct StartEntry {
  int unit = 0;
  Classification classification = Classification::Other;
  bool seen = false;  // found again in the end list
};

}  // namespace

PovertyStandard choose_standard(const std::string& file, int year) {
  return file.empty() ? standard_for_year(standards_folder(), year) : read_standard(file);
}

void warn_unconfirmed(std::ostream& err, const std::string& command, const PovertyStandard& standard) {
  const std::string warning = unconfirmed_standard_warning(standard);
  if (!warning.empty()) err << "kehoach " << command << ": " << warning << '\n';
}

HouseholdCensus load_households(const std::string& path, const PovertyStandard& standard, const RecordsOptions& options) {
  UnitsOfRecords units;
  std::vector<HouseholdTally> tallies;
  HouseholdCensus census;
  census.records = read_households(path, standard, options, [&](const Household& h) {
    count_household(at_unit(tallies, units.unit_of(h, path)), h, classify(h, standard));
  });
  census.units = tallied_tree(units, census.records.levels, std::move(tallies));
  return census;
}

MovementCensus load_movements(const MovementInput& input, const PovertyStandard& standard, const RecordsOptions& options) {
  MovementCensus census;
  std::unordered_map<std::string, Classification> earlier;  // poor and near-poor households only
  if (input.earlier)
    census.earlier = read_households(*input.earlier, standard, options, [&](const Household& h) {
      const Classification c = classify(h, standard);
      if (c == Classification::Poor || c == Classification::NearPoor) earlier.emplace(h.code, c);
    });

  UnitsOfRecords units;
  RecordMovements& m = census.movements;
  std::unordered_map<std::string, StartEntry> start;
  RecordsOptions start_options = options;
  if (input.start_sheet) start_options.sheet = *input.start_sheet;
  census.start = read_households(input.start, standard, start_options, [&](const Household& h) {
    const int unit = units.unit_of(h, input.start);
    const Classification c = classify(h, standard);
    count_household(at_unit(m.start, unit), h, c);
    start.emplace(h.code, StartEntry{unit, c, false});
  });

  UnitsOfRecords end_units;
  std::vector<HouseholdTally> end_tallies;
  census.end = read_households(input.end, standard, options, [&](const Household& h) {
    const int unit = units.unit_of(h, input.end);
    HouseholdChange change;
    change.end = classify(h, standard);
    count_household(at_unit(m.end, unit), h, *change.end);
    count_household(at_unit(end_tallies, end_units.unit_of(h, input.end)), h, *change.end);
    if (auto was = earlier.find(h.code); was != earlier.end()) change.earlier = was->second;
    int left_unit = unit;
    if (auto found = start.find(h.code); found != start.end()) {
      found->second.seen = true;
      change.start = found->second.classification;
      change.moved = found->second.unit != unit;
      left_unit = found->second.unit;
      ++m.matched;
    } else {
      change.arrived = !h.origin.empty();
      ++(change.arrived ? m.arrived : m.new_households);
    }
    // Both units' counts must exist before references to them are taken.
    const auto needed = static_cast<std::size_t>(std::max(left_unit, unit)) + 1;
    if (m.moves.size() < needed) m.moves.resize(needed);
    count_change(change, m.moves[static_cast<std::size_t>(left_unit)], m.moves[static_cast<std::size_t>(unit)]);
  });
  check_same_levels(census.start, census.end);

  for (const auto& [code, entry] : start) {
    if (entry.seen) continue;
    ++m.left;
    HouseholdChange change;
    change.start = entry.classification;
    MovementCounts unused;
    count_change(change, at_unit(m.moves, entry.unit), unused);
  }
  census.end_units = tallied_tree(end_units, census.end.levels, std::move(end_tallies));
  m.units = units.take(census.start.levels);
  m.start.resize(m.units.nodes.size());
  m.end.resize(m.units.nodes.size());
  m.moves.resize(m.units.nodes.size());
  roll_up(m);
  return census;
}

}  // namespace kehoach
