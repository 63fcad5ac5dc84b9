// The report pages: a period's report made from the year's plan (An Hòa Thịnh's example plan, made through
// the pages): the movement table uploaded or typed, the results on the page the figures `kehoach report`
// computes from the same data, "Tạo văn bản" the same bytes as the command line on the same folder, every
// problem of a broken table or a bad field named and nothing saved, another commune's officer refused with
// 404, and the period's state on the home moving from Chưa bắt đầu to Đang nhập to Đã hoàn thành.
#include <doctest/doctest.h>

#include <xlsxwriter.h>

#include <filesystem>

#include "app/check_movements.h"
#include "app/make_report.h"
#include "app/report_sections.h"
#include "package/docx_package_reader.h"
#include "read/plan_reader.h"
#include "store/versions.h"
#include "template/word_part.h"
#include "text/number_words.h"
#include "text/unicode.h"
#include "page_forms.h"
#include "web_fixture.h"
#include "write/report_sentences.h"
#include "write/report_template_data.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

const std::string kExample = "an-hoa-thinh-2022/";

// What `kehoach report ke-hoach.yaml --period P --movements FILE` computes (its --json prints these figures).
ReportFiguresResult cli_figures(const std::string& plan_file, Period period, const std::string& movements) {
  ReportRequest request;
  request.plan_file = plan_file;
  request.period = period;
  request.movements = {movements};
  return compute_report(request);
}

// A village's (or the total's) row of the results as the page shows it: start, end, reduced, target, share.
std::string result_row(const ReportRow& row) {
  std::string html = "<th scope=\"row\">" + escape_html(row.name) + "</th>";
  for (const ReportFigures& f : row.figures)
    for (const std::string& cell : {format_count(f.start), format_count(f.end), format_count(f.achieved),
                                    format_count(f.target), f.share ? format_share(*f.share) : std::string("-")})
      html += "<td class=\"number\">" + cell + "</td>";
  return html;
}

// Every figure of the report on the page: each village's row and the total, the sentences of the whole unit,
// the villages behind as the report names them.
void check_results(const Page& page, const Report& report) {
  for (const ReportRow& row : report.rows) {
    CAPTURE(row.name);
    CHECK(page.has(result_row(row)));
  }
  CHECK(page.has(result_row(report.total)));
  for (std::size_t k = 0; k < report.indicators.size(); ++k)
    CHECK(page.has(escape_html(outcome_sentence(report, report.total.figures[k], report.indicators[k]))));
  int behind = 0;
  for (const ReportRow& row : report.rows)
    if (row.behind) {
      ++behind;
      CHECK(page.has("<li>" + escape_html(row.name + ": " + behind_details(report, row) + ".") + "</li>"));
    }
  const std::string unit_label = name_key(report.unit_label);
  CHECK(page.has(escape_html(behind ? behind_intro(report, unit_label) : none_behind(report, unit_label))));
}

std::vector<std::string> paragraphs_of(const std::string& docx_path) {
  const DocxPackage package = read_docx_package(docx_path);
  std::vector<std::string> texts;
  for (const WordParagraph& paragraph : read_word_part(*package.find("word/document.xml")).paragraphs)
    if (!paragraph.text.empty()) texts.push_back(paragraph.text);
  return texts;
}

bool has_paragraph(const std::vector<std::string>& paragraphs, const std::string& text) {
  return std::find(paragraphs.begin(), paragraphs.end(), text) != paragraphs.end();
}

// The home's row of a piece of work with its state.
std::string home_state(const std::string& work, const std::string& key, const std::string& words) {
  return work + "</a></th><td><strong class=\"tag tag--" + key + "\">" + words + "</strong>";
}

