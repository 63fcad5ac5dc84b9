#include "write/workbook_file.h"

#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>

#include "model/input_error.h"
#include "package/atomic_file.h"
#include "package/system_errors.h"
#include "text/column_letter.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr const char* kFont = "Times New Roman";

// Why libxlsxwriter refused a value, for the person whose input it came from.
std::string refusal(lxw_error error) {
  switch (error) {
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return "chữ dài hơn 32.767 ký tự, quá sức chứa của một ô Excel; hãy rút ngắn tên hoặc nội dung trong tệp "
             "đầu vào";
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return "vượt quá số dòng (1.048.576) hoặc số cột (16.384) của một trang tính Excel";
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return "không đủ bộ nhớ";
    default:
      return std::string("thư viện ghi Excel báo lỗi (") + lxw_strerror(error) + ")";
  }
}

// libxlsxwriter (1.1.4, Debian's) does not survive running out of memory: a cell it cannot allocate is a
// null pointer it then uses, a crash instead of an error. So each call first makes sure of the memory it
// will take: a trial allocation, which kehoach can fail cleanly (std::bad_alloc: exit status 70, no file
// left), of room for this call and the next few hundred. What the trial frees stays in the allocator's
// free memory, where the library's small allocations find it.
class MemoryReserve {
 public:
  void need(std::size_t bytes) {
    bytes += kPerCall;
    if (bytes > room_) {
      room_ = std::max(kTrial, 2 * bytes);
      trial_ = std::malloc(room_);
      if (!trial_) throw std::bad_alloc();
      std::free(trial_);
    }
    room_ -= bytes;
  }

 private:
  static constexpr std::size_t kPerCall = 512;      // a cell, its row, a formula's copy: less than this
  static constexpr std::size_t kTrial = 128 * 1024;  // a trial every 256 cells or so
  std::size_t room_ = 0;
  static inline void* volatile trial_ = nullptr;  // volatile: the trial is not optimised away
};

thread_local MemoryReserve t_reserve;
constexpr std::size_t kSheetBytes = 64 * 1024;        // a worksheet's own structures
constexpr std::size_t kClosingBytes = 4 * 1024 * 1024;  // XML buffers, zlib's deflate state, the zip's

std::size_t length(const char* text) { return text ? std::strlen(text) : 0; }

void check(lxw_error error, lxw_row_t row, lxw_col_t column) {
  if (error != LXW_NO_ERROR) throw CellRefused("ô " + cell_ref(row, column) + ": " + refusal(error));
}

void check(lxw_error error) {
  if (error != LXW_NO_ERROR) throw CellRefused(refusal(error));
}

// The file or its zip could not be written: the disk, not the values.
bool writing_failed(lxw_error error) {
  return error == LXW_ERROR_CREATING_XLSX_FILE || error == LXW_ERROR_CREATING_TMPFILE ||
         error == LXW_ERROR_READING_TMPFILE || (error >= LXW_ERROR_ZIP_FILE_OPERATION && error <= LXW_ERROR_ZIP_CLOSE);
}

lxw_format* make_format(lxw_workbook* book, int size, bool bold, bool italic, bool border) {
  lxw_format* f = workbook_add_format(book);
  if (!f) throw CellRefused(refusal(LXW_ERROR_MEMORY_MALLOC_FAILED));
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

lxw_worksheet* add_worksheet(lxw_workbook* book, const char* name) {
  t_reserve.need(kSheetBytes);
  lxw_worksheet* sheet = workbook_add_worksheet(book, name);
  if (!sheet) throw CellRefused(std::string("không tạo được trang tính \"") + name + "\"");
  return sheet;
}

void write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const char* text, lxw_format* format) {
  t_reserve.need(2 * length(text));
  check(worksheet_write_string(sheet, row, column, text, format), row, column);
}

void write_number(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, double value, lxw_format* format) {
  t_reserve.need(0);
  check(worksheet_write_number(sheet, row, column, value, format), row, column);
}

void write_blank(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, lxw_format* format) {
  t_reserve.need(0);
  check(worksheet_write_blank(sheet, row, column, format), row, column);
}

void write_formula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const char* formula, lxw_format* format,
                   double value) {
  t_reserve.need(length(formula));
  check(worksheet_write_formula_num(sheet, row, column, formula, format, value), row, column);
}

void write_formula_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const char* formula,
                        lxw_format* format, const char* value) {
  t_reserve.need(length(formula) + length(value));
  check(worksheet_write_formula_str(sheet, row, column, formula, format, value), row, column);
}

