#pragma once
// The household review summed up, as the household workbook and JSON show it: the standard applied,
// the list (and the start list when two were compared), the units with their tallies, the movements.
#include "model/poverty_standard.h"
#include "model/record_movements.h"
#include "model/records_summary.h"
#include "model/unit_tree.h"

namespace kehoach {

struct HouseholdsReport {
  const PovertyStandard& standard;
  const RecordsSummary& records;
  const UnitTree& units;
  const RecordMovements* movements = nullptr;  // with a start list
  const RecordsSummary* start_records = nullptr;
  int year = 0;  // of the review: the (end) list is the one at the end of this year
};

}  // namespace kehoach
