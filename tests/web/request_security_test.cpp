// What every request gets whatever its page: the security headers, the form token and the Origin check
// of every POST (and nothing saved when they fail), the limits of a form's body. Bad input at the HTTP
// level, on every route the router has (a route added later is covered without a line here): another
// unit's ids, a wrong form token, an expired session, bodies too large or not forms at all; each answered
// clearly, nothing stored, and the log without anything personal.
#include <doctest/doctest.h>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "store/versions.h"
#include "page_forms.h"
#include "web/auth.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

void check_security_headers(const Page& page) {
  CHECK(page.header("content-security-policy") ==
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  CHECK(page.header("x-content-type-options") == "nosniff");
  CHECK(page.header("referrer-policy") == "same-origin");
  CHECK(page.header("x-frame-options") == "DENY");
}

const Fields kNewProvince{{"cap", "Tỉnh"}, {"ten", "Quảng Trị"}, {"thuoc", ""}};

namespace fs = std::filesystem;

// What the server keeps: the rows that work, units and accounts make (and the audit log's of them), and the
// files of the data folder (the store and the upload folder), by name and size.
struct Kept {
  std::vector<long long> rows;
  std::vector<std::string> files;
  bool operator==(const Kept&) const = default;
};

Kept kept(TestServer& server) {
  Kept now;
  for (const char* table : {"versions", "version_files", "stored_files", "units", "accounts", "audit_log"})
    now.rows.push_back(server.count(table));
  const fs::path data = server.site().config().data_folder;
  for (const char* folder : {"files", "tmp"})
    for (const auto& entry : fs::recursive_directory_iterator(data / folder))
      if (!entry.is_directory())
        now.files.push_back(fs::relative(entry.path(), data).string() + " " + std::to_string(entry.file_size()));
  std::sort(now.files.begin(), now.files.end());
  return now;
}

// The route's path with its {parameters} given: those of `values`, "1" for any other.
std::string filled(const std::string& pattern, const std::map<std::string, std::string>& values) {
  std::string path;
  for (std::size_t at = 0; at < pattern.size();) {
    const std::size_t open = pattern.find('{', at);
    if (open == std::string::npos) {
      path += pattern.substr(at);
      break;
    }
    const std::size_t close = pattern.find('}', open);
    path += pattern.substr(at, open - at);
    const std::string name = pattern.substr(open + 1, close - open - 1);
    const auto found = values.find(name);
    path += found == values.end() ? "1" : found->second;
    at = close + 1;
  }
  // The query every page of a year or a period takes; pages without one ignore it.
  return path + "?nam=2022&ky=q1";
}

bool has_parameter(const Route& route, const std::string& name) {
  return route.pattern.find("{" + name + "}") != std::string::npos;
}

// A form as a page would post it: the token given and a few fields the commune's forms take.
Fields form_with(const std::string& token) {
  return {{"csrf", token}, {"hanh-dong", "luu"}, {"so-dong", "1"}, {"thon-1-ten", "Sâm Cồn"}, {"thon-1-so-ho", "100"},
          {"thon-1-ngheo", "5"}, {"thon-1-can-ngheo", "7"}, {"cap", "Tỉnh"}, {"ten", "Quảng Trị"}};
}

Page request(Browser& browser, const Route& route, const std::string& path, const std::string& token) {
  return route.method == "POST" ? browser.post(path, form_with(token)) : browser.get(path);
}

// Two communes with their work (An Hòa Thịnh's example plan made through the pages by each), their officers,
// an administrator, and a province officer of another province.
struct TwoCommunes {
  TestServer server;
  SmallTree tree{server};
  UnitRecord other_province = server.unit(Tier::Province, "Tỉnh", "Nghệ An");
  AccountRecord officer_a = server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  AccountRecord officer_b = server.account("xa.kyanh", Role::CommuneOfficer, tree.commune_b.id);
  AccountRecord admin = server.account("quantri", Role::Administrator, std::nullopt);
  AccountRecord far_officer = server.account("tinh.nghean", Role::ProvinceOfficer, other_province.id);
  VersionRecord plan_a, plan_b;
  std::string file_b;  // a file of plan_b

  TwoCommunes() {
    for (const auto& [login, commune] : {std::pair{"xa.anhoathinh", tree.commune_a}, std::pair{"xa.kyanh", tree.commune_b}}) {
      Browser officer = server.browser();
      TestServer::sign_in(officer, login);
      make_example_plan(officer, commune);
    }
    Poco::Data::Session db = server.site().database().session();
    plan_a = *latest_version(db, tree.commune_a.id, 2022, WorkKind::Plan);
    plan_b = *latest_version(db, tree.commune_b.id, 2022, WorkKind::Plan);
    file_b = version_files(db, plan_b.id).front().name;
  }

  void sign_in(Browser& browser, const std::string& login) { REQUIRE(TestServer::sign_in(browser, login).status == 303); }
};

}  // namespace

