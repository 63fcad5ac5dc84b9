#include "web/account_admin.h"

#include <stdexcept>

#include "store/database.h"
#include "store/ids.h"
#include "store/sessions.h"
#include "store/units.h"
#include "text/hidden_characters.h"
#include "text/unicode.h"
#include "web/access.h"
#include "web/labels.h"
#include "web/security.h"

namespace kehoach {
namespace {

bool login_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

std::string lower_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string display_name_problem(const std::string& name) {
  if (name.empty()) return "Hãy nhập họ tên người dùng tài khoản.";
  if (first_hidden_character(name)) return "Họ tên có ký tự ẩn (ký tự điều khiển hoặc ký tự không thấy); hãy gõ lại.";
  if (character_count(name) > 200) return "Họ tên dài quá 200 ký tự.";
  return "";
}

// The unit an account of `role` belongs to, from the form's value; the problem goes to `errors`.
std::optional<UnitRecord> account_unit(Poco::Data::Session& db, Role role, const std::string& value, FormErrors& errors) {
  if (role == Role::Administrator) return std::nullopt;
  const Tier wanted = role == Role::CommuneOfficer ? Tier::Commune : Tier::Province;
  const std::string what = role == Role::CommuneOfficer ? "xã, phường" : "tỉnh";
  std::optional<UnitRecord> unit;
  if (const std::optional<std::int64_t> id = parse_id(value)) unit = find_unit(db, *id);
  if (!unit) {
    errors.add("don-vi", "Hãy chọn " + what + " của tài khoản.");
    return std::nullopt;
  }
  if (unit->tier != wanted) {
    errors.add("don-vi", role == Role::CommuneOfficer ? "Cán bộ xã cần thuộc một xã, phường; " + unit->full_name() + " không phải xã, phường."
                                                     : "Cán bộ tỉnh cần thuộc một tỉnh; " + unit->full_name() + " không phải tỉnh.");
    return std::nullopt;
  }
  return unit;
}

NewPassword with_new_password(Site& site, AccountRecord account) {
  const std::string password = one_time_password();
  account.password_hash = hash_password(password, site.config().password_cost);
  account.must_change_password = true;
  account.password_changed_at = site.now();
  return {std::move(account), password};
}

// The change to `account` in the audit log, under the unit the account belongs to (none for an administrator).
void audit(Poco::Data::Session& db, const AuditActor& by, const std::string& action, const AccountRecord& account,
           const std::string& detail) {
  AuditEntry entry = audit_entry(by, action);
  entry.unit_id = account.unit_id.value_or(0);
  entry.detail = detail;
  append_audit(db, entry);
}

}  // namespace

std::string login_problem(const std::string& login) {
  if (login.empty()) return "Hãy nhập tên đăng nhập.";
  if (login.size() < 3 || login.size() > 64) return "Tên đăng nhập cần từ 3 đến 64 ký tự.";
  for (char c : login)
    if (!login_character(c))
      return "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . - _ (ví dụ: nguyenvana hoặc xa.anhoathinh).";
  if (login[0] == '.' || login[0] == '-' || login[0] == '_') return "Tên đăng nhập cần bắt đầu bằng chữ hoặc số.";
  return "";
}

std::optional<NewPassword> create_account(Site& site, Poco::Data::Session& db, const AccountForm& form, FormErrors& errors,
                                          const AuditActor& by) {
  const std::string login = lower_ascii(clean_text(form.login));
  if (const std::string problem = login_problem(login); !problem.empty()) errors.add("ten-dang-nhap", problem);
  const std::string display_name = clean_text(form.display_name);
  if (const std::string problem = display_name_problem(display_name); !problem.empty()) errors.add("ho-ten", problem);
  const std::optional<Role> role = role_from_key(form.role);
  if (!role) errors.add("vai-tro", "Hãy chọn vai trò của tài khoản.");
  std::optional<UnitRecord> unit;
  if (role) unit = account_unit(db, *role, form.unit, errors);
  if (!errors.empty()) return std::nullopt;

  AccountRecord account;
  account.login = login;
  account.display_name = display_name;
  account.role = *role;
  if (unit) account.unit_id = unit->id;
  account.created_at = site.now();
  NewPassword made = with_new_password(site, std::move(account));
  Transaction transaction(site.database(), db);
  lock_table(db, "accounts");
  if (find_account_by_login(db, login)) {
    errors.add("ten-dang-nhap", "Đã có tài khoản \"" + login + "\"; hãy chọn tên đăng nhập khác.");
    return std::nullopt;
  }
  made.account = add_account(db, made.account);
  audit(db, by, "account.create", made.account,
        "Tạo tài khoản " + made.account.login + " (" + role_label(made.account.role) + ").");
  transaction.commit();
  return made;
}

std::optional<NewPassword> reset_password(Site& site, Poco::Data::Session& db, std::int64_t id, const AuditActor& by) {
  std::optional<AccountRecord> account = find_account(db, id);
  if (!account) return std::nullopt;
  const bool was_disabled = account->disabled;
  NewPassword reset = with_new_password(site, std::move(*account));
  reset.account.disabled = false;
  Transaction transaction(site.database(), db);
  set_password(db, id, reset.account.password_hash, true, reset.account.password_changed_at);
  set_disabled(db, id, false);
  delete_sessions_of(db, id);
  audit(db, by, "account.reset_password", reset.account,
        "Đặt lại mật khẩu (mật khẩu dùng một lần) của tài khoản " + reset.account.login +
            (was_disabled ? ", mở khóa tài khoản." : "."));
  transaction.commit();
  return reset;
}

void set_account_disabled(Site& site, Poco::Data::Session& db, std::int64_t account, bool disabled, const AuditActor& by) {
  const std::optional<AccountRecord> record = find_account(db, account);
  if (!record) return;
  Transaction transaction(site.database(), db);
  set_disabled(db, account, disabled);
  if (disabled) delete_sessions_of(db, account);
  audit(db, by, disabled ? "account.lock" : "account.unlock", *record,
        (disabled ? "Khóa tài khoản " : "Mở khóa tài khoản ") + record->login + ".");
  transaction.commit();
}

NewPassword init_administrator(Site& site, const std::string& name) {
  const std::string login = lower_ascii(clean_text(name));
  if (const std::string problem = login_problem(login); !problem.empty()) throw std::invalid_argument(problem);
  Poco::Data::Session db = site.database().session();
  if (std::optional<AccountRecord> existing = find_account_by_login(db, login)) {
    if (existing->role != Role::Administrator)
      throw std::invalid_argument("đã có tài khoản \"" + login + "\" nhưng không phải tài khoản quản trị; hãy chọn tên khác.");
    return *reset_password(site, db, existing->id, {0, "", site.now()});
  }
  AccountRecord account;
  account.login = login;
  account.display_name = "Quản trị";
  account.role = Role::Administrator;
  account.created_at = site.now();
  NewPassword made = with_new_password(site, std::move(account));
  Transaction transaction(site.database(), db);
  lock_table(db, "accounts");
  if (find_account_by_login(db, login)) throw std::invalid_argument("tài khoản \"" + login + "\" vừa được tạo; hãy chạy lại lệnh.");
  made.account = add_account(db, made.account);
  audit(db, {0, "", site.now()}, "account.create", made.account,
        "Tạo tài khoản " + made.account.login + " (" + role_label(made.account.role) + ") bằng dòng lệnh.");
  transaction.commit();
  return made;
}

}  // namespace kehoach
