// Nhật ký thay đổi (store/audit.h, web/pages/audit_page.cpp): every change of data, state and account writes
// its row in the transaction of the change (who, when, from where, what), a refused change writes none, a row
// holds no figure of a table and nothing of a person beyond the login, the province reads the rows of its own
// tree and the administrator every row, filtered and in pages; and no statement of the sources changes or
// removes a row. On the test server's database: SQLite, or PostgreSQL under web.postgresql.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "store/audit.h"
#include "store/migrations.h"
#include "store/versions.h"
#include "web/account_admin.h"
#include "web/work_versions.h"
#include "page_forms.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

// A province with two communes (SmallTree), another province with a commune, their officers and an
// administrator, each signed in.
struct Audited {
  TestServer server;
  SmallTree tree{server};
  UnitRecord other_province = server.unit(Tier::Province, "Tỉnh", "Nghệ An");
  UnitRecord other_commune = server.unit(Tier::Commune, "Xã", "Diễn Châu", other_province.id);
  AccountRecord officer_a = server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  AccountRecord officer_b = server.account("xa.kyanh", Role::CommuneOfficer, tree.commune_b.id);
  AccountRecord province_officer = server.account("tinh.hatinh", Role::ProvinceOfficer, tree.province.id);
  AccountRecord far_officer = server.account("xa.dienchau", Role::CommuneOfficer, other_commune.id);
  AccountRecord admin = server.account("quantri", Role::Administrator, std::nullopt);
  Browser a = server.browser(), b = server.browser(), province = server.browser(), far = server.browser(),
          administrator = server.browser();

  Audited() {
    for (auto& [browser, login] : std::vector<std::pair<Browser*, std::string>>{
             {&a, "xa.anhoathinh"}, {&b, "xa.kyanh"}, {&province, "tinh.hatinh"}, {&far, "xa.dienchau"},
             {&administrator, "quantri"}})
      REQUIRE(TestServer::sign_in(*browser, login).status == 303);
  }

  std::vector<AuditRow> rows(const AuditFilter& filter = {}) {
    Poco::Data::Session db = server.site().database().session();
    return read_audit(db, filter, 0, 1000).rows;
  }
  std::vector<AuditRow> rows_of(const std::string& action) { return rows({std::nullopt, "", action, 0, 0}); }

  // The typed village table of commune A saved with these figures (two villages).
  Page save_table(Browser& browser, const std::string& households, const std::string& poor, const std::string& near_poor) {
    const std::string page = path_of(tree.commune_a, "thon") + "?nam=2026";
    return browser.submit(page, page,
                          {{"hanh-dong", "luu"}, {"so-dong", "2"}, {"thon-1-ten", "Sâm Cồn"}, {"thon-1-so-ho", households},
                           {"thon-1-ngheo", poor}, {"thon-1-can-ngheo", near_poor}, {"thon-2-ten", "Trùa"},
                           {"thon-2-so-ho", "300"}, {"thon-2-ngheo", "20"}, {"thon-2-can-ngheo", "10"}});
  }
};

// Every value of a row as text, to look for what it must not hold.
std::string everything_of(const AuditRow& row) {
  const AuditEntry& e = row.entry;
  std::ostringstream text;
  text << e.account_id << '|' << e.client_address << '|' << e.unit_id << '|' << e.action << '|' << e.kind << '|'
       << e.plan_year << '|' << e.version_id << '|' << e.detail << '|' << e.at << '|' << row.login << '|' << row.unit_name
       << '|' << row.version_number;
  return text.str();
}

}  // namespace

TEST_CASE("audit: migration 3 makes the append-only audit_log") {
  TestServer server;
  const std::vector<int> applied = applied_migrations(server.site().database());
  CHECK(std::find(applied.begin(), applied.end(), 3) != applied.end());
  CHECK(server.count("audit_log") == 0);
}

