#include "read/column_names.h"

#include <algorithm>
#include <sstream>

#include "text/unicode.h"

namespace kehoach {
namespace {

std::vector<std::string> words_of(const std::string& folded) {
  std::vector<std::string> words;
  std::istringstream in(folded);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

bool has_word(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Padding with spaces makes "contains" match whole words only: " ap " is not in " giam ".
bool has_phrase(const std::string& folded, std::string_view phrase) {
  return (" " + folded + " ").find(" " + std::string(phrase) + " ") != std::string::npos;
}

bool has_any_phrase(const std::string& folded, std::initializer_list<std::string_view> phrases) {
  for (auto p : phrases)
    if (has_phrase(folded, p)) return true;
  return false;
}

std::optional<Indicator> indicator_in(const std::string& f) {
  if (has_any_phrase(f, {"can ngheo", "near poor", "nearpoor"})) return Indicator::NearPoor;
  if (has_any_phrase(f, {"ngheo", "poor"})) return Indicator::Poor;
  return std::nullopt;
}

Stage stage_in(const std::string& f) {
  if (has_any_phrase(f, {"giam", "thoat", "reduction", "reduce", "reduced"})) return Stage::Reduction;
  if (has_any_phrase(f, {"cuoi", "con lai", "end"})) return Stage::End;
  if (has_any_phrase(f, {"dau", "start", "hien co"})) return Stage::Start;
  return Stage::Unspecified;
}

bool is_rate(std::string_view raw, const std::string& f) {
  return raw.find('%') != std::string_view::npos ||
         has_any_phrase(f, {"ty le", "ti le", "rate", "percent"});
}

}  // namespace

ColumnKind classify_header(std::string_view header) {
  const std::string f = fold(header);
  const auto words = words_of(f);
  ColumnKind kind;
  if (f.empty() && header.find('%') == std::string_view::npos) return kind;
  if (is_rate(header, f)) {
    kind.meaning = ColumnMeaning::Rate;
  } else if (auto indicator = indicator_in(f)) {
    kind.meaning = ColumnMeaning::Count;
  } else if (has_any_phrase(f, {"tong so ho", "so ho", "tong ho", "households", "total households",
                                "tong so ho gia dinh", "ho gia dinh"})) {
    kind.meaning = ColumnMeaning::Households;
  } else if (has_any_phrase(f, {"khau", "nhan khau", "members", "persons"})) {
    kind.meaning = ColumnMeaning::Members;
  } else if (words.size() <= 2 && (has_word(words, "tt") || has_word(words, "stt") || f == "no" || f == "so tt")) {
    kind.meaning = ColumnMeaning::Order;
  } else if (has_any_phrase(f, {"thon", "don vi", "xa", "phuong", "thi tran", "to dan pho", "ap", "khu pho",
                                "ban", "lang", "khoi", "to", "unit", "village", "commune", "ward", "name",
                                "ten"})) {
    kind.meaning = ColumnMeaning::Unit;
  }
  if (kind.meaning == ColumnMeaning::Count || kind.meaning == ColumnMeaning::Rate) {
    kind.indicator = indicator_in(f);
    kind.stage = stage_in(f);
  }
  return kind;
}

int Header::column_of(ColumnMeaning meaning) const {
  for (std::size_t i = 0; i < kinds.size(); ++i)
    if (kinds[i].meaning == meaning) return static_cast<int>(i);
  return -1;
}

namespace {

bool is_sub_header(std::string_view cell) {
  const std::string f = fold(cell);
  return cell == "%" || f == "ts" || f == "sl" || f == "so ho" || f == "so luong" || f == "ty le" ||
         f == "ti le" || f == "ho" || f == "count" || f == "rate";
}

// A row under the header made of sub-headers, at least two of them. Cells that repeat the
// cell above are header cells merged down across both rows ("TT", "Thôn" in an XLSX).
bool is_sub_header_row(const GridRow& upper, const GridRow& row) {
  int sub = 0;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    const std::string& cell = row.cells[c];
    if (cell.empty() || cell == upper.cell(c)) continue;
    if (!is_sub_header(cell)) return false;
    ++sub;
  }
  return sub >= 2;
}

std::string joined(const std::string& upper, const std::string& lower) {
  if (lower.empty() || lower == upper) return upper;
  if (upper.empty()) return lower;
  return upper + " - " + lower;
}

Header make_header(const Grid& grid, std::size_t index) {
  Header header;
  header.row_index = index;
  header.first_data_index = index + 1;
  const GridRow& upper = grid.rows[index];
  const GridRow* lower = nullptr;
  if (index + 1 < grid.rows.size() && is_sub_header_row(upper, grid.rows[index + 1])) {
    lower = &grid.rows[index + 1];
    header.first_data_index = index + 2;
  }
  const std::size_t width = std::max(upper.cells.size(), lower ? lower->cells.size() : 0);
  std::string group;  // an upper cell spanning several sub-headers may be written once (CSV)
  for (std::size_t c = 0; c < width; ++c) {
    std::string top = upper.cell(c);
    if (lower && top.empty() && !lower->cell(c).empty()) top = group;
    if (!top.empty()) group = top;
    std::string name = lower ? joined(top, lower->cell(c)) : top;
    header.kinds.push_back(classify_header(name));
    header.names.push_back(std::move(name));
  }
  return header;
}

}  // namespace

std::optional<Header> find_header(const Grid& grid, int required) {
  const std::size_t limit = std::min<std::size_t>(grid.rows.size(), 30);
  for (std::size_t i = 0; i < limit; ++i) {
    if (grid.rows[i].is_blank()) continue;
    Header header = make_header(grid, i);
    int recognised = 0;
    bool unit = false;
    for (const auto& kind : header.kinds) {
      if (kind.meaning == ColumnMeaning::Unit) unit = true;
      else if (kind.meaning != ColumnMeaning::Unknown && kind.meaning != ColumnMeaning::Order) ++recognised;
    }
    if (unit && recognised >= required) return header;
  }
  return std::nullopt;
}

bool is_total_label(std::string_view text) {
  const std::string f = fold(text);
  for (std::string_view start : {"tong cong", "tong", "cong", "toan xa", "toan huyen", "toan phuong",
                                 "toan thi tran", "toan tinh", "toan thanh pho", "total"})
    if (f == start || f.rfind(std::string(start) + " ", 0) == 0) return true;
  return false;
}

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::string closest_header(const std::vector<std::string>& names, std::string_view wanted) {
  const std::string target = fold(wanted);
  std::string best;
  std::size_t best_distance = target.size() / 3 + 1;  // a few letters wrong, not a different word
  for (const auto& name : names) {
    const std::size_t d = edit_distance(fold(name), target);
    if (d < best_distance || (d == best_distance && best.empty() && d <= 2)) {
      best_distance = d;
      best = name;
    }
  }
  return best;
}

}  // namespace kehoach