TEST_CASE("every response carries the security headers: pages, redirects, errors, the style sheet, refusals") {
  TestServer server;
  const SmallTree tree(server);
  server.account("quantri", Role::Administrator, std::nullopt);
  Browser browser = server.browser();
  std::vector<Page> pages{browser.get("/"), browser.get("/dang-nhap"), browser.get("/khong-co-trang-nay"),
                          browser.get("/static/kehoach.css"), browser.post("/dang-nhap", {})};
  TestServer::sign_in(browser, "quantri");
  pages.push_back(browser.get("/quan-tri/don-vi"));
  pages.push_back(browser.post("/quan-tri/don-vi", kNewProvince));  // no token: 403
  for (const Page& page : pages) {
    CAPTURE(page.status);
    check_security_headers(page);
  }
  CHECK(pages[0].status == 303);
  CHECK(pages[2].status == 404);
  CHECK(pages[3].header("content-type") == "text/css; charset=utf-8");
  CHECK(pages[4].status == 403);
  CHECK(pages[6].status == 403);
  // Pages are not kept by caches; the style sheet may be.
  CHECK(pages[1].header("cache-control") == "no-store");
  CHECK(pages[3].header("cache-control").find("max-age") != std::string::npos);
  // No page needs a script or an inline style.
  for (const Page& page : {pages[1], pages[5]}) {
    CHECK_FALSE(page.has("<script"));
    CHECK_FALSE(page.has("style="));
    CHECK_FALSE(page.has("<style"));
    CHECK(page.has("<html lang=\"vi\">"));
    CHECK(page.has("<a class=\"skip-link\" href=\"#noi-dung\">"));
    CHECK(page.has("<main id=\"noi-dung\""));
  }
}

TEST_CASE("a POST without the form token, or with another session's, is refused with 403 and saves nothing") {
  TestServer server;
  const SmallTree tree(server);
  server.account("quantri", Role::Administrator, std::nullopt);
  server.account("quantri2", Role::Administrator, std::nullopt);
  Browser browser = server.browser();
  TestServer::sign_in(browser, "quantri");
  Browser other = server.browser();
  TestServer::sign_in(other, "quantri2");
  const long long units = server.count("units");

  const Page missing = browser.post("/quan-tri/don-vi", kNewProvince);
  CHECK(missing.status == 403);
  CHECK(missing.has("Yêu cầu bị từ chối"));
  Fields wrong = kNewProvince;
  wrong.emplace_back("csrf", "khong-phai-ma-cua-phien");
  CHECK(browser.post("/quan-tri/don-vi", wrong).status == 403);
  Fields others = kNewProvince;
  others.emplace_back("csrf", other.get("/quan-tri/don-vi").csrf());
  CHECK(browser.post("/quan-tri/don-vi", others).status == 403);
  CHECK(server.count("units") == units);
  // Sign-out and account actions are forms too.
  CHECK(browser.post("/dang-xuat", {}).status == 403);
  CHECK(server.count("sessions") == 2);

  Fields right = kNewProvince;
  right.emplace_back("csrf", browser.get("/quan-tri/don-vi").csrf());
  CHECK(browser.post("/quan-tri/don-vi", right).status == 303);
  CHECK(server.count("units") == units + 1);
}

