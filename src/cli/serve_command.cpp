#include <cstdlib>
#include <ostream>
#include <stdexcept>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "model/input_error.h"
#include "web/serve.h"

namespace kehoach {
namespace {

constexpr const char* kServeHelp = R"(kehoach serve: chạy ứng dụng web để các xã, phường lập kế hoạch và báo cáo trên trình duyệt.

Cách dùng:
  kehoach serve [--listen ĐỊA_CHỈ:CỔNG] [--data THƯ_MỤC] [--db URL]
  kehoach serve --init-admin TÊN     tạo tài khoản quản trị đầu tiên, in mật khẩu dùng một lần rồi thoát
  kehoach serve --demo               nạp dữ liệu mẫu (tỉnh Hà Tĩnh, xã An Hòa Thịnh…) rồi chạy

Lần chạy đầu tạo THƯ_MỤC dữ liệu với cơ sở dữ liệu SQLite (kehoach.db) và thư mục files/ chứa các tệp
đã tải lên, đã tạo. Cấu trúc cơ sở dữ liệu được cập nhật mỗi lần khởi động. Ctrl-C hoặc SIGTERM dừng máy
chủ sau khi các yêu cầu đang xử lý xong.

Ví dụ:
  kehoach serve --init-admin quantri --data /srv/kehoach
  kehoach serve --data /srv/kehoach --listen 127.0.0.1:8080
  kehoach serve --demo --data /tmp/kehoach-demo

)";

constexpr const char* kServeHelpEnd = R"(
Đặt máy chủ sau nginx có TLS (HTTPS) khi cho các xã truy cập qua mạng; xem README, mục "Chạy ứng dụng web".
)";

}  // namespace

const CommandSpec& serve_spec() {
  static const CommandSpec spec{
      .name = "serve",
      .help = kServeHelp,
      .options =
          {
              {"listen", 0, "ĐỊA_CHỈ:CỔNG", "Địa chỉ và cổng nhận kết nối (mặc định 127.0.0.1:8080; cổng 0: cổng trống bất\nkỳ)."},
              {"data", 0, "THƯ_MỤC", "Thư mục dữ liệu (mặc định ./kehoach-data), tạo khi chưa có."},
              {"db", 0, "URL", "Cơ sở dữ liệu: postgresql://NGƯỜI_DÙNG@MÁY/TÊN_CSDL, hoặc tệp SQLite\n(mặc định THƯ_MỤC/kehoach.db)."},
              {"init-admin", 0, "TÊN", "Tạo tài khoản quản trị TÊN (hoặc cấp lại mật khẩu cho nó), in mật\nkhẩu dùng một lần rồi thoát."},
              {"demo", 0, "", "Nạp các đơn vị mẫu và một tài khoản cho mỗi đơn vị, in tài khoản và mật\nkhẩu dùng một lần, rồi chạy."},
              {"secure-cookies", 0, "", "Cookie chỉ gửi qua HTTPS (khi người dùng vào trang qua TLS)."},
              {"trusted-proxy", 0, "ĐỊA_CHỈ", "Địa chỉ của nginx đứng trước: tin X-Forwarded-Proto và X-Forwarded-For\ncủa nó (ví dụ 127.0.0.1)."},
          },
      .missing_input = "",
      .help_end = kServeHelpEnd,
  };
  return spec;
}

int serve_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(serve_spec(), words, console.out);
  if (!args) return kExitOk;
  ServeRequest request;
  request.site = make_site_config(args->value("data", "kehoach-data"));
  request.site.database_url = args->value("db");
  request.site.secure_cookies = args->has("secure-cookies");
  request.site.trusted_proxy = args->value("trusted-proxy");
  // Browser walks move the server's clock (tests/browser/support/server.mjs); never set on a real site.
  if (const char* file = std::getenv("KEHOACH_TEST_CLOCK_FILE"); file && *file) request.site.clock_file = file;
  request.server.listen = args->value("listen", "127.0.0.1:8080");
  request.demo = args->has("demo");
  if (args->has("init-admin")) request.init_admin = args->value("init-admin");
  if (request.demo && request.init_admin) throw UsageError("--demo và --init-admin không dùng cùng nhau.");
  if (args->has("data") && args->value("data").empty()) throw UsageError("--data cần tên thư mục.");
  try {
    return serve(request, console.out, console.err);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

}  // namespace kehoach
