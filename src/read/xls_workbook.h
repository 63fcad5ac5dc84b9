#pragma once
// What kehoach reads of an Excel 97-2003 workbook (.xls, BIFF8 in an OLE2 compound file) itself, before
// and beside libfreexl: libfreexl 1.0.6 gives the cells' numbers and texts, but allocates every sheet's
// grid as its DIMENSION record claims (a file of a few KB may claim 65.536 × 256 cells, some 270 MB),
// and gives no formula results, booleans, number formats, fonts or merged ranges. This scan finds them,
// bounded by the file's own bytes: every offset and length is checked, every chain counted, so that a
// damaged or hostile file is refused (XlsDamaged), never read out of bounds or forever.
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kehoach {

// Why a file cannot be read; xls_reader words it.
struct XlsDamaged : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct XlsEncrypted {};
struct XlsOldFormat {};  // BIFF5 (Excel 5.0/95) or older: no "Workbook" stream, or a BOF not BIFF8

struct XlsSheetInfo {
  std::string name;
  std::uint32_t offset = 0;  // of its BOF in the workbook stream
  bool worksheet = true;     // not a chart or macro sheet
  std::uint64_t rows = 0, columns = 0;  // as its DIMENSION record claims
};

struct XlsFont {
  std::string name;
};

struct XlsMerge {
  int first_row, last_row, first_column, last_column;  // 0-based, inclusive
};

// What a cell's record says beside its value (libfreexl's): its style, and for a formula, its cached
// result (a number, or a string, "TRUE"/"FALSE", an error code as text).
struct XlsCellExtra {
  int xf = 0;
  std::optional<std::string> formula_text;    // a formula's string result, boolean or error
  std::optional<double> formula_number;       // a formula's number result
  std::optional<std::string> boolean;         // a BOOLERR cell: "TRUE", "FALSE" or "#N/A"…
};

struct XlsWorkbook {
  std::vector<XlsSheetInfo> sheets;
  std::vector<XlsFont> fonts;                 // by font index (index 4 does not exist in BIFF: skipped)
  std::map<int, std::string> formats;         // custom number formats by id
  std::vector<std::pair<int, int>> xfs;       // each XF's font index and format id
};

struct XlsSheetScan {
  std::map<std::pair<int, int>, XlsCellExtra> cells;  // by (0-based row, column)
  std::vector<XlsMerge> merges;
};

// The compound file's "Workbook" stream. Throws XlsDamaged, XlsOldFormat.
std::string xls_workbook_stream(std::string_view file);

// The workbook's globals: sheets (with their DIMENSION), fonts, formats, XFs. Throws XlsDamaged,
// XlsEncrypted (a FILEPASS record: a password to open), XlsOldFormat.
XlsWorkbook scan_xls_workbook(std::string_view stream);

// One sheet's cells' styles, formula results, booleans and merged ranges. `max_cells` bounds what is
// kept; `keep_xf` (by XF index), when given, says which styles matter (a number format that is not General,
// a legacy font): a cell of another style with no formula or boolean is not kept. Throws XlsDamaged.
XlsSheetScan scan_xls_sheet(std::string_view stream, const XlsSheetInfo& sheet, std::size_t max_cells,
                            const std::vector<bool>* keep_xf = nullptr);

}  // namespace kehoach
