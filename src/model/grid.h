#pragma once
// A table as read from a file, before any meaning is given to its columns: the common ground
// of the CSV and XLSX readers. Every cell is text as the user sees it (an XLSX number is
// written with the decimals its number format shows), so later stages parse one form only.
#include <string>
#include <vector>

namespace kehoach {

struct GridRow {
  int source_row = 0;              // 1-based row in the file (CSV record's first line, Excel row)
  std::vector<std::string> cells;  // NFC text, trimmed; may be shorter than other rows
  const std::string& cell(std::size_t column) const;  // "" past the end
  bool is_blank() const;
};

struct Grid {
  std::string source;  // file name as the user gave it, for messages
  std::string sheet;   // XLSX sheet name, empty for CSV
  std::vector<GridRow> rows;  // blank rows are kept so that row numbers stay true
  // What reading changed, for the terminal ("thon.csv, cột B: chuyển từ mã TCVN3 sang Unicode, 19 ô."):
  // never a cell's text.
  std::vector<std::string> notes = {};
};

}  // namespace kehoach
