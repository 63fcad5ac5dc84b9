#pragma once
// Routes: a method and a path pattern ("/don-vi/{unit}/ke-hoach") to a handler, with who may call it.
// The access rule of a route is enforced by the server before the handler runs (web/server.cpp), so a
// handler is a short function that only does its page:
//   Public          anyone (the sign-in page, the style sheet)
//   SignedIn        any signed-in account, even one that must still change its one-time password (the
//                   password page, sign-out); every other route sends that account to the password page
//   Account         any signed-in account with its own password
//   Administrator   administrators; anyone else gets 404, as for a page that does not exist
//   Unit            the route has {unit}: the unit must exist and the account may see it (an administrator
//                   any, a province officer those of their province, a commune officer their commune and
//                   its villages), else 404; the handler finds it in RequestContext::unit
// Every POST, whatever its access, carries the form token and an Origin of this site (else 403).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "web/context.h"
#include "web/reply.h"

namespace kehoach {

// Unit: {unit} must be a unit the account may see (else 404). UnitWork: also one it may change, its own
// (else 403): the POSTs that change a unit's village table, plan and reports.
enum class Access { Public, SignedIn, Account, Administrator, Unit, UnitWork };

using Handler = std::function<Reply(RequestContext&)>;

struct Route {
  std::string method;   // "GET" or "POST"
  std::string pattern;  // "/quan-tri/tai-khoan/{account}/dat-lai-mat-khau": literal segments and {names}
  Access access = Access::Account;
  Handler handler;
};

class Router {
 public:
  // Adds the route; throws std::logic_error when the method and pattern are taken (replace() them), or
  // when a Unit route has no {unit}.
  void add(Route route);
  // Puts `route` in place of the one with its method and pattern (a page replacing a placeholder).
  void replace(Route route);

  struct Match {
    const Route* route = nullptr;            // null: nothing matches
    bool other_method = false;               // the path matches a route of another method (405)
    std::map<std::string, std::string> params;
  };
  Match match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace kehoach
