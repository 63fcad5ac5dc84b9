#pragma once
// What the commands that take household records start from: the standard chosen, the records
// read (streamed), classified and added up per unit.
#include <optional>
#include <string>

#include "compute/record_movements.h"
#include "model/poverty_standard.h"
#include "model/records_summary.h"
#include "model/unit_tree.h"

namespace kehoach {

// The standard in `file` when given, else the shipped one valid in `year`.
PovertyStandard choose_standard(const std::string& file, int year);

struct HouseholdCensus {
  RecordsSummary records;
  UnitTree units;  // rolled up
};

HouseholdCensus load_households(const std::string& path, const PovertyStandard& standard, const RecordsOptions& options);

struct MovementInput {
  std::string start, end;          // the lists at the start and the end of the period
  std::optional<std::string> earlier;  // an earlier list, to tell re-poor from newly poor
  std::optional<std::string> start_sheet;  // the start list's sheet when not the options' one (a plan's own list)
};

struct MovementCensus {
  RecordsSummary start, end;
  std::optional<RecordsSummary> earlier;
  RecordMovements movements;  // rolled up
  UnitTree end_units;         // the end list alone, rolled up: its summary, without a second reading
};

// Both lists must have the same unit columns. Throws InputError.
MovementCensus load_movements(const MovementInput& input, const PovertyStandard& standard, const RecordsOptions& options);

}  // namespace kehoach
