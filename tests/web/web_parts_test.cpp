// The web application's pieces on their own: escaping, routes, throttling, secrets, addresses, form text.
#include <doctest/doctest.h>

#include <set>

#include "text/replace_all.h"
#include "web/form_text.h"
#include "web/html.h"
#include "web/router.h"
#include "web/security.h"
#include "web/server.h"
#include "web/throttle.h"
#include "web/unit_admin.h"

using namespace kehoach;

TEST_CASE("form text: lists typed a line an item, dates and due dates as the plan reader takes them") {
  CHECK(typed_items("  Đảng ủy; HĐND\r\n\n\tLưu: VT \n") == std::vector<std::string>{"Đảng ủy; HĐND", "Lưu: VT"});
  CHECK(typed_items("").empty());
  CHECK(joined({"a", "b", "c"}, "\n\n") == "a\n\nb\n\nc");
  CHECK(joined({}, ", ").empty());
  CHECK(date_text(Date{2022, 3, 5}) == "05/03/2022");
  CHECK(date_text(Date{2022, 11, 0}) == "11/2022");
  ReportDue due{Period::H1, 10, 6};
  CHECK(due_text(due) == "10/06");
  due.year = 2023;
  CHECK(due_text(due) == "10/06/2023");
}

TEST_CASE("a temporary path in a message is replaced by the name the user knows, every time it occurs") {
  CHECK(replace_all("/tmp/tai-len-x/f: dòng 2; /tmp/tai-len-x/f", "/tmp/tai-len-x/f", "thon.csv") == "thon.csv: dòng 2; thon.csv");
  CHECK(replace_all("aaa", "a", "aa") == "aaaaaa");  // never inside what was put in
  CHECK(replace_all("abc", "", "x") == "abc");
}

