#include "read/csv_reader.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/input_error.h"
#include "read/table_bounds.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string_view without_bom(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  return text;
}

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// Length of the line break at `i` (CRLF is one break of two bytes), 0 if there is none.
std::size_t line_break_length(std::string_view text, std::size_t i) {
  if (text[i] == '\r') return i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
  return text[i] == '\n' ? 1 : 0;
}

bool is_blank_text(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t' && !is_line_break(c)) return false;
  return true;
}

struct FirstRecord {
  std::string_view text;
  bool complete = false;  // its line break (or the end of the file) has been seen
};

// The first record that is not blank, as text. Its separator is not known yet, so a quote
// simply toggles "inside quotes" (a doubled quote toggles twice and changes nothing).
FirstRecord first_non_blank_record(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    bool quoted = false;
    std::size_t i = start;
    while (i < text.size() && (quoted || !is_line_break(text[i]))) {
      if (text[i] == '"') quoted = !quoted;
      ++i;
    }
    std::string_view record = text.substr(start, i - start);
    if (!is_blank_text(record)) return {record, i < text.size()};
    start = i < text.size() ? i + line_break_length(text, i) : i;
  }
  return {};
}

}  // namespace

// Hands over the file record by record. Line numbers advance on every line break, inside
// quotes or not, so that each row knows the physical line where its record began.
//
// Ordinary bytes are taken in runs up to the next separator, quote or line break. A field that
// lies whole in the chunk is kept as a view into it and cleaned from there: most fields of a large
// file are never copied before clean_text makes the cell.
class CsvParser::Impl {
 public:
  Impl(char separator, const std::string& source, RowSink sink)
      : separator_(separator), source_(source), sink_(std::move(sink)) {
    for (char c : {separator, '"', '\r', '\n'}) special_[static_cast<unsigned char>(c)] = true;
  }

  std::size_t feed(std::string_view chunk, bool last) {
    text_ = chunk;
    pos_ = 0;
    while (pos_ < text_.size() && (last || !needs_next_chunk())) {
      if (quoted_) read_quoted();
      else read_plain();
    }
    own_field();  // the chunk goes away after this call
    return pos_;
  }

  void finish() {
    if (quoted_)
      throw InputError(Location{source_, quote_line_, std::nullopt, ""},
                       "dấu ngoặc kép (\") mở ở dòng này không được đóng; hãy thêm dấu ngoặc "
                       "kép đóng ở cuối ô hoặc xoá dấu ngoặc kép thừa.");
    if (record_open()) end_record();
  }

  int line() const { return line_; }

 private:
  // A CR that may be the first half of a CRLF, or a quote that may be the first of a doubled
  // one, cannot be read until the next byte is known.
  bool needs_next_chunk() const {
    return pos_ + 1 == text_.size() && (text_[pos_] == '\r' || (quoted_ && text_[pos_] == '"'));
  }

  bool record_open() const { return !cells_.empty() || !field().empty() || field_started_; }

  void read_plain() {
    const char c = text_[pos_];
    if (is_line_break(c)) return end_line();
    if (c == separator_) {
      ++pos_;
      return end_field();
    }
    if (c == '"' && opens_quote()) {
      ++pos_;
      clear_field();  // spaces before the opening quote are not part of the value
      quoted_ = true;
      field_started_ = true;
      quote_line_ = line_;
      return;
    }
    add_run(next_special(pos_ + 1));  // a quote that opens nothing is text
  }

  // A quote opens a quoted field only at its start: Excel writes 5" as a plain 5".
  // Hand-made files sometimes put a space after the separator, which we allow.
  bool opens_quote() const { return !after_quote_ && is_blank_text(field()); }

  void read_quoted() {
    const char c = text_[pos_];
    if (c == '"') {
      const bool doubled = pos_ + 1 < text_.size() && text_[pos_ + 1] == '"';
      pos_ += doubled ? 2 : 1;
      if (doubled) add_char('"');
      else {
        quoted_ = false;
        after_quote_ = true;  // text after the closing quote is kept, as Excel does
      }
      return;
    }
    if (std::size_t n = line_break_length(text_, pos_)) {
      add_char('\n');
      pos_ += n;
      ++line_;
      return;
    }
    add_run(next_special(pos_ + 1));  // the separator is text here, but stopping at it costs little
  }

  void end_line() {
    const std::size_t n = line_break_length(text_, pos_);
    end_record();
    pos_ += n;
    ++line_;
    record_line_ = line_;
  }

