#include "compute/record_movements.h"

namespace kehoach {
namespace {

// Column indices, as movement_columns() orders them.
enum PoorColumn { kToNearPoor, kPoorAboveLine, kPoorOtherDecrease, kFromNearPoor, kRePoor, kNewPoor, kPoorOtherIncrease };
enum NearPoorColumn { kNearPoorAboveLine, kToPoor, kNearPoorOtherDecrease, kFromPoor, kReNearPoor, kNewNearPoor, kNearPoorOtherIncrease };

bool is_poor_or_near(const std::optional<Classification>& c) {
  return c == Classification::Poor || c == Classification::NearPoor;
}

void count_left(Classification start, MovementCounts& unit) {
  if (start == Classification::Poor) ++unit.poor[kPoorOtherDecrease];
  if (start == Classification::NearPoor) ++unit.near_poor[kNearPoorOtherDecrease];
}

void count_arrived(Classification end, MovementCounts& unit) {
  if (end == Classification::Poor) ++unit.poor[kPoorOtherIncrease];
  if (end == Classification::NearPoor) ++unit.near_poor[kNearPoorOtherIncrease];
}

// A household that stayed in its unit (or is new there without an origin).
void count_stayed(const HouseholdChange& c, MovementCounts& unit) {
  const bool was_poor = c.start == Classification::Poor, was_near = c.start == Classification::NearPoor;
  const bool is_poor = c.end == Classification::Poor, is_near = c.end == Classification::NearPoor;
  if (was_poor && is_near) {
    ++unit.poor[kToNearPoor];
    ++unit.near_poor[kFromPoor];
  } else if (was_poor && !is_poor) {
    ++unit.poor[kPoorAboveLine];
  } else if (was_near && is_poor) {
    ++unit.poor[kFromNearPoor];
    ++unit.near_poor[kToPoor];
  } else if (was_near && !is_near) {
    ++unit.near_poor[kNearPoorAboveLine];
  } else if (!is_poor_or_near(c.start) && is_poor) {
    ++unit.poor[c.earlier == Classification::Poor ? kRePoor : kNewPoor];
  } else if (!is_poor_or_near(c.start) && is_near) {
    ++unit.near_poor[c.earlier == Classification::NearPoor ? kReNearPoor : kNewNearPoor];
  }
}

}  // namespace

void count_change(const HouseholdChange& change, MovementCounts& left_unit, MovementCounts& end_unit) {
  const bool left = change.start && (!change.end || change.moved);
  const bool arrived = change.end && (change.moved || (!change.start && change.arrived));
  if (left) count_left(*change.start, left_unit);
  if (arrived) count_arrived(*change.end, end_unit);
  if (!left && !arrived && change.end) count_stayed(change, end_unit);
}

void roll_up(RecordMovements& m) {
  for (std::size_t i = m.units.nodes.size(); i-- > 1;) {
    const auto parent = static_cast<std::size_t>(m.units.nodes[i].parent);
    m.start[parent] += m.start[i];
    m.end[parent] += m.end[i];
    m.moves[parent] += m.moves[i];
  }
}

Movements movements_at_level(const RecordMovements& m, int level, const std::string& source) {
  Movements out;
  out.source = source;
  for (int node : m.units.at_level(level)) {
    const auto i = static_cast<std::size_t>(node);
    UnitMovements unit;
    unit.name = m.units.nodes[i].name;
    unit.poor = IndicatorMovements{m.moves[i].poor, m.end[i].poor};
    unit.near_poor = IndicatorMovements{m.moves[i].near_poor, m.end[i].near_poor};
    unit.end_households = m.end[i].households;
    out.units.push_back(std::move(unit));
  }
  return out;
}

}  // namespace kehoach