struct ReportFixture {
  TestServer server{{}, [](SiteConfig& config) { config.make_pdf = false; }};
  SmallTree tree{server};
  Browser browser = server.browser();
  explicit ReportFixture(bool with_plan = true) {
    server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
    TestServer::sign_in(browser, "xa.anhoathinh");
    if (with_plan) make_example_plan(browser, tree.commune_a);
  }
  std::string page(const std::string& period = "6m") {
    return path_of(tree.commune_a, "bao-cao") + "?nam=2022&ky=" + period;
  }
  std::string upload_action(const std::string& period = "6m") {
    return path_of(tree.commune_a, "bao-cao/tai-len") + "?nam=2022&ky=" + period;
  }
  Page upload(const std::string& name, const std::string& bytes, const std::string& period = "6m") {
    return browser.post_file(upload_action(period), {{"csrf", browser.get(page(period)).csrf()}}, "tep-bien-dong", name, bytes);
  }
  // The period page's form as the page gives it, with `typed` put in and the button `action` pressed.
  Page submit(const Fields& typed, const std::string& action, const std::string& period = "6m") {
    Fields fields = typed_into(form_fields(browser.get(page(period)), page(period)), typed);
    fields.erase(std::remove_if(fields.begin(), fields.end(), [](const auto& field) { return field.first == "csrf"; }),
                 fields.end());
    fields.emplace_back("hanh-dong", action);
    return browser.submit(page(period), page(period), fields);
  }
  std::vector<VersionRecord> reports(WorkKind kind = WorkKind::Report6m) {
    Poco::Data::Session db = server.site().database().session();
    return versions_of(db, tree.commune_a.id, 2022, kind);
  }
  std::string file_url(const VersionRecord& version, const std::string& name) {
    return path_of(tree.commune_a, "phien-ban/" + std::to_string(version.id) + "/" + name);
  }
  std::string home() { return browser.get(path_of(tree.commune_a) + "?nam=2022").body; }
};

// The example's movement table with `cell` (row as the file numbers it, column from 0) replaced.
std::string with_cell(std::string csv, int row, int column, const std::string& value) {
  std::vector<std::string> lines;
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<std::string> cells;
  std::istringstream cells_in(lines[static_cast<std::size_t>(row - 1)]);
  for (std::string cell; std::getline(cells_in, cell, ',');) cells.push_back(cell);
  cells[static_cast<std::size_t>(column)] = value;
  std::string line;
  for (const std::string& cell : cells) line += (line.empty() ? "" : ",") + cell;
  lines[static_cast<std::size_t>(row - 1)] = line;
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// The CSV written as a workbook, as an officer's Excel keeps it: counts as numbers, the rest as text.
std::string as_workbook(const std::string& csv, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Biến động");
  std::istringstream lines(csv);
  lxw_row_t row = 0;
  for (std::string line; std::getline(lines, line); ++row) {
    std::istringstream cells(line);
    lxw_col_t column = 0;
    for (std::string cell; std::getline(cells, cell, ','); ++column) {
      if (!cell.empty() && cell.find_first_not_of("0123456789") == std::string::npos)
        worksheet_write_number(sheet, row, column, std::stod(cell), nullptr);
      else if (!cell.empty())
        worksheet_write_string(sheet, row, column, cell.c_str(), nullptr);
    }
  }
  REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
  return bytes_of(path);
}

}  // namespace

TEST_CASE("a period's report asks for the plan made with Tạo văn bản first, and the list shows the four periods") {
  ReportFixture f(false);
  const Page list = f.browser.get(path_of(f.tree.commune_a, "bao-cao") + "?nam=2022");
  CHECK(list.status == 200);
  CHECK(list.has("<h1>Báo cáo năm 2022</h1>"));
  CHECK(list.has("Chưa có Kế hoạch năm 2022 đã tạo văn bản"));
  const Page period = f.browser.get(f.page());
  CHECK(period.status == 200);
  CHECK(period.has("<h1>Báo cáo 6 tháng đầu năm 2022</h1>"));
  CHECK(period.has("Chưa có Kế hoạch năm 2022 đã tạo văn bản"));
  CHECK(period.has("href=\"" + path_of(f.tree.commune_a, "ke-hoach") + "?nam=2022\""));
  CHECK_FALSE(period.has("name=\"hanh-dong\""));
  CHECK(f.browser.get(f.page("quy-5")).status == 404);

  make_example_plan(f.browser, f.tree.commune_a);
  const Page made = f.browser.get(path_of(f.tree.commune_a, "bao-cao") + "?nam=2022");
  CHECK_FALSE(made.has("Chưa có Kế hoạch năm 2022 đã tạo văn bản"));
  for (const std::string label : {"quý I năm 2022", "6 tháng đầu năm 2022", "9 tháng đầu năm 2022", "năm 2022"}) {
    CAPTURE(label);
    CHECK(made.has(">Báo cáo " + label + "</a></th><td><strong class=\"tag tag--not_started\">Chưa bắt đầu</strong>"));
  }
  CHECK(made.has("href=\"" + escape_html(f.page("9m")) + "\""));
  // The deadlines of the plan's schedule (6 tháng: 10/06, năm: 10/11), none for the others.
  CHECK(made.has("<td>10/06/2022"));
  CHECK(made.has("<td>10/11/2022"));
  CHECK(made.has("<td>Kế hoạch không ghi hạn</td>"));
  // The period's page now has the form: a row per village of the plan, the template's default tasks.
  const Page form = f.browser.get(f.page());
  CHECK(form.has("name=\"bd-19-ngheo-1\""));
  CHECK(form.has("<th scope=\"row\">Tân Thịnh</th>"));
  CHECK_FALSE(form.has("name=\"bd-20-ngheo-1\""));
  CHECK(value_of(form, "nguong") == "50");
  CHECK(value_of(form, "ky-hieu") == "BC-UBND");
  CHECK(value_of(form, "cac-phan") == "results,difficulties,next_tasks,proposals");
  CHECK(form.has("Tiếp tục tuyên truyền, vận động hộ nghèo, hộ cận nghèo chủ động vươn lên thoát nghèo"));
}

