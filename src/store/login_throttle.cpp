#include "store/login_throttle.h"
#include "store/database.h"

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Tuple.h>

#include <vector>

namespace kehoach {

using namespace Poco::Data::Keywords;

ThrottleRecord find_throttle(Poco::Data::Session& session, const std::string& key) {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64>> rows;
  session << sql(session, "SELECT failures, blocked_until, last_failure FROM login_throttle WHERE throttle_key = ?"), bind(key),
      into(rows), now;
  ThrottleRecord record{key, 0, 0, 0};
  if (!rows.empty()) {
    record.failures = static_cast<int>(rows.front().get<0>());
    record.blocked_until = rows.front().get<1>();
    record.last_failure = rows.front().get<2>();
  }
  return record;
}

void ensure_throttle(Poco::Data::Session& session, const std::string& key) {
  // No upsert: its syntax differs between SQLite and PostgreSQL. Two requests may both insert: the
  // second one's is refused by the key, and the row is there, which is all that is wanted.
  try {
    session << sql(session, "INSERT INTO login_throttle (throttle_key, failures, blocked_until, last_failure) "
                            "SELECT ?, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM login_throttle WHERE throttle_key = ?)"),
        bind(key), bind(key), now;
  } catch (const Poco::Exception&) {
    Poco::Int64 there = 0;
    session << sql(session, "SELECT COUNT(*) FROM login_throttle WHERE throttle_key = ?"), bind(key), into(there), now;
    if (there == 0) throw;
  }
}

ThrottleRecord lock_throttle(Poco::Data::Session& session, const std::string& key) {
  session << sql(session, "UPDATE login_throttle SET failures = failures WHERE throttle_key = ?"), bind(key), now;
  return find_throttle(session, key);
}

void save_throttle(Poco::Data::Session& session, const ThrottleRecord& record) {
  Poco::Data::Statement update(session);
  update << sql(session, "UPDATE login_throttle SET failures = ?, blocked_until = ?, last_failure = ? WHERE throttle_key = ?"),
      bind(static_cast<Poco::Int64>(record.failures)), bind(static_cast<Poco::Int64>(record.blocked_until)),
      bind(static_cast<Poco::Int64>(record.last_failure)), bind(record.key);
  if (update.execute() > 0) return;
  session << sql(session, "INSERT INTO login_throttle (throttle_key, failures, blocked_until, last_failure) VALUES (?, ?, ?, ?)"),
      bind(record.key), bind(static_cast<Poco::Int64>(record.failures)),
      bind(static_cast<Poco::Int64>(record.blocked_until)), bind(static_cast<Poco::Int64>(record.last_failure)), now;
}

void clear_throttle(Poco::Data::Session& session, const std::string& key) {
  session << sql(session, "DELETE FROM login_throttle WHERE throttle_key = ?"), bind(key), now;
}

int delete_stale_throttles(Poco::Data::Session& session, std::int64_t before, std::int64_t now) {
  Poco::Data::Statement remove(session);
  remove << sql(session, "DELETE FROM login_throttle WHERE last_failure < ? AND blocked_until < ?"),
      bind(static_cast<Poco::Int64>(before)), bind(static_cast<Poco::Int64>(now));
  return static_cast<int>(remove.execute());
}

}  // namespace kehoach
