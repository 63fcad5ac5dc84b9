#pragma once
// How a household review file is read, and what reading it gave: where it came from (for the terminal
// and JSON, never for official documents), its unit levels, how many households it handed over and how
// many rows were left out.
#include <string>
#include <vector>

#include "text/legacy_encoding.h"

namespace kehoach {

// How to read a list: which sheet, and whether rows with bad values are left out (counted) rather than
// refusing the file.
struct RecordsOptions {
  std::string sheet;           // XLSX sheet, empty for the first
  bool skip_bad_rows = false;  // leave rows with bad values out instead of refusing the file
  EncodingChoice encoding = EncodingChoice::Auto;  // --encoding: TCVN3/VNI text (text/legacy_encoding.h)
};

struct RecordsSummary {
  std::string source;
  std::vector<std::string> levels;  // the unit columns' headers, highest level first
  long long households = 0;         // records handed over
  long long skipped_rows = 0;       // rows left out under skip_bad_rows
  std::vector<std::string> notes = {};  // legacy text converted (Grid::notes), for the terminal
};

}  // namespace kehoach
