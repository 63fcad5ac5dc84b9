#include "read/household_columns.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "text/unicode.h"

namespace kehoach {
namespace {

bool is_one_of(const std::string& folded, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), folded) != names.end();
}

}  // namespace

bool is_level_header(std::string folded) {
  if (folded.starts_with("ten ")) folded.erase(0, 4);
  return is_one_of(folded, {"tinh", "thanh pho", "tinh thanh pho", "tinh thanh", "huyen", "quan", "thi xa",
                            "quan huyen", "huyen thi xa", "xa", "phuong", "thi tran", "dac khu", "xa phuong",
                            "xa phuong thi tran", "xa phuong dac khu", "thon", "ap", "ban", "buon", "lang", "xom",
                            "khom", "khoi", "khu", "khu pho", "to", "to dan pho", "thon to", "thon to dan pho",
                            "thon ban", "thon xom", "ap khu pho", "don vi", "province", "district", "commune",
                            "ward", "village", "unit", "level"});
}

namespace {

std::optional<std::size_t> deprivation_of(const std::string& folded) {
  static const std::array<std::initializer_list<std::string_view>, kDeprivationCount> aliases = {{
      {"viec lam"},
      {"nguoi phu thuoc trong ho", "nguoi phu thuoc"},
      {"dinh duong"},
      {"bao hiem y te", "bhyt"},
      {"trinh do giao duc cua nguoi lon", "giao duc nguoi lon"},
      {"tinh trang di hoc cua tre em", "tre em di hoc"},
      {"chat luong nha o"},
      {"dien tich nha o binh quan dau nguoi", "dien tich nha o"},
      {"nguon nuoc sinh hoat", "nuoc sinh hoat"},
      {"nha tieu hop ve sinh", "nha tieu"},
      {"su dung dich vu vien thong", "dich vu vien thong"},
      {"phuong tien phuc vu tiep can thong tin", "tiep can thong tin"},
  }};
  for (std::size_t i = 0; i < kDeprivationCount; ++i) {
    const std::string n = std::to_string(i + 1);
    if (is_one_of(folded, aliases[i]) || folded == "chi so " + n || folded == "cs" + n || folded == "cs " + n ||
        folded == "d" + n)
      return i;
  }
  return std::nullopt;
}

// Places one header; returns false when the header means nothing to a records file.
bool place(RecordLayout& layout, int column, const std::string& f) {
  auto take = [&](int& slot) {
    if (slot < 0) slot = column;
    return true;
  };
  if (is_one_of(f, {"ma ho", "ma ho gia dinh", "ma so ho", "ma", "code", "household code", "household"}))
    return take(layout.code);
  if (is_level_header(f)) {
    layout.levels.push_back(column);
    return true;
  }
  if (is_one_of(f, {"khu vuc", "nong thon thanh thi", "area"})) return take(layout.area);
  if (is_one_of(f, {"so khau", "khau", "nhan khau", "so nhan khau", "so thanh vien", "members"}))
    return take(layout.members);
  if (f.starts_with("diem thu nhap") || is_one_of(f, {"diem", "score", "income score"})) {
    layout.scored = true;
    return take(layout.income);
  }
  if (f.starts_with("thu nhap") || f == "income") return take(layout.income);
  if (auto indicator = deprivation_of(f)) {
    layout.deprivations[*indicator] = column;
    return true;
  }
  if (is_one_of(f, {"co nguoi co kha nang lao dong", "co kha nang lao dong", "co lao dong", "able to work"}))
    return take(layout.able_to_work);
  if (is_one_of(f, {"bao tro xa hoi", "btxh", "ho bao tro xa hoi", "social protection"}))
    return take(layout.social_protection);
  if (is_one_of(f, {"dan toc thieu so", "dtts", "ho dan toc thieu so", "ethnic minority"}))
    return take(layout.ethnic_minority);
  if (is_one_of(f, {"nguoi co cong", "co cong", "ho co cong", "co cong voi cach mang", "merit"}))
    return take(layout.merit);
  if (is_one_of(f, {"tach tu ho", "chuyen den", "tach ho chuyen den", "ma ho cu", "nguon goc", "origin"}))
    return take(layout.origin);
  return false;
}

}  // namespace

std::vector<std::string> RecordLayout::level_names() const {
  std::vector<std::string> out;
  for (int column : levels) out.push_back(names[static_cast<std::size_t>(column)]);
  return out;
}

std::optional<RecordLayout> record_layout(const GridRow& row) {
  RecordLayout layout;
  layout.header_row = row.source_row;
  layout.deprivations.fill(-1);
  int recognised = 0;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    layout.names.push_back(row.cells[i]);
    if (place(layout, static_cast<int>(i), fold(row.cells[i]))) ++recognised;
  }
  if (layout.code < 0 || recognised < 4) return std::nullopt;
  return layout;
}

std::vector<std::string> missing_record_columns(const RecordLayout& layout) {
  std::vector<std::string> missing;
  if (layout.levels.empty()) missing.push_back("Thôn");
  if (layout.area < 0) missing.push_back("Khu vực");
  if (layout.members < 0) missing.push_back("Số khẩu");
  if (layout.income < 0) missing.push_back("Thu nhập bình quân");
  for (std::size_t i = 0; i < kDeprivationCount; ++i)
    if (layout.deprivations[i] < 0) missing.push_back(deprivation_names()[i]);
  return missing;
}

}  // namespace kehoach
