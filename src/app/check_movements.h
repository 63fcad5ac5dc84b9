#pragma once
// Use case: a movement table (CSV or XLSX, what happened since the start of the year) read the way
// `kehoach report --movements` reads it and held against the plan as the report holds it (every village
// of the plan has its row, the movements balance, no count below zero), with every problem found rather
// than the first: a web page lists them all, each at its row (and column), so that the officer fixes the
// table in one pass.
#include <optional>
#include <string>
#include <vector>

#include "app/plan_input.h"
#include "model/grid.h"
#include "model/input_error.h"
#include "model/movements.h"

namespace kehoach {

struct MovementsCheck {
  Grid grid;                             // the table as read; no rows when the file could not be read
  std::optional<Movements> movements;    // the table's movements, when there is no problem
  std::vector<InputError> problems;      // the reader's and the report's own messages, rows top down
};

// Reads the file at `path` (a temporary copy of an upload) and checks it against `plan`; messages name the
// file as `shown_name`, never the path, and the plan by its plan.file. At most `most_problems` are listed.
MovementsCheck check_movements_file(const std::string& path, const std::string& shown_name, const PlanInput& plan,
                                    int most_problems = 100);

// The same for a table already read (the rows an officer typed, written as CSV and parsed).
MovementsCheck check_movements_grid(Grid grid, const PlanInput& plan, int most_problems = 100);

}  // namespace kehoach
