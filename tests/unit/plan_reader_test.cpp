#include <doctest/doctest.h>

#include "read/plan_reader.h"
#include "test_support.h"

using namespace kehoach;
using testing::replaced;

namespace {

const char* kPlan = R"(year: 2022
issuer:
  parent: UBND HUYỆN HƯƠNG SƠN
  body: Ủy ban nhân dân
  unit: xã An Hòa Thịnh
  place: An Hòa Thịnh
document:
  number: 5
  date: 2022-03-15
statistics: thon.csv
targets:
  poor:
    end_rate: 4,93%
  near_poor:
    reduce: 51
    fixed:
      Tứ Hiệp: all
      Sâm Cồn: 5
)";

std::string error_of(const std::string& yaml) {
  return testing::error_of([&] { parse_plan(yaml, "data/ke-hoach.yaml"); });
}

}  // namespace

TEST_CASE("a plan file gives the issuer, the document and the targets") {
  const Plan plan = parse_plan(kPlan, "data/ke-hoach.yaml");
  CHECK(plan.year == 2022);
  CHECK(plan.parent_body == "UBND HUYỆN HƯƠNG SƠN");
  CHECK(plan.issuing_body == "Ủy ban nhân dân");
  CHECK(plan.unit == "xã An Hòa Thịnh");
  CHECK(plan.number == 5);
  CHECK(plan.symbol == "KH-UBND");
  CHECK(plan.date->day == 15);
  CHECK(plan.date->month == 3);
  CHECK(plan.statistics_path == "data/thon.csv");
  REQUIRE(plan.targets.size() == 2);
  CHECK(plan.targets[0].indicator == Indicator::Poor);
  CHECK(plan.targets[0].end_rate == Rate{493});
  CHECK(plan.targets[1].reduce == 51);
  REQUIRE(plan.targets[1].fixed.size() == 2);
  CHECK(plan.targets[1].fixed[0].unit == "Tứ Hiệp");
  CHECK(plan.targets[1].fixed[0].all);
  CHECK(plan.targets[1].fixed[1].reduction == 5);
}

TEST_CASE("a plan without number and date is a draft") {
  const Plan plan = parse_plan(replaced(replaced(kPlan, "  number: 5\n", ""), "  date: 2022-03-15\n", ""), "p.yaml");
  CHECK_FALSE(plan.number.has_value());
  CHECK_FALSE(plan.date.has_value());
}

TEST_CASE("a date may be written the Vietnamese way") {
  const Plan plan = parse_plan(replaced(kPlan, "2022-03-15", "05/01/2022"), "p.yaml");
  CHECK(plan.date->day == 5);
  CHECK(plan.date->month == 1);
}

TEST_CASE("an unknown key is refused with its line and the keys that are allowed") {
  CHECK(error_of(replaced(kPlan, "  place:", "  plase:")) ==
        "data/ke-hoach.yaml:6: khóa \"plase\" không có trong mẫu tệp kế hoạch; các khóa dùng được ở đây: parent, "
        "body, unit, place.");
}

TEST_CASE("a target given both as a count and as a rate is refused") {
  CHECK(error_of(replaced(kPlan, "    end_rate: 4,93%\n", "    end_rate: 4,93%\n    reduce: 27\n")) ==
        "data/ke-hoach.yaml:13: chỉ ghi một trong hai: reduce (số hộ giảm) hoặc end_rate (tỷ lệ cuối năm), không ghi "
        "cả hai.");
}

TEST_CASE("a bad rate, date or count is refused with what to write") {
  CHECK(error_of(replaced(kPlan, "4,93%", "4,935%")) ==
        "data/ke-hoach.yaml:13: tỷ lệ \"4,935%\" không hợp lệ; hãy ghi như 4,93% (tối đa 2 chữ số thập phân, từ 0 "
        "đến 100).");
  CHECK(error_of(replaced(kPlan, "2022-03-15", "2022-02-30")) ==
        "data/ke-hoach.yaml:9: ngày \"2022-02-30\" không hợp lệ; hãy ghi dạng 2022-01-05 hoặc 05/01/2022 (dự thảo chưa "
        "có ngày: 2022-01 hoặc 01/2022).");
  CHECK(error_of(replaced(kPlan, "reduce: 51", "reduce: năm mốt")) ==
        "data/ke-hoach.yaml:15: \"reduce\" phải là số nguyên từ 0 đến 100000000, không phải \"năm mốt\".");
}

