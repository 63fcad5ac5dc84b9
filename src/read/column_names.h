#pragma once
// What a header cell means, recognised the way officials write it ("Thôn", "Tổng số hộ gia đình",
// "Hộ nghèo đầu năm 2022", "Giảm hộ cận nghèo", "Tỷ lệ %", "TS") with or without diacritics, in
// any case, and in English ("Village", "Households", "Poor", "Near-poor").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/grid.h"
#include "model/indicator.h"

namespace kehoach {

enum class ColumnMeaning { Unknown, Order, Unit, Households, Members, Count, Rate };

struct ColumnKind {
  ColumnMeaning meaning = ColumnMeaning::Unknown;
  std::optional<Indicator> indicator;  // Count and Rate columns that name one
  Stage stage = Stage::Unspecified;
};

ColumnKind classify_header(std::string_view header);

// A located header: the row (or two rows, for a two-level header) that names the columns.
struct Header {
  std::size_t row_index = 0;          // index into Grid::rows of the (upper) header row
  std::size_t first_data_index = 0;   // index of the first row below the header
  std::vector<std::string> names;     // per column: "Hộ nghèo đầu năm 2022 - Tỷ lệ %" when two-level
  std::vector<ColumnKind> kinds;
  int column_of(ColumnMeaning meaning) const;  // first such column, -1 if none
};

// The first row among the top 30 that has a unit column and at least `required` other
// recognised columns; a row right under it made of sub-headers ("Số hộ", "TS", "Tỷ lệ", "%")
// is merged into it. nullopt when no row qualifies.
std::optional<Header> find_header(const Grid& grid, int required);

// "Tổng cộng", "Tổng", "Cộng", "Toàn xã", "Toàn huyện", "Total": the row that sums the others.
bool is_total_label(std::string_view text);

// The header among `names` closest to `wanted` (edit distance on folded text), when it is close
// enough to be a misspelling of it; "" otherwise.
std::string closest_header(const std::vector<std::string>& names, std::string_view wanted);

}  // namespace kehoach
