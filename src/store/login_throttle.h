#pragma once
// The login_throttle table: failed sign-ins counted per key ("tai-khoan:…" for an account name,
// "dia-chi:…" for an address). What the counts mean (when to refuse, for how long) is web/throttle.h's.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>

namespace kehoach {

struct ThrottleRecord {
  std::string key;
  int failures = 0;
  std::int64_t blocked_until = 0;
  std::int64_t last_failure = 0;
};

// The key's record, or a fresh one (no failures) when it has none.
ThrottleRecord find_throttle(Poco::Data::Session& session, const std::string& key);

// Counting a failure, which many requests may do at once for one key (an office's address):
//   ensure_throttle(db, key);                      // outside the transaction: the key's row exists
//   Transaction transaction(database, db);
//   ThrottleRecord record = lock_throttle(db, key);  // its row locked until the transaction ends
//   save_throttle(db, after_failure(record, …));
//   transaction.commit();
// so that no failure is lost and no two requests insert the same key.
void ensure_throttle(Poco::Data::Session& session, const std::string& key);
ThrottleRecord lock_throttle(Poco::Data::Session& session, const std::string& key);
// Writes the record (updated; inserted when the key's row went meanwhile). Within a transaction.
void save_throttle(Poco::Data::Session& session, const ThrottleRecord& record);
void clear_throttle(Poco::Data::Session& session, const std::string& key);
// Records of keys whose last failure was before `before` and that wait no longer: names tried once by
// someone guessing, kept no longer than they count. Returns how many went.
int delete_stale_throttles(Poco::Data::Session& session, std::int64_t before, std::int64_t now);

}  // namespace kehoach
