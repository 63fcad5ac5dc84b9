#include "web/reply.h"

#include <Poco/Net/HTTPServerResponse.h>

#include "web/html.h"

namespace kehoach {
namespace {

// attachment; filename="ASCII"; filename*=UTF-8''… (RFC 6266): the name as the user knows it, and for
// old clients the same with anything but letters, digits, '.', '-', '_' made '_'.
std::string attachment(const std::string& name) {
  std::string plain;
  for (unsigned char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '-' || c == '_';
    if (keep || (c & 0xC0) != 0x80) plain += keep ? static_cast<char>(c) : '_';
  }
  return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + url_encode(name);
}

}  // namespace

Reply redirect_to(const std::string& path) {
  Reply reply;
  reply.status = 303;
  reply.location = path;
  reply.content_type = "text/plain; charset=utf-8";
  return reply;
}

std::vector<std::pair<std::string, std::string>> security_headers(bool secure) {
  std::vector<std::pair<std::string, std::string>> headers{
      {"Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "same-origin"},
      {"X-Frame-Options", "DENY"},
  };
  if (secure) headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  return headers;
}

std::string cookie_value(const std::string& name, const std::string& value, bool secure, int max_age,
                         const std::string& path) {
  std::string cookie = name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Lax";
  if (max_age >= 0) cookie += "; Max-Age=" + std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

void send_reply(const Reply& reply, Poco::Net::HTTPServerResponse& response, bool secure) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  for (const auto& [name, value] : security_headers(secure)) response.set(name, value);
  response.set("Cache-Control", reply.cacheable ? "public, max-age=3600" : "no-store");
  for (const auto& [name, value] : reply.headers) response.set(name, value);
  for (const std::string& cookie : reply.set_cookies) response.add("Set-Cookie", cookie);
  if (!reply.location.empty()) response.set("Location", reply.location);
  if (!reply.download_name.empty()) response.set("Content-Disposition", attachment(reply.download_name));
  if (!reply.file.empty()) {
    response.sendFile(reply.file, reply.content_type);
    return;
  }
  if (reply.stream) {
    response.setContentType(reply.content_type);
    response.setChunkedTransferEncoding(true);
    std::ostream& out = response.send();
    reply.stream(out);
    out.flush();
    return;
  }
  response.setContentType(reply.content_type);
  response.setContentLength64(static_cast<Poco::UInt64>(reply.body.size()));
  response.sendBuffer(reply.body.data(), reply.body.size());
}

}  // namespace kehoach
