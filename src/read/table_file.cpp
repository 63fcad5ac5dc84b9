#include "read/table_file.h"

#include "model/input_error.h"
#include "read/csv_reader.h"
#include "read/file_bytes.h"
#include "read/text_decoding.h"
#include "read/xlsx_reader.h"

namespace kehoach {
namespace {

bool starts_with(const std::string& bytes, std::string_view magic) { return bytes.rfind(magic, 0) == 0; }

}  // namespace

Grid read_table_file(const std::string& path, const std::string& sheet) {
  const std::string bytes = read_file_bytes(path);
  const Location file{path, {}, {}, {}};
  const std::string empty_file =
      "tệp rỗng; hãy xuất lại bảng số liệu (CSV hoặc XLSX) có dòng tiêu đề và các dòng đơn vị.";
  if (bytes.empty()) throw InputError(file, empty_file);
  if (starts_with(bytes, "PK\x03\x04")) return read_xlsx(path, path, sheet);
  if (starts_with(bytes, "\xD0\xCF\x11\xE0"))
    throw InputError(file, "đây là tệp Excel 97-2003 (.xls), chưa đọc được; hãy mở bằng Excel hoặc LibreOffice "
                           "và lưu lại dưới dạng .xlsx hoặc CSV.");
  if (starts_with(bytes, "%PDF"))
    throw InputError(file, "đây là tệp PDF, không phải bảng số liệu; hãy dùng tệp CSV hoặc XLSX.");
  Grid grid = parse_csv(decode_to_utf8(bytes, path), path);
  bool any_text = false;
  for (const auto& row : grid.rows) any_text = any_text || !row.is_blank();
  if (!any_text) throw InputError(file, empty_file);
  return grid;
}

}  // namespace kehoach
