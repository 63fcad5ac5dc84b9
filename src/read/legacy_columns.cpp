#include "read/legacy_columns.h"

#include <algorithm>

#include "model/input_error.h"
#include "text/column_letter.h"
#include "text/number_words.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr std::size_t kHeadBytes = 1 << 20;

// A table typed in TCVN3 often has its heading retyped in Unicode (a newer template, a title fixed in a
// newer Excel): up to this many Unicode cells above a column's first legacy cell are its heading (title,
// column name, sub-heading), kept as they are; more, and the column mixes the two (refused).
constexpr long long kHeadingCells = 5;

// What a column's cells said, and what was decided for it.
struct ColumnState {
  long long unicode = 0, ambiguous = 0;
  long long heading_unicode = 0, heading_ambiguous = 0;  // of those, above the column's first legacy cell
  long long legacy[2] = {0, 0};  // TCVN3, VNI
  int first_unicode = 0, first_ambiguous = 0, first_unicode_in_body = 0;
  int first_legacy[2] = {0, 0};
  std::optional<LegacyEncoding> convert;
  long long converted = 0;
  // The last cell judged without a font and what it said, the last converted and what it became: a
  // household list repeats its commune and village row after row, a million rows.
  std::string judged_text, source_text, decoded_text;
  CellEvidence judged_evidence = CellEvidence::None;
};

int index_of(LegacyEncoding encoding) { return encoding == LegacyEncoding::Tcvn3 ? 0 : 1; }
LegacyEncoding encoding_at(int index) { return index == 0 ? LegacyEncoding::Tcvn3 : LegacyEncoding::Vni; }

std::string font_words(LegacyEncoding encoding) {
  return encoding == LegacyEncoding::Tcvn3 ? "mã TCVN3 (phông .VnTime, .VnArial…)" : "mã VNI (phông VNI-Times…)";
}

std::string choice_word(LegacyEncoding encoding) { return encoding == LegacyEncoding::Tcvn3 ? "tcvn3" : "vni"; }

// What the refusals tell the user to do, on the command line (encoding_advice() has the upload forms' words).
std::string weak_advice(LegacyEncoding encoding) {
  return "nếu đúng vậy, hãy chạy lại với --encoding " + choice_word(encoding) +
         "; nếu chữ trong bảng đã đúng, hãy chạy lại với --encoding unicode.";
}

std::string mixed_advice(LegacyEncoding encoding) {
  return "hãy chuyển cả cột về Unicode (bằng công cụ chuyển mã, như Unikey) rồi lưu lại, hoặc chạy lại với --encoding " +
         choice_word(encoding) + " để chuyển các ô không phải Unicode.";
}

std::string two_legacies_advice() {
  return "hãy chuyển cả cột về Unicode rồi lưu lại, hoặc chọn một mã bằng --encoding tcvn3 hoặc --encoding vni.";
}

std::optional<LegacyFont> font_at(const CellFonts* fonts, int row, int column) {
  if (!fonts) return std::nullopt;
  const auto found = fonts->find({row, column});
  if (found == fonts->end()) return std::nullopt;
  return found->second;
}

}  // namespace

class LegacyRowFilter::Columns {
 public:
  Columns(std::string source, EncodingChoice choice) : source_(std::move(source)), choice_(choice) {}

  bool active() const { return choice_ != EncodingChoice::Unicode; }

