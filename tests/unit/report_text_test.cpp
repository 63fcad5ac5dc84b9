#include <doctest/doctest.h>

#include "model/input_error.h"
#include "write/report_addressees.h"
#include "write/report_labels.h"
#include "write/report_sentences.h"
#include "write/report_template_data.h"

using namespace kehoach;

namespace {

const std::string kBlank = "\u2007\u2007\u2007";
const std::string kEn = "\u2002";
const std::set<std::string> kTemplateNames{"sections.results", "sections.difficulties", "sections.next_tasks",
                                           "sections.proposals"};

Plan commune_plan() {
  Plan plan;
  plan.file = "ke-hoach.yaml";
  plan.year = 2022;
  plan.parent_body = "UBND HUYỆN HƯƠNG SƠN";
  plan.issuing_body = "Ủy ban nhân dân";
  plan.unit = "xã An Hòa Thịnh";
  plan.text.recipients = {"Đảng ủy; HĐND; UBND xã", "Thôn trưởng 19 thôn", "Lưu: VT, LĐTBXH"};
  return plan;
}

ReportFigures figures(long long start, std::array<long long, kMovementCount> movements, long long target,
                      long long households) {
  ReportFigures f;
  f.start = start;
  f.movements = movements;
  f.movements_known = true;
  f.end = start - movements[0] - movements[1] - movements[2] + movements[3] + movements[4] + movements[5] + movements[6];
  f.target = target;
  f.achieved = f.start - f.end;
  if (target > 0) f.share = Rate{(f.achieved * 20000 + target) / (2 * target)};  // rounded half up
  f.end_rate = Rate{(f.end * 10000 + households / 2) / households};
  return f;
}

// One indicator (poor), two units: Đông on schedule, Tây behind.
Report poor_report(Period period, ReportFigures total, Rate threshold) {
  Report report;
  report.year = 2022;
  report.period = period;
  report.threshold = threshold;
  report.unit_label = "Thôn";
  report.indicators = {Indicator::Poor};
  report.rows.push_back({"Đông", 1000, {total}, false, std::nullopt});
  report.rows.push_back({"Tây", 1000, {total}, true, std::nullopt});
  report.total = {"Tổng cộng", 2000, {total}, false, std::nullopt};
  return report;
}

std::string text_of(const TemplateValue& value) { return std::get<std::string>(value.value); }
const TemplateRecord& record_of(const TemplateValue& value) { return std::get<TemplateRecord>(value.value); }
const TemplateList& list_of(const TemplateValue& value) { return std::get<TemplateList>(value.value); }

std::vector<std::string> texts(const TemplateValue& value) {
  std::vector<std::string> out;
  for (const auto& item : list_of(value)) out.push_back(text_of(item.at("text")));
  return out;
}

}  // namespace

TEST_CASE("the report's appendix cites the report's own number and date, or a draft's blanks") {
  Plan plan = commune_plan();
  const Report report = poor_report(Period::H1, figures(10, {}, 2, 1000), Rate{5000});
  CHECK(report_attachment_line(plan, report) ==
        "(Kèm theo Báo cáo số" + kEn + kBlank + "/BC-UBND ngày" + kEn + kBlank + kEn + "tháng" + kEn + kBlank + kEn +
            "năm 2022 của Ủy ban nhân dân xã An Hòa Thịnh)");
  plan.reports.periods[Period::H1].number = 30;
  plan.reports.periods[Period::H1].date = Date{2022, 6, 8};
  CHECK(report_attachment_line(plan, report) ==
        "(Kèm theo Báo cáo số 30/BC-UBND ngày 08 tháng 6 năm 2022 của Ủy ban nhân dân xã An Hòa Thịnh)");
  // The year's report is another document: still a draft.
  CHECK(report_attachment_line(plan, poor_report(Period::Year, figures(10, {}, 2, 1000), Rate{10000})).find("Báo cáo số" + kEn) !=
        std::string::npos);
}

TEST_CASE("the tasks look ahead to the rest of the year, or to the next year after the annual report") {
  CHECK(next_period_label(Period::Q1, 2022) == "quý II năm 2022");
  CHECK(next_period_label(Period::H1, 2022) == "6 tháng cuối năm 2022");
  CHECK(next_period_label(Period::Q3, 2022) == "những tháng cuối năm 2022");
  CHECK(next_period_label(Period::Year, 2022) == "năm 2023");
}

