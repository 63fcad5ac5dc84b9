#include <doctest/doctest.h>

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/input_error.h"
#include "read/xlsx_reader.h"
#include "scratch_folder.h"
#include "whole_file.h"
#include "write/report_labels.h"
#include "write/report_workbook.h"

using namespace kehoach;
namespace fs = std::filesystem;

namespace {

Plan report_plan() {
  Plan plan;
  plan.file = "ke-hoach.yaml";
  plan.year = 2024;
  plan.issuing_body = "Ủy ban nhân dân";
  plan.unit = "xã An Hòa Thịnh";
  plan.number = 45;
  plan.date = Date{2024, 3, 15};
  return plan;
}

ReportFigures counted(long long start, std::array<long long, kMovementCount> movements, long long end,
                      long long target, std::optional<Rate> share, Rate end_rate) {
  ReportFigures f;
  f.start = start;
  f.movements = movements;
  f.movements_known = true;
  f.end = end;
  f.target = target;
  f.achieved = start - end;
  f.share = share;
  f.end_rate = end_rate;
  return f;
}

ReportFigures end_only(long long start, long long end, long long target, std::optional<Rate> share, Rate end_rate) {
  ReportFigures f = counted(start, {}, end, target, share, end_rate);
  f.movements_known = false;
  return f;
}

// Thôn Đông counted every movement and has no near-poor target; Thôn Tây gave only its end counts.
Report small_report() {
  Report report;
  report.year = 2024;
  report.period = Period::H1;
  report.threshold = Rate{5000};
  report.indicators = {Indicator::Poor, Indicator::NearPoor};
  // Poor 40 − 3 − 2 − 1 + 1 + 0 + 2 + 0 = 37, 37/500 = 7,40%, reduced 3 of 8 = 37,50%: behind.
  // Near-poor 30 − 2 − 1 − 0 + 3 + 0 + 1 + 0 = 31 (grew by 1), 31/500 = 6,20%, no target.
  report.rows.push_back({"Thôn Đông", 500,
                         {counted(40, {3, 2, 1, 1, 0, 2, 0}, 37, 8, Rate{3750}, Rate{740}),
                          counted(30, {2, 1, 0, 3, 0, 1, 0}, 31, 0, std::nullopt, Rate{620})},
                         true, std::nullopt});
  // Poor 50 → 42 of 700 = 6,00%, 8 of 10 = 80,00%; near-poor 20 → 15 = 2,14%, 5 of 6 = 83,33%.
  report.rows.push_back({"Thôn Tây", 700,
                         {end_only(50, 42, 10, Rate{8000}, Rate{600}), end_only(20, 15, 6, Rate{8333}, Rate{214})},
                         false, std::nullopt});
  // Poor 90 → 79 of 1.200 = 6,58%, 11 of 18 = 61,11%; near-poor 50 → 46 = 3,83%, 4 of 6 = 66,67%.
  report.total = {"Tổng cộng", 1200,
                  {end_only(90, 79, 18, Rate{6111}, Rate{658}), end_only(50, 46, 6, Rate{6667}, Rate{383})},
                  false, std::nullopt};
  report.rows[0].figures[0].behind = true;  // 37,50% of its poor target, below the 50% of a 6-month report
  return report;
}

std::string sheet_xml(const std::string& path, int sheet = 1) {
  std::ifstream file(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), {});
  std::istringstream in(bytes);
  Poco::Zip::ZipArchive archive(in);
  const auto header = archive.findHeader("xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
  REQUIRE(header != archive.headerEnd());
  std::istringstream part_in(bytes);
  Poco::Zip::ZipInputStream zip(part_in, header->second);
  std::ostringstream xml;
  xml << zip.rdbuf();
  return xml.str();
}

using Cells = std::vector<std::string>;

Cells empties(std::size_t count) { return Cells(count, ""); }

Cells join(std::initializer_list<Cells> parts) {
  Cells all;
  for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

}  // namespace

TEST_CASE("a period's label names the months since 1 January") {
  CHECK(period_label(Period::Q1, 2022) == "quý I năm 2022");
  CHECK(period_label(Period::H1, 2022) == "6 tháng đầu năm 2022");
  CHECK(period_label(Period::Q3, 2022) == "9 tháng đầu năm 2022");
  CHECK(period_label(Period::Year, 2022) == "năm 2022");
}

TEST_CASE("the report workbook has a sheet per indicator with titles, the movement forms' header, units and total") {
  const testing::ScratchFolder scratch;
  const std::string path = scratch.file("ket-qua.xlsx");
  testing::write_whole(path, [&](const AtomicFile& file) {
    write_report_workbook(report_plan(), small_report(), file);
  });

  const Grid poor = read_xlsx(path, "ket-qua.xlsx", "Hộ nghèo");
  CHECK(poor.rows[0].cell(0) == "Phụ lục");
  CHECK(poor.rows[1].cell(0) == "KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIẢM NGHÈO 6 THÁNG ĐẦU NĂM 2024");
  CHECK(poor.rows[2].cell(0) == report_attachment_line(report_plan(), small_report()));
  CHECK(poor.rows[3].cell(0) == "Biểu 1: Hộ nghèo");
  CHECK(poor.rows[4].cells == Cells{"TT", "Đơn vị", "Tổng số hộ", "Đầu năm", "Giảm trong kỳ", "Giảm trong kỳ",
                                    "Giảm trong kỳ", "Tăng trong kỳ", "Tăng trong kỳ", "Tăng trong kỳ", "Tăng trong kỳ",
                                    "Hiện nay", "Hiện nay", "Chỉ tiêu giảm", "Đã giảm", "Đạt (%)", "Ghi chú"});
  CHECK(poor.rows[5].cells ==
        Cells{"TT", "Đơn vị", "Tổng số hộ", "Đầu năm", "Thoát nghèo thành hộ cận nghèo", "Thoát nghèo vượt chuẩn cận nghèo",
              "Giảm khác", "Hộ cận nghèo rơi xuống nghèo", "Tái nghèo", "Phát sinh mới", "Tăng khác", "Số hộ",
              "Tỷ lệ (%)", "Chỉ tiêu giảm", "Đã giảm", "Đạt (%)", "Ghi chú"});
  // Cached values as a viewer shows them; the note marks the unit behind on this indicator.
  CHECK(poor.rows[6].cells == Cells{"1", "Thôn Đông", "500", "40", "3", "2", "1", "1", "0", "2", "0", "37", "7.40", "8",
                                    "3", "37.50", "Chậm tiến độ"});
  // Movements unknown: empty movement cells, the end as given. A whole share has no decimals.
  CHECK(poor.rows[7].cells == join({{"2", "Thôn Tây", "700", "50"}, empties(7), {"42", "6.00", "10", "8", "80"}}));
  // One unit's movements unknown: the total's stay empty rather than show a partial sum.
  CHECK(poor.rows[8].cells == join({{"Tổng cộng", "Tổng cộng", "1200", "90"}, empties(7), {"79", "6.58", "18", "11", "61.11"}}));
  CHECK(poor.rows.size() == 9);

  const Grid near = read_xlsx(path, "ket-qua.xlsx", "Hộ cận nghèo");
  CHECK(near.rows[3].cell(0) == "Biểu 2: Hộ cận nghèo");
  CHECK(near.rows[5].cells ==
        Cells{"TT", "Đơn vị", "Tổng số hộ", "Đầu năm", "Thoát cận nghèo", "Rơi xuống hộ nghèo", "Giảm khác",
              "Hộ nghèo thoát thành cận nghèo", "Tái cận nghèo", "Phát sinh mới", "Tăng khác", "Số hộ", "Tỷ lệ (%)",
              "Chỉ tiêu giảm", "Đã giảm", "Đạt (%)", "Ghi chú"});
  // Thôn Đông is behind on the poor only: no note here; its near-poor share is empty (no target).
  CHECK(near.rows[6].cells == Cells{"1", "Thôn Đông", "500", "30", "2", "1", "0", "3", "0", "1", "0", "31", "6.20", "0",
                                    "-1"});
  CHECK(near.rows[7].cells == join({{"2", "Thôn Tây", "700", "20"}, empties(7), {"15", "2.14", "6", "5", "83.33"}}));
  CHECK(near.rows[8].cells == join({{"Tổng cộng", "Tổng cộng", "1200", "50"}, empties(7), {"46", "3.83", "6", "4", "66.67"}}));
}

TEST_CASE("the report workbook's derived cells are formulas over the figures") {
  const testing::ScratchFolder scratch;
  const std::string path = scratch.file("ket-qua.xlsx");
  testing::write_whole(path, [&](const AtomicFile& file) {
    write_report_workbook(report_plan(), small_report(), file);
  });
  const std::string xml = sheet_xml(path), near = sheet_xml(path, 2);

  // End = start − decreases + increases, with the form's signs; given ends are plain numbers.
  CHECK(xml.find("<f>D7-E7-F7-G7+H7+I7+J7+K7</f><v>37</v>") != std::string::npos);
  CHECK(near.find("<f>D7-E7-F7-G7+H7+I7+J7+K7</f><v>31</v>") != std::string::npos);
  CHECK(xml.find("<c r=\"L8\" s=\"") != std::string::npos);
  CHECK(xml.find("<f>D8-E8") == std::string::npos);
  CHECK(xml.find("<f>ROUND(L7/$C7*100,2)</f><v>7.4</v>") != std::string::npos);
  CHECK(xml.find("<f>D7-L7</f><v>3</v>") != std::string::npos);
  CHECK(near.find("<f>D7-L7</f><v>-1</v>") != std::string::npos);
  CHECK(xml.find("<f>IF(N7=0,\"\",ROUND(O7/N7*100,2))</f><v>37.5</v>") != std::string::npos);
  // A zero target: the formula stays, its cached value is an empty string.
  CHECK(near.find("t=\"str\"><f>IF(N7=0,\"\",ROUND(O7/N7*100,2))</f><v></v>") != std::string::npos);
  // Totals are sums; the total's rate and share come from the totals.
  CHECK(xml.find("<f>SUM(C7:C8)</f><v>1200</v>") != std::string::npos);
  CHECK(xml.find("<f>SUM(L7:L8)</f><v>79</v>") != std::string::npos);
  CHECK(xml.find("<f>SUM(O7:O8)</f><v>11</v>") != std::string::npos);
  CHECK(xml.find("<f>ROUND(L9/$C9*100,2)</f><v>6.58</v>") != std::string::npos);
  CHECK(xml.find("<f>IF(N9=0,\"\",ROUND(O9/N9*100,2))</f><v>61.11</v>") != std::string::npos);
  CHECK(xml.find("<f>SUM(E7:E8)") == std::string::npos);
  // Page setup on both sheets: A4 landscape, one page wide, header rows repeated, header and names in view.
  for (const std::string* sheet : {&xml, &near}) {
    CHECK(sheet->find("<pageSetup paperSize=\"9\"") != std::string::npos);
    CHECK(sheet->find("orientation=\"landscape\"") != std::string::npos);
    CHECK(sheet->find("fitToHeight=\"0\"") != std::string::npos);
    CHECK(sheet->find("<pane xSplit=\"2\" ySplit=\"6\" topLeftCell=\"C7\"") != std::string::npos);
  }
}

TEST_CASE("a whole share is shown without decimals, any other with two") {
  const testing::ScratchFolder scratch;
  const std::string path = scratch.file("ket-qua.xlsx");
  testing::write_whole(path, [&](const AtomicFile& file) {
    write_report_workbook(report_plan(), small_report(), file);
  });
  const std::string xml = sheet_xml(path);
  // The style index of a cell.
  auto style_of = [&](const std::string& cell) {
    const std::string start = "<c r=\"" + cell + "\" s=\"";
    const std::size_t at = xml.find(start);
    REQUIRE(at != std::string::npos);
    const std::size_t from = at + start.size();
    return xml.substr(from, xml.find('"', from) - from);
  };
  // Thôn Tây 80 and Thôn Đông 37,50 differ in style; the total's 61,11 like Thôn Đông's but bold.
  CHECK(style_of("P8") != style_of("P7"));
  const Grid grid = read_xlsx(path, "ket-qua.xlsx", "Hộ nghèo");
  CHECK(grid.rows[7].cell(15) == "80");
  CHECK(grid.rows[6].cell(15) == "37.50");
  CHECK(grid.rows[8].cell(15) == "61.11");
}

TEST_CASE("a report of one indicator has one sheet, its heading without a number, the unit column has the plan's label") {
  Report report = small_report();
  report.unit_label = "Thôn";
  report.indicators = {Indicator::Poor};
  report.rows.pop_back();
  report.rows[0].figures.pop_back();
  report.rows[0].behind = false;
  report.rows[0].figures[0].behind = false;
  report.total = {"Tổng cộng", 500, {report.rows[0].figures[0]}, false, std::nullopt};
  const testing::ScratchFolder scratch;
  const std::string path = scratch.file("ket-qua.xlsx");
  testing::write_whole(path, [&](const AtomicFile& file) { write_report_workbook(report_plan(), report, file); });

  const Grid grid = read_xlsx(path, "ket-qua.xlsx");
  CHECK(grid.sheet == "Hộ nghèo");
  CHECK(grid.rows[3].cell(0) == "Hộ nghèo");
  CHECK(grid.rows[5].cell(1) == "Thôn");
  CHECK(grid.rows[6].cells == Cells{"1", "Thôn Đông", "500", "40", "3", "2", "1", "1", "0", "2", "0", "37", "7.40",
                                    "8", "3", "37.50"});
  CHECK(grid.rows[7].cells == Cells{"Tổng cộng", "Tổng cộng", "500", "40", "3", "2", "1", "1", "0", "2", "0", "37",
                                    "7.40", "8", "3", "37.50"});
  CHECK_THROWS_AS(read_xlsx(path, "ket-qua.xlsx", "Hộ cận nghèo"), InputError);
  const std::string xml = sheet_xml(path);
  CHECK(xml.find("<f>SUM(E7:E7)</f><v>3</v>") != std::string::npos);
  CHECK(xml.find("<f>SUM(K7:K7)</f><v>0</v>") != std::string::npos);
}

TEST_CASE("the report's notes are under the table on every sheet") {
  Report report = small_report();
  PovertyStandard standard;
  standard.name = "Chuẩn nghèo đa chiều giai đoạn 2022–2025";
  standard.document = "Nghị định 07/2021/NĐ-CP";
  report.notes = TableNotes{{NotedList{NotedList::Role::YearStart, 2023, std::nullopt, 1200, 0},
                             NotedList{NotedList::Role::Now, 2024, Period::H1, 1190, 0}},
                            standard};
  const testing::ScratchFolder scratch;
  const std::string path = scratch.file("ket-qua.xlsx");
  testing::write_whole(path, [&](const AtomicFile& file) { write_report_workbook(report_plan(), report, file); });
  for (const char* sheet : {"Hộ nghèo", "Hộ cận nghèo"}) {
    const Grid grid = read_xlsx(path, "ket-qua.xlsx", sheet);
    REQUIRE(grid.rows.size() == 13);
    CHECK(grid.rows[10].cell(1) == "Số liệu đầu năm tính từ danh sách hộ rà soát cuối năm 2023: 1.200 hộ.");
    CHECK(grid.rows[11].cell(1) == "Số liệu hiện nay tính từ danh sách hộ cập nhật 6 tháng đầu năm 2024: 1.190 hộ.");
    CHECK(grid.rows[12].cell(1) == "Hộ nghèo, hộ cận nghèo xác định theo chuẩn nghèo đa chiều giai đoạn 2022–2025, "
                                   "Nghị định 07/2021/NĐ-CP.");
  }
}

TEST_CASE("a period's title and attachment line follow the period") {
  Report report = small_report();
  report.period = Period::Q1;
  const testing::ScratchFolder scratch;
  const std::string path = scratch.file("quy-1.xlsx");
  testing::write_whole(path, [&](const AtomicFile& file) { write_report_workbook(report_plan(), report, file); });
  const Grid grid = read_xlsx(path, "quy-1.xlsx");
  CHECK(grid.rows[1].cell(0) == "KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIẢM NGHÈO QUÝ I NĂM 2024");
  CHECK(grid.rows[2].cell(0) == report_attachment_line(report_plan(), report));
}

TEST_CASE("a report workbook that cannot be written leaves no file and says where") {
  const std::string path = "/khong/co/thu-muc/ket-qua.xlsx";
  const auto write = [&](const AtomicFile& file) { write_report_workbook(report_plan(), small_report(), file); };
  CHECK_THROWS_WITH_AS(testing::write_whole(path, write),
                       doctest::Contains("/khong/co/thu-muc/ket-qua.xlsx"), std::runtime_error);
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("the same report gives the same bytes twice") {
  const testing::ScratchFolder scratch;
  const std::string first = scratch.file("a.xlsx"), second = scratch.file("b.xlsx");
  testing::write_whole(first, [&](const AtomicFile& file) {
    write_report_workbook(report_plan(), small_report(), file);
  });
  testing::write_whole(second, [&](const AtomicFile& file) {
    write_report_workbook(report_plan(), small_report(), file);
  });
  std::ifstream a(first, std::ios::binary), b(second, std::ios::binary);
  const std::string bytes_a((std::istreambuf_iterator<char>(a)), {}), bytes_b((std::istreambuf_iterator<char>(b)), {});
  CHECK(bytes_a.size() > 1000);
  CHECK(bytes_a == bytes_b);
}
