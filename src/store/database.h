#pragma once
// The database of `kehoach serve`: SQLite in a file by default, PostgreSQL for a province that runs one,
// through Poco::Data with the same SQL. Every statement the store writes is portable: standard types
// (BIGINT ids and times in seconds, VARCHAR/TEXT, INTEGER flags), `?` placeholders, no AUTOINCREMENT or
// SERIAL (ids come from store/ids.h), no upsert syntax. What differs between the two is here only: how
// a connection is opened and set up, and how writes are kept from stepping on one another.
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kehoach {

enum class Backend { SQLite, PostgreSQL };

struct DatabaseUrl {
  Backend backend = Backend::SQLite;
  std::string connection;  // SQLite: the file's path; PostgreSQL: libpq's "host=… dbname=…" made from the URL
};

// "postgresql://…" or "postgres://…" is PostgreSQL; "sqlite:PATH" or a plain path is an SQLite file.
// Throws StoreError for an empty URL or another scheme ("mysql://…").
DatabaseUrl parse_database_url(const std::string& url);

// The database cannot be opened or does not answer as expected. Its message is Vietnamese, for the
// person who started the server; never a user's data.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The statement as the session's database takes it: the store writes `?` placeholders, which SQLite
// takes; PostgreSQL (Poco's connector hands the text to libpq as it is) gets $1, $2, … in their place.
// Every statement of the store goes through it: `session << sql(session, "SELECT … WHERE id = ?"), …`.
std::string sql(Poco::Data::Session& session, std::string_view statement);

class Database {
 public:
  // Opens (and for SQLite creates) the database; throws StoreError when it cannot. `max_sessions`
  // bounds the pool: one session per request being served, so at least the server's threads.
  explicit Database(const DatabaseUrl& url, int max_sessions = 32);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return url_.backend; }

  // A session of the pool for one request (or one piece of work), returned to the pool when the last
  // copy goes. Throws StoreError when the pool is exhausted or the database is gone.
  Poco::Data::Session session();

 private:
  friend class Transaction;
  DatabaseUrl url_;
  std::unique_ptr<Poco::Data::SessionPool> pool_;
  // SQLite lets one writer in at a time: the server's writes queue here rather than meet SQLITE_BUSY
  // halfway through a transaction that read first. PostgreSQL does not need it and does not take it.
  std::mutex sqlite_writes_;
};

// A transaction that writes: begun on construction, rolled back on destruction unless committed.
// Every change of several rows goes through one, so that a request that fails changes nothing.
class Transaction {
 public:
  Transaction(Database& database, Poco::Data::Session& session);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  std::unique_lock<std::mutex> lock_;
  Poco::Data::Session& session_;
  bool sqlite_;
  bool done_ = false;
};

}  // namespace kehoach