TEST_CASE("audit: a typed village table saved writes one row in its transaction: who, when, where, what, and no figure") {
  Audited s;
  s.server.advance(3600);
  const long long before = s.server.count("audit_log");
  REQUIRE(s.save_table(s.a, "8641", "537", "211").status == 303);
  CHECK(s.server.count("audit_log") == before + 1);
  const std::vector<AuditRow> saves = s.rows_of("version.save");
  REQUIRE(saves.size() == 1);
  const AuditRow& row = saves.front();
  Poco::Data::Session db = s.server.site().database().session();
  const VersionRecord version = *latest_version(db, s.tree.commune_a.id, 2026, WorkKind::VillageTable);
  CHECK(row.entry.account_id == s.officer_a.id);
  CHECK(row.login == "xa.anhoathinh");
  CHECK(row.entry.client_address == "127.0.0.1");
  CHECK(row.entry.at == s.server.now());
  CHECK(row.entry.unit_id == s.tree.commune_a.id);
  CHECK(row.unit_name == "Xã An Hòa Thịnh");
  CHECK(row.entry.kind == "village_table");
  CHECK(row.entry.plan_year == 2026);
  CHECK(row.entry.version_id == version.id);
  CHECK(row.version_number == 1);
  CHECK(row.entry.detail == "Nhập trực tiếp.");
  // Nothing of the table: no figure, no village's name, no holder's name.
  for (const AuditRow& any : s.rows()) {
    const std::string text = everything_of(any);
    CAPTURE(text);
    for (const char* kept_out : {"8641", "537", "211", "300", "Sâm Cồn", "Trùa", "Người dùng"})
      CHECK(text.find(kept_out) == std::string::npos);
  }
  // A table refused (a figure that is no number) writes nothing, a page only read neither.
  CHECK(s.save_table(s.a, "8641", "năm trăm", "211").status == 422);
  s.province.get(path_of(s.tree.commune_a, "thon") + "?nam=2026");
  CHECK(s.server.count("audit_log") == before + 1);
}

TEST_CASE("audit: an upload, a plan's draft and documents, each a row saying how, the province reads them on Nhật ký") {
  Audited s;
  make_example_plan(s.a, s.tree.commune_a);
  const std::vector<AuditRow> saves = s.rows_of("version.save");
  REQUIRE(saves.size() == 2);  // newest first
  CHECK(saves[0].entry.kind == "plan");
  CHECK(saves[0].entry.plan_year == 2022);
  CHECK(saves[0].entry.detail == "Tạo văn bản.");
  CHECK(saves[1].entry.kind == "village_table");
  CHECK(saves[1].entry.detail == "Tải lên tệp.");
  CHECK(everything_of(saves[1]).find("thon.csv") == std::string::npos);  // not the name the file came with

  const Page log = s.province.get(path_of(s.tree.province, "nhat-ky"));
  REQUIRE(log.status == 200);
  CHECK(log.has("<h1"));
  CHECK(log.has("Nhật ký thay đổi"));
  for (const char* heading : {"Thời gian", "Người thực hiện", "Địa chỉ máy", "Đơn vị", "Việc", "Nội dung"})
    CHECK(log.has(std::string("<th scope=\"col\">") + heading + "</th>"));
  CHECK(log.has("class=\"table-scroll\""));
  Poco::Data::Session db = s.server.site().database().session();
  const VersionRecord plan = *latest_version(db, s.tree.commune_a.id, 2022, WorkKind::Plan);
  CHECK(log.has("<th scope=\"row\">xa.anhoathinh</th><td>127.0.0.1</td><td>Xã An Hòa Thịnh</td><td>Lưu phiên bản</td>"
                "<td>Kế hoạch năm 2022, <a href=\"" + path_of(s.tree.commune_a, "phien-ban/" + std::to_string(plan.id)) +
                "\">phiên bản 1</a>: Tạo văn bản.</td>"));
  CHECK(log.has("Bảng số liệu thôn năm 2022"));
}

TEST_CASE("audit: sending, returning with a reason and approving write their state changes beside the history") {
  Audited s;
  const std::string page = path_of(s.tree.commune_a, "thon") + "?nam=2026";
  REQUIRE(s.save_table(s.a, "100", "5", "7").status == 303);
  Poco::Data::Session db = s.server.site().database().session();
  const VersionRecord version = *latest_version(db, s.tree.commune_a.id, 2026, WorkKind::VillageTable);
  const std::string send = path_of(s.tree.commune_a, "nop/thon/gui") + "?nam=2026";
  REQUIRE(s.a.submit(page, send, {{"phien-ban", std::to_string(version.id)}}).status == 303);
  const std::string give_back = path_of(s.tree.commune_a, "nop/thon/tra-lai") + "?nam=2026";
  REQUIRE(s.province.submit(page, give_back, {{"phien-ban", std::to_string(version.id)}, {"ly-do", "Thiếu thôn Trùa mới."}})
              .status == 303);
  const std::vector<AuditRow> changes = s.rows({std::nullopt, "", "submission.", 0, 0});
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].entry.action == "submission.return");
  CHECK(changes[0].login == "tinh.hatinh");
  CHECK(changes[0].entry.detail == "Đã gửi → Bị trả lại. Lý do: Thiếu thôn Trùa mới.");
  CHECK(changes[0].entry.version_id == version.id);
  CHECK(changes[1].entry.action == "submission.submit");
  CHECK(changes[1].login == "xa.anhoathinh");
  CHECK(changes[1].entry.detail == "Đang nhập → Đã gửi.");
  CHECK(changes[1].entry.kind == "village_table");
  // A refused action (the commune approving its own table) writes nothing.
  const long long before = s.server.count("audit_log");
  CHECK(s.a.submit(page, path_of(s.tree.commune_a, "nop/thon/duyet") + "?nam=2026",
                   {{"phien-ban", std::to_string(version.id)}}).status == 403);
  CHECK(s.server.count("audit_log") == before);
  const Page log = s.province.get(path_of(s.tree.province, "nhat-ky") + "?viec=submission.");
  CHECK(log.has("<td>Trả lại</td>"));
  CHECK(log.has("Đã gửi → Bị trả lại. Lý do: Thiếu thôn Trùa mới."));
  CHECK(log.has("<td>Gửi lên cấp trên</td>"));
  CHECK_FALSE(log.has("<td>Lưu phiên bản</td>"));
}

