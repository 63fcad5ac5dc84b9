// Accounts, for administrators: the list with each account's state and its buttons (new one-time
// password, disable, enable), and the form that makes one. A one-time password is shown once, on the
// page that answers the POST that made it; it is never stored, logged or put in a URL.
#include <map>

#include "store/accounts.h"
#include "store/sessions.h"
#include "store/units.h"
#include "web/access.h"
#include "web/account_admin.h"
#include "web/audit_words.h"
#include "web/form_view.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/layout.h"
#include "web/routes.h"

namespace kehoach {
namespace {

constexpr const char* kAccountsPath = "/quan-tri/tai-khoan";

std::string account_action(const RequestContext& context, const AccountRecord& account, const std::string& action,
                           const std::string& label) {
  const std::string button = "<button type=\"submit\" class=\"button button--small button--secondary\">" +
                             escape_html(label) + "<span class=\"visually-hidden\"> tài khoản " +
                             escape_html(account.login) + "</span></button>\n";
  return post_form(std::string(kAccountsPath) + "/" + std::to_string(account.id) + "/" + action, context.csrf(), button,
                   false, "inline-form");
}

std::string account_state(const AccountRecord& account) {
  if (account.disabled) return "<strong class=\"tag tag--disabled\">Đã khóa</strong>";
  if (account.must_change_password) return "<strong class=\"tag tag--draft\">Chờ đổi mật khẩu</strong>";
  return "<strong class=\"tag tag--done\">Đang dùng</strong>";
}

std::string accounts_table(const RequestContext& context) {
  std::map<std::int64_t, std::string> unit_names;
  for (const UnitRecord& unit : unit_tree_list(context.db)) unit_names[unit.id] = unit.full_name();
  std::string html =
      scroll_box("Các tài khoản") + "<table class=\"table\">\n<caption class=\"table-caption\">Các tài khoản</caption>\n<thead><tr>"
      "<th scope=\"col\">Tên đăng nhập</th><th scope=\"col\">Họ tên</th><th scope=\"col\">Vai trò</th>"
      "<th scope=\"col\">Đơn vị</th><th scope=\"col\">Trạng thái</th><th scope=\"col\">Thao tác</th></tr></thead>\n<tbody>\n";
  for (const AccountRecord& account : all_accounts(context.db)) {
    const std::string unit = account.unit_id ? unit_names[*account.unit_id] : "";
    html += "<tr><th scope=\"row\">" + escape_html(account.login) + "</th><td>" + escape_html(account.display_name) +
            "</td><td>" + escape_html(role_label(account.role)) + "</td><td>" + escape_html(unit) + "</td><td>" +
            account_state(account) + "</td><td class=\"actions\">";
    if (account.id != context.who->account.id) {
      html += account_action(context, account, "dat-lai-mat-khau", "Đặt lại mật khẩu");
      html += account.disabled ? account_action(context, account, "mo-khoa", "Mở khóa")
                               : account_action(context, account, "khoa", "Khóa");
    } else {
      html += "Tài khoản của bạn";
    }
    html += "</td></tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n";
}

std::vector<Choice> unit_choices(const RequestContext& context) {
  std::vector<Choice> choices{{"", "Không (tài khoản quản trị)"}};
  std::map<std::int64_t, std::string> names;
  for (const UnitRecord& unit : unit_tree_list(context.db)) {
    names[unit.id] = unit.full_name();
    if (unit.tier != Tier::Province && unit.tier != Tier::Commune) continue;
    std::string label = unit.full_name();
    if (unit.parent_id && names.count(*unit.parent_id)) label += " (" + names[*unit.parent_id] + ")";
    choices.push_back({std::to_string(unit.id), label});
  }
  return choices;
}

Reply accounts_page(RequestContext& context, const AccountForm& values, const FormErrors& errors, int status) {
  std::vector<Choice> roles{{"", "Chọn vai trò"}};
  for (Role role : {Role::CommuneOfficer, Role::ProvinceOfficer, Role::Administrator})
    roles.push_back({role_key(role), role_label(role)});
  std::string body = accounts_table(context);
  body += "<h2 id=\"tao-tai-khoan\">Tạo tài khoản</h2>\n"
          "<p>Tài khoản mới nhận một mật khẩu dùng một lần, hiện ngay sau khi tạo; người dùng đổi mật khẩu khi đăng nhập "
          "lần đầu.</p>\n";
  body += post_form(kAccountsPath, context.csrf(),
                    text_field({.id = "ten-dang-nhap", .label = "Tên đăng nhập", .value = values.login,
                                .hint = "Chữ thường không dấu, chữ số và . - _ ; ví dụ: nguyenvana.",
                                .autocomplete = "off"},
                               errors) +
                        text_field({.id = "ho-ten", .label = "Họ tên", .value = values.display_name, .autocomplete = "off"},
                                   errors) +
                        select_field({.id = "vai-tro", .label = "Vai trò", .value = values.role}, roles, errors) +
                        select_field({.id = "don-vi", .label = "Đơn vị", .value = values.unit,
                                      .hint = "Cán bộ xã: xã, phường của họ. Cán bộ tỉnh: tỉnh. Quản trị: để trống."},
                                     unit_choices(context), errors) +
                        submit_button("Tạo tài khoản"));
  return page_reply(context, {"Tài khoản", "Quản trị", body, &errors}, status);
}

Reply show_accounts(RequestContext& context) { return accounts_page(context, {}, FormErrors{}, 200); }

Reply password_shown(RequestContext& context, const NewPassword& made, const std::string& title) {
  std::string body = "<div class=\"panel\">\n<p>Tên đăng nhập: <strong>" + escape_html(made.account.login) +
                     "</strong></p>\n<p>Mật khẩu dùng một lần: <strong class=\"secret\">" +
                     escape_html(made.one_time_password) + "</strong></p>\n</div>\n";
  body += "<p>Mật khẩu này chỉ hiện một lần, ở trang này. Hãy chuyển cho " + escape_html(made.account.display_name) +
          "; khi đăng nhập lần đầu, họ sẽ phải đặt mật khẩu mới của riêng mình.</p>\n";
  body += "<p><a href=\"" + std::string(kAccountsPath) + "\">Về danh sách tài khoản</a></p>\n";
  return page_reply(context, {title, "Quản trị", body, nullptr});
}

Reply make_account(RequestContext& context) {
  const FormData& form = context.posted();
  const AccountForm values{form.value("ten-dang-nhap"), form.value("ho-ten"), form.value("vai-tro"), form.value("don-vi")};
  FormErrors errors;
  const std::optional<NewPassword> made = create_account(context.site, context.db, values, errors, audit_actor(context));
  if (!made) return accounts_page(context, values, errors, 422);
  return password_shown(context, *made, "Đã tạo tài khoản");
}

// The account of the route's {account}, or nullopt (then 404). One's own account has no buttons here.
std::optional<AccountRecord> routed_account(RequestContext& context) {
  const std::optional<std::int64_t> id = parse_id(context.param("account"));
  if (!id || *id == context.who->account.id) return std::nullopt;
  return find_account(context.db, *id);
}

Reply reset(RequestContext& context) {
  const std::optional<AccountRecord> account = routed_account(context);
  if (!account) return error_page(context, 404);
  const std::optional<NewPassword> made = reset_password(context.site, context.db, account->id, audit_actor(context));
  if (!made) return error_page(context, 404);
  return password_shown(context, *made, "Đã đặt lại mật khẩu");
}

Handler set_disabled_to(bool disabled) {
  return [disabled](RequestContext& context) {
    const std::optional<AccountRecord> account = routed_account(context);
    if (!account) return error_page(context, 404);
    set_account_disabled(context.site, context.db, account->id, disabled, audit_actor(context));
    set_session_notice(context.db, context.who->session.token_hash,
                       (disabled ? "Đã khóa tài khoản " : "Đã mở khóa tài khoản ") + account->login + ".");
    return redirect_to(kAccountsPath);
  };
}

}  // namespace

void add_admin_account_routes(Router& router) {
  const std::string account = std::string(kAccountsPath) + "/{account}";
  router.add({"GET", kAccountsPath, Access::Administrator, show_accounts});
  router.add({"POST", kAccountsPath, Access::Administrator, make_account});
  router.add({"POST", account + "/dat-lai-mat-khau", Access::Administrator, reset});
  router.add({"POST", account + "/khoa", Access::Administrator, set_disabled_to(true)});
  router.add({"POST", account + "/mo-khoa", Access::Administrator, set_disabled_to(false)});
}

}  // namespace kehoach
