#include "read/xlsx_sheet.h"

#include <algorithm>
#include <cstring>
#include <exception>

#include "model/input_error.h"
#include "package/ooxml_xml.h"
#include "read/table_bounds.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr int kMaxRows = 1048576;  // Excel's limits: anything beyond is a damaged file
constexpr int kMaxColumns = 16384;
// A cell's text as the XML holds it may be longer than the text it stands for: each _xHHHH_ escape is
// seven characters for one. Beyond this it cannot be a cell Excel wrote.
constexpr std::size_t kMaxRawCellCharacters = 7 * kMaxCellCharacters;

// ---------------------------------------------------------------------------------------------
// The worksheet, streamed: <sheetData><row><c r="C5" t=".." s=".."><v>..</v></c></row>, then
// <mergeCells><mergeCell ref="D5:E5"/>. Handlers must not throw through the XML parser, so a
// damaged value only marks the sheet broken and read_sheet reports it afterwards.

// The elements the sheet's reader looks at, told apart by length and first letter: a million-row
// sheet has some twenty million of them.
enum class Tag { Other, SheetData, Row, Cell, Value, InlineString, Text, Phonetic, MergeCell };

Tag tag_of(std::string_view name) {
  switch (name.size()) {
    case 1: return name[0] == 'c' ? Tag::Cell : name[0] == 'v' ? Tag::Value : name[0] == 't' ? Tag::Text : Tag::Other;
    case 2: return name == "is" ? Tag::InlineString : Tag::Other;
    case 3: return name == "row" ? Tag::Row : name == "rPh" ? Tag::Phonetic : Tag::Other;
    case 9: return name == "sheetData" ? Tag::SheetData : name == "mergeCell" ? Tag::MergeCell : Tag::Other;
    default: return Tag::Other;
  }
}

// A cell's t="": shared string, inline string, formula string, boolean, error, ISO date; anything
// else (n, or none) is a number.
enum class CellType { Number, Shared, Inline, Formula, Boolean, Error, Date };

CellType type_of(std::string_view t) {
  if (t == "s") return CellType::Shared;
  if (t == "inlineStr") return CellType::Inline;
  if (t == "str") return CellType::Formula;
  if (t == "b") return CellType::Boolean;
  if (t == "e") return CellType::Error;
  if (t == "d") return CellType::Date;
  return CellType::Number;
}

// parse_int, the short way for what a sheet writes as a style's or a shared string's number: up to nine
// digits (from_chars, for twenty million of them, costs more than the parse of the element they are in).
// Anything else goes to parse_int itself.
std::optional<int> parse_index(std::string_view text) {
  if (text.empty() || text.size() > 9) return text.empty() ? std::nullopt : parse_int(text);
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return parse_int(text);
    value = value * 10 + (c - '0');
  }
  return value;
}

struct Cell {
  CellRef where;
  CellType type = CellType::Number;
  int style = 0;      // s=""
  std::string value;  // <v> or the inline string's text, as the XML holds it (its memory kept from cell to cell)
};