TEST_CASE("audit: accounts made, reset, locked, unlocked, passwords changed and sign-ins, by login only") {
  Audited s;
  const long long before = s.server.count("audit_log");
  REQUIRE(s.administrator.submit("/quan-tri/tai-khoan", "/quan-tri/tai-khoan",
                                 {{"ten-dang-nhap", "xa.moi"}, {"ho-ten", "Trần Thị Bưởi"}, {"vai-tro", "commune"},
                                  {"don-vi", std::to_string(s.tree.commune_b.id)}})
              .status == 200);
  const std::string account = "/quan-tri/tai-khoan/" + std::to_string(s.officer_b.id);
  REQUIRE(s.administrator.submit("/quan-tri/tai-khoan", account + "/khoa", {}).status == 303);
  REQUIRE(s.administrator.submit("/quan-tri/tai-khoan", account + "/mo-khoa", {}).status == 303);
  REQUIRE(s.administrator.submit("/quan-tri/tai-khoan", account + "/dat-lai-mat-khau", {}).status == 200);
  REQUIRE(s.a.submit("/doi-mat-khau", "/doi-mat-khau",
                     {{"mat-khau-hien-tai", "mat khau cua toi"}, {"mat-khau-moi", "mat khau moi rat dai 2026"},
                      {"nhap-lai-mat-khau", "mat khau moi rat dai 2026"}})
              .status == 303);
  CHECK(s.server.count("audit_log") == before + 5);
  const std::vector<AuditRow> rows = s.rows({std::nullopt, "", "account.", 0, 0});
  std::vector<std::string> actions;
  for (const AuditRow& row : rows) actions.push_back(row.entry.action + " " + row.login + " " + row.entry.detail);
  CHECK(actions[0] == "account.change_password xa.anhoathinh Đổi mật khẩu.");
  CHECK(actions[1] == "account.reset_password quantri Đặt lại mật khẩu (mật khẩu dùng một lần) của tài khoản xa.kyanh.");
  CHECK(actions[2] == "account.unlock quantri Mở khóa tài khoản xa.kyanh.");
  CHECK(actions[3] == "account.lock quantri Khóa tài khoản xa.kyanh.");
  CHECK(actions[4] == "account.create quantri Tạo tài khoản xa.moi (Cán bộ xã).");
  CHECK(rows[4].entry.unit_id == s.tree.commune_b.id);  // under the commune: its province reads it
  // The five sign-ins of the fixture, each with its account and address.
  const std::vector<AuditRow> sign_ins = s.rows_of("account.sign_in");
  CHECK(sign_ins.size() == 5);
  for (const AuditRow& row : s.rows()) {
    CHECK(row.entry.client_address == "127.0.0.1");
    CHECK(everything_of(row).find("Trần Thị Bưởi") == std::string::npos);  // the holder's name is not kept
    CHECK(everything_of(row).find("mat khau") == std::string::npos);
  }
  // A failed sign-in names no account for certain: not in the log.
  Browser guesser = s.server.browser();
  const long long now = s.server.count("audit_log");
  CHECK(TestServer::sign_in(guesser, "xa.kyanh", "sai mat khau").status == 422);
  CHECK(s.server.count("audit_log") == now);
}

