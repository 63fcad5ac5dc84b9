// The plan page: the form makes a plan file that `kehoach plan` reads; the preview computes the appendix as
// the command line does (An Hòa Thịnh's example: 27 poor and 51 near-poor households); "Tạo văn bản" writes
// the same bytes as the command line on the same plan folder; every save a new version; bad fields named
// in the error summary with nothing saved; another commune gets 404.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/make_plan.h"
#include "app/plan_deadlines.h"
#include "app/plan_input.h"
#include "app/plan_sections.h"
#include "compute/submission_status.h"
#include "package/docx_package_reader.h"
#include "read/plan_reader.h"
#include "store/versions.h"
#include "template/word_part.h"
#include "text/number_words.h"
#include "web/html.h"
#include "page_forms.h"
#include "web_fixture.h"
#include "write/deadline_words.h"
#include "write/pdf_export.h"
#include "write/report_labels.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

// The sections of the page's form as a browser posts them: each textarea's text and its hidden hash.
Fields posted_sections(const Page& page) {
  Fields fields;
  const std::string keys_mark = "name=\"cac-phan\" value=\"";
  const std::size_t at = page.body.find(keys_mark);
  if (at == std::string::npos) return fields;
  const std::string keys = page.body.substr(at + keys_mark.size(), page.body.find('"', at + keys_mark.size()) - at - keys_mark.size());
  fields.emplace_back("cac-phan", keys);
  std::istringstream list(keys);
  for (std::string key; std::getline(list, key, ',');) {
    const std::string open = "name=\"phan-" + key + "\"";
    const std::size_t area = page.body.find(open);
    const std::size_t start = page.body.find('>', area) + 1;
    fields.emplace_back("phan-" + key, html_text(page.body.substr(start, page.body.find("</textarea>", start) - start)));
    const std::string hash_mark = "name=\"phan-" + key + "-goc\" value=\"";
    const std::size_t hash = page.body.find(hash_mark) + hash_mark.size();
    fields.emplace_back("phan-" + key + "-goc", page.body.substr(hash, 64));
  }
  return fields;
}

struct PlanFixture {
  TestServer server{{}, [](SiteConfig& config) { config.make_pdf = false; }};
  SmallTree tree{server};
  Browser browser = server.browser();
  PlanFixture() {
    server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
    TestServer::sign_in(browser, "xa.anhoathinh");
  }
  std::string page() { return path_of(tree.commune_a, "ke-hoach") + "?nam=2022"; }
  void upload_table() {
    const std::string page = path_of(tree.commune_a, "thon") + "?nam=2022";
    const std::string action = path_of(tree.commune_a, "thon/tai-len") + "?nam=2022";
    const Page done = browser.post_file(action, {{"csrf", browser.get(page).csrf(action)}}, "tep-thon", "thon.csv",
                                        bytes_of(example_path("an-hoa-thinh-2022/thon.csv")));
    REQUIRE(done.status == 303);
  }
  Page submit(Fields fields) { return browser.submit(page(), page(), std::move(fields)); }
  std::vector<VersionRecord> plans() {
    Poco::Data::Session db = server.site().database().session();
    return versions_of(db, tree.commune_a.id, 2022, WorkKind::Plan);
  }
  std::string file_url(const VersionRecord& version, const std::string& name) {
    return path_of(tree.commune_a, "phien-ban/" + std::to_string(version.id) + "/" + name);
  }
};

// The total row of the preview: households, then per target start, rate, reduction, rate, end, rate.
std::string total_row(const std::vector<std::string>& cells) {
  std::string row = "<th scope=\"row\">Tổng cộng</th>";
  for (const std::string& cell : cells) row += "<td class=\"number\">" + cell + "</td>";
  return row;
}

std::vector<std::string> paragraphs_of(const std::string& docx_path) {
  const DocxPackage package = read_docx_package(docx_path);
  std::vector<std::string> texts;
  for (const WordParagraph& paragraph : read_word_part(*package.find("word/document.xml")).paragraphs)
    if (!paragraph.text.empty()) texts.push_back(paragraph.text);
  return texts;
}

}  // namespace