  std::size_t next_special(std::size_t from) const {
    while (from < text_.size() && !special_[static_cast<unsigned char>(text_[from])]) ++from;
    return from;
  }

  // The field's text: the view while it lies uncopied in the chunk, else the copy.
  std::string_view field() const { return view_.empty() ? std::string_view(field_) : view_; }

  void add_run(std::size_t end) {
    const std::string_view run = text_.substr(pos_, end - pos_);
    pos_ = end;
    field_started_ = true;
    if (view_.empty() && field_.empty()) {
      view_ = run;
    } else {
      own_field();
      field_ += run;
    }
    check_field_length();
  }

  void add_char(char c) {
    own_field();
    field_ += c;
    field_started_ = true;
    check_field_length();
  }

  // A field longer than a cell can be (a quote left open swallows the rest of the file) is refused
  // as it grows, before it holds more than a cell's bytes.
  void check_field_length() {
    if (field_length_.over(field()))
      refuse_long_cell(Location{source_, record_line_, static_cast<int>(cells_.size()), ""}, quoted_ ? quote_line_ : 0);
  }

  void own_field() {
    if (view_.empty()) return;
    field_.assign(view_);
    view_ = {};
  }

  void clear_field() {
    field_.clear();
    view_ = {};
    field_length_.reset();
  }

  // No row of a table has more than kMaxTableColumns fields: a line of a hundred million separators is
  // refused at the first one too many, not read into as many empty cells.
  void end_field() {
    if (cells_.size() == static_cast<std::size_t>(kMaxTableColumns))
      refuse_wide_row(Location{source_, record_line_, kMaxTableColumns, ""}, true);
    cells_.push_back(clean_text(field()));
    clear_field();
    field_started_ = false;
    after_quote_ = false;
  }

  // An empty line gives a row with no cells; it is kept so that row numbers stay true. The cells'
  // vector comes back after the sink unless the sink kept it, and so is not grown again each row.
  void end_record() {
    if (record_open()) end_field();
    const std::size_t width = cells_.size();
    GridRow row{record_line_, std::move(cells_)};
    sink_(std::move(row));
    cells_ = std::move(row.cells);
    cells_.clear();
    cells_.reserve(width);
  }

  std::string_view text_;
  char separator_;
  const std::string source_;
  RowSink sink_;
  std::array<bool, 256> special_{};  // the bytes that end a run: separator, quote, CR, LF
  std::size_t pos_ = 0;
  int line_ = 1;
  int record_line_ = 1;
  int quote_line_ = 1;
  std::vector<std::string> cells_;
  std::string_view view_;  // the field so far, when it lies whole in the current chunk
  std::string field_;      // the field so far otherwise
  GrowingText field_length_{kMaxCellCharacters};
  bool field_started_ = false;  // distinguishes a field "" from no field at all
  bool quoted_ = false;
  bool after_quote_ = false;
};

CsvParser::CsvParser(char separator, const std::string& source, RowSink sink)
    : impl_(std::make_unique<Impl>(separator, source, std::move(sink))) {}
CsvParser::~CsvParser() = default;
std::size_t CsvParser::feed(std::string_view chunk, bool last) { return impl_->feed(chunk, last); }
void CsvParser::finish() { impl_->finish(); }
int CsvParser::line() const { return impl_->line(); }


char detect_separator(std::string_view utf8) {
  std::string_view record = first_non_blank_record(without_bom(utf8)).text;
  // Ties go to the earlier candidate: ';' is only ever there on purpose, while ',' may be
  // a decimal mark.
  constexpr std::array<char, 3> candidates = {';', ',', '\t'};
  std::array<int, 3> counts{};
  bool quoted = false;
  for (char c : record) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (std::size_t k = 0; k < candidates.size(); ++k)
      if (c == candidates[k]) ++counts[k];
  }
  std::size_t best = 1;  // ',' when none occurs
  int most = 0;
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (counts[k] > most) {
      most = counts[k];
      best = k;
    }
  return candidates[best];
}

bool holds_first_record(std::string_view utf8) { return first_non_blank_record(without_bom(utf8)).complete; }

Grid parse_csv(std::string_view utf8, const std::string& source) {
  std::string_view text = without_bom(utf8);
  Grid grid;
  grid.source = source;
  CsvParser parser(detect_separator(text), source, [&](GridRow&& row) { grid.rows.push_back(std::move(row)); });
  parser.feed(text, true);
  parser.finish();
  return grid;
}

}  // namespace kehoach
