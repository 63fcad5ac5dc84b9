#include "write/households_workbook.h"

#include <filesystem>

#include "read/household_columns.h"
#include "write/unit_tree_sheet.h"
#include "write/vietnamese_format.h"
#include "write/workbook_file.h"

namespace kehoach {
namespace {

using Kind = TreeColumn::Kind;

// A file's name, not the path it was given by: the table travels without the folder.
std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

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
  TreeSheet s{"Tổng hợp", "KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO", "(Theo " + r.standard.name + ")", households_notes(r), {}};
  auto& c = s.columns;
  c.push_back(tally_count(t, "", "Tổng số hộ", &HouseholdTally::households));                    // 0
  c.push_back(tally_count(t, "", "Tổng số khẩu", &HouseholdTally::members));                     // 1
  c.push_back(tally_count(t, "Hộ nghèo", "Số hộ", &HouseholdTally::poor));                       // 2
  c.push_back(rate_column("Hộ nghèo", 2, 0));                                                   // 3
  c.push_back(tally_count(t, "Hộ nghèo", "Số khẩu", &HouseholdTally::poor_members));             // 4
  c.push_back(tally_count(t, "Hộ cận nghèo", "Số hộ", &HouseholdTally::near_poor));              // 5
  c.push_back(rate_column("Hộ cận nghèo", 5, 0));                                               // 6
  c.push_back(tally_count(t, "Hộ cận nghèo", "Số khẩu", &HouseholdTally::near_poor_members));    // 7
  c.push_back(tally_count(t, "", "Hộ có mức sống trung bình", &HouseholdTally::middle_income));
  const std::string groups = "Trong số hộ nghèo";
  c.push_back(tally_count(t, groups, "Có người có khả năng lao động", &HouseholdTally::poor_with_labour));
  c.push_back(tally_count(t, groups, "Không có người có khả năng lao động", &HouseholdTally::poor_without_labour));
  c.push_back(tally_count(t, groups, "Hộ bảo trợ xã hội", &HouseholdTally::poor_social_protection));
  c.push_back(tally_count(t, groups, "Hộ dân tộc thiểu số", &HouseholdTally::poor_ethnic_minority));
  c.push_back(tally_count(t, groups, "Hộ người có công", &HouseholdTally::poor_merit));
  return s;
}

TreeSheet deprivation_sheet(const HouseholdsReport& r) {
  const UnitTree& t = r.units;
  TreeSheet s{"Thiếu hụt", "SỐ HỘ NGHÈO, HỘ CẬN NGHÈO THIẾU HỤT THEO TỪNG CHỈ SỐ",
              "(Theo " + r.standard.name + ")", households_notes(r), {}};
  const auto& names = deprivation_names();
  using Deprived = std::array<long long, kDeprivationCount> HouseholdTally::*;
  for (auto [label, total, deprived] : {std::tuple{"Hộ nghèo", &HouseholdTally::poor, Deprived{&HouseholdTally::poor_deprived}},
                                        std::tuple{"Hộ cận nghèo", &HouseholdTally::near_poor,
                                                   Deprived{&HouseholdTally::near_poor_deprived}}}) {
    const std::string group = std::string(label) + " thiếu hụt";
    s.columns.push_back(tally_count(t, group, "Số hộ", total));
    for (std::size_t i = 0; i < kDeprivationCount; ++i) {
      TreeColumn c{group, names[i], Kind::Count, {}, 0, 0, {}};
      c.count = [&t, deprived, i](int node) { return (t.nodes[static_cast<std::size_t>(node)].tally.*deprived)[i]; };
      s.columns.push_back(std::move(c));
    }
  }
  return s;
}

TreeSheet movement_sheet(const HouseholdsReport& r) {
  const RecordMovements& m = *r.movements;
  TreeSheet s{"Biến động", "DIỄN BIẾN HỘ NGHÈO, HỘ CẬN NGHÈO TRONG KỲ",
              "(So sánh danh sách " + file_name(r.start_records->source) + " với " + file_name(r.records.source) + ")", households_notes(r), {}};
  for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
    const bool poor = indicator == Indicator::Poor;
    const std::string group = poor ? "Hộ nghèo" : "Hộ cận nghèo";
    const std::size_t first = s.columns.size();
    TreeColumn start{group, "Đầu kỳ", Kind::Count, {}, 0, 0, {}};
    start.count = [&m, poor](int n) { return poor ? m.start[static_cast<std::size_t>(n)].poor : m.start[static_cast<std::size_t>(n)].near_poor; };
    s.columns.push_back(std::move(start));
    TreeColumn end{group, "Cuối kỳ", Kind::Balance, {}, 0, 0, {{first, +1}}};
    const auto& columns = movement_columns(indicator);
    for (std::size_t k = 0; k < kMovementCount; ++k) {
      TreeColumn c{group, columns[k].label, Kind::Count, {}, 0, 0, {}};
      c.count = [&m, poor, k](int n) {
        const MovementCounts& moves = m.moves[static_cast<std::size_t>(n)];
        return poor ? moves.poor[k] : moves.near_poor[k];
      };
      end.terms.emplace_back(s.columns.size(), columns[k].sign);
      s.columns.push_back(std::move(c));
    }
    end.count = [&m, poor](int n) { return poor ? m.end[static_cast<std::size_t>(n)].poor : m.end[static_cast<std::size_t>(n)].near_poor; };
    s.columns.push_back(std::move(end));
  }
  return s;
}

}  // namespace

std::vector<std::string> households_notes(const HouseholdsReport& r) {
  return households_notes(r.standard, r.records, r.start_records);
}

std::vector<std::string> households_notes(const PovertyStandard& standard, const RecordsSummary& records,
                                          const RecordsSummary* start_records) {
  std::vector<std::string> notes;
  auto describe = [&](const RecordsSummary& records, const std::string& role) {
    std::string line = role + file_name(records.source) + ": " + format_count(records.households) + " hộ";
    if (records.skipped_rows > 0)
      line += "; đã bỏ qua " + format_count(records.skipped_rows) + " dòng có giá trị sai (--skip-bad-rows)";
    notes.push_back(line + ".");
  };
  if (start_records) describe(*start_records, "Danh sách đầu kỳ ");
  describe(records, start_records ? "Danh sách cuối kỳ " : "Tệp hộ gia đình ");
  notes.push_back("Chuẩn nghèo: " + standard.name + ".");
  return notes;
}

void write_households_workbook(const HouseholdsReport& report, const std::string& path, long long timestamp) {
  write_workbook(path, "Kết quả rà soát hộ nghèo, hộ cận nghèo", timestamp, [&](lxw_workbook* book) {
    const SheetFormats formats = make_sheet_formats(book);
    const TreeSheet summary = summary_sheet(report), deprivations = deprivation_sheet(report);
    write_tree_sheet(book, formats, report.units, summary);
    write_tree_sheet(book, formats, report.units, deprivations);
    if (report.movements) {
      const TreeSheet movements = movement_sheet(report);
      write_tree_sheet(book, formats, report.movements->units, movements);
    }
  });
}

}  // namespace kehoach
