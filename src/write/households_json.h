#pragma once
#include <string>

#include "write/households_workbook.h"

namespace kehoach {

// The same figures as the workbook, as JSON: every unit in preorder with its path, level and
// tally (and, with a start list, its movements); the root first as "Tổng cộng" when the file has
// several top units. Aggregates only: no household appears.
std::string households_json(const HouseholdsReport& report);

}  // namespace kehoach
