// The server as a whole: a stop lets the requests in flight finish, the demo and the first
// administrator, and the request log that names routes, never data.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <deque>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "web/account_admin.h"
#include "web/demo_data.h"
#include "web/submission_overview.h"
#include "web/work_versions.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

TEST_CASE("stopping the server lets a request in flight finish with its answer") {
  std::promise<void> entered;
  TestServer server([&entered](WebServer& web) {
    web.router().add({"GET", "/cham", Access::Public, [&entered](RequestContext&) {
                        entered.set_value();
                        std::this_thread::sleep_for(std::chrono::milliseconds(700));
                        Reply reply;
                        reply.body = "xong";
                        return reply;
                      }});
  });
  const std::uint16_t port = server.port();
  std::future<Page> slow = std::async(std::launch::async, [port] { return Browser(port).get("/cham"); });
  entered.get_future().wait();
  server.server().stop();
  const Page page = slow.get();
  CHECK(page.status == 200);
  CHECK(page.body == "xong");
  // Stopped: nothing listens any more.
  CHECK_THROWS(Browser(port).get("/dang-nhap"));
}

TEST_CASE("more browsers keeping their connection open than requests worked at once: none waits for another's to close") {
  std::atomic<int> working{0}, most{0};
  TestServer server([&](WebServer& web) {
    web.router().add({"GET", "/cham", Access::Public, [&](RequestContext&) {
                        const int now = ++working;
                        for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
                        }
                        std::this_thread::sleep_for(std::chrono::milliseconds(50));
                        --working;
                        Reply reply;
                        reply.body = "xong";
                        return reply;
                      }});
  });
  // 40 browsers, each with its connection kept open after its first page (the fixture's server works on 8
  // requests at once): a browser whose connection found no thread would wait for another's to time out (10 s).
  const auto started = std::chrono::steady_clock::now();
  std::deque<Browser> browsers;
  for (int i = 0; i < 40; ++i) CHECK(browsers.emplace_back(server.port()).get("/dang-nhap").status == 200);
  std::vector<std::future<int>> slow;
  for (Browser& browser : browsers) slow.push_back(std::async(std::launch::async, [&browser] { return browser.get("/cham").status; }));
  for (std::future<int>& status : slow) CHECK(status.get() == 200);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(8));
  // The work itself was bounded: never more than the server's 8 at once.
  CHECK(most.load() <= 8);
  CHECK(most.load() >= 2);
}

TEST_CASE("the request log says method, route and status, never a name, a password or a figure") {
  const ScratchFolder scratch;
  SiteConfig config = make_site_config(scratch.file("data"));
  config.password_cost = minimum_password_cost();
  Site site(config);
  const NewPassword admin = init_administrator(site, "quantri");
  std::ostringstream log;
  WebServer web(site, ServerOptions{"127.0.0.1:0", 4, &log});
  web.start();
  Browser browser(web.port());
  TestServer::sign_in(browser, "quantri", admin.one_time_password);
  browser.get("/don-vi/12345");
  web.stop();
  const std::string lines = log.str();
  CHECK(lines.find("GET /dang-nhap 200") != std::string::npos);
  CHECK(lines.find("POST /dang-nhap 303") != std::string::npos);
  CHECK(lines.find("GET /don-vi/{unit} 303") != std::string::npos);  // the pattern, not the id
  CHECK(lines.find("12345") == std::string::npos);
  CHECK(lines.find("quantri") == std::string::npos);
  CHECK(lines.find(admin.one_time_password) == std::string::npos);
}