TEST_CASE("the plan page asks for the village table first") {
  PlanFixture f;
  const Page page = f.browser.get(f.page());
  CHECK(page.status == 200);
  CHECK(page.has("<h1>Kế hoạch năm 2022</h1>"));
  CHECK(page.has("Chưa có bảng số liệu thôn năm 2022"));
  CHECK(page.has("href=\"" + path_of(f.tree.commune_a, "thon") + "?nam=2022\""));
  CHECK_FALSE(page.has("name=\"hanh-dong\""));
}

TEST_CASE("the plan form starts from the unit tree and the template's default wording, and previews 27 and 51") {
  PlanFixture f;
  f.upload_table();
  const Page page = f.browser.get(f.page());
  REQUIRE(page.status == 200);
  CHECK(value_of(page, "co-quan-cap-tren") == "UBND TỈNH HÀ TĨNH");
  CHECK(value_of(page, "ten-don-vi") == "xã An Hòa Thịnh");
  CHECK(value_of(page, "dia-danh") == "An Hòa Thịnh");
  CHECK(value_of(page, "ky-tm") == "TM. ỦY BAN NHÂN DÂN");
  CHECK(value_of(page, "chuc-vu") == "CHỦ TỊCH");
  CHECK(page.has("<option value=\"xa\" selected>"));
  // One row per village of the table for the fixed figures.
  CHECK(value_of(page, "so-thon") == "19");
  CHECK(value_of(page, "co-dinh-19-thon") == "Tân Thịnh");
  // Each section of the template, prefilled with its default as the document prints it.
  CHECK(value_of(page, "cac-phan") == "general_goal,specific_goal,analysis,leadership,communication,policy,resources,closing");
  CHECK(page.has("Trên đây là Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2022 của Ủy ban "
                 "nhân dân xã An Hòa Thịnh"));
  CHECK(page.has("trên địa bàn xã An Hòa Thịnh có 2.047 hộ gia đình"));

  Fields fields = example_fields("xem-truoc");
  for (auto& field : posted_sections(page)) fields.push_back(field);
  const Page preview = f.submit(fields);
  CHECK(preview.status == 200);
  CHECK(preview.has("chưa lưu"));
  // The figures the command line computes for the example plan: 128 → 101 poor (27), 171 → 120 near-poor (51).
  const PlanInput cli = load_plan(example_path("an-hoa-thinh-2022/ke-hoach.yaml"));
  REQUIRE(cli.table.total.figures.size() == 2);
  CHECK(cli.table.total.figures[0].reduction == 27);
  CHECK(cli.table.total.figures[1].reduction == 51);
  CHECK(preview.has(total_row({"2.047", "128", "6,25", "27", "1,32", "101", "4,93", "171", "8,35", "51", "2,49", "120", "5,86"})));
  // Every village's figures, as the command line's appendix has them.
  for (const AppendixRow& row : cli.table.rows) {
    CAPTURE(row.name);
    std::string cells = "<th scope=\"row\">" + row.name + "</th><td class=\"number\">" + format_count(row.households) + "</td>";
    for (const IndicatorFigures& x : row.figures)
      for (const std::string& cell : {format_count(x.start), format_rate(x.start_rate), format_count(x.reduction),
                                      format_rate(x.reduction_rate), format_count(x.end), format_rate(x.end_rate)})
        cells += "<td class=\"number\">" + cell + "</td>";
    CHECK(preview.has(cells));
  }
  // The preview also shows the sections' defaults with the targets' figures now.
  CHECK(preview.has("phấn đấu giảm tỷ lệ hộ nghèo năm 2022 tối thiểu còn 4,93%"));
  CHECK(f.plans().empty());
}

