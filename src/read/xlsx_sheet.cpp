#include "read/xlsx_sheet.h"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>

#include <algorithm>
#include <cctype>
#include <exception>

#include "model/input_error.h"
#include "package/ooxml_xml.h"
#include "read/table_bounds.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

using Poco::XML::XMLString;

constexpr int kMaxRows = 1048576;  // Excel's limits: anything beyond is a damaged file
constexpr int kMaxColumns = 16384;
// A cell's text as the XML holds it may be longer than the text it stands for: each _xHHHH_ escape is
// seven characters for one. Beyond this it cannot be a cell Excel wrote.
constexpr std::size_t kMaxRawCellCharacters = 7 * kMaxCellCharacters;

// ---------------------------------------------------------------------------------------------
// The worksheet, streamed: <sheetData><row><c r="C5" t=".." s=".."><v>..</v></c></row>, then
// <mergeCells><mergeCell ref="D5:E5"/>. Handlers must not throw through the XML parser, so a
// damaged value only marks the sheet broken and read_sheet reports it afterwards.

struct Cell {
  CellRef where;
  std::string type;  // t=""
  int style = 0;     // s=""
  std::string value;  // <v> or the inline string's text
};

// Two modes: rows collected for read_xlsx (merged ranges filled at the end), or, with `on_row`,
// each row handed over as soon as it ends and forgotten (merged ranges are listed after the rows
// in the XML, too late to fill; records files do not merge cells). An exception from `on_row` is
// kept and the parse stopped (stop_flag()), then rethrown by read_sheet; so is the InputError of a
// cell beyond the table's bounds (table_bounds.h): too long, too far right, or, read whole, too many.
class SheetHandler : public Poco::XML::DefaultHandler {
 public:
  SheetHandler(std::string source, const std::vector<std::string>& strings, const std::vector<NumberFormat>& formats,
               const RowCallback* on_row = nullptr)
      : source_(std::move(source)), strings_(strings), formats_(formats), on_row_(on_row),
        cell_budget_(on_row ? 0 : table_cell_budget()) {}

  void startElement(const XMLString&, const XMLString& local, const XMLString& qualified,
                    const Poco::XML::Attributes& attributes) override {
    if (failure_) return;
    const auto name = local_name(local, qualified);
    if (name == "sheetData") in_sheet_data_ = true;
    if (name == "mergeCell" && !in_sheet_data_) add_merge(sax_attribute(attributes, "ref"));
    if (!in_sheet_data_) return;
    if (name == "row") start_row(attributes);
    if (name == "c") start_cell(attributes);
    if (name == "v" && in_cell_) collecting_ = true;
    if (name == "is" && in_cell_) in_inline_ = true;
    if (name == "rPh" && in_inline_) in_phonetic_ = true;
    if (name == "t" && in_inline_ && !in_phonetic_) collecting_ = true;
  }

  void endElement(const XMLString&, const XMLString& local, const XMLString& qualified) override {
    if (failure_) return;
    const auto name = local_name(local, qualified);
    if (name == "v" || name == "t") collecting_ = false;
    if (name == "rPh") in_phonetic_ = false;
    if (name == "is") in_inline_ = false;
    if (name == "c" && in_cell_) end_cell();
    if (name == "row" && on_row_ && in_sheet_data_) hand_over_row();
    if (name == "sheetData") in_sheet_data_ = false;
  }

  void characters(const Poco::XML::XMLChar characters[], int start, int length) override {
    if (!collecting_ || failure_) return;
    cell_.value.append(characters + start, static_cast<std::size_t>(length));
    if (value_length_.over(cell_.value)) refuse([&] { refuse_long_cell(here(cell_.where)); });
  }