TEST_CASE("the sign-in form's token is its cookie's: without both, or with another's, sign-in is refused") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  Browser browser = server.browser();
  const Fields credentials{{"ten-dang-nhap", "xa.anhoathinh"}, {"mat-khau", "mat khau cua toi"}};
  CHECK(browser.post("/dang-nhap", credentials).status == 403);  // never opened the page: no cookie
  const std::string token = browser.get("/dang-nhap").csrf();
  CHECK(token == browser.cookie(kLoginCookie));
  Fields with_other = credentials;
  with_other.emplace_back("csrf", server.browser().get("/dang-nhap").csrf());
  CHECK(browser.post("/dang-nhap", with_other).status == 403);
  CHECK(browser.cookie(kSessionCookie).empty());
  Fields with_own = credentials;
  with_own.emplace_back("csrf", token);
  CHECK(browser.post("/dang-nhap", with_own).status == 303);
}

TEST_CASE("a POST from another origin is refused even with the right token, a Referer of this site will do") {
  TestServer server;
  const SmallTree tree(server);
  server.account("quantri", Role::Administrator, std::nullopt);
  Browser browser = server.browser();
  TestServer::sign_in(browser, "quantri");
  Fields fields = kNewProvince;
  fields.emplace_back("csrf", browser.get("/quan-tri/don-vi").csrf());
  const long long units = server.count("units");
  CHECK(browser.post("/quan-tri/don-vi", fields, std::string("http://attacker.example")).status == 403);
  CHECK(browser.post("/quan-tri/don-vi", fields, std::string("https://127.0.0.1:" + std::to_string(server.port())))
            .status == 403);  // another scheme
  CHECK(browser.post("/quan-tri/don-vi", fields, std::string("http://127.0.0.1:1")).status == 403);  // another port
  CHECK(browser.post("/quan-tri/don-vi", fields, std::string("null")).status == 403);
  CHECK(browser.post("/quan-tri/don-vi", fields, std::string("")).status == 403);  // neither Origin nor Referer
  CHECK(browser.post("/quan-tri/don-vi", fields, std::string(""),
                     {{"Referer", "http://attacker.example/quan-tri/don-vi"}})
            .status == 403);
  CHECK(server.count("units") == units);
  CHECK(browser.post("/quan-tri/don-vi", fields, std::string(""), {{"Referer", browser.origin() + "/quan-tri/don-vi"}})
            .status == 303);
  CHECK(server.count("units") == units + 1);
}

TEST_CASE("a form's body beyond its limit is refused before it is read, a chunked one too") {
  TestServer server;
  const SmallTree tree(server);
  server.account("quantri", Role::Administrator, std::nullopt);
  Browser browser = server.browser();
  TestServer::sign_in(browser, "quantri");
  const std::string token = browser.get("/quan-tri/don-vi").csrf();
  const std::string big(server.site().config().form_limits.fields_bytes + 1, 'a');
  const Page too_large = browser.post("/quan-tri/don-vi", {{"csrf", token}, {"ten", big}});
  CHECK(too_large.status == 413);
  CHECK(too_large.has("Dữ liệu gửi lên quá lớn"));
  Browser chunked = server.browser();
  chunked.set_cookie(kSessionCookie, browser.cookie(kSessionCookie));
  const Page no_length = chunked.send("POST", "/quan-tri/don-vi", "application/x-www-form-urlencoded", "",
                                      {{"Origin", browser.origin()}, {"Transfer-Encoding", "chunked"}});
  CHECK(no_length.status == 411);
}

