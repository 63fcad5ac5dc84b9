#pragma once
// The accounts table: who may sign in, with which role and for which unit. Passwords arrive here
// already hashed (web/security.h); the store never sees one in clear.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kehoach {

enum class Role {
  CommuneOfficer,   // cán bộ xã: reads and writes their commune (or ward) and its villages
  ProvinceOfficer,  // cán bộ tỉnh: the communes of their province (part 2: receiving, approving)
  Administrator,    // quản trị: the unit tree and the accounts
};

// "commune", "province", "admin" as stored; and back (nullopt for another word).
const char* role_key(Role role);
std::optional<Role> role_from_key(const std::string& key);

struct AccountRecord {
  std::int64_t id = 0;
  std::string login;         // what is typed to sign in: lower case letters, digits, '.', '-', '_'
  std::string display_name;  // "Nguyễn Văn A"
  Role role = Role::CommuneOfficer;
  std::optional<std::int64_t> unit_id;  // none for an administrator
  std::string password_hash;
  bool must_change_password = true;     // a one-time password: changed at the first sign-in
  bool disabled = false;
  std::int64_t created_at = 0;
  std::int64_t password_changed_at = 0;
};

// Inserts the account with a new id; returns it. Within a transaction. The caller has checked that the
// login is free (find_account_by_login); the UNIQUE constraint refuses a race.
AccountRecord add_account(Poco::Data::Session& session, AccountRecord account);

std::optional<AccountRecord> find_account(Poco::Data::Session& session, std::int64_t id);
std::optional<AccountRecord> find_account_by_login(Poco::Data::Session& session, const std::string& login);

// Every account, administrators first, then by login.
std::vector<AccountRecord> all_accounts(Poco::Data::Session& session);

// How many accounts there are with `role` (the first administrator is made when there is none).
int count_accounts(Poco::Data::Session& session, Role role);

void set_password(Poco::Data::Session& session, std::int64_t account, const std::string& hash, bool must_change,
                  std::int64_t when);
void set_disabled(Poco::Data::Session& session, std::int64_t account, bool disabled);

}  // namespace kehoach
