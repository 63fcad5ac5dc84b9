// The plan form and the plan file it makes: every value reaches the plan reader as typed (quotes,
// backslashes, colons, YAML's own words), read back it fills the same form, and each line of the file
// knows the field it came from.
#include <doctest/doctest.h>

#include "model/input_error.h"
#include "read/plan_reader.h"
#include "web/plan_form.h"

using namespace kehoach;

namespace {

PlanForm typed_form() {
  PlanForm form;
  form.number = "45";
  form.date = "15/03/2022";
  form.template_name = "xa";
  form.parent = "UBND HUYỆN HƯƠNG SƠN";
  form.body = "Ủy ban nhân dân";
  form.unit = "xã An Hòa Thịnh";
  form.place = "An Hòa Thịnh";
  form.poor_kind = "ty-le";
  form.poor_value = "4,93";
  form.near_poor_kind = "so-ho";
  form.near_poor_value = "51";
  form.fixed = {{"Sâm Cồn", "", "5"}, {"Trùa: \"Thôn 2\"", "hết", ""}, {"yes", "1", ""}};
  form.appendix_title = "CHỈ TIÊU # NĂM 2022";
  form.summary = "Triển khai: \"Chương trình\"\nGiảm nghèo bền vững năm 2022\n";
  form.legal_bases = "Căn cứ Nghị quyết số 17/NQ-HĐND: về kế hoạch\n\n- Căn cứ C:\\thu-muc\\tep\n*alias &anchor !tag";
  form.preamble = "Ủy ban nhân dân xã xây dựng Kế hoạch như sau:";
  form.goals = "100% hộ nghèo được cấp thẻ Bảo hiểm Y tế.\nnull";
  form.recipients = "Đảng ủy; HĐND; UBND xã\nLưu: VT, LĐTBXH";
  form.agencies = {{"Công chức Lao động - Thương binh và Xã hội", "Chủ trì.\nTổng hợp báo cáo."}, {"", ""}};
  form.authority = "TM. ỦY BAN NHÂN DÂN";
  form.deputy = "KT. CHỦ TỊCH";
  form.title = "PHÓ CHỦ TỊCH";
  form.signer = "Nguyễn Văn A";
  form.schedule = {{"6m", "10/06"}, {"year", "10/11"}};
  form.sections = {{"closing", "Trên đây là Kế hoạch./.\n\nĐoạn hai: \"trích\".", ""}};
  return form;
}

}  // namespace

TEST_CASE("the plan file a form makes reads back as typed, and fills the same form") {
  const PlanForm form = typed_form();
  const PlanYaml yaml = plan_yaml(form, 2022, "thon.csv", {"closing"});
  const Plan plan = parse_plan(yaml.text, "ke-hoach.yaml");
  CHECK(plan.year == 2022);
  CHECK(plan.number == 45);
  REQUIRE(plan.date.has_value());
  CHECK(plan.date->day == 15);
  CHECK(plan.parent_body == "UBND HUYỆN HƯƠNG SƠN");
  CHECK(plan.statistics_path == "thon.csv");
  CHECK(plan.appendix_title == "CHỈ TIÊU # NĂM 2022");
  REQUIRE(plan.targets.size() == 2);
  CHECK(plan.targets[0].end_rate->hundredths == 493);
  REQUIRE(plan.targets[0].fixed.size() == 2);
  CHECK(plan.targets[0].fixed[0].unit == "Trùa: \"Thôn 2\"");
  CHECK(plan.targets[0].fixed[0].all);
  CHECK(plan.targets[0].fixed[1].unit == "yes");
  CHECK(plan.targets[0].fixed[1].reduction == 1);
  CHECK(plan.targets[1].reduce == 51);
  CHECK(plan.targets[1].fixed[0].unit == "Sâm Cồn");
  CHECK(plan.text.summary == "Triển khai: \"Chương trình\"\nGiảm nghèo bền vững năm 2022");
  CHECK(plan.text.legal_bases == std::vector<std::string>{"Căn cứ Nghị quyết số 17/NQ-HĐND: về kế hoạch",
                                                          "- Căn cứ C:\\thu-muc\\tep", "*alias &anchor !tag"});
  CHECK(plan.text.goals.back() == "null");
  REQUIRE(plan.text.agencies.size() == 1);
  CHECK(plan.text.agencies[0].tasks == std::vector<std::string>{"Chủ trì.", "Tổng hợp báo cáo."});
  CHECK(plan.text.signature.name == "Nguyễn Văn A");
  CHECK(plan.text.sections.at("closing") == std::vector<std::string>{"Trên đây là Kế hoạch./.", "Đoạn hai: \"trích\"."});
  REQUIRE(plan.reports.schedule.size() == 2);

  // Read back, the plan fills the form it came from.
  const PlanForm again = form_of_plan(plan, {"Sâm Cồn", "Trùa: \"Thôn 2\"", "yes"});
  CHECK(again.number == form.number);
  CHECK(again.date == form.date);
  CHECK(again.poor_value == "4,93");
  CHECK(again.near_poor_kind == "so-ho");
  CHECK(again.near_poor_value == "51");
  REQUIRE(again.fixed.size() == 3);
  CHECK(again.fixed[0].near_poor == "5");
  CHECK(again.fixed[1].poor == "hết");
  CHECK(again.fixed[2].poor == "1");
  CHECK(again.legal_bases == "Căn cứ Nghị quyết số 17/NQ-HĐND: về kế hoạch\n- Căn cứ C:\\thu-muc\\tep\n*alias &anchor !tag");
  CHECK(again.schedule == form.schedule);
  CHECK(plan_yaml(again, 2022, "thon.csv", {"closing"}).text ==
        plan_yaml(typed_form(), 2022, "thon.csv", {"closing"}).text);
}

