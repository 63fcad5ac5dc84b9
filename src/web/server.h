#pragma once
// The HTTP server: Poco's HTTPServer on its own thread pool, every request through one dispatcher
// (web/server.cpp) that finds the route, the session and the unit, enforces the route's access and the
// form token of a POST, calls the handler, adds the security headers and logs the request (method,
// route pattern, status, time: never a body, a name or a figure).
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <condition_variable>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "web/router.h"
#include "web/site.h"
#include "web/static_files.h"

namespace kehoach {

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // ADDR:PORT; port 0 takes a free one (tests)
  int threads = 16;                       // requests worked on at once, each with a database session
  std::ostream* log = nullptr;            // one line per request, or none
  // Connections open at once. Poco's HTTPServer gives a connection a thread of its own from its first
  // request until it closes, kept-alive pauses included: with fewer threads than browsers that keep their
  // connection open, the others wait for a pause to time out (10 s). A waiting thread costs little; the
  // work is bounded by `threads`.
  int connections = 256;
};

// "127.0.0.1:8080", "[::1]:8080", ":8080" (every address); throws std::invalid_argument with a message.
struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};
ListenAddress parse_listen_address(const std::string& text);

class WebServer {
 public:
  // Registers every page (web/routes.h); more may be added through router() before start().
  WebServer(Site& site, ServerOptions options);
  ~WebServer();  // stops if running
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  Router& router() { return router_; }
  // Binds and starts serving; throws Poco::Exception (an address in use) with its message.
  void start();
  // The port bound (the one chosen when the address said 0).
  std::uint16_t port() const { return port_; }
  // Stops taking connections and waits for the requests being served to finish.
  void stop();

 private:
  class Dispatcher;
  Site& site_;
  ServerOptions options_;
  Router router_;
  std::map<std::string, StaticFile> static_files_;
  std::unique_ptr<Poco::ThreadPool> threads_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::uint16_t port_ = 0;
  std::mutex log_mutex_;
  // The requests being worked on: at most options_.threads, the others wait their turn (the database's
  // pool has a session for each, and two cores do not go faster with more at once).
  std::mutex working_mutex_;
  std::condition_variable turn_;
  int working_ = 0;
  friend class DispatcherFactory;
};

}  // namespace kehoach
