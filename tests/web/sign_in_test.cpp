// Signing in, throttling, the forced change of a one-time password, sessions (rotation, idle timeout,
// sign-out), against a server on a loopback port.
#include <doctest/doctest.h>

#include "store/sessions.h"
#include "web/auth.h"
#include "web/security.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

TEST_CASE("sign-in: a wrong password is refused with the error summary naming the field, and no session begins") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  Browser browser = server.browser();
  const Page refused = TestServer::sign_in(browser, "xa.anhoathinh", "mat khau sai roi");
  CHECK(refused.status == 422);
  CHECK(refused.has("<title>Lỗi: Đăng nhập – kehoach</title>"));
  CHECK(refused.has("class=\"error-summary\""));
  CHECK(refused.has("<a href=\"#ten-dang-nhap\">Tên đăng nhập hoặc mật khẩu không đúng.</a>"));
  CHECK(refused.has("value=\"xa.anhoathinh\""));  // the name is kept, the password is not
  CHECK_FALSE(refused.has("mat khau sai roi"));
  CHECK(browser.cookie(kSessionCookie).empty());
  CHECK(server.count("sessions") == 0);
  // A name with no account says the same, so that names cannot be found out.
  const Page unknown = TestServer::sign_in(browser, "khong.co.ai", "mat khau sai roi");
  CHECK(unknown.status == 422);
  CHECK(unknown.has("Tên đăng nhập hoặc mật khẩu không đúng."));
  // Empty fields, each named.
  const Page empty = browser.submit("/dang-nhap", "/dang-nhap", {{"ten-dang-nhap", ""}, {"mat-khau", ""}});
  CHECK(empty.has("<a href=\"#ten-dang-nhap\">Hãy nhập tên đăng nhập.</a>"));
  CHECK(empty.has("<a href=\"#mat-khau\">Hãy nhập mật khẩu.</a>"));
  CHECK(empty.has("aria-invalid=\"true\""));

  const Page signed_in = TestServer::sign_in(browser, "xa.anhoathinh");
  CHECK(signed_in.status == 303);
  CHECK(signed_in.header("location") == "/");
  CHECK_FALSE(browser.cookie(kSessionCookie).empty());
  const Page home = browser.get("/");
  CHECK(home.status == 303);
  CHECK(home.header("location") == "/don-vi/" + std::to_string(tree.commune_a.id));
}

TEST_CASE("sign-in: five failures make the account wait a minute, then twice as long, the right password waits too") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  Browser browser = server.browser();
  for (int i = 0; i < 5; ++i) CHECK(TestServer::sign_in(browser, "xa.anhoathinh", "sai " + std::to_string(i)).status == 422);
  const Page blocked = TestServer::sign_in(browser, "xa.anhoathinh");
  CHECK(blocked.status == 429);
  CHECK(blocked.header("retry-after") == "60");
  CHECK(blocked.has("Đã đăng nhập sai nhiều lần. Hãy đợi 1 phút rồi thử lại"));
  CHECK(browser.cookie(kSessionCookie).empty());
  // Another browser (same address) and the same name: blocked too, it is the account that waits.
  Browser other = server.browser();
  CHECK(TestServer::sign_in(other, "xa.anhoathinh").status == 429);

  server.advance(61);
  CHECK(TestServer::sign_in(browser, "xa.anhoathinh", "sai lan nua").status == 422);
  const Page longer = TestServer::sign_in(browser, "xa.anhoathinh");
  CHECK(longer.status == 429);
  CHECK(longer.header("retry-after") == "120");
  server.advance(121);
  CHECK(TestServer::sign_in(browser, "xa.anhoathinh").status == 303);
  // Success forgets the account's failures: one slip now costs nothing.
  Browser third = server.browser();
  CHECK(TestServer::sign_in(third, "xa.anhoathinh", "sai").status == 422);
  CHECK(TestServer::sign_in(third, "xa.anhoathinh").status == 303);
}

