// The province's pages, through HTTP as a browser uses them: Tình hình nộp (every commune below, at any depth,
// with its state, first sending, last change, deadline and timeliness; the counts and percentages; the filter;
// the workbook read back with openpyxl; the deadline set by the province's own officers only, and the one of the
// plan's schedule), and Tổng hợp (the province's appendix of the approved plans equal, cell for cell, to the one
// `kehoach batch` writes from the same data; the communes not approved listed apart and not counted; every
// commune's files in one zip; a period's results table added up from the approved reports).
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/make_report.h"
#include "app/run_batch.h"
#include "model/indicator.h"
#include "store/audit.h"
#include "store/file_store.h"
#include "store/submission_deadlines.h"
#include "store/versions.h"
#include "text/number_words.h"
#include "page_forms.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kDay = 24 * 3600;

// What /usr/bin/python3 prints running `script` with `args` (each quoted for the shell).
std::string python(const std::string& script, const std::vector<std::string>& args) {
  const ScratchFolder folder;
  const std::string path = folder.write("script.py", script);
  std::string command = "/usr/bin/python3 '" + path + "'";
  for (const std::string& arg : args) command += " '" + arg + "'";
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    ::pclose(pipe);
  }
  return output;
}

// Every cell of the workbook's first sheet that holds something, a line each: "B7 formula value" (the formula as
// written, and the value cached for readers that do not recalculate), then the merged ranges.
std::string workbook_cells(const std::string& path) {
  return python(R"(
import sys, openpyxl
formulas = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
values = openpyxl.load_workbook(sys.argv[1], data_only=True).worksheets[0]
for row in formulas.iter_rows():
    for cell in row:
        if cell.value is None: continue
        print(cell.coordinate, repr(cell.value), repr(values[cell.coordinate].value))
print('merged', sorted(str(r) for r in formulas.merged_cells.ranges))
print('sheet', formulas.title)
)",
                {path});
}

std::string line_of(const std::string& cells, const std::string& coordinate) {
  const std::size_t at = cells.find(coordinate + " ");
  if (at == std::string::npos || (at > 0 && cells[at - 1] != '\n')) return "(none)";
  return cells.substr(at, cells.find('\n', at) - at);
}

struct Province {
  TestServer server;
  UnitRecord province = server.unit(Tier::Province, "Tỉnh", "Hà Tĩnh");
  UnitRecord district = server.unit(Tier::District, "Huyện", "Hương Sơn", province.id);
  UnitRecord a = server.unit(Tier::Commune, "Xã", "An Hòa Thịnh", province.id);
  UnitRecord b = server.unit(Tier::Commune, "Xã", "Kỳ Anh", province.id);
  UnitRecord c = server.unit(Tier::Commune, "Phường", "Bắc Hồng Lĩnh", province.id);
  UnitRecord d = server.unit(Tier::Commune, "Xã", "Sơn Tây", district.id);
  UnitRecord other = server.unit(Tier::Province, "Tỉnh", "Quảng Trị");
  Browser officer = server.browser();

  Province() {
    server.account("tinh.hatinh", Role::ProvinceOfficer, province.id);
    server.account("tinh.quangtri", Role::ProvinceOfficer, other.id);
    server.account("quantri", Role::Administrator, std::nullopt);
    for (const auto& [login, unit] : {std::pair{"xa.a", a}, std::pair{"xa.b", b}, std::pair{"xa.c", c}, std::pair{"xa.d", d}})
      server.account(login, Role::CommuneOfficer, unit.id);
    TestServer::sign_in(officer, "tinh.hatinh");
  }

  // Moves the clock (sessions left idle that long end) and signs the province's officer in again.
  void advance(std::int64_t seconds) {
    server.advance(seconds);
    sign_in(officer, "tinh.hatinh");
  }
  static void sign_in(Browser& browser, const std::string& login) { REQUIRE(TestServer::sign_in(browser, login).status == 303); }

  std::string dashboard(const std::string& query = "nam=2026&ky=thon") { return path_of(province, "tinh-hinh-nop") + "?" + query; }

  // The commune's officer uploads a village table of two villages.
  void upload(const UnitRecord& commune) {
    Browser browser = server.browser();
    sign_in(browser, login_of(commune));
    const std::string page = path_of(commune, "thon") + "?nam=2026";
    const std::string action = path_of(commune, "thon/tai-len") + "?nam=2026";
    REQUIRE(browser.post_file(action, {{"csrf", browser.get(page).csrf(action)}}, "tep-thon", "thon.csv",
                              "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nSâm Cồn,166,10,12\nTrùa,105,7,7\n").status == 303);
  }
  // Presses the form posting to `action` on `page`, as the browser sends it with `typed` filled in.
  static Page press(Browser& browser, const std::string& page, const std::string& action, const Fields& typed = {}) {
    const Fields fields = form_fields(browser.get(page), action);
    CAPTURE(action);
    REQUIRE(!fields.empty());
    return browser.post(action, typed_into(fields, typed));
  }
  void send(const UnitRecord& commune, const std::string& kind = "thon") {
    Browser browser = server.browser();
    sign_in(browser, login_of(commune));
    const std::string page = path_of(commune, "nop/" + kind) + "?nam=2026";
    REQUIRE(press(browser, page, path_of(commune, "nop/" + kind + "/gui") + "?nam=2026").status == 303);
  }
  void decide(const UnitRecord& commune, const std::string& what, const std::string& kind = "thon") {
    const std::string page = path_of(commune, "nop/" + kind) + "?nam=2026";
    REQUIRE(press(officer, page, path_of(commune, "nop/" + kind + "/" + what) + "?nam=2026",
                  {{"ly-do", "Thiếu số liệu thôn Trùa."}}).status == 303);
  }
  std::string login_of(const UnitRecord& commune) const {
    return commune.id == a.id ? "xa.a" : commune.id == b.id ? "xa.b" : commune.id == c.id ? "xa.c" : "xa.d";
  }
  Page set_deadline(Browser& browser, const UnitRecord& unit, const std::string& day, const std::string& action = "luu",
                    const std::string& query = "nam=2026&ky=thon") {
    const std::string page = path_of(unit, "tinh-hinh-nop") + "?" + query;
    return browser.post(path_of(unit, "tinh-hinh-nop/han-nop") + "?" + query,
                        {{"csrf", browser.get(page).csrf()}, {"han-nop", day}, {"hanh-dong", action}});
  }
};

