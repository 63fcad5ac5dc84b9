#pragma once
// Reads one worksheet of an .xlsx file into a Grid, with nothing but Poco (Zip, XML).
#include <functional>
#include <string>

#include "model/grid.h"
#include "read/legacy_columns.h"

namespace kehoach {

// `sheet` empty: the first sheet in workbook order; otherwise the sheet with that name
// (compared with name_key, so case and Unicode form do not matter).
//
// Cells: shared strings, inline strings, booleans ("TRUE"/"FALSE"), formula results (the
// cached <v>), numbers. A number is written as text with the decimals its number format
// shows ("0.00" -> "6.25", "0" -> "12", "#,##0" -> "2047" without separators, a percent
// format -> value x 100 with its decimals, General -> shortest form that round-trips, at most
// 10 significant digits, no exponent for ordinary magnitudes), always with '.' as the decimal
// mark. Merged ranges are filled with their top-left cell's text, so a two-level header can be
// read cell by cell. Rows absent from the sheet XML appear as blank rows, so that
// Grid::rows[i].source_row == i + 1. Text is clean_text()ed.
//
// Errors (InputError naming `display_name`): not a zip / not an xlsx ("không phải tệp
// Excel .xlsx"), a sheet name that does not exist (listing the sheets that do), broken XML.
// `fonts`, when given, receives the cells in a legacy font (.VnTime, VNI-Times…: xl/styles.xml).
Grid read_xlsx(const std::string& path, const std::string& display_name, const std::string& sheet = "",
               CellFonts* fonts = nullptr);

using RowCallback = std::function<void(GridRow&&)>;

// The same sheet row by row: each non-blank row handed to `on_row` as it ends, nothing kept, so
// that a sheet of a million rows needs the memory of one (and of the shared strings, read whole).
// Merged ranges are not filled. Returns the sheet's name. What `on_row` throws comes out as thrown,
// and the sheet is read no further.
std::string stream_xlsx(const std::string& path, const std::string& display_name, const std::string& sheet,
                        const RowCallback& on_row, CellFonts* fonts = nullptr);

}  // namespace kehoach