TEST_CASE("sign-in: twenty failures from one address make every name from it wait") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.kyanh", Role::CommuneOfficer, tree.commune_b.id);
  Browser browser = server.browser();
  for (int i = 0; i < 20; ++i)
    CHECK(TestServer::sign_in(browser, "ten" + std::to_string(i), "sai").status == 422);
  const Page blocked = TestServer::sign_in(browser, "xa.kyanh");
  CHECK(blocked.status == 429);
  server.advance(61);
  CHECK(TestServer::sign_in(browser, "xa.kyanh").status == 303);
}

TEST_CASE("a one-time password must be changed at the first sign-in: every page leads there until it is") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id, "tam-thoi-1234", true);
  Browser browser = server.browser();
  CHECK(TestServer::sign_in(browser, "xa.anhoathinh", "tam-thoi-1234").status == 303);
  const std::string home = "/don-vi/" + std::to_string(tree.commune_a.id);
  for (const std::string& path : std::vector<std::string>{std::string("/"), home, home + "/ke-hoach", std::string("/quan-tri")}) {
    CAPTURE(path);
    const Page page = browser.get(path);
    CHECK(page.status == 303);
    CHECK(page.header("location") == "/doi-mat-khau");
  }
  const Page form = browser.get("/doi-mat-khau");
  CHECK(form.status == 200);
  CHECK(form.has("mật khẩu dùng một lần"));

  // Refused changes, each naming its field; the password stays as it was.
  const Page short_one = browser.submit("/doi-mat-khau", "/doi-mat-khau",
                                        {{"mat-khau-hien-tai", "tam-thoi-1234"}, {"mat-khau-moi", "ngan"},
                                         {"nhap-lai-mat-khau", "ngan"}});
  CHECK(short_one.status == 422);
  CHECK(short_one.has("<a href=\"#mat-khau-moi\">Mật khẩu mới cần ít nhất 10 ký tự.</a>"));
  const Page mismatch = browser.submit("/doi-mat-khau", "/doi-mat-khau",
                                       {{"mat-khau-hien-tai", "tam-thoi-1234"}, {"mat-khau-moi", "mot mat khau dai"},
                                        {"nhap-lai-mat-khau", "mot mat khau khac"}});
  CHECK(mismatch.has("<a href=\"#nhap-lai-mat-khau\">"));
  const Page wrong = browser.submit("/doi-mat-khau", "/doi-mat-khau",
                                    {{"mat-khau-hien-tai", "khong dung"}, {"mat-khau-moi", "mot mat khau dai"},
                                     {"nhap-lai-mat-khau", "mot mat khau dai"}});
  CHECK(wrong.has("<a href=\"#mat-khau-hien-tai\">Mật khẩu hiện tại không đúng.</a>"));
  CHECK(browser.get(home).header("location") == "/doi-mat-khau");

  const std::string before = browser.cookie(kSessionCookie);
  const Page changed = browser.submit("/doi-mat-khau", "/doi-mat-khau",
                                      {{"mat-khau-hien-tai", "tam-thoi-1234"}, {"mat-khau-moi", "mot mat khau dai"},
                                       {"nhap-lai-mat-khau", "mot mat khau dai"}});
  CHECK(changed.status == 303);
  CHECK(browser.cookie(kSessionCookie) != before);  // a new session with the new password
  const Page page = browser.get(home);
  CHECK(page.status == 200);
  CHECK(page.has("Đã đổi mật khẩu."));
  CHECK_FALSE(browser.get(home).has("Đã đổi mật khẩu."));  // said once

  Browser again = server.browser();
  CHECK(TestServer::sign_in(again, "xa.anhoathinh", "tam-thoi-1234").status == 422);
  CHECK(TestServer::sign_in(again, "xa.anhoathinh", "mot mat khau dai").status == 303);
}

