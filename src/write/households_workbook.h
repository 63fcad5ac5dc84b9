#pragma once
// The household review summed up per unit, as Excel: a summary sheet (households, members, poor and
// near-poor with rates, middle income, the groups of the plan narrative), the deprivations per
// indicator, and, when two lists were compared, the movements of the period.
#include <optional>
#include <string>

#include "compute/record_movements.h"
#include "model/poverty_standard.h"
#include "model/unit_tree.h"
#include "read/household_reader.h"

namespace kehoach {

struct HouseholdsReport {
  const PovertyStandard& standard;
  const RecordsSummary& records;
  const UnitTree& units;
  const RecordMovements* movements = nullptr;  // with a start list
  const RecordsSummary* start_records = nullptr;
};

// Lines that say where the figures come from and what was left out: under every table and in JSON.
std::vector<std::string> households_notes(const HouseholdsReport& report);

// The same from what they are made of: the end list (or the only one), the start list when two were
// compared, and the standard. Plans and reports from records carry these lines too.
std::vector<std::string> households_notes(const PovertyStandard& standard, const RecordsSummary& records,
                                          const RecordsSummary* start_records = nullptr);

void write_households_workbook(const HouseholdsReport& report, const std::string& path, long long timestamp);

}  // namespace kehoach