  void look(const GridRow& row, const CellFonts* fonts) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const std::string& text = row.cells[c];
      if (text.empty() || is_ascii(text)) continue;
      ColumnState& column = state(c);
      const auto font = font_at(fonts, row.source_row, static_cast<int>(c));
      switch (judged(column, text, font)) {
        case CellEvidence::Unicode:
          note(column.unicode, column.first_unicode, row.source_row);
          if (no_legacy_yet(column)) ++column.heading_unicode;
          else if (column.first_unicode_in_body == 0) column.first_unicode_in_body = row.source_row;
          break;
        case CellEvidence::Ambiguous:
          note(column.ambiguous, column.first_ambiguous, row.source_row);
          if (no_legacy_yet(column)) ++column.heading_ambiguous;
          break;
        case CellEvidence::Tcvn3: note(column.legacy[0], column.first_legacy[0], row.source_row); break;
        case CellEvidence::Vni: note(column.legacy[1], column.first_legacy[1], row.source_row); break;
        case CellEvidence::None: break;
      }
    }
  }

  void decide() {
    if (!active()) return;
    if (choice_ != EncodingChoice::Auto) return decide_forced();
    long long totals[2] = {0, 0};
    for (const auto& column : columns_)
      for (int e = 0; e < 2; ++e) totals[e] += column.legacy[e];
    if (totals[0] + totals[1] == 0) return;
    const int table_encoding = totals[0] >= totals[1] ? 0 : 1;
    if (totals[0] + totals[1] < kMinLegacyCells) {
      for (std::size_t c = 0; c < columns_.size(); ++c)
        if (columns_[c].legacy[table_encoding] > 0)
          refuse_weak(c, columns_[c].first_legacy[table_encoding], encoding_at(table_encoding));
    }
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      ColumnState& column = columns_[c];
      if (column.legacy[0] > 0 && column.legacy[1] > 0) refuse_two_legacies(c);
      const int e = column.legacy[0] > 0 ? 0 : 1;
      const long long legacy = column.legacy[e];
      if (legacy > 0 && unicode_in_body(column) > 0)
        refuse_mixed(c, encoding_at(e), column.first_legacy[e], first_unicode_in_body(column));
      if (legacy > 0 && legacy < ambiguous_in_body(column)) refuse_weak(c, column.first_legacy[e], encoding_at(e));
      if (legacy > 0) column.convert = encoding_at(e);
      if (legacy == 0 && column.unicode == 0 && column.ambiguous > 0)
        refuse_weak(c, column.first_ambiguous, encoding_at(table_encoding));
    }
  }

  // Converts the cells of the columns decided legacy. `check`: rows after the judged ones, whose
  // cells must agree with their column's decision.
  void convert(GridRow& row, const CellFonts* fonts, bool check) {
    if (!active()) return;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      std::string& text = row.cells[c];
      if (text.empty() || is_ascii(text)) continue;
      ColumnState& column = state(c);
      const auto font = font_at(fonts, row.source_row, static_cast<int>(c));
      const bool forced = choice_ != EncodingChoice::Auto;
      if (!column.convert) {
        if (check && !forced) check_unicode_cell(c, row.source_row, text, font);
        continue;
      }
      const CellEvidence evidence = judged(column, text, font);
      const bool readable_as_is = evidence == CellEvidence::Unicode || evidence == CellEvidence::Ambiguous;
      if (readable_as_is && in_heading(column, row.source_row)) continue;  // "Thôn" above TCVN3 "S©m Cån"
      if (evidence == CellEvidence::Unicode) {
        if (!forced) refuse_mixed(c, *column.convert, column.first_legacy[index_of(*column.convert)], row.source_row);
        continue;  // --encoding: the cells only Unicode can be stay as they are
      }
      // A column --encoding converts although it holds Unicode cells (old rows typed in TCVN3, new ones in
      // Unicode): only the cells that read as legacy text are converted; those either could be stay.
      if (unicode_in_body(column) > 0 && evidence != CellEvidence::Tcvn3 && evidence != CellEvidence::Vni)
        continue;
      if (!font && text == column.source_text) {
        if (column.decoded_text != text) ++column.converted;
        text = column.decoded_text;
        continue;
      }
      auto decoded = decode_legacy(text, *column.convert);
      if (!decoded) continue;
      if (font && font->upper_case) decoded = to_upper(*decoded);
      if (*decoded != text) ++column.converted;
      if (!font) {
        column.source_text = text;
        column.decoded_text = *decoded;
      }
      text = std::move(*decoded);
    }
  }

  std::vector<std::string> notes() const {
    std::vector<std::string> notes;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const ColumnState& column = columns_[c];
      if (!column.convert || column.converted == 0) continue;
      notes.push_back(format_location(Location{source_, {}, static_cast<int>(c), ""}) + ": chuyển từ mã " +
                      legacy_name(*column.convert) + " sang Unicode, " + format_count(column.converted) + " ô.");
    }
    return notes;
  }

 private:
  ColumnState& state(std::size_t column) {
    if (columns_.size() <= column) columns_.resize(column + 1);
    return columns_[column];
  }

  static void note(long long& count, int& first, int row) {
    if (count++ == 0) first = row;
  }

  // judge_cell, remembering the column's last answer for a cell without a font.
  static CellEvidence judged(ColumnState& column, const std::string& text, const std::optional<LegacyFont>& font) {
    if (font) return judge_cell(text, font->encoding);
    if (text != column.judged_text) {
      column.judged_evidence = judge_cell(text);
      column.judged_text = text;
    }
    return column.judged_evidence;
  }

  static bool no_legacy_yet(const ColumnState& column) { return column.legacy[0] + column.legacy[1] == 0; }

  // The cells readable as they are above the column's first legacy cell are its heading when few.
  static bool has_heading(const ColumnState& column) {
    const long long cells = column.heading_unicode + column.heading_ambiguous;
    return cells > 0 && cells <= kHeadingCells && !no_legacy_yet(column);
  }

  static bool in_heading(const ColumnState& column, int row) {
    if (!has_heading(column)) return false;
    const int first = column.legacy[0] > 0 ? column.first_legacy[0] : column.first_legacy[1];
    return row < first;
  }

  // The column's Unicode cells besides its heading: among or below its legacy cells.
  static long long unicode_in_body(const ColumnState& column) {
    return column.unicode - (has_heading(column) ? column.heading_unicode : 0);
  }
  static long long ambiguous_in_body(const ColumnState& column) {
    return column.ambiguous - (has_heading(column) ? column.heading_ambiguous : 0);
  }
  static int first_unicode_in_body(const ColumnState& column) {
    return has_heading(column) ? column.first_unicode_in_body : column.first_unicode;
  }

  void decide_forced() {
    const LegacyEncoding encoding = choice_ == EncodingChoice::Tcvn3 ? LegacyEncoding::Tcvn3 : LegacyEncoding::Vni;
    for (ColumnState& column : columns_) {
      const long long legacy = column.legacy[0] + column.legacy[1];
      if (column.unicode > 0 && legacy == 0) continue;  // a Unicode column, whatever --encoding says
      if (legacy > 0 || column.ambiguous > 0) column.convert = encoding;
    }
  }

  // A later row's cell in a column kept as Unicode.
  void check_unicode_cell(std::size_t c, int row, const std::string& text, const std::optional<LegacyFont>& font) {
    // No legacy text shows ư, ạ, ễ… (a cell the column repeats is known already).
    if (!font && text != columns_[c].judged_text && !windows1252_only(text)) return;
    const CellEvidence evidence = judged(columns_[c], text, font);
    if (evidence != CellEvidence::Tcvn3 && evidence != CellEvidence::Vni) return;
    const LegacyEncoding encoding = evidence == CellEvidence::Tcvn3 ? LegacyEncoding::Tcvn3 : LegacyEncoding::Vni;
    const ColumnState& column = columns_[c];
    if (column.unicode > 0) refuse_mixed(c, encoding, row, column.first_unicode);
    refuse_weak(c, row, encoding);
  }

  Location at(std::size_t column, int row) const {
    return Location{source_, row > 0 ? std::optional(row) : std::nullopt, static_cast<int>(column), ""};
  }

  [[noreturn]] void refuse_weak(std::size_t c, int row, LegacyEncoding encoding) const {
    throw InputError(at(c, row), "chữ ở cột " + column_letter(static_cast<int>(c)) + " có thể được gõ bằng " +
                                     font_words(encoding) + " nhưng không đủ dấu hiệu để kehoach tự chuyển sang Unicode; " +
                                     weak_advice(encoding));
  }

  [[noreturn]] void refuse_mixed(std::size_t c, LegacyEncoding encoding, int legacy_row, int unicode_row) const {
    throw InputError(at(c, legacy_row),
                     "cột " + column_letter(static_cast<int>(c)) + " lẫn chữ Unicode (dòng " + std::to_string(unicode_row) +
                         ") với chữ " + font_words(encoding) + " (dòng " + std::to_string(legacy_row) + "); " +
                         mixed_advice(encoding));
  }

  [[noreturn]] void refuse_two_legacies(std::size_t c) const {
    const ColumnState& column = columns_[c];
    throw InputError(at(c, std::max(column.first_legacy[0], column.first_legacy[1])),
                     "cột " + column_letter(static_cast<int>(c)) + " lẫn chữ mã TCVN3 (dòng " +
                         std::to_string(column.first_legacy[0]) + ") với chữ mã VNI (dòng " +
                         std::to_string(column.first_legacy[1]) + "); " + two_legacies_advice());
  }

  std::string source_;
  EncodingChoice choice_;
  std::vector<ColumnState> columns_;
};

