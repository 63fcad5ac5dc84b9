#include <doctest/doctest.h>

#include <variant>

#include "appendix_fixture.h"
#include "model/input_error.h"
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

TemplateRecord data_for(const Plan& plan, std::set<std::string> names = {}) {
  return plan_template_data(plan, build_appendix(plan, testing::small_statistics()), names, "xa");
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

TEST_CASE("the target figures come formatted from the computed appendix") {
  const TemplateRecord data = data_for(testing::small_plan());
  CHECK_FALSE(flag_at(data, "has_poor"));
  CHECK(flag_at(data, "has_near_poor"));
  CHECK(text_at(data, "near_poor.start") == "82");
  CHECK(text_at(data, "near_poor.reduction") == "12");
  CHECK(text_at(data, "near_poor.end_rate") == "0,55");
  CHECK(text_at(data, "households") == "12.806");
  CHECK(text_at(data, "unit_label") == "đơn vị");
  const TemplateList& rows = list_at(std::get<TemplateRecord>(data.at("appendix").value), "rows");
  REQUIRE(rows.size() == 3);
  CHECK(text_at(rows[0], "near_poor.start_rate") == "1,78");
  CHECK(text_at(rows[2], "order") == "3");
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

TEST_CASE("the seven projects of the national programme are listed with the plan's notes and texts") {
  Plan plan = testing::small_plan();
  plan.text.projects[1].note = "không thực hiện do huyện không có xã đặc biệt khó khăn.";
  plan.text.projects[3].subprojects[2].paragraphs = {"Hỗ trợ dinh dưỡng cho trẻ em."};
  const TemplateRecord data = data_for(plan);
  const TemplateList& projects = list_at(data, "projects");
  REQUIRE(projects.size() == 7);
  CHECK(text_at(projects[1], "heading") == "2. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo.");
  CHECK(text_at(projects[0], "note") == "(không thực hiện do huyện không có xã đặc biệt khó khăn).");
  const TemplateList& subprojects = list_at(projects[2], "subprojects");
  REQUIRE(subprojects.size() == 2);
  CHECK(text_at(subprojects[1], "heading") == "b) Tiểu dự án 2: Cải thiện dinh dưỡng.");
  CHECK(text_at(list_at(subprojects[1], "paragraphs")[0], "text") == "Hỗ trợ dinh dưỡng cho trẻ em.");
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
