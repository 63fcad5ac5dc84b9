#pragma once
#include <string>

namespace kehoach {
// 0 -> "A", 25 -> "Z", 26 -> "AA": the column names a spreadsheet user sees.
std::string column_letter(int index);
}  // namespace kehoach
