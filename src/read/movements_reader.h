#pragma once
#include "model/grid.h"
#include "model/movements.h"

namespace kehoach {

// Movements per unit from a grid laid out like the review forms: a unit column, then for each
// indicator a group ("Hộ nghèo", "Hộ cận nghèo") over its movement columns ("Thoát nghèo thành
// hộ cận nghèo", "Tái nghèo", "Phát sinh mới", …) and optionally its end count ("Cuối kỳ",
// "Hiện nay"). The group may be written once above its columns (two header rows) or before each
// label ("Hộ nghèo - Tái nghèo"); English keys ("poor - re_poor") work too. Empty movement cells
// count as 0. Throws InputError with file, row and column for a bad count, a unit listed twice,
// a label that is no movement, or a file with no movement or end-count column.
Movements read_movements(const Grid& grid);

// The row of the file where its data begins, under its one or two header rows (the row after the table
// when there is none): a problem met above it is one of the header's, not of a unit's row. Throws
// InputError as read_movements does for a header it cannot read.
int movements_first_data_row(const Grid& grid);

}  // namespace kehoach