TEST_CASE("audit: units made by form and by table, by the administrator, the command line's own without an account") {
  Audited s;
  REQUIRE(s.administrator.submit("/quan-tri/don-vi", "/quan-tri/don-vi",
                                 {{"cap", "Thôn"}, {"ten", "Sâm Cồn"}, {"thuoc", std::to_string(s.tree.commune_b.id)}})
              .status == 303);
  const std::string token = s.administrator.get("/quan-tri/don-vi").csrf();
  REQUIRE(s.administrator.post_file("/quan-tri/don-vi/tai-len", {{"csrf", token}, {"dat-duoi", std::to_string(s.tree.commune_b.id)}},
                                    "tep-don-vi", "thon.csv", bytes_of(example_path("an-hoa-thinh-2022/thon.csv")))
              .status == 303);
  const std::vector<AuditRow> rows = s.rows({std::nullopt, "", "unit.", 0, 0});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].entry.action == "unit.import");
  CHECK(rows[0].entry.unit_id == s.tree.commune_b.id);
  CHECK(rows[0].entry.detail == "Thêm 18 đơn vị thuộc Xã Kỳ Anh từ tệp (1 đơn vị đã có, giữ nguyên).");
  CHECK(rows[1].entry.action == "unit.create");
  CHECK(rows[1].unit_name == "Thôn Sâm Cồn");
  CHECK(rows[1].entry.detail == "Thêm Thôn Sâm Cồn thuộc Xã Kỳ Anh.");
  CHECK(rows[1].login == "quantri");
  // `kehoach serve --init-admin`: no account acted, no address; the page says the command line did it.
  const NewPassword made = init_administrator(s.server.site(), "quantri2");
  const std::vector<AuditRow> created = s.rows({std::nullopt, "", "account.create", 0, 0});
  REQUIRE_FALSE(created.empty());
  CHECK(created[0].entry.account_id == 0);
  CHECK(created[0].entry.client_address.empty());
  const Page log = s.administrator.get("/quan-tri/nhat-ky?viec=account.");
  CHECK(log.has("<th scope=\"row\">Dòng lệnh trên máy chủ</th><td>—</td><td>—</td><td>Tạo tài khoản</td>"));
  CHECK(log.has("Tạo tài khoản " + made.account.login + " (Quản trị) bằng dòng lệnh."));
}

TEST_CASE("Nhật ký: the province reads its tree only, the administrator every row, a commune officer nothing") {
  Audited s;
  REQUIRE(s.save_table(s.a, "100", "5", "7").status == 303);
  const Page province = s.province.get(path_of(s.tree.province, "nhat-ky"));
  REQUIRE(province.status == 200);
  CHECK(province.has("<th scope=\"row\">xa.anhoathinh</th>"));
  CHECK(province.has("<th scope=\"row\">xa.kyanh</th>"));       // its other commune's sign-in
  CHECK(province.has("<th scope=\"row\">tinh.hatinh</th>"));    // its own
  CHECK_FALSE(province.has("xa.dienchau"));                     // another province's commune
  CHECK_FALSE(province.has("<th scope=\"row\">quantri</th>"));   // an administrator belongs to no unit
  const Page all = s.administrator.get("/quan-tri/nhat-ky");
  REQUIRE(all.status == 200);
  CHECK(all.has("<th scope=\"row\">xa.dienchau</th>"));
  CHECK(all.has("<th scope=\"row\">quantri</th>"));
  CHECK(s.administrator.get(path_of(s.tree.province, "nhat-ky")).status == 200);
  // The links: from the province's home and the administrator's overview.
  CHECK(s.province.get(path_of(s.tree.province)).has("href=\"" + path_of(s.tree.province, "nhat-ky") + "\""));
  CHECK(s.administrator.get("/quan-tri").has("href=\"/quan-tri/nhat-ky\""));
  // A commune officer: neither the province's log nor one of its own commune; nor the administrator's.
  CHECK(s.a.get(path_of(s.tree.province, "nhat-ky")).status == 404);
  CHECK(s.a.get(path_of(s.tree.commune_a, "nhat-ky")).status == 404);
  CHECK(s.a.get("/quan-tri/nhat-ky").status == 404);
  CHECK(s.province.get(path_of(s.tree.commune_a, "nhat-ky")).status == 404);
  CHECK(s.province.get(path_of(s.other_province, "nhat-ky")).status == 404);
  CHECK(s.province.get("/quan-tri/nhat-ky").status == 404);
}

