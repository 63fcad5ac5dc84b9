// Who sees what: a commune officer their commune only (another's pages are 404, as if they did not
// exist), administrators the administration, everyone their own start page.
#include <doctest/doctest.h>

#include "store/versions.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

std::string path_of(const UnitRecord& unit, const std::string& page = "") {
  return "/don-vi/" + std::to_string(unit.id) + (page.empty() ? "" : "/" + page);
}

}  // namespace

TEST_CASE("a commune officer sees their commune's pages and gets 404 for another commune's and the administration") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  Browser browser = server.browser();
  TestServer::sign_in(browser, "xa.anhoathinh");

  for (const std::string& page : std::vector<std::string>{"", "thon", "ke-hoach", "bao-cao"}) {
    CAPTURE(page);
    const Page own = browser.get(path_of(tree.commune_a, page));
    CHECK(own.status == 200);
    CHECK(own.has("Xã An Hòa Thịnh"));
    const Page others = browser.get(path_of(tree.commune_b, page));
    CHECK(others.status == 404);
    CHECK(others.has("Không tìm thấy trang"));
    CHECK_FALSE(others.has("Kỳ Anh"));
    CHECK(browser.get(path_of(tree.province, page)).status == 404);
  }
  // Ids that do not exist, or are not ids, look the same.
  for (const std::string& path : std::vector<std::string>{"/don-vi/999999", "/don-vi/abc", "/don-vi/0" + std::to_string(tree.commune_a.id),
                                  "/don-vi/-1", "/don-vi/1e3"})
    CHECK(browser.get(path).status == 404);
  // A village of their commune has no page of its own; the administration is not theirs.
  CHECK(browser.get(path_of(tree.village_a1)).status == 404);
  for (const std::string& path : std::vector<std::string>{"/quan-tri", "/quan-tri/don-vi", "/quan-tri/tai-khoan"}) CHECK(browser.get(path).status == 404);
  const std::string token = browser.get(path_of(tree.commune_a)).csrf();
  const long long units = server.count("units");
  CHECK(browser.post("/quan-tri/don-vi", {{"csrf", token}, {"cap", "Tỉnh"}, {"ten", "Nghệ An"}}).status == 404);
  CHECK(server.count("units") == units);
}

TEST_CASE("an administrator sees every commune, a province officer the communes of their province only") {
  TestServer server;
  const SmallTree tree(server);
  const UnitRecord other_province = server.unit(Tier::Province, "Tỉnh", "Nghệ An");
  const UnitRecord far_commune = server.unit(Tier::Commune, "Xã", "Diễn Châu", other_province.id);
  server.account("quantri", Role::Administrator, std::nullopt);
  server.account("tinh.hatinh", Role::ProvinceOfficer, tree.province.id);

  Browser admin = server.browser();
  TestServer::sign_in(admin, "quantri");
  CHECK(admin.get("/").header("location") == "/quan-tri");
  CHECK(admin.get(path_of(tree.commune_a)).status == 200);
  CHECK(admin.get(path_of(far_commune)).status == 200);

  Browser province = server.browser();
  TestServer::sign_in(province, "tinh.hatinh");
  CHECK(province.get("/").header("location") == path_of(tree.province));
  const Page list = province.get(path_of(tree.province));
  CHECK(list.status == 200);
  CHECK(list.has("Xã An Hòa Thịnh"));
  CHECK(list.has("Xã Kỳ Anh"));
  CHECK(province.get(path_of(tree.commune_b)).status == 200);
  CHECK(province.get(path_of(far_commune)).status == 404);
  CHECK(province.get(path_of(other_province)).status == 404);
  CHECK(province.get("/quan-tri").status == 404);
}

TEST_CASE("a province officer and an administrator read a commune's work but do not change it in its name") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  server.account("tinh.hatinh", Role::ProvinceOfficer, tree.province.id);
  server.account("quantri", Role::Administrator, std::nullopt);
  const std::string read_only = "tài khoản của bạn không sửa được";

  Browser officer = server.browser();
  TestServer::sign_in(officer, "xa.anhoathinh");
  for (const std::string& page : std::vector<std::string>{"thon", "ke-hoach"})
    CHECK_FALSE(officer.get(path_of(tree.commune_a, page) + "?nam=2026").has(read_only));
  // The forms of the commune's own work, as its officer sees them.
  const std::vector<std::pair<std::string, std::string>> forms{
      {"thon", "Tải lên và lưu"}, {"thon", "Lưu bảng"}, {"thon", "Thêm dòng"}};
  for (const auto& form : forms) {
    CAPTURE(form.second);
    CHECK(officer.get(path_of(tree.commune_a, form.first) + "?nam=2026").has(form.second));
  }

  for (const std::string& login : std::vector<std::string>{"tinh.hatinh", "quantri"}) {
    CAPTURE(login);
    Browser reader = server.browser();
    TestServer::sign_in(reader, login);
    const Page table = reader.get(path_of(tree.commune_a, "thon") + "?nam=2026");
    CHECK(table.status == 200);
    CHECK(table.has(read_only));
    CHECK(reader.get(path_of(tree.commune_a, "ke-hoach") + "?nam=2026").has(read_only));
    // They read the work without forms they could not send.
    for (const auto& form : forms) {
      CAPTURE(form.second);
      CHECK_FALSE(reader.get(path_of(tree.commune_a, form.first) + "?nam=2026").has(form.second));
    }
    const long long versions = server.count("versions");
    for (const std::string& page : std::vector<std::string>{"thon", "thon/tai-len", "ke-hoach"}) {
      CAPTURE(page);
      const Page refused = reader.post(path_of(tree.commune_a, page) + "?nam=2026",
                                       {{"csrf", table.csrf()}, {"hanh-dong", "luu"}, {"so-dong", "1"},
                                        {"thon-1-ten", "Sâm Cồn"}, {"thon-1-so-ho", "100"}, {"thon-1-ngheo", "5"},
                                        {"thon-1-can-ngheo", "7"}});
      CHECK(refused.status == 403);
      CHECK(refused.has("Chỉ cán bộ của đơn vị này lập và sửa"));
    }
    CHECK(server.count("versions") == versions);
  }
}

