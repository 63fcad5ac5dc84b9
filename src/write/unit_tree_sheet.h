#pragma once
// A worksheet with one row per unit of a tree (each parent before its children): the lowest units
// carry figures, every unit above carries the SUM of its children, and rates are ROUND formulas,
// each with its cached value so that viewers which do not recalculate show the right numbers.
#include <xlsxwriter.h>

#include <functional>
#include <string>
#include <vector>

#include "model/unit_tree.h"
#include "write/workbook_file.h"

namespace kehoach {

struct TreeColumn {
  enum class Kind { Count, Rate, Balance };
  std::string group;   // upper header, merged over the adjacent columns of the same group; "" none
  std::string label;   // lower header (or the only one, merged down, when group is "")
  Kind kind = Kind::Count;
  std::function<long long(int node)> count;  // Count and Balance: the unit's figure (the cached value)
  std::size_t numerator = 0, denominator = 0;  // Rate: ROUND(numerator/denominator*100,2), column indices here
  std::vector<std::pair<std::size_t, int>> terms;  // Balance (lowest units): Σ sign × column, e.g. end = start − … + …
};

struct TreeSheet {
  std::string name;        // sheet tab
  std::string title;       // bold, centred above the table
  std::string subtitle;    // italic line under it
  std::vector<std::string> notes;  // lines under the table
  std::vector<TreeColumn> columns;
  double figure_width = 8;  // of each figure column, in characters
};

// Writes the sheet: TT, unit name, level, then the columns. Units are `tree.preorder()`, with the
// root first as "Tổng cộng" when the tree has several top units. Printed A4 landscape, one page wide,
// the header repeated on every page: a sheet must have few enough columns to print at the size of
// the plan's appendix (about 10 pt); wider tables are split into sheets by their caller.
void write_tree_sheet(lxw_workbook* book, const SheetFormats& formats, const UnitTree& tree, const TreeSheet& sheet);

}  // namespace kehoach
