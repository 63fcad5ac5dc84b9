#pragma once
// Household records into per-unit figures: each record counted once in its lowest unit, every
// unit above then the sum of its children, so totals agree at every level by construction.
#include <string>
#include <vector>

#include "model/household.h"
#include "model/poverty_standard.h"
#include "model/statistics.h"
#include "model/unit_tree.h"

namespace kehoach {

// Adds one classified household to a tally.
void count_household(HouseholdTally& tally, const Household& household, Classification classification);

// Every unit's tally made the sum of its children's, bottom up; only lowest units are counted into.
void roll_up(UnitTree& tree);

// The units of the lowest level as the statistics a plan's targets are split over: households,
// poor, near-poor and members of each. Throws InputError (naming `source`) when two units of that
// level share a name under different parents: a plan's table names each unit once.
Statistics lowest_level_statistics(const UnitTree& tree, const std::string& source);

}  // namespace kehoach
