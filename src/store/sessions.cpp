#include "store/sessions.h"
#include "store/database.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include <vector>

namespace kehoach {

using namespace Poco::Data::Keywords;

void add_session(Poco::Data::Session& session, const SessionRecord& record) {
  session << sql(session, "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen, notice) "
             "VALUES (?, ?, ?, ?, ?, ?)"),
      bind(record.token_hash), bind(static_cast<Poco::Int64>(record.account_id)), bind(record.csrf_token),
      bind(static_cast<Poco::Int64>(record.created_at)), bind(static_cast<Poco::Int64>(record.last_seen)),
      bind(record.notice), now;
}

std::optional<SessionRecord> find_session(Poco::Data::Session& session, const std::string& token_hash) {
  std::vector<Poco::Tuple<std::string, Poco::Int64, std::string, Poco::Int64, Poco::Int64, std::string>> rows;
  session << sql(session, "SELECT token_hash, account_id, csrf_token, created_at, last_seen, notice FROM sessions WHERE token_hash = ?"),
      bind(token_hash), into(rows), now;
  if (rows.empty()) return std::nullopt;
  const auto& row = rows.front();
  return SessionRecord{row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>(), row.get<5>()};
}

void touch_session(Poco::Data::Session& session, const std::string& token_hash, std::int64_t when) {
  session << sql(session, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?"), bind(static_cast<Poco::Int64>(when)),
      bind(token_hash), now;
}

void set_session_notice(Poco::Data::Session& session, const std::string& token_hash, const std::string& notice) {
  session << sql(session, "UPDATE sessions SET notice = ? WHERE token_hash = ?"), bind(notice), bind(token_hash), now;
}

void delete_session(Poco::Data::Session& session, const std::string& token_hash) {
  session << sql(session, "DELETE FROM sessions WHERE token_hash = ?"), bind(token_hash), now;
}

void delete_sessions_of(Poco::Data::Session& session, std::int64_t account) {
  session << sql(session, "DELETE FROM sessions WHERE account_id = ?"), bind(static_cast<Poco::Int64>(account)), now;
}

int delete_expired_sessions(Poco::Data::Session& session, std::int64_t idle_before, std::int64_t begun_before) {
  Poco::Data::Statement remove(session);
  remove << sql(session, "DELETE FROM sessions WHERE last_seen < ? OR created_at < ?"), bind(static_cast<Poco::Int64>(idle_before)),
      bind(static_cast<Poco::Int64>(begun_before));
  return static_cast<int>(remove.execute());
}

}  // namespace kehoach