void merge_cells(lxw_worksheet* sheet, lxw_row_t first_row, lxw_col_t first_column, lxw_row_t last_row,
                 lxw_col_t last_column, const char* text, lxw_format* format) {
  t_reserve.need(2 * length(text));
  check(worksheet_merge_range(sheet, first_row, first_column, last_row, last_column, text, format), first_row,
        first_column);
}

// Excel's limits (409 points, 255 characters): a wrapped name of thousands of characters gets the most a
// row or column can have rather than a value Excel would "repair" away.
void set_row_height(lxw_worksheet* sheet, lxw_row_t row, double points) {
  t_reserve.need(0);
  check(worksheet_set_row(sheet, row, std::min(points, 409.0), nullptr));
}

void set_column_width(lxw_worksheet* sheet, lxw_col_t first, lxw_col_t last, double characters) {
  t_reserve.need(0);
  check(worksheet_set_column(sheet, first, last, std::min(characters, 255.0), nullptr));
}

namespace {

constexpr long kTmpfsMagic = 0x01021994;                           // statfs's f_type of a tmpfs
constexpr unsigned long long kMemoryFolderRoom = 512ull << 20;  // free room it needs: many times a workbook

// Where libxlsxwriter writes the parts of a workbook before zipping them (about ten temporary files a
// workbook, made, written, read back and removed): /dev/shm when it is a tmpfs we may write, with room to
// spare now, so that they never reach a disk; otherwise nullptr, and libxlsxwriter takes TMPDIR, then /tmp
// (as it also does when it cannot make a file in /dev/shm).
char* temporary_folder() {
  static char shm[] = "/dev/shm";
  static const bool usable = [] {
    struct statfs kind {};
    return ::statfs(shm, &kind) == 0 && kind.f_type == kTmpfsMagic && ::access(shm, W_OK | X_OK) == 0;
  }();
  struct statvfs room {};
  if (!usable || ::statvfs(shm, &room) != 0 ||
      static_cast<unsigned long long>(room.f_bavail) * room.f_frsize < kMemoryFolderRoom)
    return nullptr;
  return shm;
}

}  // namespace

void write_workbook(const AtomicFile& file, const std::string& title, long long timestamp,
                    const std::function<void(lxw_workbook*)>& fill) {
  const std::string& path = file.target_path();
  // Not constant_memory: it writes every text as an inline string instead of the shared strings table, and
  // the workbooks would change (bench/cascade/README.md, "Where the time goes").
  lxw_workbook_options options{};
  options.tmpdir = temporary_folder();
  // workbook_close frees the workbook; until then, an exception must.
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> book(
      workbook_new_opt(file.temporary_path().c_str(), &options), lxw_workbook_free);
  if (!book) throw OutputError("không tạo được tệp " + path + "; hãy kiểm tra thư mục và quyền ghi.");
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(title.c_str());
  properties.author = const_cast<char*>("kehoach");
  properties.created = static_cast<time_t>(timestamp);
  try {
    check(workbook_set_properties(book.get(), &properties));
    fill(book.get());
  } catch (const CellRefused& e) {
    throw OutputError("không ghi được tệp " + path + ": " + e.what() + ".");
  }
  // libxlsxwriter writes the file only now (a full disk shows as a zip error), with buffers of its own and
  // zlib's: room for them first, as for the cells.
  t_reserve.need(kClosingBytes);
  errno = 0;
  const lxw_error error = workbook_close(book.release());
  if (error == LXW_NO_ERROR) return;
  const int cause = errno;
  throw OutputError("không ghi được tệp " + path + ": " +
                    (!writing_failed(error) ? refusal(error)
                     : cause                ? system_reason({cause, std::generic_category()})
                                            : "đĩa đầy, không có quyền ghi hoặc lỗi ghi đĩa") +
                    ".");
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
  check(worksheet_repeat_rows(sheet, header_row, header_row + 1));
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

void append_cell_ref(std::string& formula, lxw_row_t row, lxw_col_t column, bool absolute_column) {
  if (absolute_column) formula += '$';
  if (column < 26) formula += static_cast<char>('A' + column);
  else formula += column_letter(column);
  char digits[16];
  const auto end = std::to_chars(digits, digits + sizeof digits, row + 1).ptr;
  formula.append(digits, end);
}

std::string absolute_column_ref(lxw_row_t row, lxw_col_t column) {
  return "$" + column_letter(column) + std::to_string(row + 1);
}

std::size_t display_length(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

double rate_value(Rate rate) { return static_cast<double>(rate.hundredths) / 100.0; }

}  // namespace kehoach
