#pragma once
// What reading one household review file gave: where it came from (for the terminal and JSON, never
// for official documents), its unit levels, how many households it handed over and how many rows were
// left out.
#include <string>
#include <vector>

namespace kehoach {

struct RecordsSummary {
  std::string source;
  std::vector<std::string> levels;  // the unit columns' headers, highest level first
  long long households = 0;         // records handed over
  long long skipped_rows = 0;       // rows left out under skip_bad_rows
};

}  // namespace kehoach