TEST_CASE("movements leave out the categories without households") {
  const Report report = poor_report(Period::H1, figures(128, {15, 2, 2, 1, 1, 1, 0}, 27, 2047), Rate{5000});
  CHECK(movements_sentence(report, figures(128, {15, 2, 2, 1, 1, 1, 0}, 27, 2047), Indicator::Poor) ==
        "Trong 6 tháng đầu năm 2022, số hộ nghèo giảm 19 hộ (thoát nghèo 17 hộ, trong đó 15 hộ thành hộ cận nghèo và "
        "2 hộ vượt chuẩn cận nghèo; giảm khác 2 hộ) và tăng 3 hộ (hộ cận nghèo rơi xuống nghèo 1 hộ, tái nghèo 1 hộ, "
        "phát sinh mới 1 hộ).");
  CHECK(movements_sentence(report, figures(128, {15, 0, 0, 0, 0, 0, 0}, 27, 2047), Indicator::Poor) ==
        "Trong 6 tháng đầu năm 2022, số hộ nghèo giảm 15 hộ (thoát nghèo thành hộ cận nghèo 15 hộ), không có hộ nghèo "
        "tăng thêm.");
  CHECK(movements_sentence(report, figures(171, {43, 1, 0, 15, 0, 0, 0}, 51, 2047), Indicator::NearPoor) ==
        "Trong 6 tháng đầu năm 2022, số hộ cận nghèo giảm 44 hộ (vượt chuẩn cận nghèo 43 hộ, rơi xuống hộ nghèo 1 hộ) và "
        "tăng 15 hộ (hộ nghèo thành hộ cận nghèo 15 hộ).");
  CHECK(movements_sentence(report, figures(10, {0, 0, 0, 0, 2, 0, 1}, 2, 1000), Indicator::Poor) ==
        "Trong 6 tháng đầu năm 2022, số hộ nghèo không giảm mà tăng 3 hộ (tái nghèo 2 hộ, tăng khác 1 hộ).");
  CHECK(movements_sentence(report, figures(10, {}, 2, 1000), Indicator::Poor) ==
        "Trong 6 tháng đầu năm 2022, không có biến động hộ nghèo.");
  for (const char* zero : {" 0 hộ", "tăng 0", "giảm 0"})
    CHECK(movements_sentence(report, figures(128, {15, 0, 0, 0, 0, 0, 0}, 27, 2047), Indicator::Poor).find(zero) ==
          std::string::npos);
}

TEST_CASE("a unit that gave only its end count is reported by its net change") {
  ReportFigures f = figures(10, {}, 2, 1000);
  f.movements_known = false;
  f.end = 7;
  CHECK(movements_sentence(poor_report(Period::H1, f, Rate{5000}), f, Indicator::Poor) ==
        "Trong 6 tháng đầu năm 2022, số hộ nghèo giảm 3 hộ.");
}

TEST_CASE("mid-year the outcome is progress, at the year's end the rate reached is compared with the rate targeted") {
  ReportFigures half = figures(128, {15, 2, 2, 1, 1, 1, 0}, 27, 2047);
  half.target_rate = Rate{493};
  CHECK(outcome_sentence(poor_report(Period::H1, half, Rate{5000}), half, Indicator::Poor) ==
        "Đến nay còn 112 hộ nghèo, chiếm tỷ lệ 5,47%; giảm được 16/27 hộ theo chỉ tiêu năm, đạt 59,26% kế hoạch.");
  ReportFigures year = figures(128, {17, 10, 2, 1, 1, 1, 0}, 27, 2047);  // 102 left: 4,98%
  year.target_rate = Rate{493};
  CHECK(outcome_sentence(poor_report(Period::Year, year, Rate{10000}), year, Indicator::Poor) ==
        "Đến cuối năm 2022 còn 102 hộ nghèo, tỷ lệ hộ nghèo còn 4,98%, so với chỉ tiêu 4,93% là chưa đạt; giảm được "
        "26/27 hộ theo chỉ tiêu năm, đạt 96,30% kế hoạch.");
  ReportFigures done = figures(10, {5, 0, 0, 0, 0, 0, 0}, 5, 1000);  // 5 left: 0,50%
  done.target_rate = Rate{50};
  CHECK(outcome_sentence(poor_report(Period::Year, done, Rate{10000}), done, Indicator::Poor) ==
        "Đến cuối năm 2022 còn 5 hộ nghèo, tỷ lệ hộ nghèo còn 0,50%, so với chỉ tiêu 0,50% là đạt; giảm được 5/5 hộ "
        "theo chỉ tiêu năm, đạt 100% kế hoạch.");
}