// The row of the dashboard's table naming `unit`: from its link to the end of the row.
std::string row_of(const Page& page, const UnitRecord& unit) {
  const std::size_t at = page.body.find(">" + unit.full_name() + "</a></th>");
  if (at == std::string::npos) return "(no row)";
  return page.body.substr(at, page.body.find("</tr>", at) - at);
}

}  // namespace

TEST_CASE("Tình hình nộp: every commune below at any depth, its state, dates, deadline and timeliness, the counts") {
  Province p;
  // The deadline of the village tables: 01/06/2026, the last second of it 2026-06-01 16:59:59 UTC.
  REQUIRE(p.set_deadline(p.officer, p.province, "01/06/2026").status == 303);
  CHECK(p.officer.get(p.dashboard()).has("Đã đặt hạn nộp bảng số liệu thôn năm 2026: 01/06/2026."));
  // A sends on time (29/05 in Vietnam) and is approved; B sends late (02/06) and is returned; C saves and never
  // sends; D (in a district) does nothing.
  p.upload(p.a);
  p.send(p.a);
  p.decide(p.a, "duyet");
  p.upload(p.c);
  p.advance(4 * kDay);  // 2026-06-01 20:26 UTC: 02/06 03:26 in Vietnam
  p.upload(p.b);
  p.send(p.b);
  p.decide(p.b, "tra-lai");

  const Page page = p.officer.get(p.dashboard());
  REQUIRE(page.status == 200);
  CHECK(page.has("<h1"));
  CHECK(page.has("Tình hình nộp"));
  // Every commune, the one in the district too, linked to its submission.
  for (const UnitRecord* unit : {&p.a, &p.b, &p.c, &p.d}) {
    CAPTURE(unit->full_name());
    CHECK(page.has("<a href=\"/don-vi/" + std::to_string(unit->id) + "/nop/thon?nam=2026\">" + unit->full_name() + "</a>"));
  }
  CHECK_FALSE(page.has("Quảng Trị"));
  CHECK(page.has("<th scope=\"col\">Thuộc</th>"));
  CHECK(row_of(page, p.d).find("<td>Huyện Hương Sơn</td>") != std::string::npos);
  const std::string a = row_of(page, p.a), b = row_of(page, p.b), c = row_of(page, p.c), d = row_of(page, p.d);
  CHECK(a.find("Đã duyệt") != std::string::npos);
  CHECK(a.find("29/05/2026 03:26") != std::string::npos);  // first sent, in Vietnam's time
  CHECK(a.find("01/06/2026") != std::string::npos);
  CHECK(a.find("tag--on-time\">Đúng hạn") != std::string::npos);
  CHECK(b.find("Bị trả lại") != std::string::npos);
  CHECK(b.find("02/06/2026 03:26") != std::string::npos);
  CHECK(b.find("tag--late\">Nộp muộn") != std::string::npos);
  CHECK(c.find("Đang nhập, chưa gửi") != std::string::npos);
  CHECK(c.find("29/05/2026 03:26") != std::string::npos);  // its last save
  CHECK(c.find("tag--overdue\">Quá hạn, chưa gửi") != std::string::npos);
  CHECK(d.find("Chưa bắt đầu") != std::string::npos);
  CHECK(d.find("Quá hạn, chưa gửi") != std::string::npos);
  // The counts: 2 of 4 sent (A approved, B returned), 1 approved, 1 of the 2 sent on time, 2 overdue.
  CHECK(page.has("<span class=\"stat-number\">2/4</span> đã gửi <span class=\"stat-share\">50,00%</span>"));
  CHECK(page.has("<span class=\"stat-number\">1/4</span> đã duyệt <span class=\"stat-share\">25,00%</span>"));
  CHECK(page.has("<span class=\"stat-number\">1/2</span> gửi đúng hạn <span class=\"stat-share\">50,00%</span>"));
  CHECK(page.has("<span class=\"stat-number\">2</span> quá hạn, chưa gửi"));
  CHECK(page.has("01/06/2026, do Tỉnh Hà Tĩnh đặt."));
  CHECK(page.has("href=\"/don-vi/" + std::to_string(p.province.id) + "/tinh-hinh-nop/tai-ve.xlsx?nam=2026&amp;ky=thon\""));

  // The filter keeps the overdue: C and D only; then the late: B only. A GET form, no script.
  CHECK(page.has("<form method=\"get\" action=\"/don-vi/" + std::to_string(p.province.id) + "/tinh-hinh-nop\""));
  CHECK_FALSE(page.has("<script"));
  const Page overdue = p.officer.get(p.dashboard("nam=2026&ky=thon&trang-thai=qua-han"));
  CHECK(row_of(overdue, p.c) != "(no row)");
  CHECK(row_of(overdue, p.d) != "(no row)");
  CHECK(row_of(overdue, p.a) == "(no row)");
  CHECK(row_of(overdue, p.b) == "(no row)");
  CHECK(overdue.has("<span class=\"stat-number\">2/4</span> đã gửi"));  // the counts are of every unit
  const Page late = p.officer.get(p.dashboard("nam=2026&ky=thon&trang-thai=nop-muon"));
  CHECK(row_of(late, p.b) != "(no row)");
  CHECK(row_of(late, p.a) == "(no row)");
  const Page approved = p.officer.get(p.dashboard("nam=2026&ky=thon&trang-thai=da-duyet"));
  CHECK(row_of(approved, p.a) != "(no row)");
  CHECK(row_of(approved, p.c) == "(no row)");

  // Another kind of the same year: nothing sent, no deadline.
  const Page plans = p.officer.get(p.dashboard("nam=2026&ky=ke-hoach"));
  CHECK(plans.has("<span class=\"stat-number\">0/4</span> đã gửi"));
  CHECK(plans.has("Chưa có hạn nộp cho kế hoạch năm 2026"));
  CHECK_FALSE(plans.has("Quá hạn, chưa gửi</strong>"));

  // A district's page shows the commune of the district only.
  const Page district = p.officer.get(path_of(p.district, "tinh-hinh-nop") + "?nam=2026&ky=thon");
  REQUIRE(district.status == 200);
  CHECK(row_of(district, p.d) != "(no row)");
  CHECK(row_of(district, p.a) == "(no row)");
}

