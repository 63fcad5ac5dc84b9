#include <doctest/doctest.h>

#include <variant>

#include "appendix_fixture.h"
#include "model/input_error.h"
#include "read/office_reader.h"
#include "read/programme_reader.h"
#include "write/document_data.h"
#include "write/plan_template_data.h"

using namespace kehoach;

namespace {

const std::string& text_at(const TemplateRecord& record, const std::string& dotted) {
  const TemplateRecord* current = &record;
  std::string rest = dotted;
  for (auto dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
    current = &std::get<TemplateRecord>(current->at(rest.substr(0, dot)).value);
    rest = rest.substr(dot + 1);
  }
  return std::get<std::string>(current->at(rest).value);
}

const TemplateList& list_at(const TemplateRecord& record, const std::string& key) {
  return std::get<TemplateList>(record.at(key).value);
}

bool flag_at(const TemplateRecord& record, const std::string& key) { return std::get<bool>(record.at(key).value); }

// The text of row `row` named `dotted` ("near_poor.start_rate") in a table of records.
const std::string& table_text(const TemplateTable& table, std::size_t row, const std::string& dotted) {
  const TemplateColumns* names = table.columns.get();
  std::string rest = dotted;
  for (auto dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
    names = names->find(rest.substr(0, dot))->record.get();
    rest = rest.substr(dot + 1);
  }
  return table.texts.at(row * table.width + static_cast<std::size_t>(names->find(rest)->text));
}

std::shared_ptr<const OfficeBook> shipped_offices() {
  static const auto book = std::make_shared<const OfficeBook>(read_office_book(KEHOACH_OFFICES));
  return book;
}

std::shared_ptr<const NationalProgramme> shipped_programme_2021_2025() {
  static const auto programme = std::make_shared<const NationalProgramme>(read_programme(KEHOACH_PROGRAMME));
  return programme;
}

TemplateRecord data_for(Plan plan, std::set<std::string> names = {}, const Statistics& statistics = testing::small_statistics()) {
  if (!plan.offices) plan.offices = shipped_offices();
  if (!plan.programme) plan.programme = shipped_programme_2021_2025();
  return plan_template_data(plan, build_appendix(plan, statistics), names, "xa");
}

Statistics ward_statistics() {
  Statistics s;
  s.source = "to-dan-pho.csv";
  s.unit_column = "Thôn";  // the column says thôn, the names say otherwise
  s.units = {{"Tổ dân phố 1", 367, 14, 11, std::nullopt, 2}, {"Tổ dân phố 2", 244, 2, 2, std::nullopt, 3}};
  return s;
}

Plan ward_plan() {
  Plan plan = testing::small_plan();
  plan.year = 2026;
  plan.unit = "phường Bắc Hồng Lĩnh";
  plan.number.reset();
  plan.date.reset();
  plan.targets = {Target{Indicator::Poor, 4, std::nullopt, {}}};
  return plan;
}

}  // namespace

TEST_CASE("legal bases and recipients end in semicolons, the last one in a period") {
  CHECK(punctuated({"Căn cứ A;", "Căn cứ B.", "Căn cứ C"}) ==
        std::vector<std::string>{"Căn cứ A;", "Căn cứ B;", "Căn cứ C."});
  CHECK(punctuated({}).empty());
}

TEST_CASE("the header carries the issuer in upper case, the number and the place and date") {
  Plan plan = testing::small_plan();
  plan.parent_body = "UBND thành phố Hà Nội";
  plan.place = "Thanh Trì";
  const TemplateRecord data = data_for(plan);
  CHECK(text_at(data, "header.parent") == "UBND THÀNH PHỐ HÀ NỘI");
  CHECK(text_at(data, "header.body") == "ỦY BAN NHÂN DÂN");
  CHECK(text_at(data, "header.unit") == "HUYỆN THANH TRÌ");
  CHECK(text_at(data, "header.number") == "Số: 90/KH-UBND");
  CHECK(text_at(data, "header.place_date") == "Thanh Trì, ngày 23 tháng 02 năm 2023");
}

TEST_CASE("without a place of its own the date line names the issuer's locality without its level word") {
  Plan plan = testing::small_plan();
  plan.place.clear();
  plan.unit = "phường Bắc Hồng";
  CHECK(text_at(data_for(plan), "header.place_date") == "Bắc Hồng, ngày 23 tháng 02 năm 2023");
  plan.unit = "Hội LHPN huyện Hóc Môn";
  CHECK(text_at(data_for(plan), "header.place_date") == "Hóc Môn, ngày 23 tháng 02 năm 2023");
}