TEST_CASE("an uploaded movement table: the results are the figures kehoach report computes, saved as Đang nhập") {
  ReportFixture f;
  CHECK(f.home().find(home_state("Báo cáo 6 tháng đầu năm 2022", "not_started", "Chưa bắt đầu")) != std::string::npos);
  const std::string movements = example_path(kExample + "bien-dong-6-thang.csv");
  const Page uploaded = f.upload("bien-dong-6-thang.csv", bytes_of(movements));
  REQUIRE(uploaded.status == 303);
  REQUIRE(f.reports().size() == 1);
  CHECK(f.reports()[0].state == WorkState::Draft);
  const Page page = f.browser.get(f.page());
  CHECK(page.has("Đã lưu bảng biến động 6 tháng đầu năm 2022 từ tệp bien-dong-6-thang.csv (phiên bản 1)."));
  const ReportFiguresResult cli = cli_figures(example_path(kExample + "ke-hoach.yaml"), Period::H1, movements);
  REQUIRE(cli.report.rows.size() == 19);
  check_results(page, cli.report);
  CHECK(page.has("Của phiên bản đã lưu mới nhất."));
  // The typed table shows the file's figures: Đông Hà (row 5) gives 1 other decrease and 1 newly poor.
  CHECK(value_of(page, "bd-5-ngheo-3") == "1");
  CHECK(value_of(page, "bd-5-ngheo-6") == "1");
  CHECK(value_of(page, "bd-5-can-ngheo-cuoi-ky") == "");
  // The file is kept as it came.
  CHECK(f.browser.get(f.file_url(f.reports()[0], "bien-dong-6m.csv")).body == bytes_of(movements));
  CHECK(f.home().find(home_state("Báo cáo 6 tháng đầu năm 2022", "draft", "Đang nhập")) != std::string::npos);
  CHECK_FALSE(page.has("đã được tạo lại sau phiên bản báo cáo này"));

  // The plan made again with another target: the results shown are still the saved version's, and the page
  // says so; saved again, the report is the new plan's.
  const std::string plan = path_of(f.tree.commune_a, "ke-hoach") + "?nam=2022";
  REQUIRE(f.browser.submit(plan, plan, typed_into(example_fields("tao-van-ban"), {{"gia-tri-ngheo", "5,5"}})).status == 303);
  const Page changed = f.browser.get(f.page());
  CHECK(changed.has("Kế hoạch năm 2022 đã được tạo lại sau phiên bản báo cáo này"));
  check_results(changed, cli.report);
  REQUIRE(f.submit({}, "luu").status == 303);
  const Page again = f.browser.get(f.page());
  CHECK_FALSE(again.has("đã được tạo lại sau phiên bản báo cáo này"));
  CHECK_FALSE(again.has(result_row(cli.report.total)));  // another target for the year
  CHECK(f.browser.get(f.file_url(f.reports()[0], "bien-dong-6m.csv")).body == bytes_of(movements));
}

