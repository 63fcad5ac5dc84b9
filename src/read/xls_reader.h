#pragma once
// Reads one worksheet of an Excel 97-2003 workbook (.xls, BIFF8) into a Grid: libfreexl for the cells'
// numbers and texts, read/xls_workbook for what libfreexl does not give (formula results, booleans,
// number formats, fonts, merged ranges) and for the bounds checked before libfreexl allocates.
#include <functional>
#include <string>
#include <string_view>

#include "model/grid.h"
#include "package/input_limits.h"
#include "read/legacy_columns.h"

namespace kehoach {

struct XlsTable {
  Grid grid;
  CellFonts fonts;  // the cells in a legacy font (.VnTime…, VNI-…), for the legacy text detection
};

// `bytes`: the file's content, already read within the limit of `kind`. `sheet` empty: the first
// worksheet; otherwise the one with that name (compared with name_key). Cells as read_xlsx gives them:
// numbers with the decimals their format shows, formulas' cached results, booleans "TRUE"/"FALSE",
// merged ranges filled with their top-left cell's text, text clean_text()ed, blank rows kept so that
// rows[i].source_row == i + 1. libfreexl holds the whole workbook in memory (some 16 bytes for each
// cell of every sheet's declared range): the declared cells of all sheets are bounded first, by
// table_cell_budget() for a table read whole and by kMaxXlsRecordCells for one read row by row.
//
// With `on_row`: each non-blank row handed over as it is read and none kept in the grid (merged ranges
// not filled, as stream_xlsx), the way household lists are read; the cells' fonts are in the result before
// the first row is handed over: in `fonts`, when given, instead of the result's. What on_row throws comes
// out as thrown.
//
// Errors (InputError naming `display_name`): a damaged file, one with a password, one older than
// Excel 97 (BIFF5), a sheet that does not exist (listing those that do), a cell too long, too many
// cells.
XlsTable read_xls(const std::string& path, const std::string& display_name, std::string_view bytes,
                  const std::string& sheet, InputKind kind,
                  const std::function<void(GridRow&&)>* on_row = nullptr, CellFonts* fonts = nullptr);

// Every sheet together of an .xls read row by row: 20 million cells (a full sheet of 65.536 rows × 256
// columns is 16,8 million), some 320 MB in libfreexl.
constexpr std::uint64_t kMaxXlsRecordCells = 20'000'000;

}  // namespace kehoach
