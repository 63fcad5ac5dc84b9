#pragma once
// `kehoach serve` once its words are read: the site opened (folders, database, migrations), then either
// the one-off work of --init-admin, or the server run under Poco's ServerApplication until SIGTERM or
// Ctrl-C, when it stops taking requests and lets those in flight finish.
#include <iosfwd>
#include <optional>
#include <string>

#include "web/server.h"
#include "web/site.h"

namespace kehoach {

struct ServeRequest {
  SiteConfig site;
  ServerOptions server;
  bool demo = false;                     // --demo: the example units and their accounts first
  std::optional<std::string> init_admin; // --init-admin NAME: make it, print its password, stop
};

// Runs the request, saying what it does on `out` (the address, accounts and one-time passwords made)
// and logging requests on `log`. Returns the exit status. Throws OutputError (a folder, the database or
// the address that cannot be used) and std::invalid_argument (a bad --listen or --init-admin name) for
// the caller to report.
int serve(const ServeRequest& request, std::ostream& out, std::ostream& log);

}  // namespace kehoach
