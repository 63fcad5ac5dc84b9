#include "store/database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Exception.h>

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

}  // namespace

DatabaseUrl parse_database_url(const std::string& url) {
  if (url.empty()) throw StoreError("chưa ghi cơ sở dữ liệu (--db).");
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) return {Backend::PostgreSQL, url};
  if (starts_with(url, "sqlite:")) {
    const std::string path = url.substr(7);
    if (path.empty()) throw StoreError("--db sqlite: cần đường dẫn tệp, ví dụ sqlite:/srv/kehoach/kehoach.db.");
    return {Backend::SQLite, path};
  }
  if (const auto scheme = url.find("://"); scheme != std::string::npos)
    throw StoreError("--db \"" + url.substr(0, scheme) + "://…\": chỉ dùng được PostgreSQL (postgresql://…) hoặc tệp SQLite.");
  return {Backend::SQLite, url};
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
      pool_ = std::make_unique<Poco::Data::SessionPool>(Poco::Data::PostgreSQL::Connector::KEY, url_.connection, 1,
                                                        max_sessions, 60);
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

Transaction::Transaction(Database& database, Session& session) : session_(session) {
  if (database.backend() == Backend::SQLite) lock_ = std::unique_lock<std::mutex>(database.sqlite_writes_);
  session_.begin();
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    session_.rollback();
  } catch (...) {  // the connection is gone: the database has dropped the transaction itself
  }
}

void Transaction::commit() {
  session_.commit();
  done_ = true;
}

}  // namespace kehoach
