// The administrator's pages: the unit tree by form and by units table, accounts made, reset, and every
// refused form naming its field with nothing saved.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "store/units.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

struct Admin {
  TestServer server;
  Browser browser;
  Admin() : browser(server.browser()) {
    server.account("quantri", Role::Administrator, std::nullopt);
    TestServer::sign_in(browser, "quantri");
  }
  Page add_unit(const std::string& level, const std::string& name, const std::string& parent) {
    return browser.submit("/quan-tri/don-vi", "/quan-tri/don-vi", {{"cap", level}, {"ten", name}, {"thuoc", parent}});
  }
  std::optional<UnitRecord> unit(std::optional<std::int64_t> parent, const std::string& full_name) {
    Poco::Data::Session db = server.site().database().session();
    return find_child_unit(db, parent, full_name);
  }
  Page upload(const std::string& name, const std::string& bytes, const std::string& parent = "") {
    const std::string token = browser.get("/quan-tri/don-vi").csrf();
    return browser.post_file("/quan-tri/don-vi/tai-len", {{"csrf", token}, {"dat-duoi", parent}}, "tep-don-vi", name, bytes);
  }
};

// The one-time password a page shows.
std::string shown_password(const Page& page) {
  const std::string mark = "<strong class=\"secret\">";
  const std::size_t at = page.body.find(mark);
  if (at == std::string::npos) return "";
  return page.body.substr(at + mark.size(), 14);
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("an administrator makes a province, a commune and a village by form, then the commune's account") {
  Admin admin;
  const Page province = admin.add_unit("Tỉnh", "Hà Tĩnh", "");
  CHECK(province.status == 303);
  CHECK(province.header("location") == "/quan-tri/don-vi");
  const std::optional<UnitRecord> ha_tinh = admin.unit(std::nullopt, "Tỉnh Hà Tĩnh");
  REQUIRE(ha_tinh);
  CHECK(admin.browser.get("/quan-tri/don-vi").has("Đã thêm Tỉnh Hà Tĩnh."));
  // The level word typed in the name is the level's, not part of the name.
  CHECK(admin.add_unit("Xã", "Xã An Hòa Thịnh", std::to_string(ha_tinh->id)).status == 303);
  const std::optional<UnitRecord> commune = admin.unit(ha_tinh->id, "Xã An Hòa Thịnh");
  REQUIRE(commune);
  CHECK(commune->name == "An Hòa Thịnh");
  CHECK(commune->tier == Tier::Commune);
  CHECK(admin.add_unit("Thôn", "Sâm Cồn", std::to_string(commune->id)).status == 303);
  const Page units = admin.browser.get("/quan-tri/don-vi");
  CHECK(units.has("Đã thêm Thôn Sâm Cồn thuộc Xã An Hòa Thịnh."));
  CHECK(units.has("Xã An Hòa Thịnh (1 thôn, tổ dân phố)"));

  const Page made = admin.browser.submit("/quan-tri/tai-khoan", "/quan-tri/tai-khoan",
                                         {{"ten-dang-nhap", "Xa.AnHoaThinh"}, {"ho-ten", "Lê Thị Hoa"},
                                          {"vai-tro", "commune"}, {"don-vi", std::to_string(commune->id)}});
  CHECK(made.status == 200);
  CHECK(made.has("Đã tạo tài khoản"));
  CHECK(made.has("<strong>xa.anhoathinh</strong>"));
  const std::string password = shown_password(made);
  REQUIRE(password.size() == 14);
  CHECK(admin.browser.get("/quan-tri/tai-khoan").has("Chờ đổi mật khẩu"));
  CHECK_FALSE(admin.browser.get("/quan-tri/tai-khoan").has(password));  // shown once only

  Browser officer = admin.server.browser();
  CHECK(TestServer::sign_in(officer, "xa.anhoathinh", password).status == 303);
  CHECK(officer.get("/").header("location") == "/doi-mat-khau");
}

TEST_CASE("a unit form with bad input names each field in the error summary and saves nothing") {
  Admin admin;
  admin.add_unit("Tỉnh", "Hà Tĩnh", "");
  const std::string province = std::to_string(admin.unit(std::nullopt, "Tỉnh Hà Tĩnh")->id);
  const long long units = admin.server.count("units");

  const Page empty = admin.add_unit("", "  ", "");
  CHECK(empty.status == 422);
  CHECK(empty.has("<title>Lỗi: Đơn vị – kehoach</title>"));
  CHECK(empty.has("<a href=\"#cap\">Hãy chọn cấp của đơn vị.</a>"));
  CHECK(empty.has("<a href=\"#ten\">Hãy nhập tên đơn vị.</a>"));
  CHECK(empty.has("<p class=\"field-error\" id=\"ten-loi\"><span class=\"visually-hidden\">Lỗi: </span>Hãy nhập tên đơn vị.</p>"));
  CHECK(empty.has("aria-describedby=\"ten-goi-y ten-loi\" aria-invalid=\"true\""));

  const Page village_on_top = admin.add_unit("Thôn", "Sâm Cồn", "");
  CHECK(village_on_top.has("<a href=\"#thuoc\">Hãy chọn xã, phường mà thôn, tổ dân phố thuộc về.</a>"));
  CHECK(village_on_top.has("value=\"Sâm Cồn\""));  // what was typed comes back
  const Page village_in_province = admin.add_unit("Thôn", "Sâm Cồn", province);
  CHECK(village_in_province.has("<a href=\"#thuoc\">Thôn, tổ dân phố phải thuộc một xã, phường, không thuộc Tỉnh Hà Tĩnh.</a>"));
  const Page province_below = admin.add_unit("Tỉnh", "Nghệ An", province);
  CHECK(province_below.has("<a href=\"#thuoc\">Tỉnh là cấp cao nhất"));
  const Page twice = admin.add_unit("Tỉnh", "HÀ TĨNH", "");
  CHECK(twice.has("<a href=\"#ten\">Đã có Tỉnh HÀ TĨNH ở cấp cao nhất.</a>"));
  const Page hidden = admin.add_unit("Xã", "An\u202eHòa", province);
  CHECK(hidden.has("<a href=\"#ten\">Tên đơn vị"));
  const Page gone = admin.add_unit("Xã", "An Hòa", "987654");
  CHECK(gone.has("<a href=\"#thuoc\">"));
  const Page markup = admin.add_unit("", "<script>alert(1)</script>", "");
  CHECK(markup.has("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
  CHECK_FALSE(markup.has("<script>alert"));
  CHECK(admin.server.count("units") == units);
}

TEST_CASE("an account form with bad input names each field and saves nothing") {
  Admin admin;
  const UnitRecord province = admin.server.unit(Tier::Province, "Tỉnh", "Hà Tĩnh");
  const UnitRecord commune = admin.server.unit(Tier::Commune, "Xã", "Kỳ Anh", province.id);
  const long long accounts = admin.server.count("accounts");
  auto make = [&](const std::string& login, const std::string& name, const std::string& role, const std::string& unit) {
    return admin.browser.submit("/quan-tri/tai-khoan", "/quan-tri/tai-khoan",
                                {{"ten-dang-nhap", login}, {"ho-ten", name}, {"vai-tro", role}, {"don-vi", unit}});
  };
  const Page empty = make("", "", "", "");
  CHECK(empty.status == 422);
  CHECK(empty.has("<a href=\"#ten-dang-nhap\">Hãy nhập tên đăng nhập.</a>"));
  CHECK(empty.has("<a href=\"#ho-ten\">Hãy nhập họ tên người dùng tài khoản.</a>"));
  CHECK(empty.has("<a href=\"#vai-tro\">Hãy chọn vai trò của tài khoản.</a>"));
  CHECK(make("lê hoa", "Lê Hoa", "commune", std::to_string(commune.id)).has("<a href=\"#ten-dang-nhap\">Tên đăng nhập chỉ gồm"));
  CHECK(make("lehoa", "Lê Hoa", "commune", "").has("<a href=\"#don-vi\">Hãy chọn xã, phường của tài khoản.</a>"));
  CHECK(make("lehoa", "Lê Hoa", "commune", std::to_string(province.id))
            .has("<a href=\"#don-vi\">Cán bộ xã cần thuộc một xã, phường; Tỉnh Hà Tĩnh không phải xã, phường.</a>"));
  CHECK(make("lehoa", "Lê Hoa", "province", std::to_string(commune.id)).has("<a href=\"#don-vi\">Cán bộ tỉnh cần thuộc một tỉnh"));
  CHECK(make("quantri", "Ai đó", "admin", "").has("<a href=\"#ten-dang-nhap\">Đã có tài khoản &quot;quantri&quot;"));
  CHECK(admin.server.count("accounts") == accounts);
  CHECK(make("lehoa", "Lê Hoa", "province", std::to_string(province.id)).status == 200);
  CHECK(admin.server.count("accounts") == accounts + 1);
}

TEST_CASE("a units table adds the tree, sent again it adds nothing, a broken one says the reader's words and saves nothing") {
  Admin admin;
  const std::string table = file_text(std::string(KEHOACH_EXAMPLES) + "/ha-tinh-2026/don-vi.csv");
  const Page added = admin.upload("don-vi.csv", table);
  CHECK(added.status == 303);
  const long long units = admin.server.count("units");
  CHECK(units == 1 + 4 + 37);  // the province, four communes, their villages
  const Page page = admin.browser.get("/quan-tri/don-vi");
  CHECK(page.has("Đã thêm 42 đơn vị từ tệp don-vi.csv."));
  CHECK(page.has("Phường Bắc Hồng Lĩnh"));
  const std::optional<UnitRecord> province = admin.unit(std::nullopt, "Tỉnh Hà Tĩnh");
  REQUIRE(province);
  const std::optional<UnitRecord> commune = admin.unit(province->id, "Xã An Hòa Thịnh");
  REQUIRE(commune);
  CHECK(admin.unit(commune->id, "Thôn Sâm Cồn"));

  CHECK(admin.upload("don-vi.csv", table).status == 303);
  CHECK(admin.server.count("units") == units);
  CHECK(admin.browser.get("/quan-tri/don-vi").has("Đã thêm 0 đơn vị từ tệp don-vi.csv (42 đơn vị đã có từ trước, giữ nguyên)."));

  // A village table of one commune (thon.csv: one level column, "Thôn") below that commune.
  const std::string villages = file_text(std::string(KEHOACH_EXAMPLES) + "/an-hoa-thinh-2022/thon.csv");
  CHECK(admin.upload("thon.csv", villages, std::to_string(commune->id)).status == 303);
  CHECK(admin.server.count("units") == units);
  // … but not on top, where a village cannot be.
  const Page on_top = admin.upload("thon.csv", villages);
  CHECK(on_top.status == 422);
  CHECK(on_top.has("<a href=\"#tep-don-vi\">Không thêm được Thôn Sâm Cồn ở cấp cao nhất"));

  const Page broken = admin.upload("Bảng đơn vị.csv", "Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n"
                                                     "Tỉnh Nghệ An,Xã Diễn Châu,Thôn 1,100,5,4\n"
                                                     "Tỉnh Nghệ An,Xã Diễn Châu,Thôn 2,abc,5,4\n");
  CHECK(broken.status == 422);
  CHECK(broken.has("<a href=\"#tep-don-vi\">Bảng đơn vị.csv:3, cột D (Tổng số hộ): "));
  CHECK_FALSE(broken.has("tai-len-"));  // the temporary copy is never named
  CHECK(admin.server.count("units") == units);
  CHECK_FALSE(admin.unit(std::nullopt, "Tỉnh Nghệ An"));

  CHECK(admin.upload("don-vi.ods", "x").has("<a href=\"#tep-don-vi\">Tệp don-vi.ods không phải tệp .csv, .xlsx hoặc .xls"));
  const std::string token = admin.browser.get("/quan-tri/don-vi").csrf();
  CHECK(admin.browser.post_file("/quan-tri/don-vi/tai-len", {{"csrf", token}}, "tep-don-vi", "", "")
            .has("<a href=\"#tep-don-vi\">Hãy chọn tệp đơn vị (.csv, .xlsx hoặc .xls).</a>"));
  CHECK(admin.server.count("units") == units);
  // No upload outlives its request.
  CHECK(std::filesystem::is_empty(admin.server.site().upload_folder()));
}

TEST_CASE("a reset password is a new one-time password: the old one and the account's sessions end") {
  Admin admin;
  const UnitRecord province = admin.server.unit(Tier::Province, "Tỉnh", "Hà Tĩnh");
  const UnitRecord commune = admin.server.unit(Tier::Commune, "Xã", "Kỳ Anh", province.id);
  const AccountRecord officer = admin.server.account("xa.kyanh", Role::CommuneOfficer, commune.id);
  Browser browser = admin.server.browser();
  TestServer::sign_in(browser, "xa.kyanh");
  const std::string home = "/don-vi/" + std::to_string(commune.id);
  CHECK(browser.get(home).status == 200);

  const Page reset = admin.browser.submit(
      "/quan-tri/tai-khoan", "/quan-tri/tai-khoan/" + std::to_string(officer.id) + "/dat-lai-mat-khau", {});
  CHECK(reset.status == 200);
  CHECK(reset.has("Đã đặt lại mật khẩu"));
  const std::string password = shown_password(reset);
  REQUIRE(password.size() == 14);
  CHECK(browser.get(home).status == 303);
  CHECK(TestServer::sign_in(browser, "xa.kyanh").status == 422);
  CHECK(TestServer::sign_in(browser, "xa.kyanh", password).status == 303);
  CHECK(browser.get(home).header("location") == "/doi-mat-khau");
  // An administrator's own account has no such buttons, and its id is refused in the URL.
  const AccountRecord self = [&] {
    Poco::Data::Session db = admin.server.site().database().session();
    return *find_account_by_login(db, "quantri");
  }();
  CHECK(admin.browser.submit("/quan-tri/tai-khoan", "/quan-tri/tai-khoan/" + std::to_string(self.id) + "/khoa", {}).status == 404);
  CHECK(admin.browser.submit("/quan-tri/tai-khoan", "/quan-tri/tai-khoan/999999/dat-lai-mat-khau", {}).status == 404);
}