  bool broken() const { return broken_; }
  std::exception_ptr failure() const { return failure_; }
  const bool* stop_flag() const { return &stopped_; }
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
      stopped_ = true;
    }
  }

  void hand_over_row() {
    current_.source_row = row_;
    try {
      if (!current_.is_blank()) (*on_row_)(std::move(current_));
    } catch (...) {
      failure_ = std::current_exception();
      stopped_ = true;
    }
    current_.cells.clear();  // keeps its capacity for the next row, unless on_row took the cells
  }

  // <row r="5">; without r, rows follow one another.
  void start_row(const Poco::XML::Attributes& attributes) {
    const std::string r = sax_attribute(attributes, "r");
    auto number = r.empty() ? std::optional<int>(row_ + 1) : parse_int(r);
    if (!number || *number < 1 || *number > kMaxRows) return mark_broken();
    row_ = *number;
    column_ = -1;
  }

  // <c r="C5" t="s" s="3">; without r, cells follow one another in the current row.
  void start_cell(const Poco::XML::Attributes& attributes) {
    const std::string r = sax_attribute(attributes, "r");
    auto where = r.empty() ? std::optional<CellRef>(CellRef{row_, column_ + 1}) : parse_cell_ref(r);
    if (!where || where->row < 1 || where->column >= kMaxColumns) return mark_broken();
    column_ = where->column;
    cell_ = Cell{*where, sax_attribute(attributes, "t"), parse_int(sax_attribute(attributes, "s")).value_or(0), ""};
    value_length_.reset();
    in_cell_ = true;
  }

  void end_cell() {
    in_cell_ = false;
    std::string text = clean_text(cell_text());
    if (text.empty()) return;  // a cell only formatted, however far away, holds nothing to bound
    if (cell_too_long(text)) return refuse([&] { refuse_long_cell(here(cell_.where)); });
    if (cell_.where.column >= kMaxTableColumns) return refuse([&] { refuse_wide_row(here(cell_.where), false); });
    store(cell_.where, std::move(text));
  }

  std::string cell_text() {
    const std::string& type = cell_.type;
    if (cell_.value.empty()) return "";
    if (type == "s") return shared_string();
    if (type == "inlineStr" || type == "str") return decode_escapes(cell_.value);
    if (type == "b") return cell_.value == "1" ? "TRUE" : "FALSE";
    if (type == "e" || type == "d") return cell_.value;  // error codes (#DIV/0!) and ISO dates as written
    return number_text(cell_.value, number_format());
  }

  std::string shared_string() {
    auto index = parse_int(cell_.value);
    if (!index || *index < 0 || static_cast<std::size_t>(*index) >= strings_.size()) {
      mark_broken();
      return "";
    }
    return strings_[static_cast<std::size_t>(*index)];
  }

  NumberFormat number_format() const {
    if (cell_.style < 0 || static_cast<std::size_t>(cell_.style) >= formats_.size()) return NumberFormat{};
    return formats_[static_cast<std::size_t>(cell_.style)];
  }

  // Read whole, every row and every cell the rows widen to counts against the table's cell budget
  // (table_bounds.h); past it, the sheet is refused and false returned.
  bool store(const CellRef& where, std::string text) {
    if (on_row_) {
      auto& cells = current_.cells;
      if (static_cast<int>(cells.size()) <= where.column) cells.resize(static_cast<std::size_t>(where.column) + 1);
      cells[static_cast<std::size_t>(where.column)] = std::move(text);
      return true;
    }
    const auto row = static_cast<std::size_t>(where.row - 1), column = static_cast<std::size_t>(where.column);
    const std::size_t rows_added = row < rows_.size() ? 0 : row + 1 - rows_.size();
    const std::size_t width = rows_added > 0 ? 0 : rows_[row].cells.size();
    if (!count_cells(rows_added + (column < width ? 0 : column + 1 - width), where.row)) return false;
    while (rows_.size() <= row) {
      rows_.emplace_back();
      rows_.back().source_row = static_cast<int>(rows_.size());
    }
    auto& cells = rows_[row].cells;
    if (cells.size() <= column) cells.resize(column + 1);
    cells[column] = std::move(text);
    return true;
  }

  bool count_cells(std::uint64_t cells, int row) {
    cells_counted_ += cells;
    if (cells_counted_ <= cell_budget_) return true;
    refuse([&] { refuse_large_table(Location{source_, row, {}, ""}); });
    return false;
  }

  void add_merge(const std::string& ref) {
    if (on_row_) return;
    if (auto range = parse_range(ref)) merges_.push_back(*range);
  }

  void fill_merge(const CellRange& range, int last_row, int last_column);
  void mark_broken() { broken_ = stopped_ = true; }  // nothing after it can be trusted: read no further

  const std::string source_;
  const std::vector<std::string>& strings_;
  const std::vector<NumberFormat>& formats_;
  const RowCallback* on_row_;
  const std::uint64_t cell_budget_;  // read whole: the cells the rows may hold, empty ones between included
  std::uint64_t cells_counted_ = 0;
  GridRow current_;               // the row being read, when rows are handed over
  std::exception_ptr failure_;    // what on_row threw
  bool stopped_ = false;          // set with failure_: the parser is to read no further
  std::vector<GridRow> rows_;
  std::vector<CellRange> merges_;
  Cell cell_;
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
    for (int column = left; column <= right; ++column) store(CellRef{row, column}, text);
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
  CellRef cell;
  std::size_t i = 0;
  int column = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
    column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
  }
  auto row = parse_int(ref.substr(i));
  if (column == 0 || !row || *row < 1 || *row > kMaxRows) return std::nullopt;
  cell.column = column - 1;
  cell.row = *row;
  return cell;
}

std::optional<CellRange> parse_range(std::string_view ref) {
  auto colon = ref.find(':');
  auto first = parse_cell_ref(ref.substr(0, colon));
  auto last = colon == std::string_view::npos ? first : parse_cell_ref(ref.substr(colon + 1));
  if (!first || !last) return std::nullopt;
  return CellRange{*first, *last};
}

std::vector<GridRow> read_sheet(XlsxPackage& package, const std::string& part, const std::vector<std::string>& strings,
                                const std::vector<NumberFormat>& formats, const RowCallback* on_row) {
  if (!package.has(part)) package.fail_broken(part);
  SheetHandler handler(package.display_name(), strings, formats, on_row);
  package.parse_sax(part, handler, handler.stop_flag());
  if (handler.failure()) std::rethrow_exception(handler.failure());
  if (handler.broken()) package.fail_broken(part);
  return handler.take_rows();
}

}  // namespace kehoach
