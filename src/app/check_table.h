#pragma once
// Use case: a target table received from below (CSV or XLSX) checked figure by figure.
#include <string>
#include <vector>

#include "compute/table_check.h"
#include "model/received_table.h"
#include "text/legacy_encoding.h"

namespace kehoach {

struct CheckedTable {
  ReceivedTable table;
  std::vector<Finding> findings;  // none: the table is right
  std::vector<std::string> notes = {};  // legacy text converted, for the terminal
};

// `sheet` empty: the first sheet of an XLSX file. Throws InputError when the file is no table.
CheckedTable check_table_file(const std::string& path, const std::string& sheet,
                              EncodingChoice encoding = EncodingChoice::Auto);

}  // namespace kehoach
