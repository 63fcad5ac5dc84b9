#pragma once
// A server of its own for each web test: a temporary data folder with its SQLite file, the server on a
// free loopback port, a clock the test moves, and browsers that keep their cookies and post forms with
// the token of the page they came from, as a person's browser does.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../unit/scratch_folder.h"
#include "store/accounts.h"
#include "store/database.h"
#include "store/units.h"
#include "web/security.h"
#include "web/server.h"
#include "web/site.h"

namespace kehoach::testing {

struct Page {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case name → value (the last one)
  std::vector<std::string> set_cookies;
  std::string header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
  }
  bool has(const std::string& text) const { return body.find(text) != std::string::npos; }
  // The value of the first form token on the page, or of the form posting to `action` ("" when none).
  std::string csrf(const std::string& action = "") const {
    const std::string mark = "name=\"csrf\" value=\"";
    const std::size_t form = action.empty() ? 0 : body.find("action=\"" + action + "\"");
    if (form == std::string::npos) return "";
    const std::size_t at = body.find(mark, form);
    if (at == std::string::npos) return "";
    const std::size_t start = at + mark.size();
    return body.substr(start, body.find('"', start) - start);
  }
};

using Fields = std::vector<std::pair<std::string, std::string>>;

inline std::string form_encoded(const Fields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    std::string encoded;
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
    body += (body.empty() ? "" : "&") + name + "=" + encoded;
  }
  return body;
}

class Browser {
 public:
  explicit Browser(std::uint16_t port) : port_(port), session_("127.0.0.1", port) {}

  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string cookie(const std::string& name) const {
    const auto found = cookies_.find(name);
    return found == cookies_.end() ? std::string() : found->second;
  }
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  void forget_cookies() { cookies_.clear(); }

  Page get(const std::string& path) { return send(Poco::Net::HTTPRequest::HTTP_GET, path, "", "", {}); }

  // A POST as a form sends it: urlencoded, with this site's Origin unless `origin` says otherwise
  // ("" for none).
  Page post(const std::string& path, const Fields& fields, std::optional<std::string> origin = std::nullopt,
            std::vector<std::pair<std::string, std::string>> headers = {}) {
    headers.emplace_back("Origin", origin.value_or(this->origin()));
    return send(Poco::Net::HTTPRequest::HTTP_POST, path, "application/x-www-form-urlencoded", form_encoded(fields),
                headers);
  }

  // A multipart form with one file.
  Page post_file(const std::string& path, const Fields& fields, const std::string& file_field,
                 const std::string& file_name, const std::string& bytes) {
    const std::string boundary = "----kehoach-test-boundary-7d1";
    std::string body;
    for (const auto& [name, value] : fields)
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" +
            file_name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    return send(Poco::Net::HTTPRequest::HTTP_POST, path, "multipart/form-data; boundary=" + boundary, body,
                {{"Origin", origin()}});
  }

  // Opens `page`, then posts `fields` to `action` with the page's form token: a person filling a form.
  Page submit(const std::string& page, const std::string& action, Fields fields) {
    const std::string token = get(page).csrf(action);
    fields.emplace_back("csrf", token.empty() ? get(page).csrf() : token);
    return post(action, fields);
  }

  Page send(const std::string& method, const std::string& path, const std::string& content_type,
            const std::string& body, const std::vector<std::pair<std::string, std::string>>& headers) {
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!cookies_.empty()) {
      Poco::Net::NameValueCollection jar;
      for (const auto& [name, value] : cookies_) jar.add(name, value);
      request.setCookies(jar);
    }
    bool chunked = false;
    for (const auto& [name, value] : headers) {
      if (name == "Transfer-Encoding") chunked = true;
      else if (!value.empty()) request.set(name, value);
    }
    if (chunked) {
      request.setChunkedTransferEncoding(true);
      if (!content_type.empty()) request.setContentType(content_type);
    } else if (!content_type.empty() || method == Poco::Net::HTTPRequest::HTTP_POST) {
      if (!content_type.empty()) request.setContentType(content_type);
      request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    std::ostream& out = session_.sendRequest(request);
    out << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session_.receiveResponse(response);
    Page page;
    page.status = response.getStatus();
    Poco::StreamCopier::copyToString(in, page.body);
    for (const auto& [name, value] : response) {
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "set-cookie") {
        page.set_cookies.push_back(value);
        keep_cookie(value);
      } else {
        page.headers[lower] = value;
      }
    }
    return page;
  }

 private:
  void keep_cookie(const std::string& set_cookie) {
    const std::size_t equals = set_cookie.find('=');
    const std::size_t end = set_cookie.find(';');
    const std::string name = set_cookie.substr(0, equals);
    const std::string value = set_cookie.substr(equals + 1, end - equals - 1);
    if (value.empty() || set_cookie.find("Max-Age=0") != std::string::npos) cookies_.erase(name);
    else cookies_[name] = value;
  }

  std::uint16_t port_;
  Poco::Net::HTTPClientSession session_;
  std::map<std::string, std::string> cookies_;
};

