#include "read/table_bounds.h"

#include <string>

#include "package/input_limits.h"
#include "text/column_letter.h"
#include "text/number_words.h"

namespace kehoach {

std::size_t utf8_characters(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

bool cell_too_long(std::string_view text) {
  return text.size() > kMaxCellCharacters && utf8_characters(text) > kMaxCellCharacters;
}

bool GrowingText::over(std::string_view text) {
  if (text.size() <= max_) return false;
  characters_ += utf8_characters(text.substr(counted_bytes_));
  counted_bytes_ = text.size();
  return characters_ > max_;
}

std::uint64_t table_cell_budget() { return input_limits(InputKind::Table).file / kBytesPerCell; }

void refuse_long_cell(const Location& cell, int open_quote_line) {
  std::string problem = "ô dài hơn " + format_count(static_cast<long long>(kMaxCellCharacters)) +
                        " ký tự, giới hạn một ô của Excel";
  if (open_quote_line > 0)
    problem += ": có lẽ dấu ngoặc kép (\") mở ở dòng " + std::to_string(open_quote_line) +
               " không được đóng; hãy thêm dấu ngoặc kép đóng ở cuối ô hoặc xoá dấu ngoặc kép thừa.";
  else
    problem += "; bảng số liệu không có ô nào dài như vậy: hãy kiểm tra ô này (tệp có thể bị hỏng).";
  throw InputError(cell, problem);
}

void refuse_wide_row(const Location& cell, bool csv) {
  // In a CSV file the usual cause is a separator the reader did not expect (tabs, or commas inside
  // unquoted numbers); in a workbook, stray cells far to the right.
  throw InputError(cell, "ô nằm ngoài " + format_count(kMaxTableColumns) + " cột đầu (đến cột " +
                             column_letter(kMaxTableColumns - 1) +
                             ") mà kehoach đọc; bảng không có nhiều cột như vậy: hãy xoá các ô thừa ở bên phải bảng" +
                             (csv ? ", hoặc kiểm tra dấu phân cách của tệp CSV." : "."));
}

void refuse_large_table(const Location& row) {
  throw InputError(row, "bảng có hơn " + format_count(static_cast<long long>(table_cell_budget())) +
                            " ô (tính cả các ô trống xen giữa), quá giới hạn của " + kind_noun(InputKind::Table) +
                            " đọc cả vào bộ nhớ. Thường là do có ô thừa ở rất xa bên phải hoặc bên dưới bảng: hãy xoá "
                            "chúng; " + raise_advice(InputKind::Table));
}

}  // namespace kehoach
