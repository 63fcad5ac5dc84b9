#pragma once
// What one table may hold, whatever its format (CSV or XLSX): bounds no real table comes near, so that
// a damaged or hostile file is refused with a message naming the place, rather than filling memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/input_error.h"

namespace kehoach {

// Excel's own limit for the text of one cell.
constexpr std::size_t kMaxCellCharacters = 32767;

// The columns a table may use (A to ALL). kehoach's tables have a few dozen; a cell far to the right
// would otherwise widen every row read whole to it (a cell in column XFD: 16.384 cells a row).
constexpr int kMaxTableColumns = 1000;

// The characters of UTF-8 text: its bytes that do not continue a character.
std::size_t utf8_characters(std::string_view utf8);

// Whether `text`, a cell's whole text, is longer than kMaxCellCharacters. Cheap on short text:
// characters are only counted once the bytes could be too many.
bool cell_too_long(std::string_view text);

// The characters of a cell's text as it grows piece by piece, each byte counted once (counting the
// whole text at every piece would take quadratic time on a cell of a million one-byte pieces).
class GrowingText {
 public:
  explicit GrowingText(std::size_t max_characters) : max_(max_characters) {}
  // Whether `text`, all it held at the last call and more, now holds more than the maximum.
  bool over(std::string_view text);
  void reset() { counted_bytes_ = characters_ = 0; }

 private:
  std::size_t max_;
  std::size_t counted_bytes_ = 0;
  std::size_t characters_ = 0;
};

// The cells a table read whole may have, counting the empty ones between (each row read to the width
// of its last cell): one for every kBytesPerCell bytes the table limit allows a file
// (KEHOACH_MAX_TABLE_MB; 2.621.440 cells for 10 MB, some 80 MB of memory), so that a cell far away (row
// 1.000.000, column ALL) cannot make an .xlsx of a few bytes into gigabytes of empty cells.
constexpr std::uint64_t kBytesPerCell = 4;
std::uint64_t table_cell_budget();

// The InputErrors, at the cell or row given. `open_quote_line`: a CSV field in quotes since that line,
// which is then the likely cause.
[[noreturn]] void refuse_long_cell(const Location& cell, int open_quote_line = 0);
[[noreturn]] void refuse_wide_row(const Location& cell, bool csv);
[[noreturn]] void refuse_large_table(const Location& row);

}  // namespace kehoach
