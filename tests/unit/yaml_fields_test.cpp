#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "read/cascade_reader.h"
#include "read/office_reader.h"
#include "read/plan_reader.h"
#include "read/programme_reader.h"
#include "read/standard_reader.h"
#include "read/yaml_fields.h"
#include "test_support.h"

using namespace kehoach;

namespace {

// A plan with every map a key can stand in, one per line so that each insertion point has its line.
const std::vector<std::string> kPlanLines = {
    "year: 2022",                 // 1
    "issuer:",                    // 2
    "  body: Ủy ban nhân dân",    // 3
    "  unit: xã An Hòa Thịnh",    // 4
    "statistics: thon.csv",       // 5
    "targets:",                   // 6
    "  near_poor:",               // 7
    "    reduce: 5",              // 8
    "    fixed:",                 // 9
    "      Tứ Hiệp: all",         // 10
    "sections:",                  // 11
    "  muc_tieu: Chữ riêng.",     // 12
    "reports:",                   // 13
    "  schedule:",                // 14
    "    6m: 10/06",              // 15
    "  6m:",                      // 16
    "    sections:",              // 17
    "      ket_qua: Chữ riêng.",  // 18
};

const std::vector<std::string> kCascadeLines = {
    "year: 2026",                          // 1
    "units: don-vi.csv",                   // 2
    "targets:",                            // 3
    "  poor: { reduce: 5 }",               // 4
    "fixed:",                              // 5
    "  \"Xã A / Thôn 1\": { poor: all }",  // 6
    "plans:",                              // 7
    "  level: Xã",                         // 8
};

const std::vector<std::string> kStandardLines = {
    "name: Chuẩn nghèo",         // 1
    "first_year: 2022",          // 2
    "last_year: 2026",           // 3
    "income: per_month",         // 4
    "rural:",                    // 5
    "  poor: 1.500.000",         // 6
    "urban:",                    // 7
    "  poor: 2.000.000",         // 8
    "poor_deprivations: 3",      // 9
};

const std::vector<std::string> kOfficeLines = {
    "poverty:",                  // 1
    "  - from: 2000-01-01",      // 2
    "    name: Phòng Lao động",  // 3
};

const std::vector<std::string> kProgrammeLines = {
    "name: Chương trình",        // 1
    "first_year: 2021",          // 2
    "last_year: 2025",           // 3
    "projects:",                 // 4
    "  - number: 1",             // 5
    "    name: Dự án 1",         // 6
};

// `lines` with `line` inserted after line `after` (1-based), as one text.
std::string with_line(const std::vector<std::string>& lines, std::size_t after, const std::string& line) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == after) text += line + "\n";
    text += lines[i] + "\n";
  }
  if (after >= lines.size()) text += line + "\n";
  return text;
}

using Reader = std::function<void(const std::string& yaml)>;

struct Place {
  const char* name;
  const std::vector<std::string>* lines;
  Reader read;
  std::size_t after;   // the key goes after this line…
  const char* indent;  // …indented as the keys of the map it belongs to
};

const Reader kPlan = [](const std::string& yaml) { parse_plan(yaml, "k.yaml"); };
const Reader kCascade = [](const std::string& yaml) { parse_cascade(yaml, "k.yaml"); };
const Reader kStandard = [](const std::string& yaml) { parse_standard(yaml, "k.yaml"); };
const Reader kOffice = [](const std::string& yaml) { parse_office_book(yaml, "k.yaml"); };
const Reader kProgramme = [](const std::string& yaml) { parse_programme(yaml, "k.yaml"); };

const std::vector<Place> kPlaces = {
    {"plan, top level", &kPlanLines, kPlan, 1, ""},
    {"plan, issuer", &kPlanLines, kPlan, 3, "  "},
    {"plan, targets", &kPlanLines, kPlan, 6, "  "},
    {"plan, a target", &kPlanLines, kPlan, 8, "    "},
    {"plan, targets' fixed", &kPlanLines, kPlan, 10, "      "},
    {"plan, sections", &kPlanLines, kPlan, 12, "  "},
    {"plan, reports", &kPlanLines, kPlan, 13, "  "},
    {"plan, reports' schedule", &kPlanLines, kPlan, 15, "    "},
    {"plan, a period's report", &kPlanLines, kPlan, 16, "    "},
    {"plan, a period's sections", &kPlanLines, kPlan, 18, "      "},
    {"cascade, top level", &kCascadeLines, kCascade, 1, ""},
    {"cascade, targets", &kCascadeLines, kCascade, 4, "  "},
    {"cascade, fixed", &kCascadeLines, kCascade, 6, "  "},
    {"cascade, plans", &kCascadeLines, kCascade, 8, "  "},
    {"standard, top level", &kStandardLines, kStandard, 1, ""},
    {"standard, rural", &kStandardLines, kStandard, 6, "  "},
    {"office names, roles", &kOfficeLines, kOffice, 3, ""},
    {"office names, a name", &kOfficeLines, kOffice, 3, "    "},
    {"programme, top level", &kProgrammeLines, kProgramme, 1, ""},
    {"programme, a project", &kProgrammeLines, kProgramme, 6, "    "},
};

}  // namespace

