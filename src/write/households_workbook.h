#pragma once
// The household review summed up per unit, as Excel: a summary sheet (households, members, poor and
// near-poor with rates, middle income, the groups of the plan narrative), the deprivations per
// indicator, and, when two lists were compared, the movements of the period.
#include <optional>
#include <string>

#include "model/households_report.h"
#include "package/atomic_file.h"

namespace kehoach {

// Lines that say what the figures come from and what was left out, without file names: under
// every table and in JSON (whose "records" keep the files).
std::vector<std::string> households_notes(const HouseholdsReport& report);

// "XÃ AN HÒA THỊNH": the unit every record is in, as a title names it, its level word from the unit
// column when the name lacks it; the deepest such unit that still has units below it. "" when the
// records span several top units.
std::string records_area(const UnitTree& units);

// Sheets: "Tổng hợp"; the deprivations of the poor and of the near-poor on a sheet each; with a
// start list, the movements of each on a sheet each. Every sheet prints one A4 landscape page wide
// at the size of the plan's appendix. Written into `file`, which the caller commits; throws OutputError.
void write_households_workbook(const HouseholdsReport& report, const AtomicFile& file, long long timestamp);

}  // namespace kehoach
