#include "web/auth.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "store/accounts.h"
#include "store/sessions.h"
#include "web/reply.h"
#include "web/security.h"

namespace kehoach {
namespace {

std::string trimmed(const std::string& text) { return Poco::trim(text); }

bool from_trusted_proxy(const Poco::Net::HTTPServerRequest& request, const SiteConfig& config) {
  return !config.trusted_proxy.empty() && request.clientAddress().host().toString() == config.trusted_proxy;
}

// "https://example.org:8443" of a URL, lower case, or "" when it is not one.
std::string origin_of(const std::string& url) {
  try {
    const Poco::URI uri(url);
    if (uri.getScheme() != "http" && uri.getScheme() != "https") return "";
    if (uri.getHost().empty()) return "";
    std::string origin = uri.getScheme() + "://" + Poco::toLower(uri.getHost());
    const bool default_port = (uri.getScheme() == "http" && uri.getPort() == 80) ||
                              (uri.getScheme() == "https" && uri.getPort() == 443);
    if (!default_port) origin += ":" + std::to_string(uri.getPort());
    return origin;
  } catch (const Poco::Exception&) {
    return "";
  }
}

}  // namespace

std::string request_cookie(const Poco::Net::HTTPServerRequest& request, const std::string& name) {
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  return cookies.get(name, "");
}

bool reached_securely(const Poco::Net::HTTPServerRequest& request, const SiteConfig& config) {
  if (config.secure_cookies) return true;
  return from_trusted_proxy(request, config) && Poco::icompare(trimmed(request.get("X-Forwarded-Proto", "")), "https") == 0;
}

std::string client_address(const Poco::Net::HTTPServerRequest& request, const SiteConfig& config) {
  const std::string peer = request.clientAddress().host().toString();
  if (!from_trusted_proxy(request, config)) return peer;
  const std::string forwarded = request.get("X-Forwarded-For", "");
  const std::size_t comma = forwarded.rfind(',');
  const std::string last = trimmed(comma == std::string::npos ? forwarded : forwarded.substr(comma + 1));
  return last.empty() ? peer : last;
}

bool same_origin(const Poco::Net::HTTPServerRequest& request, bool secure) {
  const std::string host = request.getHost();
  if (host.empty()) return false;
  const std::string expected = origin_of(std::string(secure ? "https" : "http") + "://" + host + "/");
  if (expected.empty()) return false;
  if (request.has("Origin")) return origin_of(request.get("Origin")) == expected;
  // Browsers send Origin with every POST of a form nowadays; an older one sends the Referer, which
  // Referrer-Policy: same-origin keeps for this site's own pages.
  if (request.has("Referer")) return origin_of(request.get("Referer")) == expected;
  return false;
}

SessionLookup find_signed_in(Site& site, Poco::Data::Session& db, const std::string& token, std::int64_t now) {
  SessionLookup lookup;
  if (token.empty() || token.size() > 200) return lookup;
  const std::string hash = token_hash(token);
  std::optional<SessionRecord> session = find_session(db, hash);
  if (!session) {
    lookup.expired = true;
    return lookup;
  }
  const SiteConfig& config = site.config();
  std::optional<AccountRecord> account = find_account(db, session->account_id);
  const bool idle = now - session->last_seen > config.idle_timeout;
  const bool old = now - session->created_at > config.session_lifetime;
  if (idle || old || !account || account->disabled) {
    delete_session(db, hash);
    lookup.expired = true;
    return lookup;
  }
  if (now - session->last_seen >= 60) {
    touch_session(db, hash, now);
    session->last_seen = now;
  }
  lookup.who = SignedIn{std::move(*account), std::move(*session), token};
  return lookup;
}

std::string start_session(Poco::Data::Session& db, std::int64_t account, std::int64_t now, const std::string& notice) {
  const std::string token = random_token();
  add_session(db, SessionRecord{token_hash(token), account, random_token(), now, now, notice});
  return token;
}

std::string session_cookie(const std::string& token, bool secure) { return cookie_value(kSessionCookie, token, secure); }

std::string session_cookie_removed(bool secure) { return cookie_value(kSessionCookie, "", secure, 0); }

}  // namespace kehoach
