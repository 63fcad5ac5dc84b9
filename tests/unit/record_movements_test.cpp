#include <doctest/doctest.h>

#include "compute/record_movements.h"

using namespace kehoach;

namespace {

using C = Classification;

// The seven columns of each indicator after counting one change in a unit it did not leave.
MovementCounts stayed(std::optional<C> start, std::optional<C> end, std::optional<C> earlier = std::nullopt) {
  MovementCounts unit;
  HouseholdChange change;
  change.start = start;
  change.end = end;
  change.earlier = earlier;
  count_change(change, unit, unit);
  return unit;
}

using Seven = std::array<long long, kMovementCount>;

}  // namespace

TEST_CASE("a household that stays in its unit moves between the columns of the forms") {
  CHECK(stayed(C::Poor, C::NearPoor).poor == Seven{1, 0, 0, 0, 0, 0, 0});
  CHECK(stayed(C::Poor, C::NearPoor).near_poor == Seven{0, 0, 0, 1, 0, 0, 0});
  CHECK(stayed(C::Poor, C::MiddleIncome).poor == Seven{0, 1, 0, 0, 0, 0, 0});
  CHECK(stayed(C::Poor, C::Other).poor == Seven{0, 1, 0, 0, 0, 0, 0});
  CHECK(stayed(C::Poor, C::Other).near_poor == Seven{});
  CHECK(stayed(C::NearPoor, C::Poor).poor == Seven{0, 0, 0, 1, 0, 0, 0});
  CHECK(stayed(C::NearPoor, C::Poor).near_poor == Seven{0, 1, 0, 0, 0, 0, 0});
  CHECK(stayed(C::NearPoor, C::MiddleIncome).near_poor == Seven{1, 0, 0, 0, 0, 0, 0});
  CHECK(stayed(C::MiddleIncome, C::Poor).poor == Seven{0, 0, 0, 0, 0, 1, 0});
  CHECK(stayed(C::MiddleIncome, C::Poor, C::Poor).poor == Seven{0, 0, 0, 0, 1, 0, 0});
  CHECK(stayed(C::Other, C::NearPoor).near_poor == Seven{0, 0, 0, 0, 0, 1, 0});
  CHECK(stayed(C::Other, C::NearPoor, C::NearPoor).near_poor == Seven{0, 0, 0, 0, 1, 0, 0});
  CHECK(stayed(C::Other, C::NearPoor, C::Poor).near_poor == Seven{0, 0, 0, 0, 0, 1, 0});  // re- only in its own list
  CHECK(stayed(C::Poor, C::Poor) == MovementCounts{});
  CHECK(stayed(C::NearPoor, C::NearPoor) == MovementCounts{});
  CHECK(stayed(C::Other, C::MiddleIncome) == MovementCounts{});
}

TEST_CASE("a household new in the end list is newly poor, or re-poor when poor in the earlier list") {
  CHECK(stayed(std::nullopt, C::Poor).poor == Seven{0, 0, 0, 0, 0, 1, 0});
  CHECK(stayed(std::nullopt, C::Poor, C::Poor).poor == Seven{0, 0, 0, 0, 1, 0, 0});
  CHECK(stayed(std::nullopt, C::NearPoor).near_poor == Seven{0, 0, 0, 0, 0, 1, 0});
  CHECK(stayed(std::nullopt, C::Other) == MovementCounts{});
}

TEST_CASE("leaving, arriving and moving between units are other decreases and increases of the units concerned") {
  MovementCounts left_unit, end_unit;
  HouseholdChange moved{C::Poor, C::NearPoor, true, false, std::nullopt};
  count_change(moved, left_unit, end_unit);
  CHECK(left_unit.poor == Seven{0, 0, 1, 0, 0, 0, 0});
  CHECK(left_unit.near_poor == Seven{});
  CHECK(end_unit.near_poor == Seven{0, 0, 0, 0, 0, 0, 1});
  CHECK(end_unit.poor == Seven{});

  MovementCounts gone;
  count_change(HouseholdChange{C::NearPoor, std::nullopt, false, false, std::nullopt}, gone, gone);
  CHECK(gone.near_poor == Seven{0, 0, 1, 0, 0, 0, 0});

  MovementCounts split;
  count_change(HouseholdChange{std::nullopt, C::Poor, false, true, C::Poor}, split, split);
  CHECK(split.poor == Seven{0, 0, 0, 0, 0, 0, 1});  // an origin makes it "other", even if once poor
}
