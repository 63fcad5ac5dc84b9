#pragma once
// Use case: a village table (CSV or XLSX, the statistics a plan starts from) read the way `kehoach
// appendix` reads it, with every problem found rather than the first: a web page lists them all, each
// at its row and column, so that the officer fixes the table in one pass.
#include <optional>
#include <string>
#include <vector>

#include "model/grid.h"
#include "model/input_error.h"
#include "model/statistics.h"

namespace kehoach {

struct StatisticsCheck {
  Grid grid;                             // the table as read; no rows when the file could not be read
  std::optional<Statistics> statistics;  // the table's figures, when there is no problem
  std::vector<InputError> problems;      // the reader's own messages, in the order met (rows top down)
};

// Reads the file at `path` (a temporary copy of an upload) and checks it; messages name the file as
// `shown_name` ("thon.csv"), never the path. At most `most_problems` are listed.
StatisticsCheck check_statistics_file(const std::string& path, const std::string& shown_name, int most_problems = 100);

// The same for a table already read (the rows an officer typed, written as CSV and parsed).
StatisticsCheck check_statistics_grid(Grid grid, int most_problems = 100);

}  // namespace kehoach
