#pragma once
// Movements over a period as two household lists give them, per unit of one tree: plain data, counted
// by compute/record_movements and shown by the household workbook and the report.
#include <array>
#include <vector>

#include "model/movements.h"
#include "model/unit_tree.h"

namespace kehoach {

// The seven columns of each indicator, in movement_columns() order.
struct MovementCounts {
  std::array<long long, kMovementCount> poor{}, near_poor{};
  MovementCounts& operator+=(const MovementCounts& other);
  bool operator==(const MovementCounts&) const = default;
};

// What two lists give, per unit of one tree.
struct RecordMovements {
  UnitTree units;                           // units of either list; node tallies unused
  std::vector<HouseholdTally> start, end;   // per node
  std::vector<MovementCounts> moves;        // per node
  long long matched = 0, left = 0, arrived = 0, new_households = 0;  // households, for the summary
};

}  // namespace kehoach