void convert_legacy_text(Grid& grid, EncodingChoice choice, const CellFonts* fonts) {
  if (choice == EncodingChoice::Unicode) return;
  LegacyRowFilter::Columns columns(grid.source, choice);
  for (const GridRow& row : grid.rows) columns.look(row, fonts);
  columns.decide();
  for (GridRow& row : grid.rows) columns.convert(row, fonts, false);
  for (auto& note : columns.notes()) grid.notes.push_back(std::move(note));
}

LegacyRowFilter::LegacyRowFilter(std::string source, EncodingChoice choice, std::function<void(GridRow&&)> next,
                                 const CellFonts* fonts)
    : next_(std::move(next)), fonts_(fonts), columns_(std::make_unique<Columns>(std::move(source), choice)) {}

LegacyRowFilter::~LegacyRowFilter() = default;

void LegacyRowFilter::row(GridRow&& row) {
  const CellFonts* fonts = fonts_;
  if (!columns_->active()) return next_(std::move(row));
  if (decided_) {
    columns_->convert(row, fonts, true);
    return next_(std::move(row));
  }
  columns_->look(row, fonts);
  for (const auto& cell : row.cells) head_bytes_ += cell.size();
  head_.push_back(std::move(row));
  if (head_.size() >= kHeadRows || head_bytes_ >= kHeadBytes) release();
}

