#pragma once
// A hierarchy of units with their counts at the lowest level: one row per village (or residential
// group), its units above it in columns named by their level ("Tỉnh", "Xã", "Thôn"; any depth), then
// "Tổng số hộ", "Hộ nghèo", "Hộ cận nghèo" (and optionally "Số khẩu"). The input of a cascade.
#include <string>

#include <vector>

#include "model/unit_tree.h"
#include "text/legacy_encoding.h"

namespace kehoach {

// Read row by row (a country's 100.000 villages never sit in memory as text). Only the lowest units
// carry their counts: compute/household_tally's roll_up() sums them up the tree. Throws
// InputError with file, row and column for a missing column, a bad count, poor + near-poor above the
// households, an empty unit name, and the same unit listed twice.
// `notes`, if given, gets what was converted from TCVN3 or VNI (read/legacy_columns).
UnitTree read_unit_tree(const std::string& path, const std::string& sheet = "",
                        EncodingChoice encoding = EncodingChoice::Auto, std::vector<std::string>* notes = nullptr);

}  // namespace kehoach
