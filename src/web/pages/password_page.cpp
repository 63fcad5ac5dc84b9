// Changing one's password: forced after a one-time password (every other page sends the account
// here until it is done), and open to every account from the header. A change ends every session of
// the account and begins a new one for this browser.
#include "store/audit.h"
#include "store/database.h"
#include "store/login_throttle.h"
#include "store/sessions.h"
#include "web/audit_words.h"
#include "web/auth.h"
#include "web/form_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/routes.h"
#include "web/security.h"
#include "web/throttle.h"

namespace kehoach {
namespace {

Reply password_page(const RequestContext& context, const FormErrors& errors, int status) {
  std::string body;
  if (context.who->account.must_change_password)
    body += "<p>Mật khẩu bạn vừa dùng là mật khẩu dùng một lần do cán bộ quản trị cấp. Hãy đặt mật khẩu mới của riêng "
            "bạn để tiếp tục.</p>\n";
  const std::string fields =
      text_field({.id = "mat-khau-hien-tai", .label = "Mật khẩu hiện tại", .type = "password",
                  .autocomplete = "current-password"},
                 errors) +
      text_field({.id = "mat-khau-moi", .label = "Mật khẩu mới", .hint = "Ít nhất 10 ký tự; nên dùng vài từ dễ nhớ.",
                  .type = "password", .autocomplete = "new-password"},
                 errors) +
      text_field({.id = "nhap-lai-mat-khau", .label = "Nhập lại mật khẩu mới", .type = "password",
                  .autocomplete = "new-password"},
                 errors) +
      submit_button("Đổi mật khẩu");
  body += post_form("/doi-mat-khau", context.csrf(), fields);
  return page_reply(context, {"Đổi mật khẩu", "", body, &errors}, status);
}

Reply show_password(RequestContext& context) { return password_page(context, FormErrors{}, 200); }

Reply change_password(RequestContext& context) {
  const FormData& form = context.posted();
  const AccountRecord& account = context.who->account;
  const std::string current = form.value("mat-khau-hien-tai");
  const std::string wanted = form.value("mat-khau-moi");
  const std::string again = form.value("nhap-lai-mat-khau");
  Site& site = context.site;
  FormErrors errors;
  // The current password is asked again so that a browser left signed in cannot be taken over; wrong
  // guesses count against the account like failed sign-ins.
  const std::string key = account_throttle_key(account.login);
  if (const std::int64_t wait = seconds_blocked(find_throttle(context.db, key), context.now); wait > 0) {
    errors.add("mat-khau-hien-tai", "Đã nhập sai mật khẩu nhiều lần. Hãy đợi " + wait_words(wait) + " rồi thử lại.");
    return password_page(context, errors, 429);
  }
  if (current.empty()) {
    errors.add("mat-khau-hien-tai", "Hãy nhập mật khẩu hiện tại.");
  } else if (!verify_password(account.password_hash, current)) {
    ensure_throttle(context.db, key);
    Transaction transaction(site.database(), context.db);
    save_throttle(context.db, after_failure(lock_throttle(context.db, key), kAccountThrottle, context.now));
    transaction.commit();
    errors.add("mat-khau-hien-tai", "Mật khẩu hiện tại không đúng.");
  }
  if (const std::string problem = new_password_problem(wanted); !problem.empty())
    errors.add("mat-khau-moi", problem);
  else if (wanted == current)
    errors.add("mat-khau-moi", "Mật khẩu mới cần khác mật khẩu hiện tại.");
  if (errors.message_for("mat-khau-moi").empty() && again != wanted)
    errors.add("nhap-lai-mat-khau", "Hai lần nhập mật khẩu mới không giống nhau; hãy nhập lại.");
  if (!errors.empty()) return password_page(context, errors, 422);

  const std::string hash = hash_password(wanted, site.config().password_cost);
  Transaction transaction(site.database(), context.db);
  set_password(context.db, account.id, hash, false, context.now);
  clear_throttle(context.db, key);
  delete_sessions_of(context.db, account.id);
  const std::string token = start_session(context.db, account.id, context.now, "Đã đổi mật khẩu.");
  AuditEntry entry = audit_entry(audit_actor(context), "account.change_password");
  entry.unit_id = account.unit_id.value_or(0);
  entry.detail = account.must_change_password ? "Đổi mật khẩu dùng một lần thành mật khẩu riêng." : "Đổi mật khẩu.";
  append_audit(context.db, entry);
  transaction.commit();
  Reply reply = redirect_to("/");
  reply.set_cookies.push_back(session_cookie(token, context.secure));
  return reply;
}

}  // namespace

void add_password_routes(Router& router) {
  router.add({"GET", "/doi-mat-khau", Access::SignedIn, show_password});
  router.add({"POST", "/doi-mat-khau", Access::SignedIn, change_password});
}

}  // namespace kehoach
