#include "write/workbook_file.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "model/input_error.h"
#include "package/atomic_file.h"
#include "text/column_letter.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr const char* kFont = "Times New Roman";

lxw_format* make_format(lxw_workbook* book, int size, bool bold, bool italic, bool border) {
  lxw_format* f = workbook_add_format(book);
  format_set_font_name(f, kFont);
  format_set_font_size(f, size);
  if (bold) format_set_bold(f);
  if (italic) format_set_italic(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

lxw_format* centred(lxw_format* f) {
  format_set_align(f, LXW_ALIGN_CENTER);
  return f;
}

lxw_format* with_number_format(lxw_format* f, const char* code) {
  format_set_num_format(f, code);
  return f;
}

lxw_format* wrapped(lxw_format* f) {
  format_set_text_wrap(f);
  return f;
}

}  // namespace

void write_workbook(const std::string& path, const std::string& title, long long timestamp,
                    const std::function<void(lxw_workbook*)>& fill) {
  AtomicFile file(path);
  lxw_workbook* book = workbook_new(file.temporary_path().c_str());
  if (!book) throw OutputError("không tạo được tệp " + path + "; hãy kiểm tra thư mục và quyền ghi.");
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(title.c_str());
  properties.author = const_cast<char*>("kehoach");
  properties.created = static_cast<time_t>(timestamp);
  workbook_set_properties(book, &properties);
  fill(book);
  if (lxw_error error = workbook_close(book); error != LXW_NO_ERROR)
    throw OutputError("không ghi được tệp " + path + ": " + lxw_strerror(error));
  file.commit();
}

SheetFormats make_sheet_formats(lxw_workbook* book) {
  SheetFormats f{};
  f.label = centred(make_format(book, 14, true, false, false));
  f.title = wrapped(centred(make_format(book, 13, true, false, false)));
  f.attachment = wrapped(centred(make_format(book, 13, false, true, false)));
  f.header = wrapped(centred(make_format(book, 11, true, false, true)));
  f.text = make_format(book, 12, false, false, true);
  format_set_indent(f.text, 1);
  f.order = centred(make_format(book, 12, false, false, true));
  f.count = with_number_format(centred(make_format(book, 12, false, false, true)), "#,##0");
  f.rate = with_number_format(centred(make_format(book, 12, false, false, true)), "0.00");
  f.note = wrapped(make_format(book, 11, false, false, true));
  f.total_text = centred(make_format(book, 12, true, false, true));
  f.total_count = with_number_format(centred(make_format(book, 12, true, false, true)), "#,##0");
  f.total_rate = with_number_format(centred(make_format(book, 12, true, false, true)), "0.00");
  f.group_text = make_format(book, 12, true, false, true);
  format_set_indent(f.group_text, 1);
  f.footnote = make_format(book, 11, false, true, false);
  f.wrapped_text = wrapped(make_format(book, 12, false, false, true));
  format_set_indent(f.wrapped_text, 1);
  f.wrapped_group_text = wrapped(make_format(book, 12, true, false, true));
  format_set_indent(f.wrapped_group_text, 1);
  f.whole_rate = with_number_format(centred(make_format(book, 12, false, false, true)), "0");
  f.total_whole_rate = with_number_format(centred(make_format(book, 12, true, false, true)), "0");
  return f;
}

void set_table_page(lxw_worksheet* sheet, lxw_row_t header_row, lxw_row_t first_data_row, double left_margin) {
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_set_margins(sheet, left_margin, 0.4, 0.8, 0.6);
  worksheet_center_horizontally(sheet);
  worksheet_repeat_rows(sheet, header_row, header_row + 1);
  worksheet_fit_to_pages(sheet, 1, 0);  // one page wide, as many pages tall as needed
  worksheet_freeze_panes(sheet, first_data_row, 2);
}

namespace {

// A character's width in ems, Times New Roman: capitals at most 0.72, digits 0.5, small letters at
// most 0.5 (m and w are wider, i, l, t narrower: on average less).
double em_width(const std::string& character) {
  if (character == " ") return 0.25;
  if (character.size() == 1) return std::isupper(static_cast<unsigned char>(character[0])) ? 0.72 : 0.5;
  return to_upper(character) == character ? 0.72 : 0.5;
}

}  // namespace

int wrapped_lines(const std::string& text, double width, double points) {
  // Excel draws a column of `width` characters as width × 7 + 5 pixels (Calibri 11, 96 dpi), less
  // its padding; LibreOffice's are wider.
  const double room = (width * 7.0 + 5.0 - 6.0) * 0.75;
  int lines = 1;
  double line = 0, word = 0;
  auto end_word = [&] {
    if (word == 0) return;
    if (line > 0 && line + 0.25 * points + word > room) {
      ++lines;
      line = word;
    } else {
      line += (line > 0 ? 0.25 * points : 0) + word;
    }
    while (line > room) {  // a word longer than the column breaks inside
      ++lines;
      line -= room;
    }
    word = 0;
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = i + 1;
    while (next < text.size() && (text[next] & 0xC0) == 0x80) ++next;
    const std::string character = text.substr(i, next - i);
    if (character == " ") end_word();
    else if (character == "\n") { end_word(); ++lines; line = 0; }
    else word += em_width(character) * points;
    i = next;
  }
  end_word();
  return lines;
}

double lines_height(int lines, double points) { return static_cast<double>(lines) * points * 1.2 + 4.0; }

std::string cell_ref(lxw_row_t row, lxw_col_t column) { return column_letter(column) + std::to_string(row + 1); }

std::string absolute_column_ref(lxw_row_t row, lxw_col_t column) {
  return "$" + column_letter(column) + std::to_string(row + 1);
}

std::size_t display_length(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

double rate_value(Rate rate) { return static_cast<double>(rate.hundredths) / 100.0; }

}  // namespace kehoach