TEST_CASE("the fixtures of the key tests are files their readers accept") {
  CHECK_NOTHROW(kPlan(with_line(kPlanLines, 99, "")));
  CHECK_NOTHROW(kCascade(with_line(kCascadeLines, 99, "")));
  CHECK_NOTHROW(kStandard(with_line(kStandardLines, 99, "")));
  CHECK_NOTHROW(kOffice(with_line(kOfficeLines, 99, "")));
  CHECK_NOTHROW(kProgramme(with_line(kProgrammeLines, 99, "")));
}

TEST_CASE("a key that is a list or a map is refused at its line in every YAML file, in every map") {
  const std::string not_text = "khóa phải là một chữ hoặc tên (ví dụ \"year: 2022\"), không phải danh sách hay nhóm khóa.";
  for (const Place& place : kPlaces) {
    const std::string where = place.name;
    CAPTURE(where);
    const std::string line = "k.yaml:" + std::to_string(place.after + 1) + ": ";
    const std::vector<std::vector<std::string>> keys = {{"[a]: 1"}, {"[]: 1"}, {"{a: 1}: 2"}, {"? [a, b]", ": 1"}};
    for (const auto& key : keys) {
      CAPTURE(key.front());
      std::string inserted;
      for (const auto& part : key) inserted += (inserted.empty() ? "" : "\n") + std::string(place.indent) + part;
      const std::string yaml = with_line(*place.lines, place.after, inserted);
      CHECK(testing::error_of([&] { place.read(yaml); }) == line + not_text);
    }
    const std::string empty = with_line(*place.lines, place.after, std::string(place.indent) + "~: 1");
    CHECK(testing::error_of([&] { place.read(empty); }) ==
          line + "khóa trống; mỗi khóa phải là một chữ hoặc tên, ví dụ \"year: 2022\".");
  }
}

TEST_CASE("a bare question mark key is refused at its line, not thrown as a conversion") {
  CHECK(testing::error_of([] { parse_plan("? :\nyear: 2022\n", "k.yaml"); }).starts_with("k.yaml:1: khóa "));
  CHECK(testing::error_of([] { parse_cascade("year: 2026\n? :\n", "k.yaml"); }).starts_with("k.yaml:2: khóa "));
}

TEST_CASE("a flow map's key that is a list is refused too: the report thresholds") {
  const std::string yaml = with_line(kPlanLines, 13, "  thresholds: { [6m]: 50 }");
  CHECK(testing::error_of([&] { kPlan(yaml); }) ==
        "k.yaml:14: khóa phải là một chữ hoặc tên (ví dụ \"year: 2022\"), không phải danh sách hay nhóm khóa.");
}

TEST_CASE("an alias is refused at its line in every YAML file") {
  const std::string message = "kehoach không nhận bí danh YAML (\"*tên\" trỏ về \"&tên\"); hãy chép nội dung vào chỗ cần dùng.";
  CHECK(testing::error_of([] { parse_plan("year: &y 2022\nissuer: { body: A, unit: B }\nstatistics: t.csv\n"
                                          "targets: { poor: { reduce: *y } }\n", "k.yaml"); }) == "k.yaml:4: " + message);
  CHECK(testing::error_of([] { parse_cascade("year: 2026\nunits: &u u.csv\nrecords: *u\n", "k.yaml"); }) ==
        "k.yaml:3: " + message);
  CHECK(testing::error_of([] {
          kStandard(testing::replaced(with_line(kStandardLines, 9, "document: *n"), "name: ", "name: &n "));
        }) == "k.yaml:10: " + message);
  CHECK(testing::error_of([] { parse_office_book("poverty: &p\n  - { from: 2000-01-01, name: A }\nother: *p\n", "k.yaml"); }) ==
        "k.yaml:3: " + message);
  CHECK(testing::error_of([] {
          kProgramme(testing::replaced(with_line(kProgrammeLines, 1, "source: *p"), "name: ", "name: &p "));
        }) == "k.yaml:2: " + message);
}

