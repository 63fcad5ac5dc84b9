#pragma once
// One worksheet part of an .xlsx package, streamed: its cells as text, row by row, and its merged
// ranges. Cell references and ranges as the sheet writes them ("C5", "D5:E5").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/grid.h"
#include "package/xlsx_package.h"
#include "read/xlsx_number_format.h"
#include "read/xlsx_reader.h"
#include "read/xlsx_shared_strings.h"

namespace kehoach {

// "C5" is column 2 (0-based), row 5 (1-based).
struct CellRef {
  int row = 0;
  int column = 0;
};

// Letters (either case) then digits, within Excel's limits (XFD1048576); anything else is nothing.
std::optional<CellRef> parse_cell_ref(std::string_view ref);

struct CellRange {
  CellRef first;
  CellRef last;
};

// "D5:E6", or one cell "B2" as a range of one.
std::optional<CellRange> parse_range(std::string_view ref);

// The rows of the sheet in `part`, cells as read_xlsx describes them, with `strings` the shared
// strings and `styles` the cell styles' number formats and legacy fonts; the cells in a legacy font are
// added to `fonts` when given (before their row is handed over). Without `on_row`: every row, blank ones
// for rows the XML leaves out, merged ranges filled. With it: each non-blank row handed over as it
// ends and none returned; what on_row throws comes out as thrown, and the sheet is read no further.
// A damaged sheet (broken XML, a reference out of range, an unknown shared string) is refused.
std::vector<GridRow> read_sheet(XlsxPackage& package, const std::string& part, const SharedStrings& strings,
                                const CellStyles& styles, const RowCallback* on_row = nullptr,
                                CellFonts* fonts = nullptr);

}  // namespace kehoach