TEST_CASE("the target figures come formatted from the computed appendix") {
  const TemplateRecord data = data_for(testing::small_plan());
  CHECK_FALSE(flag_at(data, "has_poor"));
  CHECK(flag_at(data, "has_near_poor"));
  CHECK(text_at(data, "near_poor.start") == "82");
  CHECK(text_at(data, "near_poor.reduction") == "12");
  CHECK(text_at(data, "near_poor.end_rate") == "0,55");
  CHECK(text_at(data, "households") == "12.806");
  // Neither the names nor the column "Đơn vị" say their level: a district's units are its xã.
  CHECK(text_at(data, "unit_label") == "xã");
  const TemplateTable& rows = std::get<TemplateTable>(std::get<TemplateRecord>(data.at("appendix").value).at("rows").value);
  REQUIRE(rows.size() == 3);
  CHECK(table_text(rows, 0, "near_poor.start_rate") == "1,78");
  CHECK(table_text(rows, 2, "order") == "3");
  CHECK(rows.columns->find("poor") == nullptr);  // the plan has near-poor targets only
}

TEST_CASE("a recipients list without the archive line gets the usual one") {
  Plan plan = testing::small_plan();
  plan.text.recipients = {"Thường trực Huyện ủy", "UBND các xã, thị trấn"};
  const TemplateRecord data = data_for(plan);
  const TemplateList& recipients = list_at(data, "recipients");
  REQUIRE(recipients.size() == 3);
  CHECK(text_at(recipients[1], "text") == "UBND các xã, thị trấn;");
  CHECK(text_at(recipients[2], "text") == "Lưu: VT, LĐTBXH.");
}

TEST_CASE("the signature defaults to the collective body and its head") {
  const TemplateRecord data = data_for(testing::small_plan());
  CHECK(text_at(data, "signature.authority") == "TM. ỦY BAN NHÂN DÂN");
  CHECK(text_at(data, "signature.title") == "CHỦ TỊCH");
  CHECK_FALSE(flag_at(std::get<TemplateRecord>(data.at("signature").value), "has_deputy"));
}

TEST_CASE("a draft walks through the seven projects, marking those the plan file says nothing about") {
  Plan plan = testing::small_plan();
  plan.number.reset();
  plan.text.projects[1].note = "không thực hiện do huyện không có xã đặc biệt khó khăn.";
  plan.text.projects[3].subprojects[2].paragraphs = {"Hỗ trợ dinh dưỡng cho trẻ em."};
  const TemplateRecord data = data_for(plan, {"projects"});
  const TemplateList& projects = list_at(data, "projects");
  REQUIRE(projects.size() == 7);
  CHECK(text_at(projects[1], "heading") == "2. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo.");
  CHECK(text_at(projects[1], "note") == "(bổ sung nội dung)");
  CHECK(text_at(projects[0], "note") == "(không thực hiện do huyện không có xã đặc biệt khó khăn).");
  // Tiểu dự án 1 of Dự án 3 has nothing yet: the draft asks for it.
  const TemplateList& subprojects = list_at(projects[2], "subprojects");
  REQUIRE(subprojects.size() == 2);
  CHECK(text_at(subprojects[0], "note") == "(bổ sung nội dung)");
  CHECK(text_at(subprojects[1], "heading") == "b) Tiểu dự án 2: Cải thiện dinh dưỡng.");
  CHECK(text_at(list_at(subprojects[1], "paragraphs")[0], "text") == "Hỗ trợ dinh dưỡng cho trẻ em.");
  // A project with nothing at all does not list bare subproject headings under its mark.
  CHECK(list_at(projects[3], "subprojects").empty());
}

TEST_CASE("an issued plan leaves out the projects and subprojects it has nothing to say about, and numbers the rest") {
  Plan plan = testing::small_plan();  // numbered and dated
  plan.text.projects[1].note = "không thực hiện.";
  plan.text.projects[3].subprojects[2].paragraphs = {"Hỗ trợ dinh dưỡng cho trẻ em."};
  const TemplateList projects = list_at(data_for(plan, {"projects"}), "projects");
  REQUIRE(projects.size() == 2);
  CHECK(text_at(projects[0], "heading") == "1. Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, "
                                           "các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo.");
  CHECK(text_at(projects[1], "heading") == "2. Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng.");
  const TemplateList& subprojects = list_at(projects[1], "subprojects");
  REQUIRE(subprojects.size() == 1);
  CHECK(text_at(subprojects[0], "heading") == "a) Tiểu dự án 2: Cải thiện dinh dưỡng.");
  CHECK_FALSE(flag_at(projects[1], "has_note"));
  CHECK(list_at(data_for(testing::small_plan(), {"projects"}), "projects").empty());
}

TEST_CASE("projects under a template without them are refused at the plan file's line") {
  Plan plan = testing::small_plan();
  plan.text.projects[2].paragraphs = {"Hỗ trợ sinh kế."};
  plan.text.projects_line = 57;
  CHECK_THROWS_WITH_AS(data_for(plan, {"sections.closing"}),
                       doctest::Contains("ke-hoach.yaml:57: mẫu xa không có phần Dự án"), InputError);
}