// With KEHOACH_TEST_POSTGRESQL=postgresql://USER@HOST:PORT/DB (a user who may create databases), each
// server gets a new PostgreSQL database of its own, dropped afterwards, instead of an SQLite file: the
// same tests on both (run them one at a time: ctest -j1).
class ScratchPostgresql {
 public:
  ScratchPostgresql() {
    const char* url = std::getenv("KEHOACH_TEST_POSTGRESQL");
    if (!url || !*url) return;
    admin_url_ = url;
    name_ = "kehoach_test_" + random_token().substr(0, 12);
    for (char& c : name_) c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    Database admin(parse_database_url(admin_url_), 1);
    Poco::Data::Session db = admin.session();
    db << "CREATE DATABASE " + name_, Poco::Data::Keywords::now;
  }
  ~ScratchPostgresql() {
    if (name_.empty()) return;
    try {
      Database admin(parse_database_url(admin_url_), 1);
      Poco::Data::Session db = admin.session();
      db << "DROP DATABASE " + name_ + " WITH (FORCE)", Poco::Data::Keywords::now;
    } catch (...) {  // left for whoever owns the test server to drop
    }
  }
  // The URL of the database made, or "" (then the site takes its SQLite file).
  std::string url() const {
    if (name_.empty()) return "";
    return admin_url_.substr(0, admin_url_.rfind('/') + 1) + name_;
  }

 private:
  std::string admin_url_, name_;
};

class TestServer {
 public:
  explicit TestServer(const std::function<void(WebServer&)>& before_start = {},
                      const std::function<void(SiteConfig&)>& configure = {}) {
    SiteConfig config = make_site_config(scratch_.file("data"));
    config.database_url = postgresql_.url();
    config.password_cost = minimum_password_cost();
    config.clock = [this] { return clock_.load(); };
    if (configure) configure(config);
    site_ = std::make_unique<Site>(std::move(config));
    server_ = std::make_unique<WebServer>(*site_, ServerOptions{"127.0.0.1:0", 8, &log_});
    if (before_start) before_start(*server_);
    server_->start();
  }
  ~TestServer() { server_->stop(); }

  Site& site() { return *site_; }
  WebServer& server() { return *server_; }
  std::uint16_t port() const { return server_->port(); }
  Browser browser() const { return Browser(server_->port()); }
  const ScratchFolder& scratch() const { return scratch_; }

  // Stops the server (every request answered and logged) and returns what it logged.
  std::string stop_and_read_log() {
    server_->stop();
    return log_.str();
  }

  std::int64_t now() const { return clock_.load(); }
  void advance(std::int64_t seconds) { clock_ += seconds; }

  // A unit, straight into the database.
  UnitRecord unit(Tier tier, const std::string& word, const std::string& name,
                  std::optional<std::int64_t> parent = std::nullopt) {
    Poco::Data::Session db = site_->database().session();
    Transaction transaction(site_->database(), db);
    UnitRecord unit{0, parent, tier, word, name, now()};
    unit = add_unit(db, unit);
    transaction.commit();
    return unit;
  }

  // An account with a password of its own (no change asked), straight into the database.
  AccountRecord account(const std::string& login, Role role, std::optional<std::int64_t> unit,
                        const std::string& password = "mat khau cua toi", bool must_change = false) {
    Poco::Data::Session db = site_->database().session();
    Transaction transaction(site_->database(), db);
    AccountRecord account;
    account.login = login;
    account.display_name = "Người dùng " + login;
    account.role = role;
    account.unit_id = unit;
    account.password_hash = hash_password(password, site_->config().password_cost);
    account.must_change_password = must_change;
    account.created_at = now();
    account = add_account(db, account);
    transaction.commit();
    return account;
  }

  // Signs the browser in; returns the page the sign-in answered with.
  static Page sign_in(Browser& browser, const std::string& login, const std::string& password = "mat khau cua toi") {
    return browser.submit("/dang-nhap", "/dang-nhap", {{"ten-dang-nhap", login}, {"mat-khau", password}});
  }

  // How many rows a table has now.
  long long count(const std::string& table) {
    Poco::Data::Session db = site_->database().session();
    Poco::Int64 rows = 0;
    db << "SELECT COUNT(*) FROM " + table, Poco::Data::Keywords::into(rows), Poco::Data::Keywords::now;
    return rows;
  }

 private:
  ScratchFolder scratch_;
  ScratchPostgresql postgresql_;
  std::atomic<std::int64_t> clock_{1'780'000'000};  // a day in 2026
  std::unique_ptr<Site> site_;
  std::ostringstream log_;  // written by the server's threads under its lock; read once it has stopped
  std::unique_ptr<WebServer> server_;
};

// A province, a commune with two villages, another commune: what most tests need.
struct SmallTree {
  UnitRecord province, commune_a, village_a1, village_a2, commune_b;
  explicit SmallTree(TestServer& server)
      : province(server.unit(Tier::Province, "Tỉnh", "Hà Tĩnh")),
        commune_a(server.unit(Tier::Commune, "Xã", "An Hòa Thịnh", province.id)),
        village_a1(server.unit(Tier::Village, "Thôn", "Sâm Cồn", commune_a.id)),
        village_a2(server.unit(Tier::Village, "Thôn", "Trùa", commune_a.id)),
        commune_b(server.unit(Tier::Commune, "Xã", "Kỳ Anh", province.id)) {}
};

}  // namespace kehoach::testing
