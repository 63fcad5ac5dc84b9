#pragma once
// xl/sharedStrings.xml: the texts a workbook's cells share, indexed by a cell's <v> when t="s".
#include <string>
#include <vector>

#include "package/xlsx_package.h"

namespace kehoach {

// The strings in order, _xHHHH_ escapes decoded and nothing else done to them (each cell's text is
// cleaned where it is read). None when `part` is "" or absent: a workbook of numbers only has none.
std::vector<std::string> read_shared_strings(XlsxPackage& package, const std::string& part);

}  // namespace kehoach
