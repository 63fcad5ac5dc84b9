// Sending a commune's work up and the province's answer, through the pages: the commune sends its village
// table, the province returns it with a reason, the commune reads the reason, fixes the table and sends it
// again, the province approves it; the approved table's forms give way to the notice and the commune's POSTs
// on it are refused with the reason, until the province reopens it. A table in which `kehoach check` finds
// something is sent only with an explanation, which the province reads beside the findings. Another
// province's officer gets 404; the commune's own officer cannot approve (403).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "store/submissions.h"
#include "store/versions.h"
#include "web/work_versions.h"
#include "page_forms.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

// A village table as a commune may keep it: with its rates and a total row, which `check` verifies.
const std::string kRightTable =
    "TT,Thôn,Tổng số hộ,Hộ nghèo,Tỷ lệ %,Hộ cận nghèo,Tỷ lệ %\n"
    "1,Sâm Cồn,166,10,6.02,12,7.23\n"
    "2,Trùa,105,7,6.67,7,6.67\n"
    ",Tổng cộng,271,17,6.27,19,7.01\n";
// The same with two slips, Trùa's poor rate and the total of the near-poor, which check reports as three
// findings (the total's rate follows from its wrong count).
const std::string kTableWithSlips =
    "TT,Thôn,Tổng số hộ,Hộ nghèo,Tỷ lệ %,Hộ cận nghèo,Tỷ lệ %\n"
    "1,Sâm Cồn,166,10,6.02,12,7.23\n"
    "2,Trùa,105,7,6.5,7,6.67\n"
    ",Tổng cộng,271,17,6.27,18,7.01\n";

std::string day_of(std::int64_t seconds) { return vietnam_time(seconds).substr(0, 10); }

struct Flow {
  TestServer server;
  SmallTree tree{server};
  UnitRecord other_province = server.unit(Tier::Province, "Tỉnh", "Quảng Trị");
  Browser commune = server.browser();
  Browser province = server.browser();

  Flow() {
    server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
    server.account("tinh.hatinh", Role::ProvinceOfficer, tree.province.id);
    TestServer::sign_in(commune, "xa.anhoathinh");
    TestServer::sign_in(province, "tinh.hatinh");
  }

  std::string table_page() { return path_of(tree.commune_a, "thon") + "?nam=2026"; }
  std::string upload_action() { return path_of(tree.commune_a, "thon/tai-len") + "?nam=2026"; }
  std::string action(const std::string& what, const std::string& kind = "thon", int year = 2026) {
    return path_of(tree.commune_a, "nop/" + kind + "/" + what) + "?nam=" + std::to_string(year);
  }

  std::string history_page() { return path_of(tree.commune_a, "nop/thon") + "?nam=2026"; }
  // The id of the village table's version of that number (the forms carry ids).
  std::string version_id(int number) {
    Poco::Data::Session db = server.site().database().session();
    for (const VersionRecord& version : versions_of(db, tree.commune_a.id, 2026, WorkKind::VillageTable))
      if (version.number == number) return std::to_string(version.id);
    return "";
  }

  Page upload(const std::string& bytes) {
    return commune.post_file(upload_action(), {{"csrf", commune.get(table_page()).csrf(upload_action())}}, "tep-thon",
                             "thon.csv", bytes);
  }
  // The form posting to `what` on the page, as the browser would send it with `typed` filled in.
  Page press(Browser& browser, const std::string& page, const std::string& what, const Fields& typed = {},
             const std::string& kind = "thon", int year = 2026) {
    const Page shown = browser.get(page);
    const Fields fields = form_fields(shown, action(what, kind, year));
    CAPTURE(what);
    REQUIRE(!fields.empty());
    return browser.post(action(what, kind, year), typed_into(fields, typed));
  }