TEST_CASE("the style sheet is served by its exact name only") {
  TestServer server;
  Browser browser = server.browser();
  const Page css = browser.get("/static/kehoach.css");
  CHECK(css.status == 200);
  CHECK(css.has(".error-summary"));
  CHECK(browser.get("/static/khong-co.css").status == 404);
  CHECK(browser.get("/static/..%2F..%2FCMakeLists.txt").status == 404);
  CHECK(browser.get("/static/../server.cpp").status == 404);
}

TEST_CASE("behind the trusted proxy: TLS as it says (Secure cookies, HSTS, an https Origin) and the browser's address") {
  TestServer server({}, [](SiteConfig& config) { config.trusted_proxy = "127.0.0.1"; });
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  Browser browser = server.browser();
  const std::string https_origin = "https://127.0.0.1:" + std::to_string(server.port());
  const std::vector<std::pair<std::string, std::string>> forwarded{{"X-Forwarded-Proto", "https"},
                                                                   {"X-Forwarded-For", "203.0.113.9"}};
  const Page login = browser.send("GET", "/dang-nhap", "", "", forwarded);
  CHECK(login.header("strict-transport-security") == "max-age=31536000");
  REQUIRE_FALSE(login.set_cookies.empty());
  CHECK(login.set_cookies.front().find("; Secure") != std::string::npos);
  const Fields credentials{{"ten-dang-nhap", "xa.anhoathinh"}, {"mat-khau", "mat khau cua toi"}, {"csrf", login.csrf()}};
  // Through TLS the page's origin is https: the plain one is another site.
  CHECK(browser.post("/dang-nhap", credentials, std::nullopt, forwarded).status == 403);
  auto through_proxy = forwarded;
  through_proxy.emplace_back("Origin", https_origin);
  const Page signed_in = browser.send("POST", "/dang-nhap", "application/x-www-form-urlencoded", form_encoded(credentials),
                                      through_proxy);
  CHECK(signed_in.status == 303);
  REQUIRE_FALSE(signed_in.set_cookies.empty());
  CHECK(signed_in.set_cookies.front().find("kehoach_session=") == 0);
  CHECK(signed_in.set_cookies.front().find("; Secure") != std::string::npos);
  // Failures count against the browser's address, not the proxy's.
  Browser guesser = server.browser();
  for (int i = 0; i < 20; ++i) {
    const std::string token = guesser.send("GET", "/dang-nhap", "", "", forwarded).csrf();
    guesser.send("POST", "/dang-nhap", "application/x-www-form-urlencoded",
                 form_encoded({{"ten-dang-nhap", "ten" + std::to_string(i)}, {"mat-khau", "sai"}, {"csrf", token}}),
                 through_proxy);
  }
  Poco::Data::Session db = server.site().database().session();
  Poco::Int64 blocked = 0;
  db << "SELECT COUNT(*) FROM login_throttle WHERE throttle_key = 'dia-chi:203.0.113.9' AND failures = 20",
      Poco::Data::Keywords::into(blocked), Poco::Data::Keywords::now;
  CHECK(blocked == 1);
}

TEST_CASE("without a trusted proxy, X-Forwarded-Proto and X-Forwarded-For are not believed") {
  TestServer server;
  Browser browser = server.browser();
  const Page login = browser.send("GET", "/dang-nhap", "", "", {{"X-Forwarded-Proto", "https"}});
  CHECK(login.header("strict-transport-security").empty());
  REQUIRE_FALSE(login.set_cookies.empty());
  CHECK(login.set_cookies.front().find("Secure") == std::string::npos);
}

TEST_CASE("--secure-cookies: every cookie says Secure") {
  TestServer server({}, [](SiteConfig& config) { config.secure_cookies = true; });
  Browser browser = server.browser();
  const Page login = browser.get("/dang-nhap");
  REQUIRE_FALSE(login.set_cookies.empty());
  CHECK(login.set_cookies.front().find("; Secure") != std::string::npos);
}

