#include "read/table_file.h"

#include "model/input_error.h"
#include "package/file_bytes.h"
#include "read/csv_reader.h"
#include "read/text_decoding.h"
#include "read/xlsx_reader.h"

namespace kehoach {
namespace {

const char* const kEmptyFile = "tệp rỗng; hãy xuất lại bảng số liệu (CSV hoặc XLSX) có dòng tiêu đề và các dòng đơn vị.";

}  // namespace

TableKind sniff_table(std::string_view head, const std::string& path) {
  const Location file{path, {}, {}, {}};
  if (head.empty()) throw InputError(file, kEmptyFile);
  if (head.starts_with("PK\x03\x04")) return TableKind::Xlsx;
  if (head.starts_with("\xD0\xCF\x11\xE0"))
    throw InputError(file, "đây là tệp Excel 97-2003 (.xls), chưa đọc được; hãy mở bằng Excel hoặc LibreOffice "
                           "và lưu lại dưới dạng .xlsx hoặc CSV.");
  if (head.starts_with("%PDF"))
    throw InputError(file, "đây là tệp PDF, không phải bảng số liệu; hãy dùng tệp CSV hoặc XLSX.");
  return TableKind::Csv;
}

void refuse_blank_table(const std::string& path) { throw InputError(Location{path, {}, {}, {}}, kEmptyFile); }

Grid read_table_file(const std::string& path, const std::string& sheet) {
  const std::string bytes = read_file_bytes(path, InputKind::Table);
  if (sniff_table(bytes, path) == TableKind::Xlsx) return read_xlsx(path, path, sheet);
  Grid grid = parse_csv(decode_to_utf8(bytes, path), path);
  bool any_text = false;
  for (const auto& row : grid.rows) any_text = any_text || !row.is_blank();
  if (!any_text) refuse_blank_table(path);
  return grid;
}

}  // namespace kehoach
