#pragma once
// How an .xlsx cell's number is shown: the number format of its style, and the value written as
// text with the decimals that format shows, always with '.' as the decimal mark.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "package/xlsx_package.h"
#include "read/legacy_columns.h"

namespace kehoach {

// What matters of a format code for reading figures: General, or a fixed number of decimals,
// possibly as a percentage.
struct NumberFormat {
  bool general = true;
  bool percent = false;
  int decimals = 0;
};

// What the format code's first (positive) section shows: its decimals and whether it is a
// percentage. Quoted text, escaped characters and [colour]/[locale] blocks are not format.
// A code without digit placeholders (dates, text "@", "General") is shown as General.
NumberFormat parse_format_code(std::string_view code);

// Built-in formats have no code in styles.xml; these are the numeric ones the contract names
// (1 "0", 2 "0.00", 3 "#,##0", 4 "#,##0.00", 9 "0%", 10 "0.00%"); any other id is "General".
std::string builtin_format_code(int id);

// `value` (a cell's <v>) as the format shows it: "0.00" -> "6.25", "0" -> "12", "#,##0" -> "2047"
// without separators, a percent format -> value x 100 with its decimals, General -> shortest form,
// at most 10 significant digits, scientific ("1E+20") only beyond ordinary magnitudes. A value that
// is not a finite number comes back as it is.
std::string number_text(std::string_view value, const NumberFormat& format);

// What a cell's style (its s="", an index into cellXfs) says of its reading: the number format, and the
// legacy font (.VnTime, .VnTimeH, VNI-Times…) when its font is one, which the legacy text detection weighs.
struct CellStyles {
  std::vector<NumberFormat> formats;
  std::vector<std::optional<LegacyFont>> fonts;  // by style; empty when no style has a legacy font
};

// xl/styles.xml: every cell style's number format and legacy font. None when `part` is "" or absent:
// every cell is then General, in no legacy font.
CellStyles read_cell_styles(XlsxPackage& package, const std::string& part);

}  // namespace kehoach