void LegacyRowFilter::release() {
  const CellFonts* fonts = fonts_;
  columns_->decide();
  decided_ = true;
  std::vector<GridRow> head = std::move(head_);
  head_.clear();
  for (GridRow& kept : head) {
    columns_->convert(kept, fonts, false);
    next_(std::move(kept));
  }
}

void LegacyRowFilter::finish() {
  if (!decided_) release();
}

std::vector<std::string> LegacyRowFilter::notes() const { return columns_->notes(); }

std::vector<EncodingAdvice> encoding_advice() {
  const std::string convert = "hãy chuyển cả cột về Unicode (bằng công cụ chuyển mã, như Unikey), lưu lại rồi tải lên lại.";
  std::vector<EncodingAdvice> advice;
  for (LegacyEncoding encoding : {LegacyEncoding::Tcvn3, LegacyEncoding::Vni}) {
    advice.push_back({weak_advice(encoding),
                      "nếu đúng vậy, " + convert.substr(0, convert.size() - 1) +
                          "; nếu chữ trong bảng đã đúng, hãy nhập các dòng trực tiếp thay vì tải tệp lên."});
    advice.push_back({mixed_advice(encoding), convert});
  }
  advice.push_back({two_legacies_advice(), convert});
  return advice;
}

}  // namespace kehoach