  SubmissionRecord submission(WorkKind kind = WorkKind::VillageTable, int year = 2026) {
    Poco::Data::Session db = server.site().database().session();
    return find_submission(db, tree.commune_a.id, year, kind);
  }
  std::size_t versions(WorkKind kind = WorkKind::VillageTable, int year = 2026) {
    Poco::Data::Session db = server.site().database().session();
    return versions_of(db, tree.commune_a.id, year, kind).size();
  }
  std::size_t events() {
    Poco::Data::Session db = server.site().database().session();
    const SubmissionRecord record = find_submission(db, tree.commune_a.id, 2026, WorkKind::VillageTable);
    return record.id == 0 ? 0 : submission_events(db, record.id).size();
  }
  std::string home_state(Browser& browser, const std::string& label) {
    const Page home = browser.get(path_of(tree.commune_a) + "?nam=2026");
    const std::size_t row = home.body.find(">" + label + "</a>");
    if (row == std::string::npos) return "(no row)";
    const std::size_t tag = home.body.find("class=\"tag", row);
    const std::size_t start = home.body.find('>', tag) + 1;
    return home.body.substr(start, home.body.find('<', start) - start);
  }
};

}  // namespace

TEST_CASE("a village table sent, returned with a reason, fixed and sent again, approved: locked until reopened") {
  Flow f;
  REQUIRE(f.upload(kRightTable).status == 303);
  Page page = f.commune.get(f.table_page());
  CHECK(page.has("<h2 id=\"gui-va-duyet\">Gửi và duyệt</h2>"));
  CHECK(page.has("Chưa gửi lên tỉnh Hà Tĩnh."));
  CHECK(page.has("Không thấy chỗ sai nào."));  // check found nothing: no explanation asked
  CHECK_FALSE(page.has("id=\"giai-trinh\""));
  CHECK(f.home_state(f.commune, "Bảng số liệu thôn") == "Đã hoàn thành");

  // The commune sends it.
  Page sent = f.press(f.commune, f.table_page(), "gui");
  CHECK(sent.status == 303);
  CHECK(sent.header("location") == f.table_page());
  page = f.commune.get(f.table_page());
  CHECK(page.has("Đã gửi Bảng số liệu thôn năm 2026 (phiên bản 1) lên tỉnh Hà Tĩnh."));
  CHECK(page.has("<strong class=\"tag tag--submitted\">Đã gửi</strong>"));
  CHECK(page.has("đang chờ tỉnh Hà Tĩnh xem và duyệt"));
  CHECK(f.submission().state == SubmissionState::Submitted);
  CHECK(f.home_state(f.commune, "Bảng số liệu thôn") == "Đã gửi");
  // Sent again before any answer: refused (409), nothing written.
  Page twice = f.commune.post(f.action("gui"), {{"csrf", page.csrf()}, {"phien-ban", f.version_id(1)}});
  CHECK(twice.status == 409);
  CHECK(twice.has("đang chờ tỉnh Hà Tĩnh xem"));
  CHECK(f.events() == 1);

  // The province reads it on the commune's page and returns it; a return without a reason is asked again.
  page = f.province.get(f.table_page());
  CHECK(page.has("Lý do trả lại"));
  CHECK(page.has(">Duyệt</button>"));
  Page no_reason = f.press(f.province, f.table_page(), "tra-lai", {{"ly-do", "  "}});
  CHECK(no_reason.status == 422);
  CHECK(no_reason.has("<title>Lỗi: "));
  CHECK(no_reason.has("href=\"#ly-do\">Hãy ghi lý do trả lại để đơn vị biết cần sửa gì.</a>"));
  CHECK(f.submission().state == SubmissionState::Submitted);
  const std::string reason = "Số hộ thôn Trùa chưa khớp với kết quả rà soát; hãy kiểm tra lại.";
  Page returned = f.press(f.province, f.table_page(), "tra-lai", {{"ly-do", reason}});
  CHECK(returned.status == 303);
  CHECK(f.province.get(f.table_page()).has("Đã trả lại Bảng số liệu thôn năm 2026 của xã An Hòa Thịnh"));

  // The commune sees the reason, fixes the table and sends it again.
  page = f.commune.get(f.table_page());
  CHECK(page.has("<strong class=\"tag tag--returned\">Bị trả lại</strong>"));
  CHECK(page.has("Lý do: <strong>" + escape_html(reason) + "</strong>"));
  CHECK(f.home_state(f.commune, "Bảng số liệu thôn") == "Bị trả lại");
  REQUIRE(f.upload(kRightTable + "\n").status == 303);  // a new version, allowed while returned
  CHECK(f.versions() == 2);
  CHECK(f.province.get(f.table_page()).has("Sau phiên bản đã gửi (1), xã An Hòa Thịnh đã lưu phiên bản 2, chưa gửi."));
  CHECK(f.press(f.commune, f.table_page(), "gui").status == 303);
  CHECK(f.submission().state == SubmissionState::Submitted);
  Poco::Data::Session db = f.server.site().database().session();
  CHECK(find_version(db, *f.submission().version_id)->number == 2);

  // The province approves.
  f.server.advance(3600);
  CHECK(f.press(f.province, f.table_page(), "duyet").status == 303);
  CHECK(f.submission().state == SubmissionState::Approved);
  CHECK(f.home_state(f.commune, "Bảng số liệu thôn") == "Đã duyệt");

  // The commune's page: the notice instead of the forms; its POSTs refused with the reason, nothing saved.
  const std::string lock = "Bảng số liệu thôn năm 2026 đã được duyệt ngày " + day_of(f.server.now()) +
                           "; liên hệ Người dùng tinh.hatinh, tỉnh Hà Tĩnh để mở lại.";
  page = f.commune.get(f.table_page());
  CHECK(page.has(escape_html(lock)));
  CHECK_FALSE(page.has("name=\"tep-thon\""));
  CHECK_FALSE(page.has("value=\"luu\""));
  CHECK_FALSE(page.has(f.action("gui")));
  Page refused_upload = f.commune.post_file(f.upload_action(), {{"csrf", page.csrf()}}, "tep-thon", "thon.csv", kRightTable);
  CHECK(refused_upload.status == 403);
  CHECK(refused_upload.has(escape_html(lock)));
  CHECK(refused_upload.has("Không có gì được lưu"));
  Page refused_typed = f.commune.post(f.table_page(), {{"csrf", page.csrf()}, {"so-dong", "1"}, {"thon-1-ten", "Sâm Cồn"},
                                                       {"thon-1-so-ho", "166"}, {"thon-1-ngheo", "10"},
                                                       {"thon-1-can-ngheo", "12"}, {"hanh-dong", "luu"}});
  CHECK(refused_typed.status == 403);
  CHECK(refused_typed.has(escape_html(lock)));
  Page refused_send = f.commune.post(f.action("gui"), {{"csrf", page.csrf()}, {"phien-ban", f.version_id(2)}});
  CHECK(refused_send.status == 403);
  CHECK(refused_send.has(escape_html(lock)));
  CHECK(f.versions() == 2);
  CHECK(f.events() == 4);

  // The province reopens it, with a reason; the commune can save again.
  page = f.province.get(f.table_page());
  CHECK(page.has("Lý do mở lại"));
  CHECK(f.press(f.province, f.table_page(), "mo-lai", {{"ly-do", ""}}).status == 422);
  CHECK(f.press(f.province, f.table_page(), "mo-lai", {{"ly-do", "Tỉnh điều chỉnh số hộ sau phúc tra."}}).status == 303);
  CHECK(f.submission().state == SubmissionState::Entering);
  page = f.commune.get(f.table_page());
  CHECK(page.has("Đã được mở lại ngày"));
  CHECK(page.has("Tỉnh điều chỉnh số hộ sau phúc tra."));
  CHECK(page.has("name=\"tep-thon\""));
  CHECK(f.upload(kRightTable).status == 303);
  CHECK(f.versions() == 3);
  CHECK(f.home_state(f.commune, "Bảng số liệu thôn") == "Đang nhập");

  // The history lists every change, in order.
  const Page history = f.commune.get(f.history_page());
  REQUIRE(history.status == 200);
  CHECK(history.has("aria-current=\"page\">Bảng số liệu thôn</a>"));  // the navigation marks the work it is part of
  const std::size_t first = history.body.find("<th scope=\"row\">Gửi</th>");
  const std::size_t back = history.body.find("<th scope=\"row\">Trả lại</th>");
  const std::size_t approved = history.body.find("<th scope=\"row\">Duyệt</th>");
  const std::size_t reopened = history.body.find("<th scope=\"row\">Mở lại</th>");
  CHECK(first < back);
  CHECK(back < approved);
  CHECK(approved < reopened);
  CHECK(reopened != std::string::npos);
  CHECK(history.has(escape_html(reason)));
}