TEST_CASE("a disabled account's session ends at once and it cannot sign in") {
  TestServer server;
  const SmallTree tree(server);
  const AccountRecord officer = server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  server.account("quantri", Role::Administrator, std::nullopt);
  Browser browser = server.browser();
  TestServer::sign_in(browser, "xa.anhoathinh");
  CHECK(browser.get(path_of(tree.commune_a)).status == 200);

  Browser admin = server.browser();
  TestServer::sign_in(admin, "quantri");
  const std::string lock = "/quan-tri/tai-khoan/" + std::to_string(officer.id) + "/khoa";
  CHECK(admin.submit("/quan-tri/tai-khoan", lock, {}).status == 303);
  CHECK(admin.get("/quan-tri/tai-khoan").has("Đã khóa tài khoản xa.anhoathinh."));
  CHECK(browser.get(path_of(tree.commune_a)).header("location") == "/dang-nhap?het-han=1");
  const Page refused = TestServer::sign_in(browser, "xa.anhoathinh");
  CHECK(refused.status == 422);
  CHECK(refused.has("Tên đăng nhập hoặc mật khẩu không đúng."));

  const std::string unlock = "/quan-tri/tai-khoan/" + std::to_string(officer.id) + "/mo-khoa";
  CHECK(admin.submit("/quan-tri/tai-khoan", unlock, {}).status == 303);
  CHECK(TestServer::sign_in(browser, "xa.anhoathinh").status == 303);
}

TEST_CASE("a commune's home: its plan year, and every piece of work not started until something is saved") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  Browser browser = server.browser();
  TestServer::sign_in(browser, "xa.anhoathinh");
  const Page home = browser.get(path_of(tree.commune_a));
  REQUIRE(home.status == 200);
  CHECK(home.has("<h1>Xã An Hòa Thịnh</h1>"));
  CHECK(home.has("Tỉnh Hà Tĩnh"));
  CHECK(home.has("<option value=\"2026\" selected>2026</option>"));
  for (const std::string& work : std::vector<std::string>{"Bảng số liệu thôn", "Kế hoạch năm 2026", "Báo cáo quý I năm 2026",
                                  "Báo cáo 6 tháng đầu năm 2026", "Báo cáo 9 tháng đầu năm 2026", "Báo cáo năm 2026"})
    CHECK(home.has(">" + work + "</a>"));
  std::size_t not_started = 0;
  for (std::size_t at = home.body.find("Chưa bắt đầu"); at != std::string::npos; at = home.body.find("Chưa bắt đầu", at + 1))
    ++not_started;
  CHECK(not_started == 6);
  CHECK(home.has("href=\"" + path_of(tree.commune_a, "ke-hoach") + "?nam=2026\""));
  CHECK(home.has("href=\"" + path_of(tree.commune_a, "bao-cao") + "?nam=2026&amp;ky=6m\""));
  CHECK(home.has("Thôn Sâm Cồn"));
  CHECK(home.has("Thôn Trùa"));
  // The navigation marks where the reader is.
  CHECK(home.has("<a href=\"" + path_of(tree.commune_a) + "\" aria-current=\"page\">Trang chính</a>"));

  {
    Poco::Data::Session db = server.site().database().session();
    Transaction transaction(server.site().database(), db);
    add_version(db, {0, tree.commune_a.id, 2026, WorkKind::Plan, 0, WorkState::Draft, server.now(), std::nullopt}, {});
    add_version(db, {0, tree.commune_a.id, 2026, WorkKind::ReportQ1, 0, WorkState::Done, server.now(), std::nullopt}, {});
    add_version(db, {0, tree.commune_b.id, 2026, WorkKind::Report6m, 0, WorkState::Done, server.now(), std::nullopt}, {});
    transaction.commit();
  }
  const Page later = browser.get(path_of(tree.commune_a));
  CHECK(later.has("Kế hoạch năm 2026</a></th><td><strong class=\"tag tag--draft\">Đang nhập</strong>"));
  CHECK(later.has("Báo cáo quý I năm 2026</a></th><td><strong class=\"tag tag--done\">Đã hoàn thành</strong>"));
  CHECK(later.has("Báo cáo 6 tháng đầu năm 2026</a></th><td><strong class=\"tag tag--not_started\">Chưa bắt đầu"));
  // Another year: nothing there yet.
  const Page year_2025 = browser.get(path_of(tree.commune_a) + "?nam=2025");
  CHECK(year_2025.has("Kế hoạch năm 2025</a></th><td><strong class=\"tag tag--not_started\">"));
  CHECK(browser.get(path_of(tree.commune_a) + "?nam=abcd").has("Kế hoạch năm 2026"));
}
