#include "store/database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <utility>
#include <vector>

namespace kehoach {
namespace {

using Poco::Data::Session;

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// Connectors are registered once for the process; Poco keeps them in a global table.
void register_connectors() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::PostgreSQL::Connector::registerConnector();
  });
}

// Every SQLite connection: foreign keys checked (off by default in SQLite), a busy wait rather than an
// error when another process (a backup) holds the file for a moment.
class SqlitePool : public Poco::Data::SessionPool {
 public:
  SqlitePool(const std::string& path, int max_sessions)
      : Poco::Data::SessionPool(Poco::Data::SQLite::Connector::KEY, path, 1, max_sessions, 60) {}

 protected:
  void customizeSession(Session& session) override {
    session << "PRAGMA foreign_keys = ON", Poco::Data::Keywords::now;
    session << "PRAGMA busy_timeout = 10000", Poco::Data::Keywords::now;
  }
};

// The URL a person writes, postgresql://USER:PASSWORD@HOST:PORT/DBNAME?sslmode=require, as the
// "key=value key=value" string Poco's PostgreSQL connector parses (it does not take URLs).
std::string postgresql_keywords(const std::string& url) {
  Poco::URI uri;
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception&) {
    throw StoreError("--db \"" + url + "\" không phải địa chỉ PostgreSQL; ghi như postgresql://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN_CSDL.");
  }
  std::vector<std::pair<std::string, std::string>> keywords;
  if (!uri.getHost().empty()) keywords.emplace_back("host", uri.getHost());
  if (uri.getPort() != 0 && url.find(":" + std::to_string(uri.getPort())) != std::string::npos)
    keywords.emplace_back("port", std::to_string(uri.getPort()));
  const std::string path = uri.getPath();
  if (path.size() > 1) keywords.emplace_back("dbname", path.substr(1));
  const std::string user_info = uri.getUserInfo();
  if (!user_info.empty()) {
    const std::size_t colon = user_info.find(':');
    std::string user, password;
    Poco::URI::decode(user_info.substr(0, colon), user);
    keywords.emplace_back("user", user);
    if (colon != std::string::npos) {
      Poco::URI::decode(user_info.substr(colon + 1), password);
      keywords.emplace_back("password", password);
    }
  }
  for (const auto& [key, value] : uri.getQueryParameters()) keywords.emplace_back(key, value);
  std::string text;
  for (const auto& [key, value] : keywords) {
    if (value.empty() || value.find_first_of(" '\\=") != std::string::npos)
      throw StoreError("--db: giá trị " + key + " của địa chỉ PostgreSQL trống hoặc có dấu cách, dấu ', \\ hay =, "
                       "mà kehoach chưa chuyển được; hãy đặt giá trị khác (hoặc dùng biến môi trường PGPASSWORD cho mật khẩu).");
    text += (text.empty() ? "" : " ") + key + "=" + value;
  }
  return text;
}

// Every PostgreSQL connection: the server's notices ("relation … already exists, skipping") are not
// printed on the console of the person who started kehoach; warnings and errors still come.
class PostgresqlPool : public Poco::Data::SessionPool {
 public:
  PostgresqlPool(const std::string& keywords, int max_sessions)
      : Poco::Data::SessionPool(Poco::Data::PostgreSQL::Connector::KEY, keywords, 1, max_sessions, 60) {}

 protected:
  void customizeSession(Session& session) override {
    session << "SET client_min_messages = warning", Poco::Data::Keywords::now;
  }
};

}  // namespace

DatabaseUrl parse_database_url(const std::string& url) {
  if (url.empty()) throw StoreError("chưa ghi cơ sở dữ liệu (--db).");
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) return {Backend::PostgreSQL, postgresql_keywords(url)};
  if (starts_with(url, "sqlite:")) {
    const std::string path = url.substr(7);
    if (path.empty()) throw StoreError("--db sqlite: cần đường dẫn tệp, ví dụ sqlite:/srv/kehoach/kehoach.db.");
    return {Backend::SQLite, path};
  }
  if (const auto scheme = url.find("://"); scheme != std::string::npos)
    throw StoreError("--db \"" + url.substr(0, scheme) + "://…\": chỉ dùng được PostgreSQL (postgresql://…) hoặc tệp SQLite.");
  return {Backend::SQLite, url};
}

std::string sql(Poco::Data::Session& session, std::string_view statement) {
  if (session.connector() != Poco::Data::PostgreSQL::Connector::KEY) return std::string(statement);
  std::string numbered;
  int placeholder = 0;
  bool quoted = false;  // inside '…': a '?' there is text
  for (char c : statement) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) numbered += "$" + std::to_string(++placeholder);
    else numbered += c;
  }
  return numbered;
}

Database::Database(const DatabaseUrl& url, int max_sessions) : url_(url) {
  register_connectors();
  try {
    if (url_.backend == Backend::SQLite) {
      pool_ = std::make_unique<SqlitePool>(url_.connection, max_sessions);
      // Readers do not wait for the writer, and a crash mid-write leaves the last commit whole.
      Session session = pool_->get();
      session << "PRAGMA journal_mode = WAL", Poco::Data::Keywords::now;
    } else {
      pool_ = std::make_unique<PostgresqlPool>(url_.connection, max_sessions);
      Session session = pool_->get();
      session << "SELECT 1", Poco::Data::Keywords::now;
    }
  } catch (const Poco::Exception& e) {
    throw StoreError("không mở được cơ sở dữ liệu " +
                     (url_.backend == Backend::SQLite ? url_.connection : std::string("PostgreSQL")) + ": " +
                     e.displayText());
  }
}

Database::~Database() {
  if (pool_) pool_->shutdown();
}

Session Database::session() {
  try {
    return pool_->get();
  } catch (const Poco::Exception& e) {
    throw StoreError("không lấy được phiên làm việc với cơ sở dữ liệu: " + e.displayText());
  }
}

// SQLite: BEGIN IMMEDIATE takes the write lock at once. Poco's begin() says BEGIN (deferred), whose first
// read takes a snapshot; in WAL mode, a write after another connection's commit (a session touched
// meanwhile) would then fail with SQLITE_BUSY_SNAPSHOT instead of waiting.
Transaction::Transaction(Database& database, Session& session)
    : session_(session), sqlite_(database.backend() == Backend::SQLite) {
  if (sqlite_) {
    lock_ = std::unique_lock<std::mutex>(database.sqlite_writes_);
    session_ << "BEGIN IMMEDIATE", Poco::Data::Keywords::now;
  } else {
    session_.begin();
  }
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    if (sqlite_) session_ << "ROLLBACK", Poco::Data::Keywords::now;
    else session_.rollback();
  } catch (...) {  // the connection is gone: the database has dropped the transaction itself
  }
}

void Transaction::commit() {
  if (sqlite_) session_ << "COMMIT", Poco::Data::Keywords::now;
  else session_.commit();
  done_ = true;
}

}  // namespace kehoach