TEST_CASE("a request refused before its body is read leaves the connection ready for the next request") {
  TestServer server;
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
  const std::string host = "127.0.0.1:" + std::to_string(server.port());
  const std::string body = "cap=T&ten=abc&thuoc=&csrf=xyz";
  const std::string requests =
      "POST /quan-tri/don-vi HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://attacker.example\r\n"
      "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
      body + "POST /dang-nhap HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://attacker.example\r\nContent-Length: 4\r\n\r\nab=c"
      "GET /dang-nhap?x=%ZZ HTTP/1.1\r\nHost: " + host + "\r\n\r\nGET /dang-nhap HTTP/1.1\r\nHost: " + host +
      "\r\nConnection: close\r\n\r\n";
  socket.sendBytes(requests.data(), static_cast<int>(requests.size()));
  std::string answers;
  char buffer[8192];
  for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) answers.append(buffer, static_cast<std::size_t>(n));
  std::vector<std::string> statuses;
  for (std::size_t at = answers.find("HTTP/1.1 "); at != std::string::npos; at = answers.find("HTTP/1.1 ", at + 1))
    statuses.push_back(answers.substr(at + 9, 3));
  // Not signed in: sent to sign in; a sign-in from another site: refused; a query that is no URL's:
  // refused; then the page itself.
  CHECK(statuses == std::vector<std::string>{"303", "403", "400", "200"});
}

TEST_CASE("another unit's ids in every {unit} and {version} route: 404 as for a page that does not exist, nothing stored") {
  TwoCommunes site;
  TestServer& server = site.server;
  Browser officer = site.server.browser();
  site.sign_in(officer, "xa.anhoathinh");
  Browser far = site.server.browser();
  site.sign_in(far, "tinh.nghean");
  const std::string officer_token = officer.get(path_of(site.tree.commune_a)).csrf();
  const std::string far_token = far.get(path_of(site.other_province)).csrf();
  const Kept before = kept(server);
  const std::map<std::string, std::string> theirs{{"unit", std::to_string(site.tree.commune_b.id)},
                                                  {"version", std::to_string(site.plan_b.id)}, {"file", site.file_b}};
  std::map<std::string, std::string> own_unit_their_version = theirs;
  own_unit_their_version["unit"] = std::to_string(site.tree.commune_a.id);
  const std::map<std::string, std::string> province_of_a{{"unit", std::to_string(site.tree.province.id)},
                                                         {"version", std::to_string(site.plan_a.id)}};
  int unit_routes = 0, version_routes = 0;
  for (const Route& route : server.server().router().routes()) {
    if (!has_parameter(route, "unit")) continue;
    ++unit_routes;
    CAPTURE(route.method);
    CAPTURE(route.pattern);
    std::vector<std::pair<std::string, Page>> answers;
    // A commune officer with the other commune's unit, version and file.
    answers.emplace_back("their unit", request(officer, route, filled(route.pattern, theirs), officer_token));
    // Their own commune's address with the other commune's version in it.
    if (has_parameter(route, "version")) {
      ++version_routes;
      answers.emplace_back("their version", request(officer, route, filled(route.pattern, own_unit_their_version), officer_token));
    }
    // The province above them, and a province officer of another province on this one's units.
    answers.emplace_back("the province", request(officer, route, filled(route.pattern, province_of_a), officer_token));
    std::map<std::string, std::string> own_of_a = province_of_a;
    own_of_a["unit"] = std::to_string(site.tree.commune_a.id);
    answers.emplace_back("another province", request(far, route, filled(route.pattern, own_of_a), far_token));
    for (const auto& answer : answers) {
      const std::string& who = answer.first;
      const auto& page = answer.second;
      CAPTURE(who);
      CHECK(page.status == 404);
      CHECK(page.has("Không tìm thấy trang"));
      CHECK_FALSE(page.has("Kỳ Anh"));
      CHECK_FALSE(page.has("phu-luc.xlsx"));
    }
  }
  // Every commune page and a version's page and file: a route that lost its {unit} would lower these.
  CHECK(unit_routes >= 10);
  CHECK(version_routes >= 2);
  CHECK(kept(server) == before);
}

