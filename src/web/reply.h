#pragma once
// What a handler answers, before it is written to the connection: handlers return a Reply instead of
// writing to Poco's response, so that the headers every response needs (web/reply.cpp) are added in one
// place and a handler cannot forget them.
#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace Poco::Net {
class HTTPServerResponse;
}

namespace kehoach {

struct Reply {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::string location;                   // a redirect's target (a path on this site)
  std::vector<std::string> set_cookies;   // each a whole Set-Cookie value
  std::vector<std::pair<std::string, std::string>> headers;  // further headers (Retry-After…)
  std::string file;                       // a file to send instead of `body` (a download)
  // A body written as it is sent (chunked), instead of `body` or `file`: a download made while it goes out
  // (a zip of many files), after the handler has returned and its turn of work is over. What it writes must
  // not need the request's context (its database session is gone by then); an exception ends the connection.
  std::function<void(std::ostream&)> stream;
  std::string download_name;              // the name a download is saved under (body, file or stream)
  bool cacheable = false;                 // static files only; pages are never kept by a cache
};

// 303 See Other to a path of this site: the answer to a POST that worked.
Reply redirect_to(const std::string& path);

// The security headers every response carries, as name and value: the page's content policy (scripts,
// styles, images, forms only from this site, none inline; never in a frame), no type sniffing, the
// referrer kept within the site; HSTS behind TLS.
std::vector<std::pair<std::string, std::string>> security_headers(bool secure);

// Writes the reply: status, headers (the security headers, no-store unless cacheable), cookies, body
// or file.
void send_reply(const Reply& reply, Poco::Net::HTTPServerResponse& response, bool secure);

// A cookie's Set-Cookie value: HttpOnly, SameSite=Lax, Path=/ (or `path`), Secure when `secure`.
// `max_age` < 0: a session cookie; 0: removes it.
std::string cookie_value(const std::string& name, const std::string& value, bool secure, int max_age = -1,
                         const std::string& path = "/");

}  // namespace kehoach