TEST_CASE("at the year's end a unit below its target has not completed it, mid-year it is behind schedule") {
  const ReportFigures f = figures(10, {1, 0, 0, 0, 0, 0, 0}, 2, 1000);
  const Report half = poor_report(Period::H1, f, Rate{5000});
  const Report year = poor_report(Period::Year, f, Rate{10000});
  CHECK(behind_intro(half, "thôn") == "Các thôn đạt dưới 50% chỉ tiêu năm, chậm so với tiến độ:");
  CHECK(behind_intro(year, "thôn") == "Các thôn chưa hoàn thành chỉ tiêu năm 2022:");
  CHECK(none_behind(half, "thôn") == "Tất cả các thôn đều đạt từ 50% chỉ tiêu năm trở lên, bảo đảm tiến độ đề ra.");
  CHECK(none_behind(year, "thôn") == "Tất cả các thôn đều hoàn thành chỉ tiêu năm 2022.");
  CHECK(behind_units(year, "thôn") == "thôn Tây");
  CHECK(behind_details(year, year.rows[1]) == "hộ nghèo đạt 50% chỉ tiêu (giảm 1/2 hộ)");
}

TEST_CASE("units behind are named once with their level word, and a count that grew is said to have grown") {
  const ReportFigures grew = figures(10, {0, 0, 0, 0, 1, 2, 0}, 2, 1000);  // 10 -> 13
  Report report = poor_report(Period::H1, grew, Rate{5000});
  report.unit_label = "Tổ dân phố";
  report.rows[0] = {"Tổ dân phố 2", 1000, {grew}, true, std::nullopt};
  report.rows[1] = {"Tổ dân phố 3", 1000, {grew}, true, std::nullopt};
  CHECK(behind_units(report, "tổ dân phố") == "Tổ dân phố 2, Tổ dân phố 3");
  CHECK(behind_details(report, report.rows[0]) == "hộ nghèo tăng 3 hộ (chỉ tiêu giảm 2 hộ)");
  report.rows[0].name = "Yên Bình";  // names without their level word take the table's, in the table's order
  CHECK(behind_units(report, "tổ dân phố") == "các tổ dân phố Yên Bình, Tổ dân phố 3");
}

TEST_CASE("shortcomings are only what the figures show") {
  ReportFigures quiet = figures(10, {5, 0, 0, 0, 0, 0, 0}, 5, 1000);
  quiet.target_rate = Rate{50};
  Report report = poor_report(Period::Year, quiet, Rate{10000});
  report.rows[1].behind = false;
  CHECK(shortcomings(report, "thôn").empty());

  ReportFigures year = figures(128, {17, 10, 2, 1, 1, 1, 0}, 27, 2047);
  year.target_rate = Rate{493};
  CHECK(shortcomings(poor_report(Period::Year, year, Rate{10000}), "thôn") ==
        std::vector<std::string>{
            "Còn 1/2 thôn chưa hoàn thành chỉ tiêu năm 2022 (Tây).",
            "Chưa hoàn thành chỉ tiêu giảm hộ nghèo: giảm được 26/27 hộ (đạt 96,30% kế hoạch); tỷ lệ hộ nghèo cuối năm "
            "còn 4,98%, cao hơn chỉ tiêu 4,93%.",
            "Vẫn còn 3 hộ rơi vào nghèo (hộ cận nghèo rơi xuống nghèo 1 hộ, tái nghèo 1 hộ, phát sinh mới 1 hộ)."});
}

TEST_CASE("the parent body in the header becomes an addressee in the normal case of a sentence") {
  CHECK(body_in_sentence("UBND HUYỆN HƯƠNG SƠN") == "Ủy ban nhân dân huyện Hương Sơn");
  CHECK(body_in_sentence("UBND TỈNH ĐỒNG THÁP") == "Ủy ban nhân dân tỉnh Đồng Tháp");
  CHECK(body_in_sentence("UBND THÀNH PHỐ HÀ NỘI") == "Ủy ban nhân dân thành phố Hà Nội");
  CHECK(body_in_sentence("UBND THỊ XÃ HỒNG NGỰ") == "Ủy ban nhân dân thị xã Hồng Ngự");
  CHECK(body_in_sentence("ỦY BAN NHÂN DÂN XÃ AN HÒA THỊNH") == "Ủy ban nhân dân xã An Hòa Thịnh");
  CHECK(body_in_sentence("HỘI LHPN TP. HỒ CHÍ MINH") == "Hội Liên hiệp Phụ nữ Thành phố Hồ Chí Minh");
  CHECK(body_in_sentence("PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI HUYỆN THANH TRÌ") ==
        "Phòng Lao động - Thương binh và Xã hội huyện Thanh Trì");
  CHECK(body_in_sentence("UBND huyện Hương Sơn") == "Ủy ban nhân dân huyện Hương Sơn");  // mixed case is kept
}