TEST_CASE("Nhật ký: filtered by account, by kind of change and by days, fifty rows a page, newest first") {
  Audited s;
  s.server.advance(2 * 86400);  // sessions end after so long idle: signed in again
  REQUIRE(TestServer::sign_in(s.a, "xa.anhoathinh").status == 303);
  REQUIRE(s.save_table(s.a, "100", "5", "7").status == 303);
  const std::string day_of_save = vietnam_time(s.server.now()).substr(0, 10);
  s.server.advance(2 * 86400);
  for (int i = 0; i < 55; ++i) {
    Browser again = s.server.browser();
    REQUIRE(TestServer::sign_in(again, "xa.kyanh").status == 303);
    s.server.advance(60);
  }
  REQUIRE(TestServer::sign_in(s.province, "tinh.hatinh").status == 303);
  const std::string log = path_of(s.tree.province, "nhat-ky");
  const Page by_account = s.province.get(log + "?tai-khoan=XA.AnHoaThinh");
  CHECK(by_account.has("3 dòng, mới nhất trước."));  // two sign-ins and the save
  CHECK_FALSE(by_account.has(">xa.kyanh<"));
  CHECK(value_of(by_account, "tai-khoan") == "xa.anhoathinh");
  const Page saves = s.province.get(log + "?viec=version.save");
  CHECK(saves.has("1 dòng, mới nhất trước."));
  CHECK(saves.has("<option value=\"version.save\" selected>"));
  // The day of the save (its sign-in and the save), nothing before or after it.
  const Page that_day = s.province.get(log + "?tu-ngay=" + day_of_save + "&den-ngay=" + day_of_save);
  CHECK(that_day.has("2 dòng, mới nhất trước."));
  CHECK(that_day.has("<td>Lưu phiên bản</td>"));
  // 61 rows: the fixture's 3 sign-ins within the province, a sign-in and the save, 55 sign-ins and the
  // province's own again; 50 on the first page, newest first.
  const Page first = s.province.get(log);
  CHECK(first.has("61 dòng, mới nhất trước."));
  CHECK(first.has("Trang 1 / 2"));
  CHECK(first.has("href=\"" + log + "?trang=2\" rel=\"next\""));
  std::size_t rows = 0;
  for (std::size_t at = first.body.find("<tr><td>"); at != std::string::npos; at = first.body.find("<tr><td>", at + 1)) ++rows;
  CHECK(rows == 50);
  CHECK(first.body.find("<th scope=\"row\">tinh.hatinh</th>") < first.body.find("<th scope=\"row\">xa.kyanh</th>"));
  CHECK_FALSE(first.has("<td>Lưu phiên bản</td>"));
  const Page second = s.province.get(log + "?trang=2");
  CHECK(second.has("Trang 2 / 2"));
  CHECK(second.has("<td>Lưu phiên bản</td>"));
  CHECK(second.has("rel=\"prev\""));
  CHECK(s.province.get(log + "?trang=9").has("Trang này không có dòng nào"));
  // A filter kept from page to page.
  const Page sign_ins = s.province.get(log + "?viec=account.sign_in");
  CHECK(sign_ins.has("60 dòng"));
  CHECK(sign_ins.has("href=\"" + log + "?viec=account.sign_in&amp;trang=2\""));
  // What cannot be read is said at its field, and the log still shown unfiltered by it.
  const Page wrong = s.province.get(log + "?tu-ngay=31/02/2026&viec=xoa-het");
  CHECK(wrong.status == 422);
  CHECK(wrong.has("href=\"#tu-ngay\""));
  CHECK(wrong.has("Từ ngày: hãy ghi ngày/tháng/năm, ví dụ 01/12/2026."));
  CHECK(wrong.has("href=\"#viec\""));
  CHECK(wrong.has("61 dòng"));
}

TEST_CASE("audit: no statement in src/ updates or deletes a row of audit_log") {
  namespace fs = std::filesystem;
  // UPDATE audit_log, DELETE FROM audit_log, TRUNCATE, DROP or ALTER of it, wherever a statement is written
  // (the words may be split between literals: quotes and spaces between them are passed over).
  const std::regex changes(R"((UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?|DROP\s+TABLE(\s+IF\s+EXISTS)?|ALTER\s+TABLE)[\s"]*audit_log\b)",
                           std::regex::icase);
  // The pattern finds what it is there for.
  CHECK(std::regex_search(std::string("\"DELETE FROM audit_log WHERE id = ?\""), changes));
  CHECK(std::regex_search(std::string("\"update \"\n  \"audit_log SET detail = ''\""), changes));
  CHECK_FALSE(std::regex_search(std::string("\"INSERT INTO audit_log (id) VALUES (?)\""), changes));
  int files = 0, naming = 0;
  for (const auto& entry : fs::recursive_directory_iterator(KEHOACH_SOURCES)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".h")) continue;
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    if (source.find("audit_log") == std::string::npos) continue;
    ++naming;
    CAPTURE(entry.path().string());
    CHECK_FALSE(std::regex_search(source, changes));
  }
  CHECK(files > 100);
  CHECK(naming >= 2);  // the migration that makes it and the store that writes it, at least
}
