#pragma once
#include <vector>

#include "model/movements.h"

namespace kehoach {

// Movements since the start of the year from the files of consecutive periods (quý I, quý II, …):
// each unit's counts added up, its end count the one of the last file that states it. A unit's
// indicator whose movements some file does not give (only an end count) keeps only that end count.
// Units are matched by name whatever the case and Unicode form; the first file's order is kept.
Movements sum_movements(const std::vector<Movements>& periods);

}  // namespace kehoach