TEST_CASE("a report goes to the plan file's addressees, else to the level above, and never to nobody") {
  Plan plan = commune_plan();
  ReportAddressees to = report_addressees(plan);
  CHECK(to.from_parent);
  CHECK(to.names == std::vector<std::string>{"Ủy ban nhân dân huyện Hương Sơn"});
  plan.reports.addressees = {"Ủy ban nhân dân huyện Hương Sơn", "Phòng Lao động - Thương binh và Xã hội huyện"};
  to = report_addressees(plan);
  CHECK_FALSE(to.from_parent);
  CHECK(to.names.size() == 2);
  plan.reports.addressees.clear();
  plan.parent_body.clear();
  CHECK_THROWS_WITH_AS(report_addressees(plan),
                       "ke-hoach.yaml: báo cáo phải có nơi nhận (Kính gửi), nhưng tệp kế hoạch không ghi nơi nhận báo cáo "
                       "và cũng không ghi cơ quan cấp trên (issuer: parent); hãy thêm khóa reports: addressees, ví dụ "
                       "addressees: [Ủy ban nhân dân huyện Hương Sơn].",
                       InputError);
}

TEST_CASE("Kính gửi puts the first addressee on its line and the others under it, Nơi nhận starts with Như trên") {
  Plan plan = commune_plan();
  plan.reports.addressees = {"Ủy ban nhân dân huyện Hương Sơn", "Phòng Lao động - Thương binh và Xã hội huyện"};
  const Report report = poor_report(Period::H1, figures(10, {1, 0, 0, 0, 0, 0, 0}, 2, 1000), Rate{5000});
  TemplateRecord data = report_template_data(plan, report, kTemplateNames, "bao-cao");
  const TemplateRecord& to = record_of(data.at("addressees"));
  CHECK(text_of(to.at("first")) == "Ủy ban nhân dân huyện Hương Sơn;");
  CHECK(texts(to.at("rest")) == std::vector<std::string>{"Phòng Lao động - Thương binh và Xã hội huyện."});
  // Not the plan's village heads: "Như trên", then the plan's "Lưu" line.
  CHECK(texts(data.at("recipients")) == std::vector<std::string>{"Như trên;", "Lưu: VT, LĐTBXH."});
  plan.reports.recipients = {"Như trên", "Đảng ủy, HĐND xã (để báo cáo)", "Lưu: VT"};
  data = report_template_data(plan, report, kTemplateNames, "bao-cao");
  CHECK(texts(data.at("recipients")) ==
        std::vector<std::string>{"Như trên;", "Đảng ủy, HĐND xã (để báo cáo);", "Lưu: VT."});
}

TEST_CASE("sections with neither figures nor words from the plan file are left out and the rest renumbered") {
  Plan plan = commune_plan();
  ReportFigures f = figures(10, {5, 0, 0, 0, 0, 0, 0}, 5, 1000);
  f.target_rate = Rate{50};
  Report report = poor_report(Period::Year, f, Rate{10000});
  report.rows[1].behind = false;
  TemplateRecord data = report_template_data(plan, report, kTemplateNames, "bao-cao");
  const TemplateRecord& show = record_of(data.at("show"));
  const TemplateRecord& numbers = record_of(data.at("numbers"));
  CHECK_FALSE(std::get<bool>(show.at("results").value));
  CHECK_FALSE(std::get<bool>(show.at("problems").value));
  CHECK_FALSE(std::get<bool>(show.at("proposals").value));
  CHECK(text_of(numbers.at("progress")) == "2");
  CHECK(text_of(numbers.at("tasks")) == "II");
  CHECK(text_of(data.at("next_period")) == "năm 2023");

  plan.reports.periods[Period::Year].sections = {{"results", {"Đã cấp 120 thẻ bảo hiểm y tế."}},
                                                 {"proposals", {"Đề nghị huyện hỗ trợ vốn."}}};
  data = report_template_data(plan, report, kTemplateNames, "bao-cao");
  const TemplateRecord& shown = record_of(data.at("numbers"));
  CHECK(text_of(shown.at("results")) == "3");
  CHECK(text_of(shown.at("tasks")) == "II");
  CHECK(text_of(shown.at("proposals")) == "III");
}