TEST_CASE("a table in which check finds slips is sent only with an explanation, which the province reads beside them") {
  Flow f;
  REQUIRE(f.upload(kTableWithSlips).status == 303);
  Page page = f.commune.get(f.table_page());
  CHECK(page.has("<strong>3 chỗ sai</strong>"));
  CHECK(page.has("<th scope=\"row\">Trùa</th>"));
  CHECK(page.has("<td>6.5</td><td>6,67</td>"));
  CHECK(page.has("id=\"giai-trinh\""));

  Page unexplained = f.press(f.commune, f.table_page(), "gui");
  CHECK(unexplained.status == 422);
  CHECK(unexplained.has("href=\"#giai-trinh\">Bảng có 3 chỗ kehoach check tìm thấy"));
  CHECK(f.server.count("submissions") == 0);

  const std::string explanation = "Tỷ lệ thôn Trùa ghi theo biên bản rà soát; tổng hộ cận nghèo sẽ sửa ở bảng sau.";
  CHECK(f.press(f.commune, f.table_page(), "gui", {{"giai-trinh", explanation}}).status == 303);
  CHECK(f.submission().explanation == explanation);

  page = f.province.get(f.table_page());
  CHECK(page.has("<strong>3 chỗ sai</strong>"));
  CHECK(page.has("Giải trình của xã An Hòa Thịnh: <strong>" + escape_html(explanation) + "</strong>"));
  CHECK(page.has("Giải trình đã gửi kèm") == false);

  // Returned: the commune sees what it sent, and the box holds it again to keep or rewrite.
  REQUIRE(f.press(f.province, f.table_page(), "tra-lai", {{"ly-do", "Hãy sửa tổng hộ cận nghèo."}}).status == 303);
  page = f.commune.get(f.table_page());
  CHECK(page.has("Giải trình đã gửi kèm: <strong>" + escape_html(explanation) + "</strong>"));
  CHECK(html_text(page.body).find(">" + explanation + "</textarea>") != std::string::npos);
}

