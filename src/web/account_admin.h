#pragma once
// Making and keeping accounts: the administrator's form, `kehoach serve --init-admin` and the demo all
// come here. A new account, and one whose password is reset, gets a one-time password, shown once to
// whoever made it and changed by its owner at the first sign-in; the store keeps only its hash. Each change
// writes its row of the audit log (store/audit.h) in its transaction, by `by`: the account's login and role,
// never its holder's name or a password.
#include <Poco/Data/Session.h>

#include <optional>
#include <string>

#include "store/accounts.h"
#include "store/audit.h"
#include "web/form_view.h"
#include "web/site.h"

namespace kehoach {

struct NewPassword {
  AccountRecord account;
  std::string one_time_password;  // to show once, never stored or logged
};

// "" when the login can stand: 3 to 64 of a-z, 0-9, '.', '-', '_', starting with a letter or digit.
std::string login_problem(const std::string& login);

// The values of the form that makes an account: "ten-dang-nhap", "ho-ten", "vai-tro" (role_key), "don-vi"
// (a unit id; a commune officer's is a commune, a province officer's a province, an administrator has none).
struct AccountForm {
  std::string login, display_name, role, unit;
};

// Checks the form; when it can stand, adds the account (in its own transaction) with a one-time password.
// Else the problems go to `errors` by field and nothing is saved.
std::optional<NewPassword> create_account(Site& site, Poco::Data::Session& db, const AccountForm& form, FormErrors& errors,
                                          const AuditActor& by);

// A new one-time password for the account (which must change it at the next sign-in), its sessions
// ended, the account enabled again. Nullopt when there is no such account.
std::optional<NewPassword> reset_password(Site& site, Poco::Data::Session& db, std::int64_t account, const AuditActor& by);

// Disables (or enables again) the account; a disabled one's sessions end at once.
void set_account_disabled(Site& site, Poco::Data::Session& db, std::int64_t account, bool disabled, const AuditActor& by);

// `kehoach serve --init-admin NAME`: an administrator NAME with a one-time password; when NAME is an
// administrator already, a new one-time password for it (the way back in for a lost password). Throws
// std::invalid_argument with the message to print for a name that cannot be a login or belongs to an
// account that is not an administrator.
NewPassword init_administrator(Site& site, const std::string& login);

}  // namespace kehoach
