// The CSV table reader: a file's bytes (any encoding, any separator) through read_table_file, the one
// door every table comes in by (an XLSX's first bytes send it to the XLSX reader: that target has the
// zips), then what the plan's statistics make of the grid.
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/statistics_reader.h"
#include "read/table_file.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(csv) {
  const std::string path = fuzz::write_input("bang.csv", input);
  fuzz::refusing_bad_input([&] {
    const Grid grid = read_table_file(path);
    read_statistics(grid);
  });
}
