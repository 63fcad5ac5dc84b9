#include "app/household_input.h"

#include "compute/classification.h"
#include "compute/records_census.h"
#include "model/input_error.h"
#include "read/household_reader.h"
#include "read/standard_reader.h"
#include "read/template_locator.h"

namespace kehoach {
namespace {

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

}  // namespace

PovertyStandard choose_standard(const std::string& file, int year) {
  return file.empty() ? standard_for_year(standards_folder(), year) : read_standard(file);
}

HouseholdCensus load_households(const std::string& path, const PovertyStandard& standard, const RecordsOptions& options) {
  RecordsTally tally;
  HouseholdCensus census;
  census.records = read_households(path, standard, options,
                                   [&](const Household& h) { tally.add(h, classify(h, standard), path); });
  census.units = tally.finish(census.records.levels);
  return census;
}

MovementCensus load_movements(const MovementInput& input, const PovertyStandard& standard, const RecordsOptions& options) {
  MovementCensus census;
  ListMatcher matcher;
  if (input.earlier)
    census.earlier = read_households(*input.earlier, standard, options,
                                     [&](const Household& h) { matcher.add_earlier(h, classify(h, standard)); });
  RecordsOptions start_options = options;
  if (input.start_sheet) start_options.sheet = *input.start_sheet;
  census.start = read_households(input.start, standard, start_options,
                                 [&](const Household& h) { matcher.add_start(h, classify(h, standard), input.start); });
  RecordsTally end_list;  // the end list alone, for its own summary without a second reading
  census.end = read_households(input.end, standard, options, [&](const Household& h) {
    const Classification c = classify(h, standard);
    matcher.add_end(h, c, input.end);
    end_list.add(h, c, input.end);
  });
  check_same_levels(census.start, census.end);
  census.end_units = end_list.finish(census.end.levels);
  census.movements = matcher.finish(census.start.levels);
  return census;
}

}  // namespace kehoach
