#include "store/accounts.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <algorithm>

#include "store/database.h"
#include "store/ids.h"

namespace kehoach {
namespace {

using namespace Poco::Data::Keywords;
using Row = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, Poco::Nullable<Poco::Int64>, std::string,
                        Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;
constexpr const char* kColumns =
    "SELECT id, login, display_name, role, unit_id, password_hash, must_change_password, disabled, created_at, "
    "password_changed_at FROM accounts";

AccountRecord record(const Row& row) {
  AccountRecord account;
  account.id = row.get<0>();
  account.login = row.get<1>();
  account.display_name = row.get<2>();
  const std::optional<Role> role = role_from_key(row.get<3>());
  if (!role) throw StoreError("bảng tài khoản có vai trò \"" + row.get<3>() + "\" không rõ.");
  account.role = *role;
  if (!row.get<4>().isNull()) account.unit_id = row.get<4>().value();
  account.password_hash = row.get<5>();
  account.must_change_password = row.get<6>() != 0;
  account.disabled = row.get<7>() != 0;
  account.created_at = row.get<8>();
  account.password_changed_at = row.get<9>();
  return account;
}

std::optional<AccountRecord> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return record(rows.front());
}

Poco::Int64 flag(bool value) { return value ? 1 : 0; }

}  // namespace

const char* role_key(Role role) {
  switch (role) {
    case Role::CommuneOfficer: return "commune";
    case Role::ProvinceOfficer: return "province";
    case Role::Administrator: return "admin";
  }
  return "commune";
}

std::optional<Role> role_from_key(const std::string& key) {
  for (Role role : {Role::CommuneOfficer, Role::ProvinceOfficer, Role::Administrator})
    if (key == role_key(role)) return role;
  return std::nullopt;
}

AccountRecord add_account(Poco::Data::Session& session, AccountRecord account) {
  account.id = next_id(session, "accounts");
  const Poco::Nullable<Poco::Int64> unit =
      account.unit_id ? Poco::Nullable<Poco::Int64>(*account.unit_id) : Poco::Nullable<Poco::Int64>();
  session << sql(session, "INSERT INTO accounts (id, login, display_name, role, unit_id, password_hash, must_change_password, "
             "disabled, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      bind(static_cast<Poco::Int64>(account.id)), bind(account.login), bind(account.display_name),
      bind(std::string(role_key(account.role))), bind(unit), bind(account.password_hash),
      bind(flag(account.must_change_password)), bind(flag(account.disabled)),
      bind(static_cast<Poco::Int64>(account.created_at)), bind(static_cast<Poco::Int64>(account.password_changed_at)), now;
  return account;
}

std::optional<AccountRecord> find_account(Poco::Data::Session& session, std::int64_t id) {
  std::vector<Row> rows;
  session << sql(session, std::string(kColumns) + " WHERE id = ?"), bind(static_cast<Poco::Int64>(id)), into(rows), now;
  return first(rows);
}

std::optional<AccountRecord> find_account_by_login(Poco::Data::Session& session, const std::string& login) {
  std::vector<Row> rows;
  session << sql(session, std::string(kColumns) + " WHERE login = ?"), bind(login), into(rows), now;
  return first(rows);
}

std::vector<AccountRecord> all_accounts(Poco::Data::Session& session) {
  std::vector<Row> rows;
  session << sql(session, std::string(kColumns) + " ORDER BY login"), into(rows), now;
  std::vector<AccountRecord> accounts;
  for (const Row& row : rows) accounts.push_back(record(row));
  std::stable_partition(accounts.begin(), accounts.end(),
                        [](const AccountRecord& a) { return a.role == Role::Administrator; });
  return accounts;
}

int count_accounts(Poco::Data::Session& session, Role role) {
  Poco::Int64 count = 0;
  session << sql(session, "SELECT COUNT(*) FROM accounts WHERE role = ?"), bind(std::string(role_key(role))), into(count), now;
  return static_cast<int>(count);
}

void set_password(Poco::Data::Session& session, std::int64_t account, const std::string& hash, bool must_change,
                  std::int64_t when) {
  session << sql(session, "UPDATE accounts SET password_hash = ?, must_change_password = ?, password_changed_at = ? WHERE id = ?"),
      bind(hash), bind(flag(must_change)), bind(static_cast<Poco::Int64>(when)), bind(static_cast<Poco::Int64>(account)),
      now;
}

void set_disabled(Poco::Data::Session& session, std::int64_t account, bool disabled) {
  session << sql(session, "UPDATE accounts SET disabled = ? WHERE id = ?"), bind(flag(disabled)),
      bind(static_cast<Poco::Int64>(account)), now;
}

}  // namespace kehoach
