#pragma once
#include "model/grid.h"
#include "model/statistics.h"

namespace kehoach {

// Village statistics from a grid: a unit column, total households, poor and near-poor at the
// start, optionally members. The header may sit below title rows; a total row ("Tổng cộng") and
// anything after it is left out. Throws InputError with file, row and column for a missing
// column, an empty, negative or non-numeric count, a unit listed twice, poor + near-poor above
// the total, a unit without households, and a file with no unit rows.
Statistics read_statistics(const Grid& grid);

}  // namespace kehoach
