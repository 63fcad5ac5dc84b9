#include "app/check_statistics.h"

#include <algorithm>

#include "app/uploaded_table.h"
#include "read/statistics_reader.h"

namespace kehoach {
namespace {

// The reader stops at the first problem. A problem in a data row (it names a row and a column) is
// kept and the row set aside, and the rest is read again: the next problem comes from a later row, with
// the reader's own words. A problem of the whole table (a column missing, no rows) ends the reading; a
// table left without rows only because its bad rows were set aside has told its problems already.
void collect(StatisticsCheck& check, int most_problems) {
  Grid rest = check.grid;
  while (true) {
    try {
      Statistics statistics = read_statistics(rest);
      if (check.problems.empty()) check.statistics = std::move(statistics);
      return;
    } catch (const InputError& e) {
      const Location& where = e.where();
      const bool in_row = where.row && where.column;
      if (!in_row) {
        if (check.problems.empty()) check.problems.push_back(e);
        return;
      }
      check.problems.push_back(e);
      if (static_cast<int>(check.problems.size()) >= most_problems) return;
      const auto bad = std::find_if(rest.rows.begin(), rest.rows.end(),
                                    [&](const GridRow& row) { return row.source_row == *where.row; });
      if (bad == rest.rows.end()) return;  // a row the reader named but the table has not: nothing more to learn
      rest.rows.erase(bad);
    }
  }
}

}  // namespace

StatisticsCheck check_statistics_grid(Grid grid, int most_problems) {
  StatisticsCheck check;
  check.grid = std::move(grid);
  collect(check, most_problems);
  return check;
}

StatisticsCheck check_statistics_file(const std::string& path, const std::string& shown_name, int most_problems) {
  UploadedTable table = read_uploaded_table(path, shown_name);
  if (table.problem) {
    StatisticsCheck check;
    check.problems.push_back(*table.problem);
    return check;
  }
  return check_statistics_grid(std::move(*table.grid), most_problems);
}

}  // namespace kehoach