TEST_CASE("Tạo văn bản: the report's documents are byte for byte what kehoach report makes from the same folder") {
  ReportFixture f;
  const std::string movements = example_path(kExample + "bien-dong-6-thang.csv");
  REQUIRE(f.upload("bien-dong-6-thang.csv", bytes_of(movements)).status == 303);
  const Page made = f.submit({{"so-van-ban", "30"}, {"ngay-ban-hanh", "08/06/2022"},
                              {"kinh-gui", "Ủy ban nhân dân huyện Hương Sơn\r\nPhòng Lao động - Thương binh và Xã hội huyện"},  // as browsers send lines
                              {"phan-difficulties", "Một số hộ nghèo không có lao động nên khó thoát nghèo."}},
                             "tao-van-ban");
  REQUIRE(made.status == 303);
  const std::vector<VersionRecord> reports = f.reports();
  REQUIRE(reports.size() == 2);
  CHECK(reports[0].state == WorkState::Done);
  const Page page = f.browser.get(f.page());
  CHECK(page.has("Đã tạo văn bản Báo cáo 6 tháng đầu năm 2022 (phiên bản 2): ke-hoach-bao-cao-6m.docx, "
                 "ke-hoach-bao-cao-6m-bieu.xlsx."));

  // The version's folder, as downloaded: the plan file with the report's fields, the table, the movements.
  ScratchFolder folder;
  for (const std::string name : {"ke-hoach.yaml", "thon.csv", "bien-dong-6m.csv"}) {
    const Page file = f.browser.get(f.file_url(reports[0], name));
    REQUIRE(file.status == 200);
    folder.write(name, file.body);
  }
  CHECK(bytes_of(folder.file("bien-dong-6m.csv")) == bytes_of(movements));  // the upload, kept through the form
  std::filesystem::create_directories(folder.file("cli"));
  ReportRequest request;
  request.plan_file = folder.file("ke-hoach.yaml");
  request.period = Period::H1;
  request.movements = {folder.file("bien-dong-6m.csv")};
  request.output = folder.file("cli/ke-hoach-bao-cao-6m.docx");
  const ReportDocuments cli = make_report(request);
  const Page docx = f.browser.get(f.file_url(reports[0], "ke-hoach-bao-cao-6m.docx"));
  const Page xlsx = f.browser.get(f.file_url(reports[0], "ke-hoach-bao-cao-6m-bieu.xlsx"));
  REQUIRE(docx.status == 200);
  REQUIRE(xlsx.status == 200);
  CHECK(docx.header("content-type") == "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  CHECK(docx.body == bytes_of(folder.file("cli/ke-hoach-bao-cao-6m.docx")));
  CHECK(xlsx.body == bytes_of(folder.file("cli/ke-hoach-bao-cao-6m-bieu.xlsx")));

  // The report's plan file is the plan's with the report's fields under reports:, read back as typed.
  const VersionRecord plan = [&] {
    Poco::Data::Session db = f.server.site().database().session();
    return versions_of(db, f.tree.commune_a.id, 2022, WorkKind::Plan).front();
  }();
  const std::string plan_text = f.browser.get(f.file_url(plan, "ke-hoach.yaml")).body;
  const std::string report_text = bytes_of(folder.file("ke-hoach.yaml"));
  const std::size_t reports_key = plan_text.find("\nreports:");
  REQUIRE(reports_key != std::string::npos);
  CHECK(report_text.substr(0, reports_key) == plan_text.substr(0, reports_key));
  const Plan read = read_plan(folder.file("ke-hoach.yaml"));
  const PeriodReport& own = read.reports.periods.at(Period::H1);
  CHECK(own.number == 30);
  CHECK(own.date == Date{2022, 6, 8});
  CHECK(own.sections.at("difficulties") == std::vector<std::string>{"Một số hộ nghèo không có lao động nên khó thoát nghèo."});
  CHECK(own.sections.count("next_tasks") == 0);  // left to the template
  CHECK(read.reports.addressees.size() == 2);
  CHECK(read.reports.schedule.size() == 2);  // the plan's deadlines kept
  const std::vector<std::string> paragraphs = paragraphs_of(folder.file("cli/ke-hoach-bao-cao-6m.docx"));
  CHECK(has_paragraph(paragraphs, "Một số hộ nghèo không có lao động nên khó thoát nghèo."));

  // The figures are the example's: the plan made through the pages is the example plan.
  const ReportFiguresResult example = cli_figures(example_path(kExample + "ke-hoach.yaml"), Period::H1, movements);
  CHECK(result_row(cli.figures.report.total) == result_row(example.report.total));

  // Done on the home and on the list, the files there; the version page shows its results; older versions kept.
  CHECK(f.home().find(home_state("Báo cáo 6 tháng đầu năm 2022", "done", "Đã hoàn thành")) != std::string::npos);
  CHECK(f.home().find(">ke-hoach-bao-cao-6m.docx</a>") != std::string::npos);
  const Page list = f.browser.get(path_of(f.tree.commune_a, "bao-cao") + "?nam=2022");
  CHECK(list.has(">Báo cáo 6 tháng đầu năm 2022</a></th><td><strong class=\"tag tag--done\">Đã hoàn thành</strong>"));
  CHECK(list.has(">ke-hoach-bao-cao-6m-bieu.xlsx</a>"));
  const Page version = f.browser.get(path_of(f.tree.commune_a, "phien-ban/" + std::to_string(reports[0].id)));
  CHECK(version.has("Báo cáo 6 tháng đầu năm 2022: phiên bản 2"));
  check_results(version, example.report);
  CHECK(f.browser.get(f.file_url(reports[1], "bien-dong-6m.csv")).status == 200);
  CHECK(f.browser.get(f.file_url(reports[1], "ke-hoach-bao-cao-6m.docx")).status == 404);
  // The page comes back with what was typed.
  CHECK(value_of(page, "so-van-ban") == "30");
  CHECK(page.has(">Một số hộ nghèo không có lao động nên khó thoát nghèo.</textarea>"));
}

TEST_CASE("an Excel movement table is read as kehoach report reads it and kept as it came through Tạo văn bản") {
  ReportFixture f;
  ScratchFolder folder;
  const std::string movements = example_path(kExample + "bien-dong-6-thang.csv");
  const std::string workbook = as_workbook(bytes_of(movements), folder.file("bien-dong.xlsx"));
  REQUIRE(f.upload("bien-dong.xlsx", workbook).status == 303);
  const ReportFiguresResult cli = cli_figures(example_path(kExample + "ke-hoach.yaml"), Period::H1, movements);
  check_results(f.browser.get(f.page()), cli.report);
  REQUIRE(f.submit({}, "tao-van-ban").status == 303);
  const VersionRecord made = f.reports().front();
  CHECK(f.browser.get(f.file_url(made, "bien-dong-6m.xlsx")).body == workbook);
  CHECK(f.browser.get(f.file_url(made, "bien-dong-6m.csv")).status == 404);
  for (const std::string name : {"ke-hoach.yaml", "thon.csv"}) folder.write(name, f.browser.get(f.file_url(made, name)).body);
  std::filesystem::rename(folder.file("bien-dong.xlsx"), folder.file("bien-dong-6m.xlsx"));
  ReportRequest request;
  request.plan_file = folder.file("ke-hoach.yaml");
  request.period = Period::H1;
  request.movements = {folder.file("bien-dong-6m.xlsx")};
  request.output = folder.file("cli.docx");
  make_report(request);
  CHECK(f.browser.get(f.file_url(made, "ke-hoach-bao-cao-6m.docx")).body == bytes_of(folder.file("cli.docx")));
  CHECK(f.browser.get(f.file_url(made, "ke-hoach-bao-cao-6m-bieu.xlsx")).body == bytes_of(folder.file("cli-bieu.xlsx")));
}

TEST_CASE("typed rows: end counts alone, numbers written 1.166, previewed then saved, the figures are the command line's") {
  ReportFixture f;
  const PlanInput plan = load_plan(example_path(kExample + "ke-hoach.yaml"));
  // Each village's end counts (one household fewer where it has any) and its households at the end, typed
  // as officers type them; the same table as a file for the command line, in plain digits.
  Fields typed;
  std::string csv = "TT,Thôn,Hộ nghèo - Cuối kỳ,Hộ cận nghèo - Cuối kỳ,Tổng số hộ cuối kỳ\n";
  for (std::size_t i = 0; i < plan.table.rows.size(); ++i) {
    const AppendixRow& row = plan.table.rows[i];
    const long long poor = std::max(0LL, row.figures[0].start - 1), near_poor = row.figures[1].start;
    const std::string n = std::to_string(i + 1);
    typed.emplace_back("bd-" + n + "-ngheo-cuoi-ky", std::to_string(poor));
    typed.emplace_back("bd-" + n + "-can-ngheo-cuoi-ky", std::to_string(near_poor));
    typed.emplace_back("bd-" + n + "-tong-so-ho-cuoi-ky", format_count(row.households + 1000));
    csv += n + "," + row.name + "," + std::to_string(poor) + "," + std::to_string(near_poor) + "," +
           std::to_string(row.households + 1000) + "\n";
  }
  CHECK(format_count(1166) == "1.166");
  ScratchFolder folder;
  const ReportFiguresResult cli = cli_figures(example_path(kExample + "ke-hoach.yaml"), Period::H1,
                                              folder.write("cuoi-ky.csv", csv));
  const Page preview = f.submit(typed, "xem-truoc");
  CHECK(preview.status == 200);
  CHECK(preview.has("chưa lưu"));
  check_results(preview, cli.report);
  CHECK(f.reports().empty());
  CHECK(value_of(preview, "bd-1-tong-so-ho-cuoi-ky") == "1.166");

  REQUIRE(f.submit(typed, "luu").status == 303);
  REQUIRE(f.reports().size() == 1);
  CHECK(f.reports()[0].state == WorkState::Draft);
  const Page saved = f.browser.get(f.page());
  CHECK(saved.has("Đã lưu bản nháp Báo cáo 6 tháng đầu năm 2022 (phiên bản 1)."));
  check_results(saved, cli.report);
  // The typed rows kept as CSV: the command line reads them into the same figures.
  folder.write("bien-dong-6m.csv", f.browser.get(f.file_url(f.reports()[0], "bien-dong-6m.csv")).body);
  const ReportFiguresResult kept = cli_figures(example_path(kExample + "ke-hoach.yaml"), Period::H1,
                                               folder.file("bien-dong-6m.csv"));
  CHECK(result_row(kept.report.total) == result_row(cli.report.total));
  for (std::size_t i = 0; i < kept.report.rows.size(); ++i) CHECK(result_row(kept.report.rows[i]) == result_row(cli.report.rows[i]));
}

TEST_CASE("a broken movement table: every problem in the error summary, linked to its cell or row, nothing saved") {
  ReportFixture f;
  const std::string movements = bytes_of(example_path(kExample + "bien-dong-6-thang.csv"));
  ScratchFolder folder;
  const std::string plan_file = example_path(kExample + "ke-hoach.yaml");
  // The reader's problems: two counts that are none, in two rows. kehoach report names the first.
  const std::string unreadable = with_cell(with_cell(movements, 7, 4, "x"), 12, 10, "-2");
  const Page refused = f.upload("bien-dong-loi.csv", unreadable);
  CHECK(refused.status == 422);
  std::string first;
  try {
    cli_figures(plan_file, Period::H1, folder.write("bien-dong-loi.csv", unreadable));
  } catch (const InputError& e) {
    first = e.problem();
    CHECK(e.where().row == 7);
    CHECK(e.where().column == 4);
  }
  REQUIRE_FALSE(first.empty());
  CHECK(refused.has("<li><a href=\"#o-7-E\">bien-dong-loi.csv:7, cột E"));
  CHECK(refused.has(escape_html(first)));
  CHECK(refused.has("<li><a href=\"#o-12-K\">bien-dong-loi.csv:12, cột K"));
  CHECK(refused.has("<td id=\"o-7-E\" class=\"cell--error\" tabindex=\"-1\">x"));
  CHECK(refused.has("Không có gì được lưu."));

  // The report's own problems: a village not in the plan (and so the plan's village without its row), and
  // a household counted differently in the two tables, each at its row.
  const std::string mismatched = with_cell(with_cell(movements, 5, 1, "Nậy Mới"), 8, 2, "3");  // Cây Da
  const Page against = f.upload("bien-dong-sai.csv", mismatched);
  CHECK(against.status == 422);
  CHECK(against.has("<li><a href=\"#o-5\">bien-dong-sai.csv:5: &quot;Nậy Mới&quot; không có trong kế hoạch ke-hoach.yaml"));
  CHECK(against.has("<li><a href=\"#o-8\">bien-dong-sai.csv:8: &quot;Cây Da&quot;: 3 hộ nghèo thoát thành hộ cận nghèo"));
  CHECK(against.has("<li><a href=\"#tep-bien-dong\">bien-dong-sai.csv: không có số liệu của &quot;Nậy&quot;"));
  CHECK(against.has("<tr class=\"row--error\"><th scope=\"row\" id=\"o-8\" tabindex=\"-1\">8</th>"));

  // Typed cells that are no count, at their cells; then a village whose movements take it below zero, at its row.
  const Page typed = f.submit({{"bd-3-ngheo-1", "abc"}, {"bd-4-can-ngheo-2", "1,5"}, {"ngay-ban-hanh", "31/02/2022"}}, "luu");
  CHECK(typed.status == 422);
  CHECK(typed.has("<li><a href=\"#ngay-ban-hanh\">Ngày ban hành: "));  // told with the table's problems
  CHECK(typed.has("<li><a href=\"#bd-3-ngheo-1\">Nậy, Hộ nghèo – Thoát nghèo thành hộ cận nghèo: "));
  CHECK(typed.has("<li><a href=\"#bd-4-can-ngheo-2\">Cừa Quán, Hộ cận nghèo – Rơi xuống hộ nghèo: "));
  CHECK(typed.has("id=\"bd-3-ngheo-1-loi\""));
  CHECK(value_of(typed, "bd-3-ngheo-1") == "abc");  // what was typed comes back
  const Page below = f.submit({{"bd-12-ngheo-3", "5"}}, "tao-van-ban");
  CHECK(below.status == 422);
  CHECK(below.has("<li><a href=\"#bd-12-ngheo-1\">&quot;Thiên Nhẫn&quot;: hộ nghèo cuối kỳ tính ra -3 (âm)"));
  CHECK(f.reports().empty());
  CHECK(f.server.count("versions") == 2);  // the village table and the plan only
}

TEST_CASE("bad report fields: the error summary names each field, nothing is saved") {
  ReportFixture f;
  struct Case {
    std::string field, value, link, words;
  };
  const std::vector<Case> cases{
      {"so-van-ban", "ba mươi", "so-van-ban", "Số báo cáo là số nguyên từ 1 đến 99999"},
      {"ngay-ban-hanh", "31/02/2022", "ngay-ban-hanh", "Ngày ban hành: ngày &quot;31/02/2022&quot; không hợp lệ"},
      {"nguong", "120", "nguong", "Ngưỡng tiến độ &quot;120&quot; không hợp lệ"},
      {"nguong", "", "nguong", "Hãy nhập ngưỡng tiến độ"},
      {"ky-hieu", "", "ky-hieu", "Hãy nhập ký hiệu của báo cáo"},
      {"kinh-gui", "Ủy ban\xE2\x80\xAE nhân dân huyện", "kinh-gui", "Kính gửi: "},
      {"phan-proposals", "Đề nghị\x1B hỗ trợ", "phan-proposals", "Kiến nghị, đề xuất: "},
      {"noi-nhan", "Đảng ủy xã\r\nLưu: VT\xC2\x9B", "noi-nhan", "Nơi nhận: có ký tự ẩn U+009B"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.field);
    const Page page = f.submit({{c.field, c.value}}, "luu");
    CHECK(page.status == 422);
    CHECK(page.has("<title>Lỗi: Báo cáo 6 tháng đầu năm 2022 – kehoach</title>"));
    CHECK(page.has("<li><a href=\"#" + c.link + "\">" + c.words));
    CHECK(page.has("id=\"" + c.link + "\""));
  }
  // An upload without its file.
  const Page no_file = f.browser.post_file(f.upload_action(), {{"csrf", f.browser.get(f.page()).csrf()}}, "tep-bien-dong", "", "");
  CHECK(no_file.status == 422);
  CHECK(no_file.has("<li><a href=\"#tep-bien-dong\">Hãy chọn tệp bảng biến động (CSV hoặc Excel .xlsx).</a></li>"));
  // Several at once, every one told.
  const Page several = f.submit({{"so-van-ban", "x"}, {"nguong", "abc"}}, "tao-van-ban");
  CHECK(several.has("<li><a href=\"#so-van-ban\">"));
  CHECK(several.has("<li><a href=\"#nguong\">"));
  CHECK(f.reports().empty());
}

TEST_CASE("another commune's officer gets 404 for the report pages, versions and files") {
  ReportFixture f;
  REQUIRE(f.upload("bien-dong-6-thang.csv", bytes_of(example_path(kExample + "bien-dong-6-thang.csv"))).status == 303);
  REQUIRE(f.submit({}, "tao-van-ban").status == 303);
  const VersionRecord report = f.reports().front();
  CHECK(f.browser.get(f.file_url(report, "ke-hoach-bao-cao-6m.docx")).status == 200);

  f.server.account("xa.kyanh", Role::CommuneOfficer, f.tree.commune_b.id);
  Browser other = f.server.browser();
  TestServer::sign_in(other, "xa.kyanh");
  const std::string id = std::to_string(report.id);
  for (const std::string& path :
       {f.page(), path_of(f.tree.commune_a, "bao-cao") + "?nam=2022", path_of(f.tree.commune_a, "phien-ban/" + id),
        f.file_url(report, "ke-hoach-bao-cao-6m.docx"), f.file_url(report, "ke-hoach-bao-cao-6m-bieu.xlsx"),
        f.file_url(report, "bien-dong-6m.csv"), f.file_url(report, "ke-hoach.yaml"),
        path_of(f.tree.commune_b, "phien-ban/" + id), path_of(f.tree.commune_b, "phien-ban/" + id + "/ke-hoach.yaml")}) {
    CAPTURE(path);
    const Page page = other.get(path);
    CHECK(page.status == 404);
    CHECK_FALSE(page.has("An Hòa Thịnh"));
  }
  // Their own report page: no plan yet. A post to the first commune's: 404, nothing saved.
  const Page own = other.get(path_of(f.tree.commune_b, "bao-cao") + "?nam=2022&ky=6m");
  CHECK(own.status == 200);
  CHECK(own.has("Chưa có Kế hoạch năm 2022 đã tạo văn bản"));
  CHECK(other.post(f.page(), {{"csrf", own.csrf()}, {"hanh-dong", "luu"}}).status == 404);
  CHECK(other.post_file(f.upload_action(), {{"csrf", own.csrf()}}, "tep-bien-dong", "b.csv", "x").status == 404);
  CHECK(f.reports().size() == 2);  // the upload's draft and the documents
}

TEST_CASE("a province officer reads a commune's report but does not change it in its name") {
  ReportFixture f;
  REQUIRE(f.upload("bien-dong-6-thang.csv", bytes_of(example_path(kExample + "bien-dong-6-thang.csv"))).status == 303);
  f.server.account("tinh.hatinh", Role::ProvinceOfficer, f.tree.province.id);
  Browser reader = f.server.browser();
  TestServer::sign_in(reader, "tinh.hatinh");
  const Page page = reader.get(f.page());
  CHECK(page.status == 200);
  CHECK(page.has("tài khoản của bạn không sửa được"));
  CHECK(page.has("Của phiên bản đã lưu mới nhất."));
  CHECK(reader.get(path_of(f.tree.commune_a, "bao-cao") + "?nam=2022").has("tài khoản của bạn không sửa được"));
  CHECK(reader.post(f.page(), {{"csrf", page.csrf()}, {"hanh-dong", "luu"}}).status == 403);
  CHECK(reader.post_file(f.upload_action(), {{"csrf", page.csrf()}}, "tep-bien-dong", "bien-dong-6-thang.csv",
                         bytes_of(example_path(kExample + "bien-dong-6-thang.csv"))).status == 403);
  CHECK(f.reports().size() == 1);
}

TEST_CASE("the report sections' defaults are the template's own text: written back, the document reads the same") {
  const std::string movements = example_path(kExample + "bien-dong-6-thang.csv");
  const ReportFiguresResult figures = cli_figures(example_path(kExample + "ke-hoach.yaml"), Period::H1, movements);
  const std::vector<SectionDefault> defaults = report_section_defaults(figures);
  REQUIRE(defaults.size() == 4);
  CHECK(defaults[0].key == "results");
  CHECK(defaults[1].key == "difficulties");
  CHECK(defaults[2].key == "next_tasks");
  CHECK(defaults[3].key == "proposals");
  CHECK(defaults[0].paragraphs.empty());
  REQUIRE(defaults[2].paragraphs.size() >= 2);
  // The tasks name the villages behind, as the report does.
  CHECK(defaults[2].paragraphs[1].find(behind_units(figures.report, "thôn")) != std::string::npos);

  ScratchFolder folder;
  folder.write("thon.csv", bytes_of(example_path(kExample + "thon.csv")));
  std::string yaml = bytes_of(example_path(kExample + "ke-hoach.yaml"));
  const std::string six_months = "  6m:\n    # number: 30                    # số báo cáo khi ban hành\n    sections:\n";
  REQUIRE(yaml.find(six_months) != std::string::npos);
  std::string tasks = "      next_tasks:\n";
  for (const std::string& paragraph : defaults[2].paragraphs) tasks += "        - \"" + paragraph + "\"\n";
  yaml.replace(yaml.find(six_months), six_months.size(), six_months + tasks);
  folder.write("ke-hoach.yaml", yaml);
  ReportRequest request;
  request.period = Period::H1;
  request.movements = {movements};
  request.plan_file = folder.file("ke-hoach.yaml");
  request.output = folder.file("rewritten.docx");
  make_report(request);
  request.plan_file = example_path(kExample + "ke-hoach.yaml");
  request.output = folder.file("default.docx");
  make_report(request);
  CHECK(paragraphs_of(folder.file("rewritten.docx")) == paragraphs_of(folder.file("default.docx")));
}