TEST_CASE("a POST with a wrong or missing form token on every POST route: 403, nothing stored") {
  TwoCommunes site;
  TestServer& server = site.server;
  Browser officer = site.server.browser();
  site.sign_in(officer, "xa.anhoathinh");
  Browser admin = site.server.browser();
  site.sign_in(admin, "quantri");
  const std::map<std::string, std::string> own{{"unit", std::to_string(site.tree.commune_a.id)},
                                               {"version", std::to_string(site.plan_a.id)},
                                               {"account", std::to_string(site.officer_b.id)}};
  const Kept before = kept(server);
  const std::string sessions_before = std::to_string(server.count("sessions"));
  int posts = 0;
  for (const Route& route : server.server().router().routes()) {
    if (route.method != "POST") continue;
    ++posts;
    CAPTURE(route.pattern);
    Browser visitor = server.browser();
    visitor.get("/dang-nhap");  // the sign-in form's cookie
    Browser& browser = route.access == Access::Public ? visitor : route.access == Access::Administrator ? admin : officer;
    const std::string path = filled(route.pattern, own);
    for (const std::string& token : {std::string("sai-ma"), std::string()}) {
      CAPTURE(token);
      Fields fields = form_with(token);
      if (token.empty()) fields.erase(fields.begin());
      const Page page = browser.post(path, fields);
      CHECK(page.status == 403);
      CHECK(page.has("Yêu cầu bị từ chối"));
    }
  }
  CHECK(posts >= 10);
  CHECK(kept(server) == before);
  CHECK(std::to_string(server.count("sessions")) == sessions_before);  // not signed out either
}

TEST_CASE("an expired session on every route that needs one: sent to sign in again, nothing stored") {
  TwoCommunes site;
  TestServer& server = site.server;
  Browser officer = site.server.browser();
  site.sign_in(officer, "xa.anhoathinh");
  const std::string token = officer.get(path_of(site.tree.commune_a)).csrf();
  const std::string cookie = officer.cookie(kSessionCookie);
  const std::map<std::string, std::string> own{{"unit", std::to_string(site.tree.commune_a.id)},
                                               {"version", std::to_string(site.plan_a.id)},
                                               {"account", std::to_string(site.officer_b.id)}};
  server.advance(server.site().config().idle_timeout + 1);
  const Kept before = kept(server);
  int routes = 0;
  for (const Route& route : server.server().router().routes()) {
    if (route.access == Access::Public) continue;
    ++routes;
    CAPTURE(route.method);
    CAPTURE(route.pattern);
    officer.set_cookie(kSessionCookie, cookie);  // the browser still sends what it had
    const Page page = request(officer, route, filled(route.pattern, own), token);
    CHECK(page.status == 303);
    CHECK(page.header("location") == "/dang-nhap?het-han=1");
    CHECK(officer.cookie(kSessionCookie).empty());  // and is told to forget it
  }
  CHECK(routes >= 15);
  CHECK(kept(server) == before);
}

namespace {

// A raw request on a connection of its own; the answers the server sent before it closed (or 10 s).
std::string raw_exchange(TestServer& server, const std::string& bytes, bool close_writing = false) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
  socket.setReceiveTimeout(Poco::Timespan(10, 0));
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  if (close_writing) socket.shutdownSend();
  std::string answers;
  char buffer[8192];
  try {
    for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) answers.append(buffer, static_cast<std::size_t>(n));
  } catch (const Poco::Exception&) {  // reset or timed out: what came is the answer
  }
  return answers;
}

std::string status_of(const std::string& answer) { return answer.size() > 12 ? answer.substr(9, 3) : ""; }

}  // namespace