TEST_CASE("a month that is not one is refused before its days are looked up") {
  for (const char* date : {"2022-13-05", "05/13/2022", "2022-00-05", "2022-13"}) {
    CAPTURE(date);
    CHECK(error_of(replaced(kPlan, "2022-03-15", date)) ==
          std::string("data/ke-hoach.yaml:9: ngày \"") + date +
              "\" không hợp lệ; hãy ghi dạng 2022-01-05 hoặc 05/01/2022 (dự thảo chưa có ngày: 2022-01 hoặc 01/2022).");
  }
}

TEST_CASE("a report due date that is not in the calendar is refused at its line, in the plan's year or its own") {
  const std::string plan = std::string(kPlan) + "reports:\n  schedule:\n    6m: 10/06\n    year: 31/06\n";
  CHECK(error_of(plan) == "data/ke-hoach.yaml:22: hạn nộp 31/06 không có trong năm 2022: tháng 6 có 30 ngày.");
  CHECK(error_of(replaced(plan, "31/06", "29/02")) ==
        "data/ke-hoach.yaml:22: hạn nộp 29/02 không có trong năm 2022: tháng 2 có 28 ngày.");
  CHECK(error_of(replaced(plan, "31/06", "29/02/2023")) ==
        "data/ke-hoach.yaml:22: hạn nộp 29/02 không có trong năm 2023: tháng 2 có 28 ngày.");
  CHECK(parse_plan(replaced(plan, "31/06", "29/02/2024"), "p.yaml").reports.schedule.size() == 2);
  CHECK(parse_plan(replaced(replaced(plan, "year: 2022", "year: 2024"), "31/06", "29/02"), "p.yaml")
            .reports.schedule.size() == 2);
}

TEST_CASE("a missing key and a plan without targets are refused") {
  CHECK(error_of(replaced(kPlan, "year: 2022\n", "")) == "data/ke-hoach.yaml:1: thiếu khóa \"year\".");
  CHECK(error_of("year: 2022\nissuer: {body: UBND, unit: xã A}\nstatistics: a.csv\ntargets: {}\n") ==
        "data/ke-hoach.yaml:4: chưa có chỉ tiêu nào; hãy ghi poor hoặc near_poor.");
}

TEST_CASE("a unit fixed twice is refused") {
  CHECK(error_of(replaced(kPlan, "      Sâm Cồn: 5\n", "      Sâm Cồn: 5\n      SÂM CỒN: 4\n")) ==
        "data/ke-hoach.yaml:19: \"SÂM CỒN\" được ghi hai lần trong fixed.");
}

TEST_CASE("broken YAML is refused with its line") {
  CHECK(error_of("year: 2022\nissuer: [\n") == "data/ke-hoach.yaml:3: tệp YAML sai cú pháp (end of sequence flow not found).");
}

TEST_CASE("a draft may give the month and leave the day blank, as the Hồng Ngự draft does") {
  const Plan plan = parse_plan(replaced(kPlan, "2022-03-15", "01/2022"), "p.yaml");
  CHECK(plan.date->day == 0);
  CHECK(plan.date->month == 1);
  CHECK(plan.date->year == 2022);
}

TEST_CASE("a sentence with a colon written without quotes gets a hint about quoting") {
  CHECK(error_of(replaced(kPlan, "targets:", "preamble: xây dựng Kế hoạch như sau: nội dung\ntargets:")) ==
        "data/ke-hoach.yaml:11: tệp YAML sai cú pháp (illegal map value). Nếu dòng chữ có dấu hai chấm (:), hãy "
        "đặt cả câu trong dấu ngoặc kép \"…\".");
}

