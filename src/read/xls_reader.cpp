#include "read/xls_reader.h"

#include <freexl.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "model/input_error.h"
#include "read/table_bounds.h"
#include "read/xls_workbook.h"
#include "read/xlsx_number_format.h"
#include "text/number_words.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr const char* kResave = "hãy mở bằng Excel hoặc LibreOffice rồi lưu lại (dạng .xlsx hoặc .xls).";

[[noreturn]] void refuse(const std::string& file, const std::string& problem) {
  throw InputError(Location{file, {}, {}, {}}, problem);
}

[[noreturn]] void refuse_damaged(const std::string& file) {
  refuse(file, std::string("tệp Excel 97-2003 (.xls) bị hỏng hoặc không đầy đủ, không đọc được; ") + kResave);
}

[[noreturn]] void refuse_encrypted(const std::string& file) {
  refuse(file, "tệp Excel có đặt mật khẩu (đã mã hoá) nên kehoach không mở được; hãy mở bằng Excel, bỏ mật khẩu "
               "(Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hoá bằng mật khẩu, xoá mật khẩu) rồi lưu lại.");
}

struct FreexlHandle {
  const void* handle = nullptr;
  ~FreexlHandle() {
    if (handle) freexl_close(handle);
  }
};

std::string quoted_names(const std::vector<XlsSheetInfo>& sheets) {
  std::string names;
  for (const auto& sheet : sheets) {
    if (!sheet.worksheet) continue;
    if (!names.empty()) names += ", ";
    names += '"' + sheet.name + '"';
  }
  return names;
}

const XlsSheetInfo& choose(const XlsWorkbook& workbook, const std::string& wanted, const std::string& file) {
  const auto first = std::find_if(workbook.sheets.begin(), workbook.sheets.end(), [](const auto& s) { return s.worksheet; });
  if (first == workbook.sheets.end()) refuse(file, "tệp không có trang tính nào; hãy mở bằng Excel hoặc LibreOffice để kiểm tra.");
  if (wanted.empty()) return *first;
  const std::string key = name_key(wanted);
  for (const auto& sheet : workbook.sheets)
    if (sheet.worksheet && name_key(sheet.name) == key) return sheet;
  refuse(file, "không có trang tính \"" + wanted + "\"; hãy chọn một trong các trang tính có trong tệp: " +
                   quoted_names(workbook.sheets) + ".");
}

NumberFormat format_of(const XlsWorkbook& workbook, int xf) {
  if (xf < 0 || static_cast<std::size_t>(xf) >= workbook.xfs.size()) return NumberFormat{};
  const int id = workbook.xfs[static_cast<std::size_t>(xf)].second;
  const auto custom = workbook.formats.find(id);
  return parse_format_code(custom != workbook.formats.end() ? custom->second : builtin_format_code(id));
}

std::optional<LegacyFont> legacy_font_of(const XlsWorkbook& workbook, int xf) {
  if (xf < 0 || static_cast<std::size_t>(xf) >= workbook.xfs.size()) return std::nullopt;
  const auto font = static_cast<std::size_t>(workbook.xfs[static_cast<std::size_t>(xf)].first);
  if (font >= workbook.fonts.size()) return std::nullopt;
  bool upper = false;
  const auto encoding = font_encoding(workbook.fonts[font].name, &upper);
  if (!encoding) return std::nullopt;
  return LegacyFont{*encoding, upper};
}

std::string double_text(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

// A cell's text as the XLSX reader would give it.
std::string cell_text(const FreeXL_CellValue& value, const XlsCellExtra* extra, const XlsWorkbook& workbook) {
  const NumberFormat format = extra ? format_of(workbook, extra->xf) : NumberFormat{};
  switch (value.type) {
    case FREEXL_CELL_INT: return number_text(std::to_string(value.value.int_value), format);
    case FREEXL_CELL_DOUBLE: return number_text(double_text(value.value.double_value), format);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME: return value.value.text_value ? value.value.text_value : "";
    default: break;
  }
  if (!extra) return "";
  if (extra->formula_number) return number_text(double_text(*extra->formula_number), format);
  if (extra->formula_text) return *extra->formula_text;
  if (extra->boolean) return *extra->boolean;
  return "";
}

// Copies each merged range's top-left text over it, within the rows and columns that hold data (as the
// XLSX reader does).
void fill_merges(std::vector<GridRow>& rows, const std::vector<XlsMerge>& merges, std::uint64_t& budget,
                 const std::string& file) {
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.cells.size());
  for (const XlsMerge& merge : merges) {
    const auto top = static_cast<std::size_t>(std::min(merge.first_row, merge.last_row));
    const auto left = static_cast<std::size_t>(std::min(merge.first_column, merge.last_column));
    if (top >= rows.size() || left >= width) continue;
    const auto bottom = std::min<std::size_t>(static_cast<std::size_t>(std::max(merge.first_row, merge.last_row)), rows.size() - 1);
    const auto right = std::min<std::size_t>(static_cast<std::size_t>(std::max(merge.first_column, merge.last_column)), width - 1);
    const std::string text = rows[top].cell(left);
    if (text.empty()) continue;
    const std::uint64_t cells = (bottom - top + 1) * (right - left + 1);
    if (cells > budget) refuse_large_table(Location{file, static_cast<int>(top + 1), {}, ""});
    budget -= cells;
    for (std::size_t r = top; r <= bottom; ++r) {
      auto& cells_of_row = rows[r].cells;
      if (cells_of_row.size() <= right) cells_of_row.resize(right + 1);
      for (std::size_t c = left; c <= right; ++c) cells_of_row[c] = text;
    }
  }
}

}  // namespace

