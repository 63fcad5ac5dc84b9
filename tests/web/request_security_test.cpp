// What every request gets whatever its page: the security headers, the form token and the Origin check
// of every POST (and nothing saved when they fail), the limits of a form's body.
#include <doctest/doctest.h>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

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
