#include "read/table_file.h"

#include "model/input_error.h"
#include "package/file_bytes.h"
#include "read/csv_reader.h"
#include "read/legacy_columns.h"
#include "read/text_decoding.h"
#include "read/xls_reader.h"
#include "read/xlsx_reader.h"

namespace kehoach {
namespace {

const char* const kEmptyFile = "tệp rỗng; hãy xuất lại bảng số liệu (CSV, XLSX hoặc XLS) có dòng tiêu đề và các dòng đơn vị.";

}  // namespace

TableKind sniff_table(std::string_view head, const std::string& path) {
  const Location file{path, {}, {}, {}};
  if (head.empty()) throw InputError(file, kEmptyFile);
  if (head.starts_with("PK\x03\x04")) return TableKind::Xlsx;
  if (head.starts_with("\xD0\xCF\x11\xE0")) return TableKind::Xls;
  if (head.starts_with("%PDF"))
    throw InputError(file, "đây là tệp PDF, không phải bảng số liệu; hãy dùng tệp CSV, XLSX hoặc XLS.");
  return TableKind::Csv;
}

void refuse_blank_table(const std::string& path) { throw InputError(Location{path, {}, {}, {}}, kEmptyFile); }

Grid read_table_file(const std::string& path, const std::string& sheet, EncodingChoice encoding) {
  const std::string bytes = read_file_bytes(path, InputKind::Table);
  const TableKind kind = sniff_table(bytes, path);
  if (kind == TableKind::Xlsx) {
    CellFonts fonts;
    Grid grid = read_xlsx(path, path, sheet, &fonts);
    convert_legacy_text(grid, encoding, &fonts);
    return grid;
  }
  if (kind == TableKind::Xls) {
    XlsTable table = read_xls(path, path, bytes, sheet, InputKind::Table);
    convert_legacy_text(table.grid, encoding, &table.fonts);
    return std::move(table.grid);
  }
  Grid grid = parse_csv(decode_to_utf8(bytes, path, encoding), path);
  bool any_text = false;
  for (const auto& row : grid.rows) any_text = any_text || !row.is_blank();
  if (!any_text) refuse_blank_table(path);
  convert_legacy_text(grid, encoding);
  return grid;
}

}  // namespace kehoach
