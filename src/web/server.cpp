#include "web/server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/URI.h>

#include <chrono>
#include <ostream>
#include <stdexcept>

#include "store/database.h"
#include "store/sessions.h"
#include "store/units.h"
#include "web/access.h"
#include "web/auth.h"
#include "web/routes.h"
#include "web/security.h"

namespace kehoach {
namespace {

bool is_post(const std::string& method) { return method == "POST"; }

// HTTP/1.0 or 1.1: what Poco read as a request line may be any three words.
bool is_http(const Poco::Net::HTTPServerRequest& request) {
  return request.getVersion() == Poco::Net::HTTPMessage::HTTP_1_1 || request.getVersion() == Poco::Net::HTTPMessage::HTTP_1_0;
}

// Why the dispatcher stopped before the handler: the reply to send instead.
struct Stop {
  Reply reply;
};

// One of the server's turns of work, held while a request is worked on (not while its answer is sent).
class Turn {
 public:
  Turn(std::mutex& mutex, std::condition_variable& turn, int& working, int most)
      : mutex_(mutex), turn_(turn), working_(working) {
    std::unique_lock<std::mutex> lock(mutex_);
    turn_.wait(lock, [&] { return working_ < most; });
    ++working_;
  }
  ~Turn() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      --working_;
    }
    turn_.notify_one();
  }
  Turn(const Turn&) = delete;
  Turn& operator=(const Turn&) = delete;

 private:
  std::mutex& mutex_;
  std::condition_variable& turn_;
  int& working_;
};

}  // namespace

ListenAddress parse_listen_address(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos)
    throw std::invalid_argument("--listen \"" + text + "\": hãy ghi ĐỊA_CHỈ:CỔNG, ví dụ 127.0.0.1:8080.");
  std::string host = text.substr(0, colon);
  const std::string port = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  bool digits = !port.empty() && port.size() <= 5;
  for (char c : port) digits = digits && c >= '0' && c <= '9';
  if (!digits || std::stoi(port) > 65535)
    throw std::invalid_argument("--listen \"" + text + "\": cổng phải là số từ 0 đến 65535.");
  return {host.empty() ? "0.0.0.0" : host, static_cast<std::uint16_t>(std::stoi(port))};
}

