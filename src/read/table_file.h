#pragma once
// The one door for tabular input: picks CSV or XLSX from the file's content (not only its
// name) and refuses anything else with a message that says what to do.
#include <string>

#include "model/grid.h"

namespace kehoach {

Grid read_table_file(const std::string& path, const std::string& sheet = "");

}  // namespace kehoach
