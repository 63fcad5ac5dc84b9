#include <unistd.h>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "package/interruption.h"

namespace {

// The last resort, for what with_exit_status cannot catch (an exception out of a destructor or a
// thread, a noexcept function that throws): no half-written file, a message, status 70, not an abort.
[[noreturn]] void last_resort() {
  kehoach::remove_temporaries();
  static const char message[] =
      "kehoach: lỗi ngoài dự kiến trong chương trình; đã dừng và không để lại tệp ghi dở nào.\n"
      "Đây là lỗi của kehoach, không phải của tệp đầu vào. Xin báo lỗi cho người phát triển, kèm lệnh đã chạy và "
      "thông báo này.\n";
  [[maybe_unused]] const ssize_t said = ::write(STDERR_FILENO, message, sizeof message - 1);
  ::_exit(kehoach::kExitSoftware);
}

}  // namespace

int main(int argc, char** argv) {
  std::set_terminate(last_resort);
  const int status = kehoach::run(std::vector<std::string>(argv + 1, argv + argc), {std::cout, std::cerr});
  // What went to standard output (JSON, a table) redirected to a file on a full disk: not all of it is there.
  if (!std::cout.flush()) {
    std::cerr << "kehoach: không ghi hết được kết quả ra đầu ra chuẩn (tệp chuyển hướng tới không ghi được: đĩa "
                 "đầy hoặc không có quyền ghi).\n";
    return status == kehoach::kExitOk ? kehoach::kExitOutput : status;
  }
  return status;
}