TEST_CASE("a control character typed reaches the plan reader, which names it, at the field it came from") {
  PlanForm form = typed_form();
  form.place = "An\x1B[2J Hòa Thịnh";
  const PlanYaml yaml = plan_yaml(form, 2022, "thon.csv", {});
  CHECK(yaml.text.find("\x1B") == std::string::npos);  // escaped: the file stays one value a line
  try {
    parse_plan(yaml.text, "ke-hoach.yaml");
    FAIL("the reader took a control character");
  } catch (const InputError& e) {
    REQUIRE(e.where().row.has_value());
    CHECK(yaml.field_of_line(*e.where().row) == "dia-danh");
    CHECK(e.problem().find("U+001B") != std::string::npos);
  }
}

TEST_CASE("a section left as its default, or emptied, is not written, one changed is") {
  PlanForm form = typed_form();
  const std::string shown = "Đoạn một của mẫu.\n\nĐoạn hai của mẫu.";
  form.sections = {{"closing", shown, section_hash(shown)},
                   {"general_goal", "Đoạn một của mẫu.\r\n\r\nĐoạn hai   của mẫu.  ", section_hash(shown)},
                   {"policy", "   ", section_hash(shown)},
                   {"resources", "Chữ mới.", section_hash(shown)},
                   {"budget", "Chữ của mẫu khác.", ""}};
  const PlanYaml yaml = plan_yaml(form, 2022, "thon.csv", {"closing", "general_goal", "policy", "resources"});
  CHECK(yaml.text.find("closing") == std::string::npos);
  CHECK(yaml.text.find("general_goal") == std::string::npos);  // the same text, typed with other line ends
  CHECK(yaml.text.find("policy") == std::string::npos);
  CHECK(yaml.text.find("sections:\n  resources: \"Chữ mới.\"\n") != std::string::npos);
  CHECK(yaml.text.find("budget") == std::string::npos);  // not a section of the template chosen
}

TEST_CASE("a field refused is set aside so that the rest of the form is read for its own problems") {
  PlanForm form = typed_form();
  form.date = "31/02/2022";
  form.schedule["year"] = "10/13";
  CHECK(set_aside(form, "ngay-ban-hanh"));
  CHECK(form.date.empty());
  CHECK(set_aside(form, "han-nam"));
  CHECK(form.schedule.count("year") == 0);
  CHECK(set_aside(form, "co-dinh-2-ngheo"));
  CHECK(form.fixed[1].poor.empty());
  CHECK(set_aside(form, "gia-tri-ngheo"));
  CHECK(form.poor_value == "0");
  CHECK_FALSE(set_aside(form, "co-dinh-9-ngheo"));
  CHECK_FALSE(set_aside(form, "khong-co"));
  CHECK_NOTHROW(parse_plan(plan_yaml(form, 2022, "thon.csv", {}).text, "ke-hoach.yaml"));
}
