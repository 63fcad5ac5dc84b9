#pragma once
// What every reader checks of a unit as a file gives it, whatever the format: its name (not too long,
// nothing hidden in it) and its counts (within what a unit can hold, model/unit_limits.h). Each check
// returns the problem in words, or "" when the value can stand; the reader says where.
#include <string>
#include <string_view>
#include <vector>

#include "model/unit_limits.h"

namespace kehoach {

// A unit's name, cleaned (clean_text: tabs and line breaks already made spaces): refused when longer
// than kLongestUnitName characters or holding a hidden character (ESC, a bidi override, a
// zero-width joiner, a byte that is not UTF-8).
std::string unit_name_problem(std::string_view name);

// A count read from a cell: refused above `most`. `words` says what is counted ("hộ", "khẩu").
std::string unit_count_problem(long long count, long long most, const char* words = "hộ");

// A file's households so far, `total`, once a row's have been added: refused above
// kMostHouseholdsInTotal.
std::string total_households_problem(long long total);

// A unit tree of `levels` levels (the headers of its level columns, "Tỉnh", "Xã", "Thôn"): refused
// deeper than kMostUnitLevels.
std::string unit_levels_problem(const std::vector<std::string>& levels);

}  // namespace kehoach