TEST_CASE("Tình hình nộp as a workbook: Vietnamese headers, the counts, percentages as formulas with their values") {
  Province p;
  REQUIRE(p.set_deadline(p.officer, p.province, "2026-06-01").status == 303);  // as a date field sends it
  p.upload(p.a);
  p.send(p.a);
  p.decide(p.a, "duyet");
  p.advance(4 * kDay);
  p.upload(p.b);
  p.send(p.b);
  const Page download = p.officer.get(path_of(p.province, "tinh-hinh-nop/tai-ve.xlsx") + "?nam=2026&ky=thon");
  REQUIRE(download.status == 200);
  CHECK(download.header("content-type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  CHECK(download.header("content-disposition").find("tinh-hinh-nop-thon-2026.xlsx") != std::string::npos);
  const std::string path = p.server.scratch().write("tinh-hinh-nop.xlsx", download.body);
  const std::string cells = workbook_cells(path);
  CAPTURE(cells);
  CHECK(line_of(cells, "A1") == "A1 'TÌNH HÌNH NỘP BẢNG SỐ LIỆU THÔN NĂM 2026' 'TÌNH HÌNH NỘP BẢNG SỐ LIỆU THÔN NĂM 2026'");
  CHECK(line_of(cells, "A2") == "A2 'Tỉnh Hà Tĩnh' 'Tỉnh Hà Tĩnh'");
  CHECK(line_of(cells, "A4") == "A4 'Hạn nộp: 01/06/2026, do Tỉnh Hà Tĩnh đặt.' 'Hạn nộp: 01/06/2026, do Tỉnh Hà Tĩnh đặt.'");
  CHECK(line_of(cells, "C6") == "C6 'Số đơn vị' 'Số đơn vị'");
  CHECK(line_of(cells, "D6") == "D6 'Tỷ lệ (%)' 'Tỷ lệ (%)'");
  CHECK(line_of(cells, "A7") == "A7 'Số đơn vị phải nộp' 'Số đơn vị phải nộp'");
  CHECK(line_of(cells, "C7") == "C7 4 4");
  // Sent: 2 of 4 (A approved, B waiting), approved 1, on time 1 of the 2 sent with a deadline.
  CHECK(line_of(cells, "C8") == "C8 2 2");
  CHECK(line_of(cells, "D8") == "D8 '=ROUND(C8/$C$7*100,2)' 50");
  CHECK(line_of(cells, "C9") == "C9 1 1");
  CHECK(line_of(cells, "D9") == "D9 '=ROUND(C9/$C$7*100,2)' 25");
  CHECK(line_of(cells, "A13") == "A13 'Quá hạn, chưa gửi' 'Quá hạn, chưa gửi'");
  CHECK(line_of(cells, "C13") == "C13 2 2");
  CHECK(line_of(cells, "C14") == "C14 1 1");
  CHECK(line_of(cells, "D14") == "D14 '=ROUND(C14/(C14+C15)*100,2)' 50");
  CHECK(line_of(cells, "C15") == "C15 1 1");
  // The table: its headers, then a row per commune in the tree's order (the district, made first, and its commune
  // first).
  CHECK(line_of(cells, "B17") == "B17 'Đơn vị' 'Đơn vị'");
  CHECK(line_of(cells, "C17") == "C17 'Thuộc' 'Thuộc'");
  CHECK(line_of(cells, "H17") == "H17 'Đúng hạn, muộn' 'Đúng hạn, muộn'");
  CHECK(line_of(cells, "B18") == "B18 'Xã Sơn Tây' 'Xã Sơn Tây'");
  CHECK(line_of(cells, "C18") == "C18 'Huyện Hương Sơn' 'Huyện Hương Sơn'");
  CHECK(line_of(cells, "H18") == "H18 'Quá hạn, chưa gửi' 'Quá hạn, chưa gửi'");
  CHECK(line_of(cells, "B19") == "B19 'Xã An Hòa Thịnh' 'Xã An Hòa Thịnh'");
  CHECK(line_of(cells, "D19") == "D19 'Đã duyệt' 'Đã duyệt'");
  CHECK(line_of(cells, "E19") == "E19 '29/05/2026 03:26' '29/05/2026 03:26'");
  CHECK(line_of(cells, "G19") == "G19 '01/06/2026' '01/06/2026'");
  CHECK(line_of(cells, "H19") == "H19 'Đúng hạn' 'Đúng hạn'");
  CHECK(line_of(cells, "D20") == "D20 'Đã gửi, chờ duyệt' 'Đã gửi, chờ duyệt'");
  CHECK(line_of(cells, "E20") == "E20 '02/06/2026 03:26' '02/06/2026 03:26'");
  CHECK(line_of(cells, "H20") == "H20 'Nộp muộn' 'Nộp muộn'");
  CHECK(line_of(cells, "B21") == "B21 'Phường Bắc Hồng Lĩnh' 'Phường Bắc Hồng Lĩnh'");
  CHECK(line_of(cells, "B22") == "(none)");
  CHECK(cells.find("sheet Tình hình nộp") != std::string::npos);

  // Filtered: the overdue only, said under the table.
  const Page filtered = p.officer.get(path_of(p.province, "tinh-hinh-nop/tai-ve.xlsx") + "?nam=2026&ky=thon&trang-thai=qua-han");
  const std::string only = workbook_cells(p.server.scratch().write("loc.xlsx", filtered.body));
  CHECK(line_of(only, "B18") == "B18 'Xã Sơn Tây' 'Xã Sơn Tây'");
  CHECK(line_of(only, "B19") == "B19 'Phường Bắc Hồng Lĩnh' 'Phường Bắc Hồng Lĩnh'");
  CHECK(line_of(only, "B20") == "(none)");
  CHECK(line_of(only, "B21") == "B21 'Chỉ các đơn vị: Quá hạn, chưa gửi.' 'Chỉ các đơn vị: Quá hạn, chưa gửi.'");
  CHECK(line_of(only, "C8") == "C8 2 2");
}

TEST_CASE("the deadline: set, changed and taken away by the province's own officers only, a wrong day refused") {
  Province p;
  const std::string action = path_of(p.province, "tinh-hinh-nop/han-nop") + "?nam=2026&ky=thon";
  // A commune's officer and another province's do not see the province (404); the administrator sees it and may
  // not set it (403); nothing is stored.
  Browser commune = p.server.browser();
  Province::sign_in(commune, "xa.a");
  CHECK(commune.get(p.dashboard()).status == 404);
  Browser far = p.server.browser();
  Province::sign_in(far, "tinh.quangtri");
  CHECK(far.get(p.dashboard()).status == 404);
  Browser admin = p.server.browser();
  Province::sign_in(admin, "quantri");
  const Page seen = admin.get(p.dashboard());
  CHECK(seen.status == 200);
  CHECK(seen.has("Hạn nộp do cán bộ của Tỉnh Hà Tĩnh đặt."));
  CHECK(admin.post(action, {{"csrf", seen.csrf()}, {"han-nop", "01/06/2026"}}).status == 403);
  CHECK(p.server.count("submission_deadlines") == 0);
  // The commune's own page has no dashboard.
  CHECK(commune.get(path_of(p.a, "tinh-hinh-nop") + "?nam=2026").status == 404);

  // A day that is none, or far from the year: 422, the message by the field, nothing stored.
  for (const std::string& wrong : {std::string("31/02/2026"), std::string("mai"), std::string("01/06/2031"), std::string()}) {
    CAPTURE(wrong);
    const Page refused = p.set_deadline(p.officer, p.province, wrong);
    CHECK(refused.status == 422);
    CHECK(refused.has("<a href=\"#han-nop\">"));
    CHECK(refused.has("aria-invalid=\"true\""));
  }
  CHECK(p.server.count("submission_deadlines") == 0);

  REQUIRE(p.set_deadline(p.officer, p.province, "01/06/2026").status == 303);
  REQUIRE(p.set_deadline(p.officer, p.province, "05/06/2026").status == 303);
  CHECK(p.server.count("submission_deadlines") == 1);
  {
    Poco::Data::Session db = p.server.site().database().session();
    const std::optional<DeadlineRecord> set = find_deadline(db, p.province.id, 2026, WorkKind::VillageTable);
    REQUIRE(set);
    CHECK(set->due == Date{2026, 6, 5});
    CHECK(set->set_at == p.server.now());
  }
  CHECK(p.officer.get(p.dashboard()).has("05/06/2026, do Tỉnh Hà Tĩnh đặt."));
  CHECK(p.officer.get(p.dashboard()).has("value=\"2026-06-05\""));
  // Another kind's deadline is its own.
  CHECK(p.officer.get(p.dashboard("nam=2026&ky=ke-hoach")).has("Chưa có hạn nộp"));
  REQUIRE(p.set_deadline(p.officer, p.province, "", "bo").status == 303);
  CHECK(p.server.count("submission_deadlines") == 0);
  // Each change a row of the audit log, in its transaction; the refused ones none.
  {
    Poco::Data::Session db = p.server.site().database().session();
    const std::vector<AuditRow> log = read_audit(db, {std::nullopt, "", "deadline.", 0, 0}, 0, 10).rows;
    REQUIRE(log.size() == 3);
    CHECK(log[0].entry.action == "deadline.remove");
    CHECK(log[0].entry.detail == "Bỏ hạn nộp (trước đó: 05/06/2026).");
    CHECK(log[1].entry.action == "deadline.set");
    CHECK(log[1].entry.detail == "Đặt hạn nộp: 05/06/2026 (trước đó: 01/06/2026).");
    CHECK(log[2].entry.detail == "Đặt hạn nộp: 01/06/2026.");
    CHECK(log[2].entry.kind == "village_table");
    CHECK(log[2].entry.unit_id == p.province.id);
  }
  CHECK(p.officer.get(p.dashboard()).has("Chưa có hạn nộp"));
}

TEST_CASE("a report's deadline: the schedule of the plan above, unless a dashboard above sets one, the nearest first") {
  Province p;
  // The province's plan of 2022 (the example's, whose schedule says 6m: 10/06), kept as a version of the province.
  {
    Site& site = p.server.site();
    Poco::Data::Session db = site.database().session();
    const std::string plan = p.server.scratch().write("ke-hoach.yaml", bytes_of(example_path("an-hoa-thinh-2022/ke-hoach.yaml")));
    const std::string sha = site.files().put_file(plan).sha256;
    Transaction transaction(site.database(), db);
    record_stored_file(db, sha, static_cast<std::int64_t>(fs::file_size(plan)), p.server.now());
    add_version(db, VersionRecord{0, p.province.id, 2022, WorkKind::Plan, 0, WorkState::Draft, p.server.now(), std::nullopt},
                {{"input", "ke-hoach.yaml", sha}});
    transaction.commit();
  }
  const std::string query = "nam=2022&ky=bao-cao-6m";
  const Page planned = p.officer.get(p.dashboard(query));
  CHECK(planned.has("10/06/2022, theo lịch nộp báo cáo trong kế hoạch năm 2022 của Tỉnh Hà Tĩnh."));
  CHECK(row_of(planned, p.d).find("10/06/2022") != std::string::npos);  // the district has none: the province's holds
  CHECK(row_of(planned, p.a).find("Quá hạn, chưa gửi") != std::string::npos);  // 2026 is long after
  // The quarter's report: the schedule has none.
  CHECK(p.officer.get(p.dashboard("nam=2022&ky=bao-cao-q1")).has("Chưa có hạn nộp"));
  // Set on the province's dashboard, it holds instead of the plan's.
  REQUIRE(p.set_deadline(p.officer, p.province, "20/06/2022", "luu", query).status == 303);
  const Page set = p.officer.get(p.dashboard(query));
  CHECK(set.has("20/06/2022, do Tỉnh Hà Tĩnh đặt."));
  CHECK_FALSE(set.has("theo lịch nộp báo cáo"));
  // A deadline the district sets (straight into the store: no officer of a district signs in) holds for its commune.
  {
    Poco::Data::Session db = p.server.site().database().session();
    change_deadline(p.server.site().database(), db, {p.district.id, 2022, WorkKind::Report6m, Date{2022, 6, 25}, p.server.now(), std::nullopt});
  }
  const Page nearest = p.officer.get(p.dashboard(query));
  CHECK(row_of(nearest, p.d).find("25/06/2022") != std::string::npos);
  CHECK(row_of(nearest, p.a).find("20/06/2022") != std::string::npos);
  CHECK(nearest.has("20/06/2022, do Tỉnh Hà Tĩnh đặt: 3 đơn vị"));
  CHECK(nearest.has("25/06/2022, do Huyện Hương Sơn đặt: 1 đơn vị"));
}

TEST_CASE("the province's home links its pages") {
  Province p;
  const Page home = p.officer.get(path_of(p.province) + "?nam=2026");
  CHECK(home.has("href=\"/don-vi/" + std::to_string(p.province.id) + "/tinh-hinh-nop?nam=2026&amp;ky=ke-hoach\">Tình hình nộp</a>"));
  CHECK(home.has("href=\"/don-vi/" + std::to_string(p.province.id) + "/tong-hop?nam=2026&amp;ky=ke-hoach\">Tổng hợp</a>"));
}

namespace {

// The example cascade of `kehoach batch` (data/examples/ha-tinh-2026) split and written once; each commune of it
// then makes its plan through the pages with its own share as fixed figures, sends it; the province approves.
struct BatchProvince {
  TestServer server{{}, [](SiteConfig& config) { config.make_pdf = false; }};  // the documents, without LibreOffice
  ScratchFolder batch_folder;
  BatchResult batch = run_batch_request({example_path("ha-tinh-2026/phan-bo.yaml"), batch_folder.file("lo"), 1, {}, nullptr});
  UnitRecord province = server.unit(Tier::Province, "Tỉnh", "Hà Tĩnh");
  std::vector<UnitRecord> communes;
  std::vector<int> nodes;  // each commune's node in the batch's tree
  Browser officer = server.browser();

  BatchProvince() {
    server.account("tinh.hatinh", Role::ProvinceOfficer, province.id);
    TestServer::sign_in(officer, "tinh.hatinh");
    const UnitTree& tree = batch.figures.tree;
    const int top = batch.figures.cascade.top;
    for (int node : tree.nodes[static_cast<std::size_t>(top)].children) {
      const std::string& name = tree.nodes[static_cast<std::size_t>(node)].name;  // "Xã An Hòa Thịnh", "Phường …"
      const std::size_t space = name.find(' ');
      const bool ward = name.rfind("Phường", 0) == 0;
      communes.push_back(server.unit(Tier::Commune, ward ? "Phường" : "Xã", ward ? name.substr(std::string("Phường ").size())
                                                                                 : name.substr(space + 1), province.id));
      nodes.push_back(node);
      server.account("xa." + std::to_string(communes.back().id), Role::CommuneOfficer, communes.back().id);
    }
  }

  // The commune's officer uploads its villages as the cascade's units table has them, types its share of the
  // province's targets (reduce, and every village's figure fixed) and presses Tạo văn bản, then Gửi.
  void make_and_send(std::size_t i) {
    const UnitRecord& commune = communes[i];
    const int node = nodes[i];
    const UnitTree& tree = batch.figures.tree;
    const AppendixTable& table = *batch.figures.cascade.tables[static_cast<std::size_t>(node)];
    Browser browser = server.browser();
    REQUIRE(TestServer::sign_in(browser, "xa." + std::to_string(commune.id)).status == 303);
    std::string csv = "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n";
    for (int village : tree.nodes[static_cast<std::size_t>(node)].children) {
      const UnitNode& unit = tree.nodes[static_cast<std::size_t>(village)];
      csv += unit.name + "," + std::to_string(unit.tally.households) + "," + std::to_string(unit.tally.poor) + "," +
             std::to_string(unit.tally.near_poor) + "\n";
    }
    const std::string table_page = path_of(commune, "thon") + "?nam=2026";
    const std::string upload = path_of(commune, "thon/tai-len") + "?nam=2026";
    REQUIRE(browser.post_file(upload, {{"csrf", browser.get(table_page).csrf(upload)}}, "tep-thon", "thon.csv", csv).status == 303);
    Fields fields = example_fields("tao-van-ban");
    std::vector<std::pair<std::string, std::string>> typed;
    std::erase_if(fields, [](const auto& field) { return field.first.rfind("co-dinh-", 0) == 0 || field.first == "so-thon"; });
    for (std::size_t k = 0; k < table.indicators.size(); ++k) {
      const bool poor = table.indicators[k].indicator == Indicator::Poor;
      typed.emplace_back(poor ? "chi-tieu-ngheo" : "chi-tieu-can-ngheo", "so-ho");
      typed.emplace_back(poor ? "gia-tri-ngheo" : "gia-tri-can-ngheo", std::to_string(table.total.figures[k].reduction));
    }
    typed.emplace_back("so-thon", std::to_string(table.rows.size()));
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const std::string n = std::to_string(r + 1);
      typed.emplace_back("co-dinh-" + n + "-thon", table.rows[r].name);
      for (std::size_t k = 0; k < table.indicators.size(); ++k)
        typed.emplace_back("co-dinh-" + n + (table.indicators[k].indicator == Indicator::Poor ? "-ngheo" : "-can-ngheo"),
                           std::to_string(table.rows[r].figures[k].reduction));
    }
    const std::string plan = path_of(commune, "ke-hoach") + "?nam=2026";
    const Page made = browser.submit(plan, plan, typed_into(fields, typed));
    CAPTURE(made.body.substr(0, 3000));
    REQUIRE(made.status == 303);
    const std::string submission = path_of(commune, "nop/ke-hoach") + "?nam=2026";
    const std::string send = path_of(commune, "nop/ke-hoach/gui") + "?nam=2026";
    const Fields form = form_fields(browser.get(submission), send);
    REQUIRE(!form.empty());
    REQUIRE(browser.post(send, form).status == 303);
  }

  void approve(std::size_t i) {
    const std::string page = path_of(communes[i], "nop/ke-hoach") + "?nam=2026";
    const std::string action = path_of(communes[i], "nop/ke-hoach/duyet") + "?nam=2026";
    const Fields form = form_fields(officer.get(page), action);
    REQUIRE(!form.empty());
    REQUIRE(officer.post(action, form).status == 303);
  }
};

}  // namespace

TEST_CASE("Tổng hợp: the appendix of the approved plans equals kehoach batch's province appendix, cell for cell") {
  BatchProvince p;
  REQUIRE(p.batch.run.failed == 0);
  REQUIRE(p.communes.size() == 4);
  for (std::size_t i = 0; i < p.communes.size(); ++i) p.make_and_send(i);
  for (std::size_t i = 0; i + 1 < p.communes.size(); ++i) p.approve(i);
  const std::string page_path = path_of(p.province, "tong-hop") + "?nam=2026&ky=ke-hoach";

  // Three approved: the fourth is listed apart, with its state, and not counted.
  const Page three = p.officer.get(page_path);
  REQUIRE(three.status == 200);
  CHECK(three.has("3/4 đơn vị có kế hoạch năm 2026 đã được duyệt"));
  const std::string last = p.communes.back().full_name();
  const std::size_t apart = three.body.find("id=\"chua-duyet\"");
  REQUIRE(apart != std::string::npos);
  CHECK(three.body.find(">" + last + "</a>", apart) != std::string::npos);
  CHECK(three.body.find("Đã gửi, chờ duyệt", apart) != std::string::npos);
  const std::size_t preview = three.body.find("appendix-preview");
  REQUIRE(preview != std::string::npos);
  CHECK(three.body.substr(preview, apart - preview).find(last) == std::string::npos);
  // Its total: the three approved communes' households, not the fourth's.
  long long households = 0;
  for (std::size_t i = 0; i + 1 < p.communes.size(); ++i)
    households += p.batch.figures.cascade.row_of(p.batch.figures.tree, p.nodes[i])->households;
  CHECK(three.has("<th scope=\"row\">Tổng cộng</th><td class=\"number\">" + format_count(households) + "</td>"));

  // All four approved: the workbook is the batch's, cell for cell (values, formulas, merged cells).
  p.approve(p.communes.size() - 1);
  const Page all = p.officer.get(page_path);
  CHECK(all.has("4/4 đơn vị"));
  CHECK(all.has("Mọi đơn vị đều đã được duyệt"));
  const Page workbook = p.officer.get(path_of(p.province, "tong-hop/tai-ve.xlsx") + "?nam=2026&ky=ke-hoach");
  REQUIRE(workbook.status == 200);
  const std::string ours = workbook_cells(p.server.scratch().write("tong-hop.xlsx", workbook.body));
  const std::string batch = workbook_cells(p.batch_folder.file("lo/phu-luc.xlsx"));
  CHECK(ours.find("Tổng cộng") != std::string::npos);
  CHECK(ours.find("=SUM(") != std::string::npos);
  CHECK(ours == batch);
}

TEST_CASE("Tổng hợp: every commune's files of a period in one zip, a folder each, streamed") {
  BatchProvince p;
  p.make_and_send(0);
  p.make_and_send(1);
  p.approve(0);
  const Page zip = p.officer.get(path_of(p.province, "tong-hop/tai-ve.zip") + "?nam=2026&ky=ke-hoach");
  REQUIRE(zip.status == 200);
  CHECK(zip.header("content-type") == "application/zip");
  CHECK(zip.header("transfer-encoding") == "chunked");
  CHECK(zip.header("content-disposition").find("tinh-ha-tinh-ke-hoach-2026.zip") != std::string::npos);
  const std::string path = p.server.scratch().write("tai-ve.zip", zip.body);
  const std::string listing = python(R"(
import hashlib, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print('bad', z.testzip())
for info in sorted(z.infolist(), key=lambda i: i.filename):
    if info.is_dir(): continue
    print(info.filename, hashlib.sha256(z.read(info)).hexdigest())
print('list', z.read('danh-sach.csv').decode('utf-8-sig').replace('\n', '|'))
)",
                                     {path});
  CAPTURE(listing);
  CHECK(listing.find("bad None") != std::string::npos);
  // Each sent plan's files in the commune's folder, the bytes those of the store; the one not sent has none.
  Poco::Data::Session db = p.server.site().database().session();
  for (std::size_t i = 0; i < 2; ++i) {
    const std::optional<VersionRecord> version = latest_version(db, p.communes[i].id, 2026, WorkKind::Plan);
    REQUIRE(version);
    for (const VersionFile& file : version_files(db, version->id)) {
      CAPTURE(file.name);
      CHECK(listing.find(file.name + " " + file.sha256) != std::string::npos);
    }
  }
  CHECK(listing.find("xa-an-hoa-thinh/ke-hoach.docx ") != std::string::npos);
  CHECK(listing.find("xa-an-hoa-thinh/ke-hoach.yaml ") != std::string::npos);
  CHECK(listing.find("/" + std::string("thon.csv ")) != std::string::npos);
  // The approved one aggregated beside them, as the cascade file `kehoach batch` takes.
  CHECK(listing.find("tong-hop/phan-bo.yaml ") != std::string::npos);
  CHECK(listing.find("tong-hop/phu-luc.xlsx ") != std::string::npos);
  CHECK(listing.find("list TT,Đơn vị,Thuộc,Trạng thái,Phiên bản,Thư mục|1,Xã An Hòa Thịnh,,Đã duyệt,1,xa-an-hoa-thinh|") !=
        std::string::npos);
  CHECK(listing.find(",Chưa bắt đầu,,|") != std::string::npos);
  // Every name inside is plain: no folder above, no absolute path.
  std::istringstream lines(listing);
  for (std::string line; std::getline(lines, line);) {
    CAPTURE(line);
    CHECK(line.find("..") == std::string::npos);
    CHECK(line.front() != '/');
  }
}