TEST_CASE("a small plan whose aliases would stand for a million paragraphs is refused at once") {
  // One anchored list of a thousand paragraphs, aliased a thousand times: 52 KB standing for a million.
  std::ostringstream yaml;
  yaml << "year: 2022\nissuer: { body: A, unit: B }\nstatistics: t.csv\ntargets: { poor: { reduce: 1 } }\n"
          "goals: &g\n";
  for (int i = 0; i < 1000; ++i) yaml << "  - Mục tiêu " << i << "\n";
  yaml << "agencies:\n";
  for (int i = 0; i < 1000; ++i) yaml << "  - { name: Cơ quan " << i << ", tasks: *g }\n";
  const auto started = std::chrono::steady_clock::now();
  CHECK(testing::error_of([&] { parse_plan(yaml.str(), "k.yaml"); }).starts_with("k.yaml:1007: kehoach không nhận bí danh"));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}

TEST_CASE("whatever yaml-cpp throws while a reader looks at the document becomes an input error at its line") {
  const auto read_beyond_a_scalar = [](const YAML::Node& root) { return root["year"]["month"].Scalar(); };
  CHECK(testing::error_of([&] { parse_yaml("title: x\nyear: 2022\n", "k.yaml", read_beyond_a_scalar); })
            .starts_with("k.yaml:2: cấu trúc tệp YAML không như kehoach cần ở đây ("));
}

TEST_CASE("names in plan and cascade files are refused when they hide characters") {
  CHECK(testing::error_of([] { kPlan(testing::replaced(with_line(kPlanLines, 99, ""), "xã An Hòa Thịnh", "\"xã \\e[2J\"")); }) ==
        "k.yaml:4: tên đơn vị \"xã <U+001B>[2J\" có ký tự điều khiển U+001B (không nhìn thấy khi in); hãy gõ lại tên này, "
        "không chép từ nơi khác.");
  CHECK(testing::error_of([] { kPlan(testing::replaced(with_line(kPlanLines, 99, ""), "Tứ Hiệp: all", "\"Tứ \\u202EHiệp\": all")); }) ==
        "k.yaml:10: tên đơn vị \"Tứ <U+202E>Hiệp\" có ký tự đổi chiều chữ U+202E (không nhìn thấy khi in); hãy gõ lại tên "
        "này, không chép từ nơi khác.");
  CHECK(testing::error_of([] { kCascade(testing::replaced(with_line(kCascadeLines, 99, ""), "Thôn 1", "Thôn\\x071")); }) ==
        "k.yaml:6: tên đơn vị \"Thôn<U+0007>1\" có ký tự điều khiển U+0007 (không nhìn thấy khi in); hãy gõ lại tên này, "
        "không chép từ nơi khác.");
  std::string deep = "\"A";
  for (int i = 0; i < 3000; ++i) deep += " / B";
  // A key this long must be written as an explicit one ("? key", then ": value"): YAML limits plain keys.
  CHECK(testing::error_of([&] {
          kCascade(testing::replaced(with_line(kCascadeLines, 99, ""), "\"Xã A / Thôn 1\": ", "? " + deep + "\"\n  : "));
        }) ==
        "k.yaml:6: đường dẫn đơn vị có 3001 cấp; kehoach nhận tối đa 8 cấp.");
}

TEST_CASE("a YAML file nested deeper than the parser goes is refused saying so") {
  const std::string yaml = "year: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n";
  CHECK(testing::error_of([&] { parse_plan(yaml, "k.yaml"); }) ==
        "k.yaml:1: tệp YAML lồng quá sâu (danh sách trong danh sách, khóa trong khóa quá nhiều tầng).");
}

TEST_CASE("a one-line text of any YAML file with a control or bidi character is refused at its line") {
  CHECK(testing::error_of([] { kStandard(testing::replaced(with_line(kStandardLines, 99, ""), "name: Chuẩn nghèo",
                                                           "name: \"Chuẩn\\e]0;x\\a nghèo\"")); }) ==
        "k.yaml:1: \"name\" có ký tự ẩn U+001B (ký tự điều khiển, đổi chiều chữ hoặc không có độ rộng); hãy gõ lại dòng "
        "này.");
  CHECK(testing::error_of([] { kPlan(with_line(kPlanLines, 1, "title: \"KẾ HOẠCH \\u202E\"")); }) ==
        "k.yaml:2: \"title\" có ký tự ẩn U+202E (ký tự điều khiển, đổi chiều chữ hoặc không có độ rộng); hãy gõ lại dòng "
        "này.");
}
