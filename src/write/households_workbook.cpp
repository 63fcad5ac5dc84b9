#include "write/households_workbook.h"

#include "model/household.h"
#include "text/unicode.h"
#include "write/records_notes.h"
#include "write/unit_tree_sheet.h"
#include "write/workbook_file.h"

namespace kehoach {
namespace {

using Kind = TreeColumn::Kind;

// The level words a unit's name starts with, or its column is headed by, in a title.
constexpr const char* kLevelWords[] = {"Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Tỉnh", "Huyện",
                                       "Quận", "Xã"};

// The six dimensions of the standard, two indicators each, in deprivation_names() order: the upper
// header of the deprivation sheets, as the review forms group them.
constexpr const char* kDimensions[] = {"Việc làm", "Y tế", "Giáo dục", "Nhà ở", "Nước sinh hoạt và vệ sinh",
                                       "Thông tin"};

bool starts_with_level_word(const std::string& name) {
  for (const char* word : kLevelWords)
    if (name_key(name).rfind(name_key(std::string(word) + " "), 0) == 0) return true;
  return false;
}

// " TRÊN ĐỊA BÀN XÃ AN HÒA THỊNH", or "" when the records span several top units.
std::string on_area(const UnitTree& units) {
  const std::string area = records_area(units);
  return area.empty() ? "" : " TRÊN ĐỊA BÀN " + area;
}

// A count column read from the tally of each unit.
TreeColumn tally_count(const UnitTree& tree, std::string group, std::string label, long long HouseholdTally::*field) {
  TreeColumn c{std::move(group), std::move(label), Kind::Count, {}, 0, 0, {}};
  c.count = [&tree, field](int node) { return tree.nodes[static_cast<std::size_t>(node)].tally.*field; };
  return c;
}

TreeColumn rate_column(std::string group, std::size_t numerator, std::size_t denominator) {
  return TreeColumn{std::move(group), "Tỷ lệ (%)", Kind::Rate, {}, numerator, denominator, {}};
}

TreeSheet summary_sheet(const HouseholdsReport& r) {
  const UnitTree& t = r.units;
  TreeSheet s{"Tổng hợp",
              "KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO CUỐI NĂM " + std::to_string(r.year) + on_area(t),
              standard_by_line(r.standard), households_notes(r), {}, 7.5};
  auto& c = s.columns;
  c.push_back(tally_count(t, "", "Tổng số hộ", &HouseholdTally::households));                    // 0
  c.push_back(tally_count(t, "", "Tổng số khẩu", &HouseholdTally::members));                     // 1
  const std::string poor = indicator_heading(Indicator::Poor), near_poor = indicator_heading(Indicator::NearPoor);
  c.push_back(tally_count(t, poor, "Số hộ", &HouseholdTally::poor));                             // 2
  c.push_back(rate_column(poor, 2, 0));                                                         // 3
  c.push_back(tally_count(t, poor, "Số khẩu", &HouseholdTally::poor_members));                   // 4
  c.push_back(tally_count(t, near_poor, "Số hộ", &HouseholdTally::near_poor));                   // 5
  c.push_back(rate_column(near_poor, 5, 0));                                                    // 6
  c.push_back(tally_count(t, near_poor, "Số khẩu", &HouseholdTally::near_poor_members));         // 7
  c.push_back(tally_count(t, "", "Hộ có mức sống trung bình", &HouseholdTally::middle_income));
  const std::string groups = "Trong số hộ nghèo";
  c.push_back(tally_count(t, groups, "Có người có khả năng lao động", &HouseholdTally::poor_with_labour));
  c.push_back(tally_count(t, groups, "Không có người có khả năng lao động", &HouseholdTally::poor_without_labour));
  c.push_back(tally_count(t, groups, "Hộ bảo trợ xã hội", &HouseholdTally::poor_social_protection));
  c.push_back(tally_count(t, groups, "Hộ dân tộc thiểu số", &HouseholdTally::poor_ethnic_minority));
  c.push_back(tally_count(t, groups, "Hộ người có công", &HouseholdTally::poor_merit));
  return s;
}

// One indicator's households and how many of them lack each of the twelve, under their dimensions.
TreeSheet deprivation_sheet(const HouseholdsReport& r, Indicator indicator) {
  const UnitTree& t = r.units;
  const bool poor = indicator == Indicator::Poor;
  const std::string households = indicator_households(indicator);
  TreeSheet s{"Thiếu hụt " + households,
              "SỐ " + to_upper(households) + " THIẾU HỤT THEO TỪNG CHỈ SỐ CUỐI NĂM " + std::to_string(r.year) + on_area(t),
              standard_by_line(r.standard), households_notes(r), {}, 7.5};
  s.columns.push_back(tally_count(t, "", "Tổng số " + households, poor ? &HouseholdTally::poor : &HouseholdTally::near_poor));
  using Deprived = std::array<long long, kDeprivationCount> HouseholdTally::*;
  const Deprived deprived = poor ? &HouseholdTally::poor_deprived : &HouseholdTally::near_poor_deprived;
  const auto& names = deprivation_names();
  for (std::size_t i = 0; i < kDeprivationCount; ++i) {
    TreeColumn c{kDimensions[i / 2], names[i], Kind::Count, {}, 0, 0, {}};
    c.count = [&t, deprived, i](int node) { return (t.nodes[static_cast<std::size_t>(node)].tally.*deprived)[i]; };
    s.columns.push_back(std::move(c));
  }
  return s;
}

// One indicator's start, the seven movements of the review form (decreases, then increases) and the
// end = start − decreases + increases.
TreeSheet movement_sheet(const HouseholdsReport& r, Indicator indicator) {
  const RecordMovements& m = *r.movements;
  const bool poor = indicator == Indicator::Poor;
  const std::string households = indicator_households(indicator);
  TreeSheet s{"Biến động " + households,
              "DIỄN BIẾN " + to_upper(households) + " NĂM " + std::to_string(r.year) + on_area(m.units),
              "(So sánh danh sách hộ rà soát đầu kỳ và cuối kỳ)", households_notes(r), {}, 9};
  TreeColumn start{"", "Đầu kỳ", Kind::Count, {}, 0, 0, {}};
  start.count = [&m, poor](int n) { return poor ? m.start[static_cast<std::size_t>(n)].poor : m.start[static_cast<std::size_t>(n)].near_poor; };
  s.columns.push_back(std::move(start));
  TreeColumn end{"", "Cuối kỳ", Kind::Balance, {}, 0, 0, {{0, +1}}};
  const auto& columns = movement_columns(indicator);
  for (std::size_t k = 0; k < kMovementCount; ++k) {
    TreeColumn c{columns[k].sign < 0 ? "Giảm trong kỳ" : "Tăng trong kỳ", columns[k].label, Kind::Count, {}, 0, 0, {}};
    c.count = [&m, poor, k](int n) {
      const MovementCounts& moves = m.moves[static_cast<std::size_t>(n)];
      return poor ? moves.poor[k] : moves.near_poor[k];
    };
    end.terms.emplace_back(s.columns.size(), columns[k].sign);
    s.columns.push_back(std::move(c));
  }
  end.count = [&m, poor](int n) { return poor ? m.end[static_cast<std::size_t>(n)].poor : m.end[static_cast<std::size_t>(n)].near_poor; };
  s.columns.push_back(std::move(end));
  return s;
}

}  // namespace

std::vector<std::string> households_notes(const HouseholdsReport& r) {
  if (!r.start_records) return records_notes({{noted(r.records, NotedList::Role::Only, r.year)}, r.standard});
  return records_notes({{noted(*r.start_records, NotedList::Role::PeriodStart, r.year),
                         noted(r.records, NotedList::Role::PeriodEnd, r.year)},
                        r.standard});
}

std::string records_area(const UnitTree& units) {
  if (units.nodes.empty()) return "";
  int node = 0;
  for (;;) {
    const auto& children = units.nodes[static_cast<std::size_t>(node)].children;
    if (children.size() != 1 || units.nodes[static_cast<std::size_t>(children.front())].children.empty()) break;
    node = children.front();
  }
  if (node == 0) return "";
  const UnitNode& unit = units.nodes[static_cast<std::size_t>(node)];
  std::string name = unit.name;
  if (!starts_with_level_word(name) && unit.level >= 0) {
    const std::string& level = units.levels[static_cast<std::size_t>(unit.level)];
    for (const char* word : kLevelWords)
      if (name_key(level) == name_key(word)) name = std::string(word) + " " + name;
  }
  return to_upper(name);
}

void write_households_workbook(const HouseholdsReport& report, const AtomicFile& file, long long timestamp) {
  const std::string title = "Kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm " + std::to_string(report.year);
  write_workbook(file, title, timestamp, [&](lxw_workbook* book) {
    const SheetFormats formats = make_sheet_formats(book);
    std::vector<std::pair<const UnitTree*, TreeSheet>> sheets;
    sheets.emplace_back(&report.units, summary_sheet(report));
    for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor})
      sheets.emplace_back(&report.units, deprivation_sheet(report, indicator));
    if (report.movements)
      for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor})
        sheets.emplace_back(&report.movements->units, movement_sheet(report, indicator));
    for (const auto& [units, sheet] : sheets) write_tree_sheet(book, formats, *units, sheet);
  });
}

}  // namespace kehoach
