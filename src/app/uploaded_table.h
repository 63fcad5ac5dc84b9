#pragma once
// A table file a user sent (kept under a temporary path on the server) read under the name the user
// gave it: its messages say "thon.csv", never the server's path.
#include <optional>
#include <string>

#include "model/grid.h"
#include "model/input_error.h"

namespace kehoach {

struct UploadedTable {
  std::optional<Grid> grid;            // the table as read, its source `shown_name`
  std::optional<InputError> problem;   // or why it could not be read (not a table, too large…)
};

UploadedTable read_uploaded_table(const std::string& path, const std::string& shown_name);

}  // namespace kehoach