TEST_CASE("every value written into a page is escaped, in text and in attributes") {
  CHECK(escape_html("<script>alert(\"x\")</script> & 'y'") ==
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  CHECK(escape_html("Xã An Hòa Thịnh") == "Xã An Hòa Thịnh");
  CHECK(url_encode("Kế hoạch 2026.docx") == "K%E1%BA%BF%20ho%E1%BA%A1ch%202026.docx");
}

TEST_CASE("routes match literal segments and {parameters}, and tell a path of another method from none") {
  Router router;
  const Handler none = [](RequestContext&) { return Reply{}; };
  router.add({"GET", "/", Access::Public, none});
  router.add({"GET", "/don-vi/{unit}", Access::Unit, none});
  router.add({"GET", "/don-vi/{unit}/ke-hoach", Access::Unit, none});
  router.add({"POST", "/quan-tri/tai-khoan/{account}/khoa", Access::Administrator, none});
  CHECK(router.match("GET", "/").route->pattern == "/");
  const Router::Match home = router.match("GET", "/don-vi/12");
  REQUIRE(home.route);
  CHECK(home.route->pattern == "/don-vi/{unit}");
  CHECK(home.params.at("unit") == "12");
  CHECK(router.match("GET", "/don-vi/12/ke-hoach").route->pattern == "/don-vi/{unit}/ke-hoach");
  CHECK_FALSE(router.match("GET", "/don-vi/").route);
  CHECK_FALSE(router.match("GET", "/don-vi/12/").route);
  CHECK_FALSE(router.match("GET", "/don-vi/12/bao-cao").route);
  const Router::Match wrong_method = router.match("GET", "/quan-tri/tai-khoan/3/khoa");
  CHECK_FALSE(wrong_method.route);
  CHECK(wrong_method.other_method);
  CHECK_THROWS_AS(router.add({"GET", "/", Access::Public, none}), std::logic_error);
  CHECK_THROWS_AS(router.add({"GET", "/thon/{id}", Access::Unit, none}), std::logic_error);  // a Unit route needs {unit}
  router.replace({"GET", "/", Access::Account, none});
  CHECK(router.match("GET", "/").route->access == Access::Account);
}

TEST_CASE("throttling: free failures, then a wait that doubles up to its ceiling, forgotten after a quiet while") {
  ThrottleRecord record{"tai-khoan:a", 0, 0, 0};
  std::int64_t now = 1000;
  for (int i = 0; i < 4; ++i) {
    record = after_failure(record, kAccountThrottle, now);
    CHECK(seconds_blocked(record, now) == 0);
  }
  record = after_failure(record, kAccountThrottle, now);  // the fifth
  CHECK(seconds_blocked(record, now) == 60);
  std::vector<std::int64_t> waits;
  for (int i = 0; i < 6; ++i) {
    now = record.blocked_until;
    record = after_failure(record, kAccountThrottle, now);
    waits.push_back(seconds_blocked(record, now));
  }
  CHECK(waits == std::vector<std::int64_t>{120, 240, 480, 900, 900, 900});
  record = after_failure(record, kAccountThrottle, now + kAccountThrottle.forget_after + 1);
  CHECK(record.failures == 1);
  CHECK(wait_words(30) == "30 giây");
  CHECK(wait_words(61) == "2 phút");
}

TEST_CASE("passwords are hashed with Argon2id, salted, and verified, tokens are random and stored hashed") {
  const std::string hash = hash_password("mật khẩu dài đủ", minimum_password_cost());
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(hash != hash_password("mật khẩu dài đủ", minimum_password_cost()));
  CHECK(verify_password(hash, "mật khẩu dài đủ"));
  CHECK_FALSE(verify_password(hash, "mật khẩu dài đủ "));
  CHECK_FALSE(verify_password("", "x"));
  CHECK(password_needs_rehash(hash, interactive_password_cost()));
  CHECK_FALSE(password_needs_rehash(hash, minimum_password_cost()));
  // The server's cost: libsodium's interactive limits, 64 MiB.
  CHECK(interactive_password_cost().memory == 64u * 1024 * 1024);

  const std::string token = random_token();
  CHECK(token.size() == 43);
  CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
  CHECK(token != random_token());
  CHECK(token_hash(token).size() == 64);
  CHECK(token_hash(token) == token_hash(token));
  CHECK(token_hash(token).find(token) == std::string::npos);
  CHECK(same_secret(token, token));
  CHECK_FALSE(same_secret(token, random_token()));
  CHECK_FALSE(same_secret(token, ""));
}

TEST_CASE("one-time passwords: three groups of four, no look-alike characters, different each time") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string password = one_time_password();
    CHECK(password.size() == 14);
    CHECK(password[4] == '-');
    CHECK(password[9] == '-');
    CHECK(password.find_first_of("01oli") == std::string::npos);
    seen.insert(password);
  }
  CHECK(seen.size() == 50);
  CHECK(new_password_problem("ngắn") == "Mật khẩu mới cần ít nhất 10 ký tự.");
  CHECK(new_password_problem("          ") == "Hãy nhập mật khẩu mới.");
  CHECK(new_password_problem("mười ký tự đủ") == "");
}

TEST_CASE("--listen takes ADDR:PORT, [IPv6]:PORT and :PORT, and refuses the rest") {
  CHECK(parse_listen_address("127.0.0.1:8080").host == "127.0.0.1");
  CHECK(parse_listen_address("127.0.0.1:8080").port == 8080);
  CHECK(parse_listen_address("[::1]:0").host == "::1");
  CHECK(parse_listen_address(":80").host == "0.0.0.0");
  CHECK_THROWS_AS(parse_listen_address("8080"), std::invalid_argument);
  CHECK_THROWS_AS(parse_listen_address("127.0.0.1:99999"), std::invalid_argument);
  CHECK_THROWS_AS(parse_listen_address("127.0.0.1:http"), std::invalid_argument);
}

TEST_CASE("what may hold what in the unit tree") {
  CHECK(may_hold(std::nullopt, Tier::Province));
  CHECK_FALSE(may_hold(std::nullopt, Tier::Commune));
  CHECK(may_hold(Tier::Province, Tier::Commune));
  CHECK(may_hold(Tier::Province, Tier::District));
  CHECK(may_hold(Tier::District, Tier::Commune));
  CHECK(may_hold(Tier::Commune, Tier::Village));
  CHECK_FALSE(may_hold(Tier::Province, Tier::Village));
  CHECK_FALSE(may_hold(Tier::Village, Tier::Village));
  CHECK_FALSE(may_hold(Tier::Commune, Tier::Province));
}