TEST_CASE("uploads that are not forms, or too large, are refused clearly and leave nothing behind") {
  TestServer server({}, [](SiteConfig& config) {
    config.form_limits.upload_bytes = 64 * 1024;
    config.form_limits.most_fields = 50;
  });
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  Browser officer = server.browser();
  TestServer::sign_in(officer, "xa.anhoathinh");
  const std::string upload = path_of(tree.commune_a, "thon/tai-len") + "?nam=2022";
  const std::string token = officer.get(path_of(tree.commune_a, "thon") + "?nam=2022").csrf(upload);
  const std::string table = bytes_of(example_path("an-hoa-thinh-2022/thon.csv"));
  const Kept before = kept(server);
  const std::string b = "----b";
  const std::string csrf_part = "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token + "\r\n";
  const std::string file_head = "--" + b + "\r\nContent-Disposition: form-data; name=\"tep-thon\"; filename=\"thon.csv\"\r\n\r\n";
  std::string many_parts;
  for (int i = 0; i < 60; ++i) many_parts += "--" + b + "\r\nContent-Disposition: form-data; name=\"f" + std::to_string(i) + "\"\r\n\r\nx\r\n";
  struct Malformed {
    std::string what, content_type, body;
    int status = 400;
    std::string says = "Biểu mẫu gửi lên không đọc được";
  };
  const std::string multipart = "multipart/form-data; boundary=" + b;
  const std::vector<Malformed> malformed{
      {"no boundary given", "multipart/form-data", csrf_part + file_head + table + "\r\n--" + b + "--\r\n"},
      {"a boundary the body never has", "multipart/form-data; boundary=zzz", csrf_part + file_head + table + "\r\n--" + b + "--\r\n"},
      {"cut off in the file, no closing boundary", multipart, csrf_part + file_head + table.substr(0, 100)},
      {"a part with no Content-Disposition", multipart, csrf_part + "--" + b + "\r\nContent-Type: text/csv\r\n\r\n" + table + "\r\n--" + b + "--\r\n"},
      {"more fields than a form has", multipart, csrf_part + many_parts + "--" + b + "--\r\n"},
      {"plain bytes called multipart", multipart, std::string(5000, '\x07')},
      // The table's lines are read as the part's headers (none ends them): the file is empty, and said so.
      {"a part whose headers never end", multipart,
       csrf_part + "--" + b + "\r\nContent-Disposition: form-data; name=\"tep-thon\"; filename=\"a.csv\"\r\n" + table, 422,
       "a.csv: tệp rỗng"},
  };
  for (const Malformed& request : malformed) {
    CAPTURE(request.what);
    const Page page = officer.send("POST", upload, request.content_type, request.body, {{"Origin", officer.origin()}});
    CHECK(page.status == request.status);
    CHECK(page.has(request.says));
    CHECK(kept(server) == before);
  }
  // Larger than the limit: refused before it is read, with the limit named, whether the browser says so or not.
  const std::string large = csrf_part + file_head + std::string(70 * 1024, '1') + "\r\n--" + b + "--\r\n";
  const Page too_large = officer.send("POST", upload, "multipart/form-data; boundary=" + b, large, {{"Origin", officer.origin()}});
  CHECK(too_large.status == 413);
  CHECK(too_large.has("Dữ liệu gửi lên lớn quá giới hạn (1 MB)"));
  CHECK(kept(server) == before);
  const std::string host = "Host: 127.0.0.1:" + std::to_string(server.port()) + "\r\n";
  const std::string cookie = "Cookie: kehoach_session=" + officer.cookie(kSessionCookie) + "\r\n";
  const std::string head = "POST " + upload + " HTTP/1.1\r\n" + host + cookie + "Origin: " + officer.origin() +
                           "\r\nContent-Type: multipart/form-data; boundary=" + b + "\r\n";
  // A Content-Length the body never reaches: the browser gave up half way.
  const std::string cut = raw_exchange(server, head + "Content-Length: 60000\r\n\r\n" + csrf_part + file_head + table, true);
  CHECK((cut.empty() || status_of(cut) == "400"));
  // A body longer than its Content-Length: the rest is no request.
  const std::string body = csrf_part + file_head + table + "\r\n--" + b + "--\r\n";
  const std::string longer = raw_exchange(
      server, head + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body + "garbage that is not a request\r\n\r\n");
  CHECK(status_of(longer) == "303");  // the upload itself was whole and is kept
  CHECK(longer.find("\r\n\r\nHTTP/1.1 400 Bad Request\r\n") != std::string::npos);
  CHECK(server.count("versions") == 1);
  // The upload folder is emptied after each request, kept or refused.
  CHECK(fs::is_empty(fs::path(server.site().config().data_folder) / "tmp"));
}

