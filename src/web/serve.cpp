#include "web/serve.h"

#include <Poco/Exception.h>
#include <Poco/Util/ServerApplication.h>
#include <signal.h>

#include <exception>
#include <ostream>

#include "model/input_error.h"
#include "store/database.h"
#include "web/account_admin.h"
#include "web/demo_data.h"
#include "web/labels.h"

namespace kehoach {
namespace {

// The signals that stop the server, blocked in every thread (the server's threads inherit the mask of
// the thread that starts them), so that only ServerApplication::waitForTerminationRequest's sigwait
// receives them and no request is cut short by a handler.
class BlockStopSignals {
 public:
  BlockStopSignals() {
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGQUIT);
    pthread_sigmask(SIG_BLOCK, &stop, &before_);
  }
  ~BlockStopSignals() { pthread_sigmask(SIG_SETMASK, &before_, nullptr); }
  BlockStopSignals(const BlockStopSignals&) = delete;
  BlockStopSignals& operator=(const BlockStopSignals&) = delete;

 private:
  sigset_t before_;
};

void print_accounts(std::ostream& out, Site& site, const std::vector<NewPassword>& accounts) {
  Poco::Data::Session db = site.database().session();
  for (const NewPassword& made : accounts) {
    std::string unit;
    if (made.account.unit_id)
      if (const std::optional<UnitRecord> found = find_unit(db, *made.account.unit_id)) unit = ", " + found->full_name();
    out << "  " << made.account.login << "  (" << role_label(made.account.role) << unit
        << ")  mật khẩu dùng một lần: " << made.one_time_password << '\n';
  }
}

class ServeApplication : public Poco::Util::ServerApplication {
 public:
  ServeApplication(Site& site, const ServerOptions& options, std::ostream& out)
      : site_(site), options_(options), out_(out) {}
  std::exception_ptr failure;

 protected:
  int main(const std::vector<std::string>&) override {
    try {
      WebServer server(site_, options_);
      server.start();
      const ListenAddress listen = parse_listen_address(options_.listen);
      const std::string host = listen.host == "0.0.0.0" ? "127.0.0.1" : listen.host;
      if (!site_.config().clock_file.empty())
        out_ << "kehoach serve: đồng hồ thử nghiệm: giờ của máy chủ là giờ hệ thống cộng số giây ghi trong "
             << site_.config().clock_file << " (KEHOACH_TEST_CLOCK_FILE; chỉ dùng khi kiểm thử).\n";
      out_ << "kehoach serve: đang chạy tại http://" << (host.find(':') != std::string::npos ? "[" + host + "]" : host)
           << ":" << server.port() << "/ (dữ liệu: " << site_.config().data_folder << ", cơ sở dữ liệu "
           << site_.database_description() << ").\nNhấn Ctrl-C để dừng.\n"
           << std::flush;
      waitForTerminationRequest();
      out_ << "kehoach serve: đang dừng; chờ các yêu cầu đang xử lý xong...\n" << std::flush;
      server.stop();
      out_ << "kehoach serve: đã dừng.\n" << std::flush;
    } catch (...) {
      failure = std::current_exception();
    }
    return EXIT_OK;
  }

 private:
  Site& site_;
  const ServerOptions& options_;
  std::ostream& out_;
};

}  // namespace

int serve_site(const ServeRequest& request, std::ostream& out, std::ostream& log);

int serve(const ServeRequest& request, std::ostream& out, std::ostream& log) {
  parse_listen_address(request.server.listen);  // a wrong --listen is said before anything is made
  try {
    return serve_site(request, out, log);
  } catch (const StoreError& e) {
    throw OutputError(e.what());
  } catch (const Poco::Exception& e) {
    throw OutputError("không chạy được máy chủ web: " + e.displayText());
  }
}

int serve_site(const ServeRequest& request, std::ostream& out, std::ostream& log) {
  Site site(request.site);
  if (request.init_admin) {
    const NewPassword made = init_administrator(site, *request.init_admin);
    out << "Tài khoản quản trị " << made.account.login << ", mật khẩu dùng một lần: " << made.one_time_password << '\n'
        << "Mật khẩu chỉ hiện một lần. Đăng nhập bằng nó rồi đặt mật khẩu mới; sau đó chạy kehoach serve.\n";
    return 0;
  }
  if (request.demo) {
    const std::vector<NewPassword> accounts = load_demo(site);
    out << "Đã nạp dữ liệu mẫu (tỉnh Hà Tĩnh, xã An Hòa Thịnh và các thôn, hai xã khác). Các tài khoản:\n";
    print_accounts(out, site, accounts);
    out << "Mật khẩu dùng một lần chỉ hiện lần này; mỗi lần chạy --demo cấp mật khẩu mới.\n";
  }
  BlockStopSignals blocked;
  ServerOptions options = request.server;
  options.log = &log;
  ServeApplication application(site, options, out);
  const int status = application.run(std::vector<std::string>{"kehoach-serve"});
  if (application.failure) std::rethrow_exception(application.failure);
  return status;
}

}  // namespace kehoach
