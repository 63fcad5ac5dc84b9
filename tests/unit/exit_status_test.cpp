#include <doctest/doctest.h>

#include <filesystem>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "model/input_error.h"
#include "package/interruption.h"
#include "template/part_template.h"

using namespace kehoach;

namespace {

struct Ran {
  int status;
  std::string out, err;
};

template <typename Body>
Ran guarded(const std::string& command, Body body) {
  std::ostringstream out, err;
  const int status = with_exit_status(command, {out, err}, body);
  return {status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("an unexpected exception is exit status 70 with a Vietnamese message, not std::terminate") {
  const Ran ran = guarded("plan", []() -> int { throw std::logic_error("vector::_M_range_check"); });
  CHECK(ran.status == 70);
  CHECK(ran.status == kExitSoftware);
  CHECK(ran.out.empty());
  CHECK(ran.err ==
        "kehoach plan: lỗi ngoài dự kiến trong chương trình (vector::_M_range_check).\n"
        "Đây là lỗi của kehoach, không phải của tệp đầu vào. Xin báo lỗi cho người phát triển, kèm lệnh đã chạy "
        "và thông báo này.\n");
}

TEST_CASE("something thrown that is not an exception is status 70 too") {
  const Ran ran = guarded("batch", []() -> int { throw 42; });
  CHECK(ran.status == 70);
  CHECK(ran.err.rfind("kehoach batch: lỗi ngoài dự kiến trong chương trình.\nĐây là lỗi của kehoach", 0) == 0);
}

TEST_CASE("the user's mistakes keep their statuses: command line 64, input 2") {
  const Ran usage = guarded("report", []() -> int { throw UsageError("thiếu --period (q1, 6m, 9m hoặc year)."); });
  CHECK(usage.status == 64);
  CHECK(usage.err == "kehoach report: thiếu --period (q1, 6m, 9m hoặc year).\nXem hướng dẫn: kehoach report --help\n");

  const Ran input = guarded("appendix", []() -> int {
    throw InputError(Location{"thon.csv", 8, 4, "Hộ nghèo"}, "\"mười\" không phải số.");
  });
  CHECK(input.status == 2);
  CHECK(input.err == "thon.csv:8, cột E (Hộ nghèo): \"mười\" không phải số.\n");

  const Ran template_error = guarded("plan", []() -> int { throw TemplateError("mẫu hỏng: thẻ {{x} không đóng."); });
  CHECK(template_error.status == 2);
  CHECK(template_error.err == "mẫu hỏng: thẻ {{x} không đóng.\n");
}

TEST_CASE("a file that cannot be written is status 3, with the message of the writer") {
  const Ran output = guarded("appendix", []() -> int {
    throw OutputError("không ghi được tệp /khong-co/pl.xlsx: thư mục /khong-co không có; hãy tạo thư mục đó hoặc chọn "
                      "nơi ghi khác.");
  });
  CHECK(output.status == 3);
  CHECK(output.err == "kehoach appendix: không ghi được tệp /khong-co/pl.xlsx: thư mục /khong-co không có; hãy tạo "
                      "thư mục đó hoặc chọn nơi ghi khác.\n");
  // Through a whole command: the appendix of an example into a folder that does not exist.
  std::ostringstream out, err;
  const int status = run({"appendix", std::string(KEHOACH_EXAMPLES) + "/an-hoa-thinh-2022/ke-hoach.yaml", "-o",
                          "/khong-co/pl.xlsx"},
                         {out, err});
  CHECK(status == 3);
  CHECK(out.str().empty());
  CHECK(err.str().rfind("kehoach appendix: không ghi được tệp /khong-co/pl.xlsx", 0) == 0);
}

TEST_CASE("memory running out is status 70 with a Vietnamese message, not an abort") {
  const Ran ran = guarded("households", []() -> int { throw std::bad_alloc(); });
  CHECK(ran.status == 70);
  CHECK(ran.out.empty());
  CHECK(ran.err ==
        "kehoach households: không đủ bộ nhớ để làm xong lệnh (tệp đầu vào quá lớn hoặc máy đang thiếu bộ nhớ); "
        "không để lại tệp ghi dở nào.\nNếu tệp đầu vào không lớn, xin báo lỗi cho người phát triển, kèm lệnh đã chạy "
        "và thông báo này.\n");
}

TEST_CASE("a file system error no reader caught is status 70, named and said in Vietnamese") {
  const Ran ran = guarded("batch", []() -> int {
    throw std::filesystem::filesystem_error("cannot create directories", "/ket-qua/xa-a",
                                            std::make_error_code(std::errc::no_space_on_device));
  });
  CHECK(ran.status == 70);
  CHECK(ran.err.rfind("kehoach batch: không đọc hoặc ghi được /ket-qua/xa-a: đĩa đã đầy.\nĐây là lỗi của kehoach", 0) == 0);
  CHECK(ran.err.find("cannot create") == std::string::npos);
}

TEST_CASE("work that noticed a stop (Ctrl-C during the PDF) is status 130 and says nothing was left half written") {
  const Ran ran = guarded("plan", []() -> int { throw Interrupted(); });
  CHECK(ran.status == 130);
  CHECK(ran.err == "kehoach plan: đã dừng theo yêu cầu; không để lại tệp ghi dở nào.\n");
}

TEST_CASE("a status the work returns passes through: 0, 1 (findings), 3 (output), 130 (stopped)") {
  for (const int status : {kExitOk, kExitFindings, kExitOutput, kExitStopped}) {
    const Ran ran = guarded("batch", [status] { return status; });
    CHECK(ran.status == status);
    CHECK(ran.err.empty());
  }
  CHECK(kExitStopped == 130);
}

TEST_CASE("a usage error found after the options are read goes through the same wrapper") {
  std::ostringstream out, err;
  CHECK(run({"households", "ho.csv", "--earlier", "cu.csv"}, {out, err}) == 64);
  CHECK(err.str() == "kehoach households: --earlier chỉ dùng cùng --start.\nXem hướng dẫn: kehoach households --help\n");
}

TEST_CASE("deadlines --today with a day its month does not have is a usage error, not a crash") {
  for (const char* today : {"2022-02-30", "31/04/2022", "2023-02-29"}) {
    CAPTURE(today);
    std::ostringstream out, err;
    CHECK(run({"deadlines", "ke-hoach.yaml", "--today", today}, {out, err}) == 64);
    CHECK(err.str() == std::string("kehoach deadlines: --today \"") + today +
                           "\" không phải ngày; ghi 2022-06-01 hoặc 01/06/2022.\nXem hướng dẫn: kehoach deadlines --help\n");
  }
}

TEST_CASE("kehoach --version prints the version project() gives in CMakeLists.txt") {
  std::ostringstream out, err;
  CHECK(run({"--version"}, {out, err}) == 0);
  CHECK(out.str() == std::string("kehoach ") + KEHOACH_PROJECT_VERSION + "\n");
}

TEST_CASE("kehoach --help documents every exit status") {
  std::ostringstream out, err;
  run({"--help"}, {out, err});
  for (const char* status : {"0 thành công", "1 bảng", "2 tệp đầu vào", "3 không ghi", "64 dòng lệnh sai",
                             "70 lỗi ngoài dự kiến", "130 dừng giữa chừng"})
    CHECK_MESSAGE(out.str().find(status) != std::string::npos, status);
}
