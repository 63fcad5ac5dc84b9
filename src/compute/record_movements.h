#pragma once
// Movements over a period computed from two household lists (start and end, matched by household
// code) instead of counted by hand: every column of the review forms (domain.md section 5).
#include <array>
#include <optional>
#include <vector>

#include "model/movements.h"
#include "model/poverty_standard.h"
#include "model/record_movements.h"

namespace kehoach {

// One household between the lists.
struct HouseholdChange {
  std::optional<Classification> start, end;  // none: not in that list
  bool moved = false;                        // in both lists, living in different units
  bool arrived = false;                      // only in the end list, split from a household or moved in
  std::optional<Classification> earlier;     // its class in the earlier list, when given and listed there
};

// Counts the change into the columns of the unit it left and the unit it is in at the end (the
// same unit unless it moved):
//   stayed: poor → near-poor, poor → above the line, near-poor → poor, near-poor → above the line,
//           above the line → poor: re-poor when poor in the earlier list, else newly poor (and so for
//           near-poor); a household new in the end list without an origin counts as newly poor/near-poor.
//   left (moved out, merged, dissolved): "other decrease" of its start class in the unit it left.
//   arrived (moved in, or split off with an origin written): "other increase" of its end class.
// Each unit's end count is then its start count minus its decreases plus its increases.
void count_change(const HouseholdChange& change, MovementCounts& left_unit, MovementCounts& end_unit);

// Every unit's start, end and movements made the sums of its children's.
void roll_up(RecordMovements& movements);

// The units of one level as the report's movement table: counts and, as stated end, the end list's.
Movements movements_at_level(const RecordMovements& movements, int level, const std::string& source);

}  // namespace kehoach
