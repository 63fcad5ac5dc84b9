#pragma once
// Text typed in TCVN3 or VNI (text/legacy_encoding.h), found and converted to Unicode column by column
// before anything else reads a table: CSV, XLSX and XLS alike, read whole or row by row. Each column is
// judged on its own, so a table of Unicode columns and TCVN3 columns is read right; a column that mixes
// them, or whose evidence is too weak, is refused with a message asking for --encoding. What was
// converted is said in notes ("thon.csv, cột B: chuyển từ mã TCVN3 sang Unicode, 19 ô"), never a cell's
// text (household lists are personal data).
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/grid.h"
#include "text/legacy_encoding.h"

namespace kehoach {

// A cell whose font is a legacy one (.VnTime, .VnTimeH, VNI-Times…), by (Excel row, 0-based column).
struct LegacyFont {
  LegacyEncoding encoding = LegacyEncoding::Tcvn3;
  bool upper_case = false;  // .VnTimeH and the like: every letter prints as a capital
};
using CellFonts = std::map<std::pair<int, int>, LegacyFont>;

// Legacy text needs this many cells across the table before kehoach converts on its own (Auto): fewer
// may be a stray symbol in a Unicode table, and is refused as weak evidence.
constexpr int kMinLegacyCells = 3;

// The table read whole: judged, converted in place, and its notes added to grid.notes. Throws
// InputError (naming the file, the row and the column) for a mixed column or weak evidence.
void convert_legacy_text(Grid& grid, EncodingChoice choice, const CellFonts* fonts = nullptr);

// The same for rows handed over one by one: the first rows (up to kHeadRows, or 1 MiB of text) are
// kept and judged, then passed on converted, and every row after them as it comes. A later cell that
// contradicts its column's decision (legacy text in a column judged Unicode, or the reverse) is refused
// at its row, unless --encoding decided. Call finish() at the end (it passes on what is kept).
// What a refusal above tells the user to do: the command line's words (--encoding) and the words for a
// form that uploads the file, which has no --encoding (the web application swaps one for the other).
struct EncodingAdvice {
  std::string command_line;
  std::string upload;
};
std::vector<EncodingAdvice> encoding_advice();

class LegacyRowFilter {
 public:
  static constexpr std::size_t kHeadRows = 2000;
  // `fonts`: the legacy fonts of the sheet's cells, when known (kept by the caller while rows come).
  LegacyRowFilter(std::string source, EncodingChoice choice, std::function<void(GridRow&&)> next,
                  const CellFonts* fonts = nullptr);
  ~LegacyRowFilter();
  void row(GridRow&& row);
  void finish();
  std::vector<std::string> notes() const;
  // Every row given so far has been passed on (the head judged): their cells' fonts are needed no more.
  bool decided() const { return decided_; }

 public:
  class Columns;  // the columns' evidence and decisions (convert_legacy_text uses it too)

 private:
  void release();
  std::function<void(GridRow&&)> next_;
  const CellFonts* fonts_;
  std::unique_ptr<Columns> columns_;
  std::vector<GridRow> head_;
  std::size_t head_bytes_ = 0;
  bool decided_ = false;
};

}  // namespace kehoach