TEST_CASE("sessions: a new token at every sign-in, stored only hashed, a token planted before sign-in is dropped") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  const std::string home = "/don-vi/" + std::to_string(tree.commune_a.id);

  Browser first = server.browser();
  TestServer::sign_in(first, "xa.anhoathinh");
  const std::string first_token = first.cookie(kSessionCookie);
  REQUIRE(first_token.size() == 43);
  {
    Poco::Data::Session db = server.site().database().session();
    CHECK(find_session(db, token_hash(first_token)));
    CHECK_FALSE(find_session(db, first_token));
  }
  // The same browser signing in again: another token, and the one it had no longer works.
  TestServer::sign_in(first, "xa.anhoathinh");
  const std::string second_token = first.cookie(kSessionCookie);
  CHECK(second_token != first_token);
  Browser stale = server.browser();
  stale.set_cookie(kSessionCookie, first_token);
  CHECK(stale.get(home).header("location") == "/dang-nhap?het-han=1");
  CHECK(first.get(home).status == 200);

  // A cookie set by someone else before the victim signs in (session fixation) is not what it gets:
  // neither a value made up nor a session of the one who planted it.
  Browser victim = server.browser();
  const std::string planted = random_token();
  victim.set_cookie(kSessionCookie, planted);
  TestServer::sign_in(victim, "xa.anhoathinh");
  CHECK(victim.cookie(kSessionCookie) != planted);
  Browser other_victim = server.browser();
  other_victim.set_cookie(kSessionCookie, second_token);
  TestServer::sign_in(other_victim, "xa.anhoathinh");
  CHECK(other_victim.cookie(kSessionCookie) != second_token);
  CHECK(first.get(home).header("location") == "/dang-nhap?het-han=1");  // the planted session ended

  // The cookie's attributes.
  Browser fresh = server.browser();
  const Page signed_in = TestServer::sign_in(fresh, "xa.anhoathinh");
  REQUIRE_FALSE(signed_in.set_cookies.empty());
  const std::string cookie = signed_in.set_cookies.front();
  CHECK(cookie.rfind("kehoach_session=", 0) == 0);
  CHECK(cookie.find("; HttpOnly") != std::string::npos);
  CHECK(cookie.find("; SameSite=Lax") != std::string::npos);
  CHECK(cookie.find("; Path=/") != std::string::npos);
  CHECK(cookie.find("Secure") == std::string::npos);  // plain HTTP on loopback
}

TEST_CASE("sessions end after the idle timeout and at sign-out") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  const std::string home = "/don-vi/" + std::to_string(tree.commune_a.id);
  Browser browser = server.browser();
  TestServer::sign_in(browser, "xa.anhoathinh");
  // Requests keep it alive.
  for (int i = 0; i < 3; ++i) {
    server.advance(server.site().config().idle_timeout - 60);
    CHECK(browser.get(home).status == 200);
  }
  server.advance(server.site().config().idle_timeout + 1);
  const Page expired = browser.get(home);
  CHECK(expired.status == 303);
  CHECK(expired.header("location") == "/dang-nhap?het-han=1");
  CHECK(browser.cookie(kSessionCookie).empty());
  CHECK(server.count("sessions") == 0);
  CHECK(browser.get("/dang-nhap?het-han=1").has("Phiên làm việc đã kết thúc"));

  TestServer::sign_in(browser, "xa.anhoathinh");
  const std::string token = browser.cookie(kSessionCookie);
  const Page out = browser.submit(home, "/dang-xuat", {});
  CHECK(out.status == 303);
  CHECK(out.header("location") == "/dang-nhap?da-dang-xuat=1");
  CHECK(server.count("sessions") == 0);
  Browser replay = server.browser();
  replay.set_cookie(kSessionCookie, token);
  CHECK(replay.get(home).status == 303);
}

TEST_CASE("sessions and failures that have ended are removed at the next sign-in, even of browsers that never return") {
  TestServer server;
  const SmallTree tree(server);
  server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  server.account("xa.kyanh", Role::CommuneOfficer, tree.commune_b.id);
  Browser gone = server.browser();
  TestServer::sign_in(gone, "xa.anhoathinh");
  TestServer::sign_in(gone, "ai.do", "doan thu");
  CHECK(server.count("sessions") == 1);
  CHECK(server.count("login_throttle") == 2);
  server.advance(24 * 60 * 60 + 1);
  Browser later = server.browser();
  TestServer::sign_in(later, "xa.kyanh");
  CHECK(server.count("sessions") == 1);
  CHECK(server.count("login_throttle") == 0);
}