TEST_CASE("the log says method, route and status of each request, never a name, a figure, a file's name or a secret") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id, "mat khau rieng 9137");
  Browser officer = server.browser();
  TestServer::sign_in(officer, "xa.anhoathinh", "mat khau rieng 9137");
  Browser guesser = server.browser();
  TestServer::sign_in(guesser, "xa.anhoathinh", "doan sai 4471");
  const std::string table = path_of(tree.commune_a, "thon") + "?nam=2022";
  const std::string upload = path_of(tree.commune_a, "thon/tai-len") + "?nam=2022";
  const std::string token = officer.get(table).csrf();
  CHECK(officer.post_file(upload, {{"csrf", token}}, "tep-thon", "bang-cua-xa-an-hoa-thinh.csv",
                          "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nSâm Cồn,8641,537,211\n").status == 303);
  CHECK(officer.post(table, {{"csrf", token}, {"hanh-dong", "luu"}, {"so-dong", "1"}, {"thon-1-ten", "Trùa"},
                             {"thon-1-so-ho", "7719"}, {"thon-1-ngheo", "bảy"}, {"thon-1-can-ngheo", "1"}}).status == 422);
  CHECK(officer.post(table, {{"csrf", "sai"}, {"thon-1-ten", "Trùa"}}).status == 403);
  CHECK(officer.send("POST", upload, "multipart/form-data; boundary=x", "Trùa 7719", {{"Origin", officer.origin()}}).status == 400);
  CHECK(officer.get("/don-vi/" + std::to_string(tree.commune_b.id) + "/thon?nam=2022").status == 404);
  CHECK(officer.get("/dang-nhap?ten=Trùa%ZZ").status == 400);
  const std::string session = officer.cookie(kSessionCookie);
  const std::string log = server.stop_and_read_log();

  std::set<std::string> patterns{"-"};
  for (const Route& route : server.server().router().routes()) patterns.insert(route.pattern);
  const std::regex line_format("(GET|POST) (\\S+) (\\d{3}) \\d+ ms");
  std::istringstream lines(log);
  int count = 0;
  for (std::string line; std::getline(lines, line);) {
    CAPTURE(line);
    ++count;
    std::smatch parts;
    REQUIRE(std::regex_match(line, parts, line_format));
    CHECK(patterns.count(parts[2].str()) == 1);
  }
  CHECK(count >= 11);
  CHECK(log.find("POST /don-vi/{unit}/thon/tai-len 303") != std::string::npos);
  CHECK(log.find("POST /don-vi/{unit}/thon 422") != std::string::npos);
  CHECK(log.find("POST /don-vi/{unit}/thon/tai-len 400") != std::string::npos);
  for (const std::string& personal : {std::string("xa.anhoathinh"), std::string("mat khau"), std::string("9137"),
                                      std::string("4471"), std::string("Sâm Cồn"), std::string("Trùa"), std::string("8641"),
                                      std::string("7719"), std::string("bang-cua-xa"), std::string("An Hòa Thịnh"),
                                      std::string("2022"), token, session, std::to_string(tree.commune_a.id) + "/"}) {
    CAPTURE(personal);
    CHECK(log.find(personal) == std::string::npos);
  }
}