TEST_CASE("a unit given a fixed 'all' is named in the text as having none left") {
  const TemplateRecord data = data_for(testing::small_plan());
  CHECK(flag_at(std::get<TemplateRecord>(data.at("near_poor").value), "has_cleared"));
  CHECK(text_at(data, "near_poor.cleared") == "xã Tứ Hiệp");
  Plan plan = testing::small_plan();
  plan.targets[0].fixed.push_back({"Yên Mỹ", true, 0});
  plan.targets[0].reduce = 25;
  CHECK(text_at(data_for(plan), "near_poor.cleared") == "xã Tứ Hiệp và xã Yên Mỹ");
  plan.targets[0].fixed = {{"Tứ Hiệp", false, 1}};
  CHECK_FALSE(flag_at(std::get<TemplateRecord>(data_for(plan).at("near_poor").value), "has_cleared"));
}

TEST_CASE("a ward whose units are tổ dân phố speaks of tổ dân phố and their heads, whatever the column says") {
  const TemplateRecord data = data_for(ward_plan(), {}, ward_statistics());
  CHECK(text_at(data, "unit_label") == "tổ dân phố");
  CHECK(text_at(data, "unit_heads") == "Tổ trưởng tổ dân phố");
  CHECK(text_at(data, "appendix.unit_label") == "Tổ dân phố");
  CHECK(text_at(data, "issuer_level") == "phường");
  CHECK(text_at(data, "area") == "phường Bắc Hồng Lĩnh");
}

TEST_CASE("a commune with thôn and tổ dân phố names both") {
  Statistics mixed = ward_statistics();
  mixed.units.push_back({"Thôn Trung Hòa", 339, 13, 23, std::nullopt, 4});
  Plan plan = ward_plan();
  plan.unit = "xã Sơn Tây";
  const TemplateRecord data = data_for(plan, {}, mixed);
  CHECK(text_at(data, "unit_label") == "thôn, tổ dân phố");
  CHECK(text_at(data, "unit_heads") == "Trưởng thôn, Tổ trưởng tổ dân phố");
  CHECK(text_at(data, "appendix.unit_label") == "Thôn, tổ dân phố");
}

TEST_CASE("an organisation's area is the territory in its name") {
  Plan plan = testing::small_plan();
  plan.issuing_body = "Ban Thường vụ";
  plan.unit = "Hội LHPN huyện Hóc Môn";
  const TemplateRecord data = data_for(plan);
  CHECK(text_at(data, "area") == "huyện Hóc Môn");
  CHECK(text_at(data, "unit_name") == "Hội LHPN huyện Hóc Môn");
  CHECK(text_at(list_at(data, "recipients")[0], "text") == "Lưu: VT.");  // not a committee's labour office
}

TEST_CASE("offices are named as they were on the document's date") {
  const TemplateRecord old_commune = data_for([] {
    Plan plan = ward_plan();
    plan.unit = "xã Sơn Tây";
    plan.year = 2022;
    return plan;
  }(), {}, ward_statistics());
  CHECK(text_at(old_commune, "offices.poverty.name") == "Công chức Lao động - Thương binh và Xã hội");
  CHECK(text_at(list_at(old_commune, "recipients").back(), "text") == "Lưu: VT, LĐTBXH.");
  const TemplateRecord ward_2026 = data_for(ward_plan(), {}, ward_statistics());
  CHECK(text_at(ward_2026, "offices.poverty.name") == "Phòng Kinh tế, Hạ tầng và Đô thị");
  CHECK(text_at(list_at(ward_2026, "recipients").back(), "text") == "Lưu: VT, KTHTĐT.");
  const TemplateRecord district = data_for(testing::small_plan());
  CHECK(text_at(district, "offices.province_poverty.name") == "Sở Lao động - Thương binh và Xã hội");
  CHECK(text_at(district, "issuer_level") == "huyện");
}

TEST_CASE("template sections are false unless the plan replaces them") {
  Plan plan = testing::small_plan();
  plan.text.sections["closing"] = {"Đoạn kết."};
  const TemplateRecord data = data_for(plan, {"sections.closing", "sections.budget", "year"});
  const auto& sections = std::get<TemplateRecord>(data.at("sections").value);
  CHECK(std::get<bool>(sections.at("budget").value) == false);
  CHECK(text_at(std::get<TemplateList>(sections.at("closing").value)[0], "text") == "Đoạn kết.");
}

TEST_CASE("a plan section the template does not have is refused with the plan file's line") {
  Plan plan = testing::small_plan();
  plan.text.sections["budjet"] = {"Kinh phí."};
  plan.text.section_lines["budjet"] = 40;
  CHECK_THROWS_WITH_AS(data_for(plan, {"sections.closing", "sections.budget"}),
                       "ke-hoach.yaml:40: mẫu xa không có phần \"budjet\" để thay; các phần thay được: budget, closing.",
                       InputError);
}

TEST_CASE("a section given empty removes the template's words instead of bringing them back") {
  Plan plan = testing::small_plan();
  plan.text.sections["closing"] = {};
  const TemplateRecord data = data_for(plan, {"sections.closing"});
  const auto& closing = std::get<TemplateList>(std::get<TemplateRecord>(data.at("sections").value).at("closing").value);
  REQUIRE(closing.size() == 1);
  CHECK(text_at(closing[0], "text") == "");
}
