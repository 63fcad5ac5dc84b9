#pragma once
// Who a request comes from, and whether a POST comes from this site's own pages.
//
// A session is a random token in a cookie (HttpOnly, SameSite=Lax, Secure behind TLS); the database
// keeps only its hash. It ends after `idle_timeout` without a request and `session_lifetime` after
// sign-in, at sign-out, and when the account's password changes, is reset or the account is disabled.
// Signing in always begins a new session (the token a browser had before is dropped), and so does a
// change of password.
//
// A POST is accepted only with the session's form token (before sign-in: the token of the sign-in
// cookie, a double-submit) and an Origin (or, from a browser that sends none, a Referer) naming this
// site as the browser reached it.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

#include "web/context.h"

namespace Poco::Net {
class HTTPServerRequest;
}

namespace kehoach {

inline constexpr const char* kSessionCookie = "kehoach_session";
inline constexpr const char* kLoginCookie = "kehoach_login";

// The cookie's value, or "".
std::string request_cookie(const Poco::Net::HTTPServerRequest& request, const std::string& name);

// Whether the browser reached the site over TLS: --secure-cookies, or X-Forwarded-Proto: https from the
// trusted proxy.
bool reached_securely(const Poco::Net::HTTPServerRequest& request, const SiteConfig& config);

// The browser's address: the peer's, or behind the trusted proxy the last one of X-Forwarded-For.
std::string client_address(const Poco::Net::HTTPServerRequest& request, const SiteConfig& config);

// Whether Origin (or Referer) is this site: the scheme it was reached by and its Host header.
bool same_origin(const Poco::Net::HTTPServerRequest& request, bool secure);

struct SessionLookup {
  std::optional<SignedIn> who;
  bool expired = false;  // a session cookie that named a session now ended (idle, too old, account gone)
};

// The signed-in account of the token, its session touched (at most once a minute); an idle or too old
// session is deleted and reported as expired.
SessionLookup find_signed_in(Site& site, Poco::Data::Session& db, const std::string& token, std::int64_t now);

// Begins a session for the account (within the caller's transaction); returns its token for the cookie.
std::string start_session(Poco::Data::Session& db, std::int64_t account, std::int64_t now, const std::string& notice = "");

// The Set-Cookie values of a session's cookie, and of its removal.
std::string session_cookie(const std::string& token, bool secure);
std::string session_cookie_removed(bool secure);

}  // namespace kehoach