TEST_CASE("approving is for the province above: 404 outside its tree, 403 for the commune itself and the administrator") {
  Flow f;
  f.server.account("tinh.quangtri", Role::ProvinceOfficer, f.other_province.id);
  f.server.account("xa.kyanh", Role::CommuneOfficer, f.tree.commune_b.id);
  f.server.account("quan.tri", Role::Administrator, std::nullopt);
  REQUIRE(f.upload(kRightTable).status == 303);
  REQUIRE(f.press(f.commune, f.table_page(), "gui").status == 303);

  for (const char* login : {"tinh.quangtri", "xa.kyanh"}) {
    CAPTURE(login);
    Browser outsider = f.server.browser();
    TestServer::sign_in(outsider, login);
    const Page home = outsider.get("/doi-mat-khau");
    CHECK(outsider.get(f.history_page()).status == 404);
    for (const char* what : {"gui", "tra-lai", "duyet", "mo-lai"})
      CHECK(outsider.post(f.action(what), {{"csrf", home.csrf()}, {"phien-ban", "1"}, {"ly-do", "x"}}).status == 404);
  }

  // The commune's own officer cannot approve or return its own work.
  const Page page = f.commune.get(f.table_page());
  CHECK_FALSE(page.has(f.action("duyet")));
  Page own = f.commune.post(f.action("duyet"), {{"csrf", page.csrf()}, {"phien-ban", "1"}});
  CHECK(own.status == 403);
  CHECK(own.has("do cán bộ tỉnh Hà Tĩnh duyệt; đơn vị không tự duyệt việc của mình."));
  CHECK(f.commune.post(f.action("tra-lai"), {{"csrf", page.csrf()}, {"phien-ban", "1"}, {"ly-do", "x"}}).status == 403);
  // Nor does an administrator, who manages units and accounts.
  Browser admin = f.server.browser();
  TestServer::sign_in(admin, "quan.tri");
  Page by_admin = admin.post(f.action("duyet"), {{"csrf", admin.get("/doi-mat-khau").csrf()}, {"phien-ban", "1"}});
  CHECK(by_admin.status == 403);
  CHECK(by_admin.has("Tài khoản quản trị chỉ quản lý đơn vị và tài khoản"));
  // The province's officer cannot send the commune's work in its name.
  CHECK(f.province.post(f.action("gui"), {{"csrf", f.province.get("/doi-mat-khau").csrf()}, {"phien-ban", "1"}}).status == 403);
  CHECK(f.submission().state == SubmissionState::Submitted);
  CHECK(f.events() == 1);
}