// Two modes: rows collected for read_xlsx (merged ranges filled at the end), or, with `on_row`,
// each row handed over as soon as it ends and forgotten (merged ranges are listed after the rows
// in the XML, too late to fill; records files do not merge cells). An exception from `on_row` is
// kept and the parse stopped, then rethrown by read_sheet; so is the InputError of a cell beyond the
// table's bounds (table_bounds.h): too long, too far right, or, read whole, too many.
//
// Streamed, nothing is copied but into the row handed over: a cell's text is cleaned from the XML's
// text or from its shared string into a string whose memory is used again for the next cell, then
// swapped into the row, whose cells keep their memory from row to row.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(std::string source, const SharedStrings& strings, const CellStyles& styles,
               const RowCallback* on_row = nullptr, CellFonts* fonts = nullptr)
      : source_(std::move(source)), strings_(strings), formats_(styles.formats), style_fonts_(styles.fonts),
        fonts_(fonts), on_row_(on_row),
        cell_budget_(on_row ? 0 : table_cell_budget()) {}

  void start(std::string_view name, const char* const* attributes) override {
    switch (tag_of(name)) {
      case Tag::SheetData: in_sheet_data_ = true; return;
      case Tag::MergeCell:
        if (!in_sheet_data_) add_merge(xml_attribute_text(attributes, "ref"));
        return;
      case Tag::Row:
        if (in_sheet_data_) start_row(attributes);
        return;
      case Tag::Cell:
        if (in_sheet_data_) start_cell(attributes);
        return;
      case Tag::Value:
        if (in_cell_) collecting_ = true;
        return;
      case Tag::InlineString:
        if (in_cell_) in_inline_ = true;
        return;
      case Tag::Phonetic:
        if (in_inline_) in_phonetic_ = true;
        return;
      case Tag::Text:
        if (in_inline_ && !in_phonetic_) collecting_ = true;
        return;
      case Tag::Other: return;
    }
  }

  void end(std::string_view name) override {
    switch (tag_of(name)) {
      case Tag::Value:
      case Tag::Text: collecting_ = false; return;
      case Tag::Phonetic: in_phonetic_ = false; return;
      case Tag::InlineString: in_inline_ = false; return;
      case Tag::Cell:
        if (in_cell_) end_cell();
        return;
      case Tag::Row:
        if (on_row_ && in_sheet_data_) hand_over_row();
        return;
      case Tag::SheetData: in_sheet_data_ = false; return;
      default: return;
    }
  }

  void text(std::string_view piece) override {
    if (!collecting_) return;
    cell_.value.append(piece);
    if (value_length_.over(cell_.value)) refuse([&] { refuse_long_cell(here(cell_.where)); });
  }

  bool broken() const { return broken_; }
  std::exception_ptr failure() const { return failure_; }
  std::vector<GridRow> take_rows();

 private:
  Location here(const CellRef& where) const { return Location{source_, where.row, where.column, ""}; }

  // Keeps the InputError `throw_it` throws and stops the parse: nothing may throw through expat.
  template <typename Thrower>
  void refuse(Thrower throw_it) {
    try {
      throw_it();
    } catch (...) {
      failure_ = std::current_exception();
      stop();
    }
  }

  void hand_over_row() {
    current_.source_row = row_;
    current_.cells.resize(width_);
    try {
      if (!current_.is_blank()) (*on_row_)(std::move(current_));
    } catch (...) {
      failure_ = std::current_exception();
      stop();
    }
    width_ = 0;  // the cells stay, with their memory, for the next row (unless on_row took them)
  }

  // <row r="5">; without r, rows follow one another.
  void start_row(const char* const* attributes) {
    const char* r = xml_attribute(attributes, "r");
    auto number = r == nullptr || *r == '\0' ? std::optional<int>(row_ + 1) : parse_int(r);
    if (!number || *number < 1 || *number > kMaxRows) return mark_broken();
    row_ = *number;
    column_ = -1;
  }

  // <c r="C5" t="s" s="3">; without r, cells follow one another in the current row.
  void start_cell(const char* const* attributes) {
    std::string_view r, t, s;
    for (const char* const* at = attributes; at[0] != nullptr; at += 2) {
      const char* name = at[0];
      if (name[0] == 'x' && std::strncmp(name, "xmlns", 5) == 0 && (name[5] == '\0' || name[5] == ':')) continue;
      const char* local = name;
      for (const char* c = name; *c != '\0'; ++c)
        if (*c == ':') local = c + 1;
      if (local[0] == '\0' || local[1] != '\0') continue;
      if (local[0] == 'r') r = at[1];
      else if (local[0] == 't') t = at[1];
      else if (local[0] == 's') s = at[1];
    }
    auto where = r.empty() ? std::optional<CellRef>(CellRef{row_, column_ + 1}) : parse_cell_ref(r);
    if (!where || where->row < 1 || where->column >= kMaxColumns) return mark_broken();
    column_ = where->column;
    cell_.where = *where;
    cell_.type = type_of(t);
    cell_.style = s.empty() ? 0 : parse_index(s).value_or(0);
    cell_.value.clear();
    value_length_.reset();
    in_cell_ = true;
  }

  void end_cell() {
    in_cell_ = false;
    if (!cell_text()) return;
    if (text_.empty()) return;  // a cell only formatted, however far away, holds nothing to bound
    if (cell_too_long(text_)) return refuse([&] { refuse_long_cell(here(cell_.where)); });
    if (cell_.where.column >= kMaxTableColumns) return refuse([&] { refuse_wide_row(here(cell_.where), false); });
    note_legacy_font();
    store(cell_.where, text_);
  }

  // The cell's text, cleaned, into text_; false when the cell is damaged (an unknown shared string).
  bool cell_text() {
    const std::string& value = cell_.value;
    if (value.empty()) {
      text_.clear();
      return true;
    }
    switch (cell_.type) {
      case CellType::Shared: return shared_string();
      case CellType::Inline:
      case CellType::Formula:
        if (value.find("_x") == std::string::npos) clean_text_into(value, text_);
        else clean_text_into(decode_escapes(value), text_);
        return true;
      case CellType::Boolean: text_ = value == "1" ? "TRUE" : "FALSE"; return true;
      case CellType::Error:
      case CellType::Date: clean_text_into(value, text_); return true;  // error codes (#DIV/0!) and ISO dates as written
      case CellType::Number: clean_text_into(number_text(value, number_format()), text_); return true;
    }
    return true;
  }

  bool shared_string() {
    auto index = parse_index(cell_.value);
    if (!index || *index < 0 || static_cast<std::size_t>(*index) >= strings_.size()) {
      mark_broken();
      return false;
    }
    clean_text_into(strings_[static_cast<std::size_t>(*index)], text_);
    return true;
  }

  // A cell in a legacy font (.VnTime…) is noted for the legacy text detection, by (Excel row, column).
  void note_legacy_font() {
    if (!fonts_ || cell_.style < 0 || static_cast<std::size_t>(cell_.style) >= style_fonts_.size()) return;
    if (const auto& font = style_fonts_[static_cast<std::size_t>(cell_.style)])
      (*fonts_)[{cell_.where.row, cell_.where.column}] = *font;
  }

  NumberFormat number_format() const {
    if (cell_.style < 0 || static_cast<std::size_t>(cell_.style) >= formats_.size()) return NumberFormat{};
    return formats_[static_cast<std::size_t>(cell_.style)];
  }

  // Read whole, every row and every cell the rows widen to counts against the table's cell budget
  // (table_bounds.h); past it, the sheet is refused and false returned. `text` is swapped in: the
  // caller gets back whatever memory the cell had.
  bool store(const CellRef& where, std::string& text) {
    const auto column = static_cast<std::size_t>(where.column);
    if (on_row_) {
      auto& cells = current_.cells;
      if (cells.size() <= column) cells.resize(column + 1);
      for (std::size_t skipped = width_; skipped < column; ++skipped) cells[skipped].clear();
      width_ = std::max(width_, column + 1);
      cells[column].swap(text);
      return true;
    }
    const auto row = static_cast<std::size_t>(where.row - 1);
    const std::size_t rows_added = row < rows_.size() ? 0 : row + 1 - rows_.size();
    const std::size_t width = rows_added > 0 ? 0 : rows_[row].cells.size();
    if (!count_cells(rows_added + (column < width ? 0 : column + 1 - width), where.row)) return false;
    while (rows_.size() <= row) {
      rows_.emplace_back();
      rows_.back().source_row = static_cast<int>(rows_.size());
    }
    auto& cells = rows_[row].cells;
    if (cells.size() <= column) cells.resize(column + 1);
    cells[column].swap(text);
    return true;
  }

  bool count_cells(std::uint64_t cells, int row) {
    cells_counted_ += cells;
    if (cells_counted_ <= cell_budget_) return true;
    refuse([&] { refuse_large_table(Location{source_, row, {}, ""}); });
    return false;
  }

  void add_merge(std::string_view ref) {
    if (on_row_) return;
    if (auto range = parse_range(ref)) merges_.push_back(*range);
  }

  void fill_merge(const CellRange& range, int last_row, int last_column);
  void mark_broken() {  // nothing after it can be trusted: read no further
    broken_ = true;
    stop();
  }

  const std::string source_;
  const SharedStrings& strings_;
  const std::vector<NumberFormat>& formats_;
  const std::vector<std::optional<LegacyFont>>& style_fonts_;
  CellFonts* fonts_;
  const RowCallback* on_row_;
  const std::uint64_t cell_budget_;  // read whole: the cells the rows may hold, empty ones between included
  std::uint64_t cells_counted_ = 0;
  GridRow current_;               // the row being read, when rows are handed over
  std::size_t width_ = 0;         // the cells of current_ this row has reached
  std::exception_ptr failure_;    // what on_row threw, or the InputError of a cell out of bounds
  std::vector<GridRow> rows_;
  std::vector<CellRange> merges_;
  Cell cell_;
  std::string text_;  // the cell's text, cleaned
  GrowingText value_length_{kMaxRawCellCharacters};
  int row_ = 0;
  int column_ = -1;
  bool in_sheet_data_ = false;
  bool in_cell_ = false;
  bool in_inline_ = false;
  bool in_phonetic_ = false;
  bool collecting_ = false;
  bool broken_ = false;
};