XlsTable read_xls(const std::string& path, const std::string& display_name, std::string_view bytes,
                  const std::string& sheet_name, InputKind kind, const std::function<void(GridRow&&)>* on_row,
                  CellFonts* fonts) {
  std::string stream;
  XlsWorkbook workbook;
  try {
    stream = xls_workbook_stream(bytes);
    workbook = scan_xls_workbook(stream);
  } catch (const XlsEncrypted&) {
    refuse_encrypted(display_name);
  } catch (const XlsOldFormat&) {
    refuse(display_name, "đây là tệp Excel 5.0/95 hoặc cũ hơn; kehoach đọc tệp .xls từ Excel 97-2003 trở đi: hãy mở "
                         "bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.");
  } catch (const XlsDamaged&) {
    // An encrypted .xlsx is a compound file too, its package in a stream beside "EncryptionInfo".
    if (bytes.find(std::string_view("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o", 28)) != std::string_view::npos)
      refuse_encrypted(display_name);
    refuse_damaged(display_name);
  }
  const XlsSheetInfo& chosen = choose(workbook, sheet_name, display_name);

  // libfreexl allocates every sheet's declared range: bounded before it is called.
  const std::uint64_t budget = kind == InputKind::Records ? kMaxXlsRecordCells : table_cell_budget();
  std::uint64_t declared = 0;
  for (const auto& sheet : workbook.sheets) {
    if (sheet.rows > 65536 || sheet.columns > 256) refuse_damaged(display_name);
    declared += sheet.rows * sheet.columns;
  }
  if (declared > budget) {
    if (kind == InputKind::Records)
      refuse(display_name, "các trang tính của tệp khai báo " + format_count(static_cast<long long>(declared)) +
                               " ô, quá " + format_count(static_cast<long long>(budget)) +
                               " ô mà kehoach đọc được từ một tệp .xls; hãy xoá các dòng, cột thừa hoặc lưu lại dưới "
                               "dạng .xlsx hay CSV (đọc từng dòng, không giới hạn số ô).");
    refuse_large_table(Location{display_name, static_cast<int>(chosen.rows), {}, ""});
  }
  XlsSheetScan scan;
  try {
    // Only the styles that change what a cell reads (a number format, a legacy font) are kept, cell by cell.
    std::vector<bool> keep_xf(workbook.xfs.size());
    for (std::size_t xf = 0; xf < keep_xf.size(); ++xf) {
      const NumberFormat format = format_of(workbook, static_cast<int>(xf));
      keep_xf[xf] = !format.general || format.percent || legacy_font_of(workbook, static_cast<int>(xf)).has_value();
    }
    scan = scan_xls_sheet(stream, chosen, static_cast<std::size_t>(chosen.rows * chosen.columns + 1), &keep_xf);
  } catch (const XlsDamaged&) {
    refuse_damaged(display_name);
  }

  FreexlHandle freexl;
  if (freexl_open(path.c_str(), &freexl.handle) != FREEXL_OK) refuse_damaged(display_name);
  unsigned int value = 0;
  if (freexl_get_info(freexl.handle, FREEXL_BIFF_PASSWORD, &value) == FREEXL_OK && value == FREEXL_BIFF_OBFUSCATED)
    refuse_encrypted(display_name);
  unsigned int sheets = 0;
  if (freexl_get_info(freexl.handle, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK) refuse_damaged(display_name);
  std::optional<unsigned short> index;
  for (unsigned int i = 0; i < sheets && !index; ++i) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(freexl.handle, static_cast<unsigned short>(i), &name) == FREEXL_OK && name &&
        chosen.name == name)
      index = static_cast<unsigned short>(i);
  }
  unsigned int rows = 0;
  unsigned short columns = 0;
  if (!index || freexl_select_active_worksheet(freexl.handle, *index) != FREEXL_OK ||
      freexl_worksheet_dimensions(freexl.handle, &rows, &columns) != FREEXL_OK)
    refuse_damaged(display_name);

  XlsTable table;
  CellFonts& cell_fonts = fonts ? *fonts : table.fonts;
  for (const auto& [where, extra] : scan.cells)
    if (const auto font = legacy_font_of(workbook, extra.xf)) cell_fonts[{where.first + 1, where.second}] = *font;
  table.grid.source = display_name;
  table.grid.sheet = chosen.name;
  auto& grid_rows = table.grid.rows;
  std::size_t last_row = 0;
  for (unsigned int r = 0; r < rows; ++r) {
    GridRow row;
    row.source_row = static_cast<int>(r + 1);
    for (unsigned short c = 0; c < columns; ++c) {
      FreeXL_CellValue cell;
      if (freexl_get_cell_value(freexl.handle, r, c, &cell) != FREEXL_OK) refuse_damaged(display_name);
      const auto found = scan.cells.find({static_cast<int>(r), static_cast<int>(c)});
      const XlsCellExtra* extra = found == scan.cells.end() ? nullptr : &found->second;
      std::string text = clean_text(cell_text(cell, extra, workbook));
      if (text.empty()) continue;
      const Location where{display_name, static_cast<int>(r + 1), static_cast<int>(c), ""};
      if (cell_too_long(text)) refuse_long_cell(where);
      if (c >= kMaxTableColumns) refuse_wide_row(where, false);
      if (row.cells.size() <= c) row.cells.resize(static_cast<std::size_t>(c) + 1);
      row.cells[c] = std::move(text);
    }
    if (on_row) {
      if (!row.is_blank()) (*on_row)(std::move(row));
      continue;
    }
    if (!row.is_blank()) last_row = r + 1;
    grid_rows.push_back(std::move(row));
  }
  if (on_row) return table;
  grid_rows.resize(last_row);
  std::uint64_t fill_budget = budget;
  fill_merges(grid_rows, scan.merges, fill_budget, display_name);
  return table;
}

}  // namespace kehoach