TEST_CASE("the province approves what it read: a version sent since it opened the page is read first (409)") {
  Flow f;
  REQUIRE(f.upload(kRightTable).status == 303);
  REQUIRE(f.press(f.commune, f.table_page(), "gui").status == 303);
  REQUIRE(f.press(f.province, f.table_page(), "tra-lai", {{"ly-do", "Sửa lại."}}).status == 303);
  REQUIRE(f.upload(kRightTable + "\n").status == 303);
  const Fields read_before = form_fields(f.province.get(f.table_page()), f.action("duyet"));  // none: it was returned
  CHECK(read_before.empty());
  REQUIRE(f.press(f.commune, f.table_page(), "gui").status == 303);
  // Approving with the version first sent (1), while version 2 is what waits.
  Page stale =
      f.province.post(f.action("duyet"), {{"csrf", f.province.get("/doi-mat-khau").csrf()}, {"phien-ban", f.version_id(1)}});
  CHECK(stale.status == 409);
  CHECK(stale.has("đã gửi phiên bản khác từ khi bạn mở trang"));
  CHECK(f.submission().state == SubmissionState::Submitted);
  // With the version the page shows now, it goes through.
  CHECK(f.press(f.province, f.table_page(), "duyet").status == 303);
  CHECK(f.submission().state == SubmissionState::Approved);
}

TEST_CASE("a plan is sent once its documents are made, and once approved its form gives way to the notice and its POST is refused") {
  Flow f;
  make_example_plan(f.commune, f.tree.commune_a);
  const std::string plan_page = path_of(f.tree.commune_a, "ke-hoach") + "?nam=2022";
  // A draft saved after the documents: the draft is what would go, so the commune is told to make it first.
  Page page = f.commune.get(plan_page);
  REQUIRE(f.commune.submit(plan_page, plan_page, example_fields("luu")).status == 303);
  page = f.commune.get(plan_page);
  CHECK(page.has("Phiên bản mới nhất (2) là bản nháp: bấm Tạo văn bản để có văn bản rồi mới gửi."));
  CHECK_FALSE(page.has(f.action("gui", "ke-hoach", 2022)));
  REQUIRE(f.commune.submit(plan_page, plan_page, example_fields("tao-van-ban")).status == 303);

  CHECK(f.press(f.commune, plan_page, "gui", {}, "ke-hoach", 2022).status == 303);
  page = f.province.get(plan_page);
  CHECK(page.has("ke-hoach.docx"));  // the province reads the documents sent
  CHECK(f.press(f.province, plan_page, "duyet", {}, "ke-hoach", 2022).status == 303);
  CHECK(f.submission(WorkKind::Plan, 2022).state == SubmissionState::Approved);

  page = f.commune.get(plan_page);
  const std::string lock = "Kế hoạch năm 2022 đã được duyệt ngày " + day_of(f.server.now()) +
                           "; liên hệ Người dùng tinh.hatinh, tỉnh Hà Tĩnh để mở lại.";
  CHECK(page.has(escape_html(lock)));
  CHECK_FALSE(page.has("value=\"tao-van-ban\""));
  CHECK(page.has("Các phiên bản"));  // still read and downloaded
  const std::size_t before = f.versions(WorkKind::Plan, 2022);
  Page refused = f.commune.post(plan_page, typed_into(example_fields("tao-van-ban"), {{"csrf", page.csrf()}}));
  CHECK(refused.status == 403);
  CHECK(refused.has(escape_html(lock)));
  CHECK(f.versions(WorkKind::Plan, 2022) == before);
  // The village table of 2022 is another kind: not locked by the plan's approval.
  CHECK(f.commune.get(path_of(f.tree.commune_a, "thon") + "?nam=2022").has("name=\"tep-thon\""));
}

