#pragma once
// Use case: a target table received from below (CSV or XLSX) checked figure by figure.
#include <string>
#include <vector>

#include "compute/table_check.h"
#include "model/received_table.h"

namespace kehoach {

struct CheckedTable {
  ReceivedTable table;
  std::vector<Finding> findings;  // none: the table is right
};

// `sheet` empty: the first sheet of an XLSX file. Throws InputError when the file is no table.
CheckedTable check_table_file(const std::string& path, const std::string& sheet);

}  // namespace kehoach