TEST_CASE("the words of the plan document are read: legal bases, agencies, recipients, signature, sections") {
  const Plan plan = parse_plan(std::string(kPlan) + R"(template: huyen
summary: |
  Triển khai thực hiện Chương trình
  năm 2022
legal_bases:
  - Căn cứ Nghị quyết số 17/NQ-HĐND
agencies:
  - name: Phòng Lao động - Thương binh và Xã hội
    tasks:
      - Chủ trì.
      - Tổng hợp báo cáo.
recipients: [Đảng ủy, "Lưu: VT"]
signature: {authority: TM. ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: Nguyễn Văn A}
sections:
  budget: |
    Đoạn một
    vẫn đoạn một.

    Đoạn hai.
projects:
  1: {note: không thực hiện}
  3:
    subprojects:
      2: Cải thiện dinh dưỡng cho trẻ em.
)",
                               "p.yaml");
  const PlanText& t = plan.text;
  CHECK(t.template_name == "huyen");
  CHECK(t.summary == "Triển khai thực hiện Chương trình\nnăm 2022");
  CHECK(t.legal_bases == std::vector<std::string>{"Căn cứ Nghị quyết số 17/NQ-HĐND"});
  REQUIRE(t.agencies.size() == 1);
  CHECK(t.agencies[0].tasks == std::vector<std::string>{"Chủ trì.", "Tổng hợp báo cáo."});
  CHECK(t.recipients == std::vector<std::string>{"Đảng ủy", "Lưu: VT"});
  CHECK(t.signature.name == "Nguyễn Văn A");
  CHECK(t.signature.deputy.empty());
  CHECK(t.sections.at("budget") == std::vector<std::string>{"Đoạn một vẫn đoạn một.", "Đoạn hai."});
  CHECK(t.section_lines.at("budget") == 33);
  CHECK(t.projects.at(1).note == "không thực hiện");
  CHECK(t.projects.at(3).subprojects.at(2).paragraphs == std::vector<std::string>{"Cải thiện dinh dưỡng cho trẻ em."});
}

TEST_CASE("household records may stand in for the statistics, as a file name or with their options") {
  const std::string with_records = replaced(kPlan, "statistics: thon.csv", "records: ho-2021.csv");
  const Plan plan = parse_plan(with_records, "data/ke-hoach.yaml");
  REQUIRE(plan.records);
  CHECK(plan.records->path == "data/ho-2021.csv");
  CHECK(plan.records->sheet.empty());
  CHECK(plan.records->standard.empty());
  CHECK_FALSE(plan.records->skip_bad_rows);
  const Plan full = parse_plan(
      replaced(kPlan, "statistics: thon.csv",
               "records: {file: ho.xlsx, sheet: Danh sách, standard: ../chuan/hcm.yaml, skip_bad_rows: true}"),
      "data/ke-hoach.yaml");
  REQUIRE(full.records);
  CHECK(full.records->path == "data/ho.xlsx");
  CHECK(full.records->sheet == "Danh sách");
  CHECK(full.records->standard == "chuan/hcm.yaml");
  CHECK(full.records->skip_bad_rows);
  CHECK_FALSE(parse_plan(kPlan, "data/ke-hoach.yaml").records);
}

TEST_CASE("a plan names statistics or records, not both and not neither") {
  CHECK(error_of(replaced(kPlan, "statistics: thon.csv", "statistics: thon.csv\nrecords: ho.csv")) ==
        "data/ke-hoach.yaml:11: chỉ ghi một trong hai: statistics (bảng số liệu thôn) hoặc records (danh sách hộ).");
  CHECK(error_of(replaced(kPlan, "statistics: thon.csv\n", "")).find(
            "thiếu khóa \"statistics\" (bảng số liệu thôn) hoặc \"records\" (danh sách hộ rà soát).") != std::string::npos);
  CHECK(error_of(replaced(kPlan, "statistics: thon.csv", "records: {file: ho.csv, skip_bad_rows: có lẽ}")) ==
        "data/ke-hoach.yaml:10: \"skip_bad_rows\" phải là true (có) hoặc false (không).");
}