TEST_CASE("a period's report is sent once made and approved like the rest, another period staying open") {
  Flow f;
  make_example_plan(f.commune, f.tree.commune_a);
  const std::string report = path_of(f.tree.commune_a, "bao-cao") + "?nam=2022&ky=6m";
  const std::string upload = path_of(f.tree.commune_a, "bao-cao/tai-len") + "?nam=2022&ky=6m";
  const std::string movements = bytes_of(example_path("an-hoa-thinh-2022/bien-dong-6-thang.csv"));
  REQUIRE(f.commune.post_file(upload, {{"csrf", f.commune.get(report).csrf()}}, "tep-bien-dong", "bien-dong.csv", movements)
              .status == 303);
  CHECK(f.commune.get(report).has("Phiên bản mới nhất (1) là bản nháp: bấm Tạo văn bản để có văn bản rồi mới gửi."));
  // "Tạo văn bản" with the form as the page gives it.
  Fields fields = form_fields(f.commune.get(report), report);
  fields.erase(std::remove_if(fields.begin(), fields.end(), [](const auto& field) { return field.first == "csrf"; }),
               fields.end());
  fields.emplace_back("hanh-dong", "tao-van-ban");
  REQUIRE(f.commune.submit(report, report, fields).status == 303);

  CHECK(f.press(f.commune, report, "gui", {}, "bao-cao-6m", 2022).status == 303);
  CHECK(f.commune.get(report).has("Đã gửi Báo cáo 6 tháng đầu năm 2022 (phiên bản 2) lên tỉnh Hà Tĩnh."));
  CHECK(f.press(f.province, report, "duyet", {}, "bao-cao-6m", 2022).status == 303);
  CHECK(f.submission(WorkKind::Report6m, 2022).state == SubmissionState::Approved);

  const Page page = f.commune.get(report);
  const std::string lock = "Báo cáo 6 tháng đầu năm 2022 đã được duyệt ngày " + day_of(f.server.now()) +
                           "; liên hệ Người dùng tinh.hatinh, tỉnh Hà Tĩnh để mở lại.";
  CHECK(page.has(escape_html(lock)));
  CHECK_FALSE(page.has("name=\"tep-bien-dong\""));
  CHECK_FALSE(page.has("value=\"tao-van-ban\""));
  const std::size_t before = f.versions(WorkKind::Report6m, 2022);
  const Page refused_upload =
      f.commune.post_file(upload, {{"csrf", page.csrf()}}, "tep-bien-dong", "bien-dong.csv", movements);
  CHECK(refused_upload.status == 403);
  CHECK(refused_upload.has(escape_html(lock)));
  Fields again = fields;
  again.emplace_back("csrf", page.csrf());
  CHECK(f.commune.post(report, again).status == 403);
  CHECK(f.versions(WorkKind::Report6m, 2022) == before);
  // The list of periods says so; the first quarter's report is another submission, still open.
  const Page list = f.commune.get(path_of(f.tree.commune_a, "bao-cao") + "?nam=2022");
  const std::size_t row = list.body.find("Báo cáo 6 tháng đầu năm 2022</a>");
  REQUIRE(row != std::string::npos);
  CHECK(list.body.find("tag--approved", row) < list.body.find("</tr>", row));
  CHECK(f.commune.get(path_of(f.tree.commune_a, "bao-cao") + "?nam=2022&ky=q1").has("name=\"tep-bien-dong\""));
}
