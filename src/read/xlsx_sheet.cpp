#include "read/xlsx_sheet.h"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>

#include <algorithm>
#include <cctype>
#include <exception>

#include "model/input_error.h"
#include "package/ooxml_xml.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

using Poco::XML::XMLString;

constexpr int kMaxRows = 1048576;  // Excel's limits: anything beyond is a damaged file
constexpr int kMaxColumns = 16384;

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
// kept and the parse stopped (stop_flag()), then rethrown by read_sheet.
class SheetHandler : public Poco::XML::DefaultHandler {
 public:
  SheetHandler(const std::vector<std::string>& strings, const std::vector<NumberFormat>& formats,
               const RowCallback* on_row = nullptr)
      : strings_(strings), formats_(formats), on_row_(on_row) {}

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
    if (collecting_) cell_.value.append(characters + start, static_cast<std::size_t>(length));
  }

  bool broken() const { return broken_; }
  std::exception_ptr failure() const { return failure_; }
  const bool* stop_flag() const { return &stopped_; }
  std::vector<GridRow> take_rows();

 private:
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
    in_cell_ = true;
  }

  void end_cell() {
    in_cell_ = false;
    std::string text = clean_text(cell_text());
    if (!text.empty()) store(cell_.where, std::move(text));
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

  void store(const CellRef& where, std::string text) {
    if (on_row_) {
      auto& cells = current_.cells;
      if (static_cast<int>(cells.size()) <= where.column) cells.resize(static_cast<std::size_t>(where.column) + 1);
      cells[static_cast<std::size_t>(where.column)] = std::move(text);
      return;
    }
    while (static_cast<int>(rows_.size()) < where.row) {
      rows_.emplace_back();
      rows_.back().source_row = static_cast<int>(rows_.size());
    }
    auto& cells = rows_[static_cast<std::size_t>(where.row - 1)].cells;
    if (static_cast<int>(cells.size()) <= where.column) cells.resize(static_cast<std::size_t>(where.column) + 1);
    cells[static_cast<std::size_t>(where.column)] = std::move(text);
  }

  void add_merge(const std::string& ref) {
    if (on_row_) return;
    if (auto range = parse_range(ref)) merges_.push_back(*range);
  }

  void fill_merge(const CellRange& range, int last_row, int last_column);
  void mark_broken() { broken_ = true; }

  const std::vector<std::string>& strings_;
  const std::vector<NumberFormat>& formats_;
  const RowCallback* on_row_;
  GridRow current_;               // the row being read, when rows are handed over
  std::exception_ptr failure_;    // what on_row threw
  bool stopped_ = false;          // set with failure_: the parser is to read no further
  std::vector<GridRow> rows_;
  std::vector<CellRange> merges_;
  Cell cell_;
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
  for (int row = top; row <= bottom; ++row)
    for (int column = left; column <= right; ++column) store(CellRef{row, column}, text);
}

std::vector<GridRow> SheetHandler::take_rows() {
  const int last_row = static_cast<int>(rows_.size());
  int last_column = -1;
  for (const auto& row : rows_) last_column = std::max(last_column, static_cast<int>(row.cells.size()) - 1);
  for (const auto& range : merges_) fill_merge(range, last_row, last_column);
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
  SheetHandler handler(strings, formats, on_row);
  try {
    package.parse_sax(part, handler, on_row ? handler.stop_flag() : nullptr);
  } catch (const InputError&) {
    if (!handler.failure()) throw;  // else the XML was only cut off by the stop
  }
  if (handler.failure()) std::rethrow_exception(handler.failure());
  if (handler.broken()) package.fail_broken(part);
  return handler.take_rows();
}

}  // namespace kehoach