// Copies the top-left text over the range, but not beyond the cells that hold data: a title
// merged across a whole row or column must not turn into a million copies.
void SheetHandler::fill_merge(const CellRange& range, int last_row, int last_column) {
  const int top = std::min(range.first.row, range.last.row);
  const int left = std::min(range.first.column, range.last.column);
  const int bottom = std::min(std::max(range.first.row, range.last.row), last_row);
  const int right = std::min(std::max(range.first.column, range.last.column), last_column);
  if (top > last_row) return;  // the range starts below every row with data
  const std::string text = rows_[static_cast<std::size_t>(top - 1)].cell(static_cast<std::size_t>(left));
  if (text.empty()) return;
  // Each cell filled counts, so that many ranges over the same cells cannot make the work endless.
  if (!count_cells(static_cast<std::uint64_t>(bottom - top + 1) * static_cast<std::uint64_t>(right - left + 1), top))
    return;
  for (int row = top; row <= bottom; ++row)
    for (int column = left; column <= right; ++column) {
      std::string copy = text;
      store(CellRef{row, column}, copy);
    }
}

std::vector<GridRow> SheetHandler::take_rows() {
  const int last_row = static_cast<int>(rows_.size());
  int last_column = -1;
  for (const auto& row : rows_) last_column = std::max(last_column, static_cast<int>(row.cells.size()) - 1);
  for (const auto& range : merges_) {
    if (failure_) break;
    fill_merge(range, last_row, last_column);
  }
  if (failure_) std::rethrow_exception(failure_);
  return std::move(rows_);
}

}  // namespace

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0;
  int column = 0;
  for (; i < ref.size(); ++i) {
    const char c = ref[i];
    const int letter = c >= 'A' && c <= 'Z' ? c - 'A' + 1 : c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
    if (letter == 0) break;
    column = column * 26 + letter;
    if (column > kMaxColumns) return std::nullopt;
  }
  // The row: digits only (leading zeros allowed), as parse_int reads them; a sign is never a row.
  std::string_view digits = ref.substr(i);
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  if (column == 0 || digits.empty() || digits.size() > 9) return std::nullopt;
  int row = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    row = row * 10 + (c - '0');
  }
  if (row < 1 || row > kMaxRows) return std::nullopt;
  return CellRef{row, column - 1};
}

std::optional<CellRange> parse_range(std::string_view ref) {
  auto colon = ref.find(':');
  auto first = parse_cell_ref(ref.substr(0, colon));
  auto last = colon == std::string_view::npos ? first : parse_cell_ref(ref.substr(colon + 1));
  if (!first || !last) return std::nullopt;
  return CellRange{*first, *last};
}

std::vector<GridRow> read_sheet(XlsxPackage& package, const std::string& part, const SharedStrings& strings,
                                const CellStyles& styles, const RowCallback* on_row, CellFonts* fonts) {
  if (!package.has(part)) package.fail_broken(part);
  SheetHandler handler(package.display_name(), strings, styles, on_row, fonts);
  package.parse_xml(part, handler);
  if (handler.failure()) std::rethrow_exception(handler.failure());
  if (handler.broken()) package.fail_broken(part);
  return handler.take_rows();
}

}  // namespace kehoach