namespace {

// The 6-month report of An Hòa Thịnh's example (its plan and movement table), made through the pages of a commune
// and sent up.
void make_and_send_report(TestServer& server, const UnitRecord& commune, const std::string& login) {
  Browser browser = server.browser();
  REQUIRE(TestServer::sign_in(browser, login).status == 303);
  make_example_plan(browser, commune);
  const std::string page = path_of(commune, "bao-cao") + "?nam=2022&ky=6m";
  const std::string upload = path_of(commune, "bao-cao/tai-len") + "?nam=2022&ky=6m";
  REQUIRE(browser.post_file(upload, {{"csrf", browser.get(page).csrf()}}, "tep-bien-dong", "bien-dong-6m.csv",
                            bytes_of(example_path("an-hoa-thinh-2022/bien-dong-6-thang.csv"))).status == 303);
  Fields fields = form_fields(browser.get(page), page);
  std::erase_if(fields, [](const auto& field) { return field.first == "csrf"; });
  fields.emplace_back("hanh-dong", "tao-van-ban");
  REQUIRE(browser.submit(page, page, fields).status == 303);
  const std::string submission = path_of(commune, "nop/bao-cao-6m") + "?nam=2022";
  const std::string send = path_of(commune, "nop/bao-cao-6m/gui") + "?nam=2022";
  const Fields form = form_fields(browser.get(submission), send);
  REQUIRE(!form.empty());
  REQUIRE(browser.post(send, form).status == 303);
}

// A row of the results table as the report page shows it (report_results_html): start, end, reduced, target, share.
std::string result_row(const std::string& name, const ReportRow& row, long long times = 1) {
  std::string html = "<th scope=\"row\">" + escape_html(name) + "</th>";
  for (const ReportFigures& f : row.figures)
    for (const std::string& cell : {format_count(times * f.start), format_count(times * f.end), format_count(times * f.achieved),
                                    format_count(times * f.target), f.share ? format_share(*f.share) : std::string("-")})
      html += "<td class=\"number\">" + cell + "</td>";
  return html;
}

}  // namespace

