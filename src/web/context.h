#pragma once
// One request as a handler sees it: the site, a database session of its own (from the pool, for this
// request only), who is signed in, the unit of the route (already checked against the account: a
// handler of a {unit} route never sees a unit its account may not), the form of a POST (its token and
// Origin already checked), and the notice left for this page.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "store/accounts.h"
#include "store/sessions.h"
#include "store/units.h"
#include "web/form_data.h"
#include "web/site.h"

namespace Poco::Net {
class HTTPServerRequest;
}

namespace kehoach {

struct SignedIn {
  AccountRecord account;
  SessionRecord session;
  std::string token;  // the cookie's token, for a handler that rotates or ends the session
};

struct RequestContext {
  Site& site;
  Poco::Net::HTTPServerRequest& request;
  Poco::Data::Session& db;
  std::string method;
  std::string path;                           // decoded, without the query
  std::string route = "";                          // the route's pattern: "/don-vi/{unit}" (for the log)
  std::map<std::string, std::string> query = {};   // ?nam=2026: the last value of each name
  std::map<std::string, std::string> params = {};  // the pattern's {names}: "unit" → "12"
  std::optional<SignedIn> who = std::nullopt;
  std::optional<UnitRecord> unit = std::nullopt;             // the route's {unit}, when it has one
  std::optional<FormData> form = std::nullopt;               // a POST's form
  std::string notice = "";                         // the session's notice, taken for this page (GET only)
  std::string client_address = "";                 // the browser's address (through a trusted proxy, its)
  bool secure = false;                        // reached over TLS (the cookies say Secure)
  std::int64_t now = 0;

  std::string query_value(const std::string& name) const {
    const auto found = query.find(name);
    return found == query.end() ? std::string() : found->second;
  }
  std::string param(const std::string& name) const {
    const auto found = params.find(name);
    return found == params.end() ? std::string() : found->second;
  }
  // The session's form token ("" when nobody is signed in).
  std::string csrf() const { return who ? who->session.csrf_token : std::string(); }
  // The POST's form: a handler of a POST route always has one.
  const FormData& posted() const { return *form; }
};

}  // namespace kehoach