class WebServer::Dispatcher : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Dispatcher(WebServer& server) : server_(server) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    const auto started = std::chrono::steady_clock::now();
    Site& site = server_.site_;
    const bool secure = reached_securely(request, site.config());
    std::string route = "-";
    Reply reply;
    if (!is_http(request)) {
      // Bytes that are no request ("garbage that is not a request"): answered as HTTP/1.1, and no more read.
      response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
      reply = bare_error(request, 400, secure);
      reply.headers.emplace_back("Connection", "close");
    } else {
      try {
        const Turn turn(server_.working_mutex_, server_.turn_, server_.working_, server_.options_.threads);
        reply = dispatch(request, route, secure);
      } catch (const std::exception& e) {
        log_problem(request.getMethod(), route, e.what());
        reply = bare_error(request, 500, secure);
      }
    }
    finish_body(request, reply);
    try {
      send_reply(reply, response, secure);
    } catch (const std::exception&) {  // the browser went away: nothing to tell it
    }
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    log(request.getMethod() + " " + route + " " + std::to_string(reply.status) + " " + std::to_string(took.count()) + " ms");
  }

 private:
  Reply dispatch(Poco::Net::HTTPServerRequest& request, std::string& route_name, bool secure) {
    Site& site = server_.site_;
    const std::string method = request.getMethod();
    Poco::URI uri;
    Poco::URI::QueryParameters query;
    try {
      uri = Poco::URI(request.getURI());
      query = uri.getQueryParameters();  // a bad %-escape is the browser's request that is wrong
    } catch (const Poco::Exception&) {
      return bare_error(request, 400, secure);
    }
    const Router::Match match = server_.router_.match(method, uri.getPath());
    Poco::Data::Session db = site.database().session();
    RequestContext context{site, request, db, method, uri.getPath()};
    context.secure = secure;
    context.now = site.now();
    context.client_address = client_address(request, site.config());
    for (const auto& [name, value] : query) context.query[name] = value;
    const SessionLookup lookup = find_signed_in(site, db, request_cookie(request, kSessionCookie), context.now);
    context.who = lookup.who;
    if (!match.route) return error_page(context, match.other_method ? 405 : 404);
    const Route& route = *match.route;
    route_name = route.pattern;
    context.route = route.pattern;
    context.params = match.params;
    try {
      admit(context, route, lookup.expired);
      if (is_post(method)) read_checked_form(context, route);
    } catch (const Stop& stop) {
      return stop.reply;
    }
    if (!is_post(method) && context.who) context.notice = context.who->session.notice;
    Reply reply = route.handler(context);
    // The notice was said, unless the page only sent the browser on (to where it will be said).
    if (!context.notice.empty() && (reply.status < 300 || reply.status >= 400))
      set_session_notice(db, context.who->session.token_hash, "");
    if (lookup.expired && !context.who) reply.set_cookies.push_back(session_cookie_removed(secure));
    return reply;
  }

  // The route's access rule (web/router.h); throws Stop with the reply when the request may not go on.
  void admit(RequestContext& context, const Route& route, bool expired) {
    if (route.access == Access::Public) return;
    if (!context.who) {
      Reply reply = redirect_to(expired ? "/dang-nhap?het-han=1" : "/dang-nhap");
      if (expired) reply.set_cookies.push_back(session_cookie_removed(context.secure));
      throw Stop{reply};
    }
    const AccountRecord& account = context.who->account;
    if (route.access == Access::SignedIn) return;
    if (account.must_change_password) throw Stop{redirect_to("/doi-mat-khau")};
    if (route.access == Access::Administrator && account.role != Role::Administrator) throw Stop{error_page(context, 404)};
    if (route.access == Access::Unit || route.access == Access::UnitWork) {
      std::optional<UnitRecord> unit;
      if (const std::optional<std::int64_t> id = parse_id(context.param("unit"))) unit = find_unit(context.db, *id);
      if (!unit || !may_see_unit(context.db, account, *unit)) throw Stop{error_page(context, 404)};
      if (route.access == Access::UnitWork && !may_change_unit_work(account, *unit))
        throw Stop{error_page(context, 403, kOnlyTheUnitChanges)};
      context.unit = std::move(unit);
    }
  }

  // A POST's Origin, then its form and the form's token: the session's, or before sign-in the sign-in
  // cookie's. Throws Stop with 403 (nothing is done), or the form's own refusal (411, 413, 400).
  void read_checked_form(RequestContext& context, const Route& route) {
    if (!same_origin(context.request, context.secure)) throw Stop{error_page(context, 403)};
    try {
      context.form.emplace(read_form(context.request, context.site.config().form_limits, context.site.upload_folder()));
    } catch (const FormRefused& refused) {
      Reply reply = error_page(context, refused.status(), refused.what());
      // What the browser still sends of the refused body is not read: the connection closes after this.
      reply.headers.emplace_back("Connection", "close");
      throw Stop{reply};
    }
    const std::string expected =
        route.access == Access::Public ? request_cookie(context.request, kLoginCookie) : context.csrf();
    if (expected.empty() || !same_secret(context.form->value("csrf"), expected)) throw Stop{error_page(context, 403)};
  }

  // What the handler left of the request's body (all of it, when the request was refused before its form
  // was read) is read and dropped, so that the next request on the connection starts where it should;
  // a body too large for that closes the connection after the reply.
  static void finish_body(Poco::Net::HTTPServerRequest& request, Reply& reply) {
    constexpr std::streamsize kMostDropped = 64 * 1024 * 1024;
    const bool has_body = request.getChunkedTransferEncoding() || (request.hasContentLength() && request.getContentLength64() > 0);
    if (!has_body) return;
    try {
      std::istream& body = request.stream();
      std::streamsize dropped = 0;
      char buffer[16 * 1024];
      while (dropped <= kMostDropped && body.read(buffer, sizeof buffer).gcount() > 0) dropped += body.gcount();
      if (dropped <= kMostDropped && !body.bad()) return;
    } catch (const std::exception&) {  // the browser went away: nothing more to read
    }
    reply.headers.emplace_back("Connection", "close");
  }

  // An error page without the site's frame, for when there is no context to render one with.
  Reply bare_error(Poco::Net::HTTPServerRequest&, int status, bool) {
    Reply reply;
    reply.status = status;
    reply.body = status == 400 ? "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Yêu cầu không hợp "
                                 "lệ</title></head><body><h1>Yêu cầu không hợp lệ</h1></body></html>\n"
                               : "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lỗi máy chủ"
                                 "</title></head><body><h1>Lỗi máy chủ</h1><p>Máy chủ gặp lỗi ngoài dự kiến; không có gì "
                                 "được lưu dở. Hãy thử lại sau ít phút.</p><p><a href=\"/\">Về trang chính</a></p>"
                                 "</body></html>\n";
    return reply;
  }

  void log(const std::string& line) {
    if (!server_.options_.log) return;
    const std::lock_guard<std::mutex> lock(server_.log_mutex_);
    *server_.options_.log << line << '\n' << std::flush;
  }

  void log_problem(const std::string& method, const std::string& route, const std::string& what) {
    log("lỗi khi phục vụ " + method + " " + route + ": " + what);
  }

  WebServer& server_;
};

class DispatcherFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit DispatcherFactory(WebServer& server) : server_(server) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new WebServer::Dispatcher(server_);
  }

 private:
  WebServer& server_;
};

WebServer::WebServer(Site& site, ServerOptions options)
    : site_(site), options_(std::move(options)), static_files_(load_static_files(static_folder())) {
  add_routes(router_, static_files_);
}

WebServer::~WebServer() {
  try {
    stop();
  } catch (...) {  // stopping while unwinding: nothing more to do
  }
}

void WebServer::start() {
  const ListenAddress listen = parse_listen_address(options_.listen);
  Poco::Net::ServerSocket socket;
  // SO_REUSEADDR for a quick restart, never SO_REUSEPORT: a second server on the port must fail, not share it.
  socket.bind(Poco::Net::SocketAddress(listen.host, listen.port), true, false);
  socket.listen(options_.connections);
  port_ = socket.address().port();
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options_.connections);
  params->setMaxQueued(options_.connections);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(10, 0));
  params->setTimeout(Poco::Timespan(60, 0));
  params->setServerName("kehoach");
  threads_ = std::make_unique<Poco::ThreadPool>(2, options_.connections + 2, 60);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new DispatcherFactory(*this), *threads_, socket, params);
  server_->start();
}

void WebServer::stop() {
  if (!server_) return;
  // stopAll(false) closes the listening socket, lets each connection finish the request it is serving
  // (it waits on the connection's lock, held while a request is handled) and then closes it.
  server_->stopAll(false);
  threads_->joinAll();
  server_.reset();
  threads_.reset();
}

}  // namespace kehoach