TEST_CASE("Tổng hợp of a period's reports: the approved reports' totals a row each, added up as kehoach report adds them") {
  TestServer server{{}, [](SiteConfig& config) { config.make_pdf = false; }};
  const SmallTree tree(server);
  server.account("xa.a", Role::CommuneOfficer, tree.commune_a.id);
  server.account("xa.b", Role::CommuneOfficer, tree.commune_b.id);
  server.account("tinh.hatinh", Role::ProvinceOfficer, tree.province.id);
  make_and_send_report(server, tree.commune_a, "xa.a");
  make_and_send_report(server, tree.commune_b, "xa.b");
  Browser officer = server.browser();
  REQUIRE(TestServer::sign_in(officer, "tinh.hatinh").status == 303);
  auto approve = [&](const UnitRecord& commune) {
    const std::string action = path_of(commune, "nop/bao-cao-6m/duyet") + "?nam=2022";
    const Fields form = form_fields(officer.get(path_of(commune, "nop/bao-cao-6m") + "?nam=2022"), action);
    REQUIRE(!form.empty());
    REQUIRE(officer.post(action, form).status == 303);
  };
  // Each commune's own report, as `kehoach report` computes it from the example.
  ReportRequest request;
  request.plan_file = example_path("an-hoa-thinh-2022/ke-hoach.yaml");
  request.period = Period::H1;
  request.movements = {example_path("an-hoa-thinh-2022/bien-dong-6-thang.csv")};
  const Report own = compute_report(request).report;
  const std::string page = path_of(tree.province, "tong-hop") + "?nam=2022&ky=bao-cao-6m";

  approve(tree.commune_a);
  const Page one = officer.get(page);
  REQUIRE(one.status == 200);
  CHECK(one.has("<h1>Tổng hợp báo cáo 6 tháng đầu năm 2022</h1>"));
  CHECK(one.has("1/2 đơn vị có báo cáo 6 tháng đầu năm 2022 đã được duyệt"));
  CHECK(one.has(result_row("Xã An Hòa Thịnh", own.total)));
  CHECK(one.has(result_row("Tổng cộng", own.total)));
  CHECK_FALSE(one.has(result_row("Xã Kỳ Anh", own.total)));
  const std::size_t apart = one.body.find("id=\"chua-duyet\"");
  REQUIRE(apart != std::string::npos);
  CHECK(one.body.find(">Xã Kỳ Anh</a>", apart) != std::string::npos);
  CHECK(one.body.find("Đã gửi, chờ duyệt", apart) != std::string::npos);

  approve(tree.commune_b);
  const Page both = officer.get(page);
  CHECK(both.has(result_row("Xã An Hòa Thịnh", own.total)));
  CHECK(both.has(result_row("Xã Kỳ Anh", own.total)));
  CHECK(both.has(result_row("Tổng cộng", own.total, 2)));  // twice the counts, the same shares

  // The workbook is the report's table; the zip holds the files `kehoach report` computes the same from.
  const Page workbook = officer.get(path_of(tree.province, "tong-hop/tai-ve.xlsx") + "?nam=2022&ky=bao-cao-6m");
  REQUIRE(workbook.status == 200);
  CHECK(workbook.header("content-disposition").find("tong-hop-bao-cao-6m-2022.xlsx") != std::string::npos);
  const std::string cells = workbook_cells(server.scratch().write("bao-cao.xlsx", workbook.body));
  CHECK(cells.find("'Xã Kỳ Anh'") != std::string::npos);
  CHECK(cells.find("'Tổng cộng'") != std::string::npos);
  const Page zip = officer.get(path_of(tree.province, "tong-hop/tai-ve.zip") + "?nam=2022&ky=bao-cao-6m");
  REQUIRE(zip.status == 200);
  const ScratchFolder unzipped;
  const std::string names = python(R"(
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
z.extractall(sys.argv[2])
print('\n'.join(sorted(n for n in z.namelist() if not n.endswith('/'))))
)",
                                   {server.scratch().write("bao-cao.zip", zip.body), unzipped.path().string()});
  CAPTURE(names);
  CHECK(names.find("xa-an-hoa-thinh/ke-hoach-bao-cao-6m.docx") != std::string::npos);
  CHECK(names.find("xa-ky-anh/bien-dong-6m.csv") != std::string::npos);
  ReportRequest again;
  again.plan_file = unzipped.file("tong-hop/ke-hoach.yaml");
  again.period = Period::H1;
  again.movements = {unzipped.file("tong-hop/bien-dong-6m.csv")};
  const Report province = compute_report(again).report;
  REQUIRE(province.rows.size() == 2);
  CHECK(province.rows[0].name == "Xã An Hòa Thịnh");
  CHECK(both.has(result_row("Tổng cộng", province.total)));
  for (std::size_t k = 0; k < own.indicators.size(); ++k) {
    CHECK(province.total.figures[k].start == 2 * own.total.figures[k].start);
    CHECK(province.total.figures[k].movements[0] == 2 * own.total.figures[k].movements[0]);
    CHECK(province.total.figures[k].end == 2 * own.total.figures[k].end);
    CHECK(province.total.figures[k].target == 2 * own.total.figures[k].target);
  }
}