TEST_CASE("Tạo văn bản: the documents are byte for byte what kehoach plan makes from the same plan folder") {
  PlanFixture f;
  f.upload_table();
  // The form as the page gives it (hidden fields, sections' defaults, blank agencies), the example typed in.
  const Fields page_fields = form_fields(f.browser.get(f.page()), f.page());
  CHECK(page_fields.size() > 80);
  Fields fields = typed_into(page_fields, example_fields("tao-van-ban"));
  fields.erase(std::remove_if(fields.begin(), fields.end(), [](const auto& field) { return field.first == "csrf"; }),
               fields.end());
  const Page made = f.submit(fields);
  REQUIRE(made.status == 303);
  const std::vector<VersionRecord> plans = f.plans();
  REQUIRE(plans.size() == 1);
  CHECK(plans[0].state == WorkState::Done);
  const Page page = f.browser.get(f.page());
  CHECK(page.has("Đã tạo văn bản kế hoạch năm 2022 (phiên bản 1): ke-hoach.docx, ke-hoach-phu-luc.xlsx."));
  CHECK(page.has("<strong class=\"tag tag--done\">Đã hoàn thành</strong>"));

  // The version's plan folder: the plan file the form made and the table, as downloaded.
  ScratchFolder folder;
  std::filesystem::create_directories(folder.file("cli"));
  const Page yaml = f.browser.get(f.file_url(plans[0], "ke-hoach.yaml"));
  REQUIRE(yaml.status == 200);
  CHECK(yaml.body.find("sections:") == std::string::npos);  // every section left to the template
  folder.write("ke-hoach.yaml", yaml.body);
  folder.write("thon.csv", f.browser.get(f.file_url(plans[0], "thon.csv")).body);
  const PlanDocuments cli = make_plan({folder.file("ke-hoach.yaml"), folder.file("cli/ke-hoach.docx"), false});
  (void)cli;
  const Page docx = f.browser.get(f.file_url(plans[0], "ke-hoach.docx"));
  const Page xlsx = f.browser.get(f.file_url(plans[0], "ke-hoach-phu-luc.xlsx"));
  REQUIRE(docx.status == 200);
  REQUIRE(xlsx.status == 200);
  CHECK(docx.header("content-type") == "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  CHECK(docx.body == bytes_of(folder.file("cli/ke-hoach.docx")));
  CHECK(xlsx.body == bytes_of(folder.file("cli/ke-hoach-phu-luc.xlsx")));

  // And the same as the example's own plan file gives: the form expresses all of it.
  ScratchFolder example;
  make_plan({example_path("an-hoa-thinh-2022/ke-hoach.yaml"), example.file("ke-hoach.docx"), false});
  CHECK(docx.body == bytes_of(example.file("ke-hoach.docx")));
  CHECK(xlsx.body == bytes_of(example.file("ke-hoach-phu-luc.xlsx")));

  // The home: done, the files, the deadlines as `kehoach deadlines` gives them.
  const Page home = f.browser.get(path_of(f.tree.commune_a) + "?nam=2022");
  CHECK(home.has("Kế hoạch năm 2022</a></th><td><strong class=\"tag tag--done\">Đã hoàn thành</strong>"));
  CHECK(home.has(">ke-hoach.docx</a>"));
  CHECK(home.has(">ke-hoach-phu-luc.xlsx</a>"));
  const PlanDeadlines deadlines = plan_deadlines(folder.file("ke-hoach.yaml"), vietnam_day(f.server.now()));
  REQUIRE(deadlines.deadlines.size() == 2);
  for (const Deadline& d : deadlines.deadlines) {
    const std::string line = "Báo cáo " + period_label(d.period, 2022) + ": hạn " + day_month_year(d.due) +
                             deadline_status(d, deadlines.plan.reports.symbol);
    CAPTURE(line);
    CHECK(home.has("<li>" + escape_html(line) + "</li>"));
  }
  CHECK(home.has("Báo cáo 6 tháng đầu năm 2022: hạn 10/06/2022 (đã quá hạn"));
}

TEST_CASE("a draft saved, a section rewritten, versions kept: each readable and downloadable") {
  PlanFixture f;
  f.upload_table();
  // A draft: Đang nhập on the home, no documents.
  Fields fields = example_fields("luu");
  const Page first = f.browser.get(f.page());
  for (auto& field : posted_sections(first)) fields.push_back(field);
  REQUIRE(f.submit(fields).status == 303);
  REQUIRE(f.plans().size() == 1);
  CHECK(f.plans()[0].state == WorkState::Draft);
  CHECK(f.browser.get(f.page()).has("Đã lưu bản nháp kế hoạch năm 2022 (phiên bản 1)."));
  const Page home = f.browser.get(path_of(f.tree.commune_a) + "?nam=2022");
  CHECK(home.has("Kế hoạch năm 2022</a></th><td><strong class=\"tag tag--draft\">Đang nhập</strong>"));
  CHECK(home.has("Báo cáo năm 2022: hạn 10/11/2022"));

  // The saved draft comes back in the form; its preview is the saved one's.
  const Page again = f.browser.get(f.page());
  CHECK(value_of(again, "gia-tri-ngheo") == "4,93");
  CHECK(value_of(again, "co-quan-cap-tren") == "UBND HUYỆN HƯƠNG SƠN");
  CHECK(value_of(again, "co-dinh-4-can-ngheo") == "7");  // Cừa Quán: 7
  CHECK(value_of(again, "han-6m") == "10/06");
  CHECK(again.has(total_row({"2.047", "128", "6,25", "27", "1,32", "101", "4,93", "171", "8,35", "51", "2,49", "120", "5,86"})));

  // The closing rewritten, the rest left: only the closing goes into the plan file and the document.
  Fields edited = example_fields("tao-van-ban");
  for (auto& field : posted_sections(again)) {
    if (field.first == "phan-closing") field.second = "Trên đây là Kế hoạch giảm nghèo năm 2022 của xã./.";
    edited.push_back(field);
  }
  REQUIRE(f.submit(edited).status == 303);
  const std::vector<VersionRecord> plans = f.plans();
  REQUIRE(plans.size() == 2);
  CHECK(plans[0].number == 2);
  const Page yaml = f.browser.get(f.file_url(plans[0], "ke-hoach.yaml"));
  CHECK(yaml.body.find("sections:\n  closing: \"Trên đây là Kế hoạch giảm nghèo năm 2022 của xã./.\"\n") != std::string::npos);
  CHECK(yaml.body.find("general_goal") == std::string::npos);
  ScratchFolder folder;
  const std::string docx = folder.write("ke-hoach.docx", f.browser.get(f.file_url(plans[0], "ke-hoach.docx")).body);
  const std::vector<std::string> paragraphs = paragraphs_of(docx);
  CHECK(std::find(paragraphs.begin(), paragraphs.end(), "Trên đây là Kế hoạch giảm nghèo năm 2022 của xã./.") != paragraphs.end());
  // The edited text comes back in the form.
  CHECK(f.browser.get(f.page()).has(">Trên đây là Kế hoạch giảm nghèo năm 2022 của xã./.</textarea>"));

  // The first version is still there: its page, its plan file, its figures.
  const Page old = f.browser.get(path_of(f.tree.commune_a, "phien-ban/" + std::to_string(plans[1].id)));
  CHECK(old.status == 200);
  CHECK(old.has("Kế hoạch năm 2022: phiên bản 1"));
  CHECK(old.has("Đang nhập"));
  CHECK(old.has(total_row({"2.047", "128", "6,25", "27", "1,32", "101", "4,93", "171", "8,35", "51", "2,49", "120", "5,86"})));
  CHECK(f.browser.get(f.file_url(plans[1], "ke-hoach.yaml")).status == 200);
  CHECK(f.browser.get(f.file_url(plans[1], "ke-hoach.docx")).status == 404);
  const Page list = f.browser.get(f.page());
  CHECK(list.has(">Phiên bản 2</a>"));
  CHECK(list.has(">Phiên bản 1</a>"));
}

TEST_CASE("the section defaults are the template's own text: written back as the plan's sections, the document reads the same") {
  const PlanInput input = load_plan(example_path("an-hoa-thinh-2022/ke-hoach.yaml"));
  const std::vector<SectionDefault> defaults = plan_section_defaults(input);
  REQUIRE(defaults.size() == 8);
  CHECK(defaults[0].key == "general_goal");
  CHECK(defaults[7].key == "closing");
  CHECK(defaults[1].paragraphs.front().find("phấn đấu giảm tỷ lệ hộ nghèo năm 2022 tối thiểu còn 4,93%") != std::string::npos);

  ScratchFolder folder;
  folder.write("thon.csv", bytes_of(example_path("an-hoa-thinh-2022/thon.csv")));
  std::string yaml = bytes_of(example_path("an-hoa-thinh-2022/ke-hoach.yaml"));
  yaml += "\nsections:\n";
  for (const SectionDefault& section : defaults) {
    yaml += "  " + section.key + ":\n";
    for (const std::string& paragraph : section.paragraphs) {
      std::string quoted;
      for (char c : paragraph) quoted += c == '"' ? std::string("\\\"") : std::string(1, c);
      yaml += "    - \"" + quoted + "\"\n";
    }
  }
  folder.write("ke-hoach.yaml", yaml);
  make_plan({folder.file("ke-hoach.yaml"), folder.file("rewritten.docx"), false});
  make_plan({example_path("an-hoa-thinh-2022/ke-hoach.yaml"), folder.file("default.docx"), false});
  CHECK(paragraphs_of(folder.file("rewritten.docx")) == paragraphs_of(folder.file("default.docx")));
}

TEST_CASE("bad plan fields: the error summary names each field, nothing is saved") {
  PlanFixture f;
  f.upload_table();
  auto with = [](Fields fields, const std::string& name, const std::string& value) {
    bool found = false;
    for (auto& field : fields)
      if (field.first == name) field.second = value, found = true;
    if (!found) fields.emplace_back(name, value);
    return fields;
  };
  const Fields good = example_fields("luu");
  struct Case {
    std::string field, value, link, words;
  };
  const std::vector<Case> cases{
      {"gia-tri-ngheo", "abc", "gia-tri-ngheo", "Tỷ lệ hộ nghèo &quot;abc&quot; không hợp lệ"},
      {"gia-tri-ngheo", "", "gia-tri-ngheo", "Hãy nhập tỷ lệ hộ nghèo cuối năm"},
      {"so-van-ban", "bốn lăm", "so-van-ban", "Số văn bản là số nguyên từ 1 đến 99999"},
      {"ngay-ban-hanh", "31/02/2022", "ngay-ban-hanh", "Ngày ban hành: ngày &quot;31/02/2022&quot; không hợp lệ"},
      {"ten-don-vi", "", "ten-don-vi", "Hãy nhập tên đơn vị ban hành"},
      {"mau", "khac", "mau", "Hãy chọn mẫu văn bản"},
      {"co-dinh-4-can-ngheo", "nhiều", "co-dinh-4-can-ngheo", "giao cố định cho Cừa Quán phải là số hộ giảm"},
      {"co-dinh-4-can-ngheo", "100", "co-dinh-4-can-ngheo", "Giao cố định cho Cừa Quán: "},
      {"han-6m", "31/06", "han-6m", "Hạn nộp báo cáo 6 tháng: hạn nộp 31/06 không có trong năm 2022"},
      {"co-quan-ban-hanh", "Ủy ban\xE2\x80\xAE nhân dân", "co-quan-ban-hanh", "Cơ quan ban hành: tên đơn vị &quot;Ủy ban&lt;U+202E&gt;"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.field);
    CAPTURE(c.value);
    const Page page = f.submit(with(good, c.field, c.value));
    CHECK(page.status == 422);
    CHECK(page.has("<title>Lỗi: Kế hoạch năm 2022 – kehoach</title>"));
    CHECK(page.has("<li><a href=\"#" + c.link + "\">"));
    CHECK(page.has(c.words));
    CHECK(page.has("id=\"" + c.link + "\""));
  }
  // Several at once: the form's own checks and the plan reader's, every one told.
  const Page several = f.submit(with(with(with(good, "gia-tri-ngheo", "abc"), "ngay-ban-hanh", "31/02/2022"), "han-nam", "10/13"));
  CHECK(several.status == 422);
  for (const std::string field : {"gia-tri-ngheo", "ngay-ban-hanh", "han-nam"}) {
    CAPTURE(field);
    CHECK(several.has("<li><a href=\"#" + field + "\">"));
  }
  // Targets the table cannot meet: at the target's field, in the reader's words.
  const Page too_many = f.submit(with(with(good, "chi-tieu-ngheo", "so-ho"), "gia-tri-ngheo", "500"));
  CHECK(too_many.status == 422);
  CHECK(too_many.has("<li><a href=\"#gia-tri-ngheo\">Chỉ tiêu hộ nghèo: chỉ tiêu giảm 500 hộ nghèo vượt quá số hiện có"));
  // No target at all.
  const Page none = f.submit(with(with(with(good, "chi-tieu-ngheo", "khong"), "chi-tieu-can-ngheo", "khong"),
                                  "co-dinh-1-ngheo", ""));
  CHECK(none.status == 422);
  CHECK(none.has("<li><a href=\"#chi-tieu-ngheo\">Hãy đặt ít nhất một chỉ tiêu"));
  CHECK(f.plans().empty());
  CHECK(f.server.count("versions") == 1);  // the village table only
}

TEST_CASE("another commune's officer gets 404 for the plan's versions and files") {
  PlanFixture f;
  f.upload_table();
  Fields fields = example_fields("tao-van-ban");
  REQUIRE(f.submit(fields).status == 303);
  const VersionRecord plan = f.plans().front();
  CHECK(f.browser.get(f.file_url(plan, "ke-hoach.docx")).status == 200);

  f.server.account("xa.kyanh", Role::CommuneOfficer, f.tree.commune_b.id);
  Browser other = f.server.browser();
  TestServer::sign_in(other, "xa.kyanh");
  const std::string id = std::to_string(plan.id);
  for (const std::string& path :
       {path_of(f.tree.commune_a, "phien-ban/" + id), f.file_url(plan, "ke-hoach.docx"), f.file_url(plan, "ke-hoach-phu-luc.xlsx"),
        f.file_url(plan, "ke-hoach.yaml"), path_of(f.tree.commune_b, "phien-ban/" + id),
        path_of(f.tree.commune_b, "phien-ban/" + id + "/ke-hoach.docx"), f.page()}) {
    CAPTURE(path);
    const Page page = other.get(path);
    CHECK(page.status == 404);
    CHECK_FALSE(page.has("An Hòa Thịnh"));
  }
  // Their own plan page: no table yet, nothing of the other commune's.
  const Page own = other.get(path_of(f.tree.commune_b, "ke-hoach") + "?nam=2022");
  CHECK(own.status == 200);
  CHECK(own.has("Chưa có bảng số liệu thôn năm 2022"));
  const std::string token = own.csrf();
  CHECK(other.post(f.page(), {{"csrf", token}, {"hanh-dong", "luu"}}).status == 404);
  CHECK(f.plans().size() == 1);
}

TEST_CASE("where LibreOffice is installed, Tạo văn bản makes the PDF too, kept with the version") {
  TestServer server;  // make_pdf as `kehoach serve` has it
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  Browser browser = server.browser();
  TestServer::sign_in(browser, "xa.anhoathinh");
  const std::string table = path_of(tree.commune_a, "thon") + "?nam=2022";
  const std::string upload = path_of(tree.commune_a, "thon/tai-len") + "?nam=2022";
  REQUIRE(browser.post_file(upload, {{"csrf", browser.get(table).csrf(upload)}}, "tep-thon", "thon.csv",
                            bytes_of(example_path("an-hoa-thinh-2022/thon.csv"))).status == 303);
  const std::string page = path_of(tree.commune_a, "ke-hoach") + "?nam=2022";
  REQUIRE(browser.submit(page, page, example_fields("tao-van-ban")).status == 303);
  Poco::Data::Session db = server.site().database().session();
  const VersionRecord plan = versions_of(db, tree.commune_a.id, 2022, WorkKind::Plan).front();
  const Page shown = browser.get(page);
  const Page pdf = browser.get(path_of(tree.commune_a, "phien-ban/" + std::to_string(plan.id) + "/ke-hoach.pdf"));
  if (find_libreoffice()) {
    CHECK(shown.has("ke-hoach.docx, ke-hoach-phu-luc.xlsx, ke-hoach.pdf."));
    CHECK(pdf.status == 200);
    CHECK(pdf.header("content-type") == "application/pdf");
    CHECK(pdf.body.rfind("%PDF", 0) == 0);
  } else {
    CHECK(shown.has("Chưa tạo được bản PDF"));
    CHECK(pdf.status == 404);
  }
}