TEST_CASE("KEHOACH_TEST_CLOCK_FILE: the server's clock is the system's plus the seconds in the file, read each time") {
  const ScratchFolder scratch;
  SiteConfig config = make_site_config(scratch.file("data"));
  config.password_cost = minimum_password_cost();
  config.clock_file = scratch.file("dong-ho");
  Site site(config);
  const auto system = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
  // No file yet, or nothing a number in it: the system's clock.
  std::int64_t before = system();
  CHECK(site.now() >= before);
  CHECK(site.now() <= system());
  for (const char* text : {"", "mười ngày\n", "86400x", "1e5"}) {
    CAPTURE(text);
    std::ofstream(config.clock_file) << text;
    CHECK(clock_offset_in(config.clock_file) == 0);
  }
  // Fourteen days later, then an hour earlier than the system: each read at once.
  std::ofstream(config.clock_file) << "1209600\n";
  before = system();
  CHECK(site.now() >= before + 1209600);
  CHECK(site.now() <= system() + 1209600);
  std::ofstream(config.clock_file) << " -3600 ";
  CHECK(clock_offset_in(config.clock_file) == -3600);
  CHECK(site.now() <= system() - 3600);
  // The year the pages offer follows it.
  std::ofstream(config.clock_file) << std::to_string(1'780'000'000 - system());
  CHECK(site.current_year() == 2026);
  // A clock given by a test in code comes first.
  config.clock = [] { return std::int64_t{42}; };
  config.data_folder = scratch.file("data-2");
  Site fixed(config);
  CHECK(fixed.now() == 42);
}

TEST_CASE("times are Vietnam's (UTC+7) on every page, whatever the server's time zone") {
  // 2026-05-28 20:26:40 UTC: already 29/05 in Vietnam, as Tình hình nộp judges deadlines.
  CHECK(vietnam_time(1'780'000'000) == "29/05/2026 03:26");
  // New Year's Eve 17:30 UTC is 00:30 of the new year in Vietnam: the pages offer the new plan year.
  const ScratchFolder scratch;
  SiteConfig config = make_site_config(scratch.file("data"));
  config.password_cost = minimum_password_cost();
  config.clock = [] { return std::int64_t{1'798'738'200}; };  // 2026-12-31 17:30 UTC
  Site site(config);
  CHECK(vietnam_time(site.now()) == "01/01/2027 00:30");
  CHECK(site.current_year() == 2027);
}

TEST_CASE("--init-admin makes an administrator with a one-time password, and gives it a new one when run again") {
  const ScratchFolder scratch;
  SiteConfig config = make_site_config(scratch.file("data"));
  config.password_cost = minimum_password_cost();
  Site site(config);
  const NewPassword first = init_administrator(site, "QuanTri");
  CHECK(first.account.login == "quantri");
  CHECK(first.account.role == Role::Administrator);
  CHECK(first.account.must_change_password);
  CHECK(verify_password(first.account.password_hash, first.one_time_password));
  const NewPassword again = init_administrator(site, "quantri");
  CHECK(again.account.id == first.account.id);
  CHECK(again.one_time_password != first.one_time_password);
  Poco::Data::Session db = site.database().session();
  const AccountRecord stored = *find_account_by_login(db, "quantri");
  CHECK(verify_password(stored.password_hash, again.one_time_password));
  CHECK_FALSE(verify_password(stored.password_hash, first.one_time_password));
  CHECK_THROWS_AS(init_administrator(site, "quản trị"), std::invalid_argument);
}

TEST_CASE("the demo: Hà Tĩnh, An Hòa Thịnh with the villages of its thon.csv, Kỳ Anh, Sơn Tây, one account each") {
  const ScratchFolder scratch;
  SiteConfig config = make_site_config(scratch.file("data"));
  config.password_cost = minimum_password_cost();
  Site site(config);
  const std::vector<NewPassword> accounts = load_demo(site);
  std::vector<std::string> logins;
  for (const NewPassword& made : accounts) logins.push_back(made.account.login);
  CHECK(logins == std::vector<std::string>{"quantri", "tinh.hatinh", "xa.anhoathinh", "xa.kyanh", "xa.sontay"});
  Poco::Data::Session db = site.database().session();
  const std::optional<UnitRecord> province = find_child_unit(db, std::nullopt, "Tỉnh Hà Tĩnh");
  REQUIRE(province);
  std::vector<std::string> communes;
  for (const UnitRecord& unit : child_units(db, province->id)) communes.push_back(unit.full_name());
  CHECK(communes == std::vector<std::string>{"Xã An Hòa Thịnh", "Xã Sơn Tây", "Xã Kỳ Anh"});
  const std::optional<UnitRecord> an_hoa_thinh = find_child_unit(db, province->id, "Xã An Hòa Thịnh");
  const std::vector<UnitRecord> villages = child_units(db, an_hoa_thinh->id);
  REQUIRE(villages.size() == 19);
  CHECK(villages.front().full_name() == "Thôn Sâm Cồn");
  CHECK(villages.back().full_name() == "Thôn Tân Thịnh");
  CHECK(accounts[2].account.unit_id == an_hoa_thinh->id);
  for (const NewPassword& made : accounts) CHECK(verify_password(made.account.password_hash, made.one_time_password));
  // Loaded again: the same units, the same accounts with new passwords.
  const long long units = static_cast<long long>(unit_tree_list(db).size());
  const std::vector<NewPassword> again = load_demo(site);
  CHECK(static_cast<long long>(unit_tree_list(db).size()) == units);
  CHECK(again[2].account.id == accounts[2].account.id);
  CHECK(again[2].one_time_password != accounts[2].one_time_password);
}

TEST_CASE("many browsers at once: reads and writes of the same tables never fail for one another") {
  TestServer server;
  const SmallTree tree(server);
  for (int i = 0; i < 6; ++i) server.account("quantri" + std::to_string(i), Role::Administrator, std::nullopt);
  const std::uint16_t port = server.port();
  std::vector<std::future<std::vector<int>>> done;
  for (int i = 0; i < 6; ++i)
    done.push_back(std::async(std::launch::async, [port, i, province = tree.province.id] {
      std::vector<int> statuses;
      Browser browser(port);
      statuses.push_back(TestServer::sign_in(browser, "quantri" + std::to_string(i)).status);
      for (int j = 0; j < 8; ++j) {
        const Page added = browser.submit("/quan-tri/don-vi", "/quan-tri/don-vi",
                                          {{"cap", "Xã"}, {"ten", "Xã số " + std::to_string(i * 100 + j)},
                                           {"thuoc", std::to_string(province)}});
        statuses.push_back(added.status);
        statuses.push_back(browser.get("/quan-tri/tai-khoan").status);
        Browser stranger(port);
        statuses.push_back(TestServer::sign_in(stranger, "quantri" + std::to_string(i), "sai").status);
      }
      return statuses;
    }));
  for (auto& result : done)
    for (int status : result.get()) CHECK((status == 200 || status == 303 || status == 422 || status == 429));
  CHECK(server.count("units") == 5 + 6 * 8);
}
