#pragma once
#include "model/grid.h"
#include "model/received_table.h"

namespace kehoach {

// Finds the header (one or two levels), the unit, households, count and rate columns, the unit
// rows and the total row. Throws InputError when no header with a unit column and at least one
// count column can be found.
ReceivedTable read_received_table(const Grid& grid);

}  // namespace kehoach
