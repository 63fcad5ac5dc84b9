// Signing in and out. The sign-in form is the one POST without a session: its token is the sign-in
// cookie's (set with the page), checked by the server like any form token. Failures are counted per
// account name and per address (web/throttle.h); a name without an account, or a disabled one, fails
// the same way and takes the same time as a wrong password.
#include "store/audit.h"
#include "store/database.h"
#include "store/login_throttle.h"
#include "store/sessions.h"
#include "text/unicode.h"
#include "web/auth.h"
#include "web/form_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/routes.h"
#include "web/security.h"
#include "web/throttle.h"

namespace kehoach {
namespace {

std::string lower_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// The sign-in cookie's token: the one the browser has, or a new one (then `reply` sets it).
std::string login_token(const RequestContext& context, Reply& reply) {
  std::string token = request_cookie(context.request, kLoginCookie);
  if (token.size() == 43) return token;
  token = random_token();
  reply.set_cookies.push_back(cookie_value(kLoginCookie, token, context.secure, -1, "/dang-nhap"));
  return token;
}

Reply login_page(const RequestContext& context, const std::string& login, const FormErrors& errors, int status) {
  Reply reply;
  const std::string token = login_token(context, reply);
  std::string body;
  if (context.query_value("het-han") == "1")
    body += notice_box("Phiên làm việc đã kết thúc (lâu không dùng hoặc đã đăng nhập quá lâu); hãy đăng nhập lại.");
  if (context.query_value("da-dang-xuat") == "1") body += notice_box("Bạn đã đăng xuất.");
  if (context.who)
    body += notice_box("Bạn đang đăng nhập với tài khoản " + context.who->account.login +
                       ". Đăng nhập lại sẽ kết thúc phiên làm việc này.");
  body += "<p>Đăng nhập bằng tài khoản do cán bộ quản trị cấp.</p>\n";
  const std::string fields =
      text_field({.id = "ten-dang-nhap", .label = "Tên đăng nhập", .value = login, .autocomplete = "username"}, errors) +
      text_field({.id = "mat-khau", .label = "Mật khẩu", .type = "password", .autocomplete = "current-password"}, errors) +
      submit_button("Đăng nhập");
  body += post_form("/dang-nhap", token, fields);
  body += "<p class=\"hint\">Quên mật khẩu? Hãy nhờ cán bộ quản trị đặt lại; bạn sẽ nhận mật khẩu dùng một lần mới.</p>\n";
  Reply page = page_reply(context, {"Đăng nhập", "", body, &errors}, status);
  page.set_cookies = std::move(reply.set_cookies);
  return page;
}

Reply show_login(RequestContext& context) { return login_page(context, "", FormErrors{}, 200); }

Reply refused(const RequestContext& context, const std::string& login, const std::string& message, int status) {
  FormErrors errors;
  errors.add("ten-dang-nhap", message);
  return login_page(context, login, errors, status);
}

Reply sign_in(RequestContext& context) {
  const FormData& form = context.posted();
  const std::string login = lower_ascii(clean_text(form.value("ten-dang-nhap")));
  const std::string password = form.value("mat-khau");
  FormErrors errors;
  if (login.empty()) errors.add("ten-dang-nhap", "Hãy nhập tên đăng nhập.");
  if (password.empty()) errors.add("mat-khau", "Hãy nhập mật khẩu.");
  if (!errors.empty()) return login_page(context, login, errors, 422);

  Site& site = context.site;
  const std::string account_key = account_throttle_key(login.substr(0, 64));
  const std::string address_key = address_throttle_key(context.client_address);
  const std::int64_t wait = std::max(seconds_blocked(find_throttle(context.db, account_key), context.now),
                                     seconds_blocked(find_throttle(context.db, address_key), context.now));
  if (wait > 0) {
    Reply reply = refused(context, login,
                          "Đã đăng nhập sai nhiều lần. Hãy đợi " + wait_words(wait) + " rồi thử lại, hoặc nhờ cán bộ quản "
                          "trị đặt lại mật khẩu.", 429);
    reply.headers.emplace_back("Retry-After", std::to_string(wait));
    return reply;
  }

  std::optional<AccountRecord> account = find_account_by_login(context.db, login);
  const bool usable = account && !account->disabled;
  const bool verified = verify_password(usable ? account->password_hash : site.decoy_password_hash(), password) && usable;
  if (!verified) {
    ensure_throttle(context.db, account_key);
    ensure_throttle(context.db, address_key);
    Transaction transaction(site.database(), context.db);
    save_throttle(context.db, after_failure(lock_throttle(context.db, account_key), kAccountThrottle, context.now));
    save_throttle(context.db, after_failure(lock_throttle(context.db, address_key), kAddressThrottle, context.now));
    transaction.commit();
    return refused(context, login, "Tên đăng nhập hoặc mật khẩu không đúng.", 422);
  }

  Transaction transaction(site.database(), context.db);
  clear_throttle(context.db, account_key);
  // What has ended since goes now: sessions idle or too old, failures no longer counted.
  delete_expired_sessions(context.db, context.now - site.config().idle_timeout,
                          context.now - site.config().session_lifetime);
  delete_stale_throttles(context.db, context.now - kAccountThrottle.forget_after, context.now);
  if (password_needs_rehash(account->password_hash, site.config().password_cost))
    set_password(context.db, account->id, hash_password(password, site.config().password_cost),
                 account->must_change_password, account->password_changed_at);
  // A new session, whatever the browser had: a token planted before sign-in is worth nothing after it.
  if (const std::string old = request_cookie(context.request, kSessionCookie); !old.empty() && old.size() <= 200)
    delete_session(context.db, token_hash(old));
  const std::string token = start_session(context.db, account->id, context.now);
  // In the audit log: who signed in, when, from which address (a failure names no account for certain, and
  // what was typed as a login may be anything: the throttle counts those).
  AuditEntry entry = audit_entry({account->id, context.client_address, context.now}, "account.sign_in");
  entry.unit_id = account->unit_id.value_or(0);
  entry.detail = "Đăng nhập.";
  append_audit(context.db, entry);
  transaction.commit();
  Reply reply = redirect_to("/");
  reply.set_cookies.push_back(session_cookie(token, context.secure));
  reply.set_cookies.push_back(cookie_value(kLoginCookie, "", context.secure, 0, "/dang-nhap"));
  return reply;
}

Reply sign_out(RequestContext& context) {
  delete_session(context.db, context.who->session.token_hash);
  Reply reply = redirect_to("/dang-nhap?da-dang-xuat=1");
  reply.set_cookies.push_back(session_cookie_removed(context.secure));
  return reply;
}

}  // namespace

void add_login_routes(Router& router) {
  router.add({"GET", "/dang-nhap", Access::Public, show_login});
  router.add({"POST", "/dang-nhap", Access::Public, sign_in});
  router.add({"POST", "/dang-xuat", Access::SignedIn, sign_out});
}

}  // namespace kehoach
