#pragma once
// The sessions table: one row per signed-in browser, found by the hash of its cookie's token (a stolen
// copy of the database gives no token that signs in).
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

namespace kehoach {

struct SessionRecord {
  std::string token_hash;
  std::int64_t account_id = 0;
  std::string csrf_token;  // carried by every form of the session, checked on every POST
  std::int64_t created_at = 0;
  std::int64_t last_seen = 0;
  std::string notice;      // said once on the next page ("Đã đổi mật khẩu."), then cleared
};

void add_session(Poco::Data::Session& session, const SessionRecord& record);
std::optional<SessionRecord> find_session(Poco::Data::Session& session, const std::string& token_hash);
void touch_session(Poco::Data::Session& session, const std::string& token_hash, std::int64_t when);
void set_session_notice(Poco::Data::Session& session, const std::string& token_hash, const std::string& notice);
void delete_session(Poco::Data::Session& session, const std::string& token_hash);
// Every session of the account: its password changed or was reset, or it was disabled.
void delete_sessions_of(Poco::Data::Session& session, std::int64_t account);
// Sessions idle since before `idle_before` or begun before `begun_before`; returns how many went.
int delete_expired_sessions(Poco::Data::Session& session, std::int64_t idle_before, std::int64_t begun_before);

}  // namespace kehoach
