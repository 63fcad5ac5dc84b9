#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "model/input_error.h"
#include "package/file_bytes.h"
#include "package/input_limits.h"
#include "scratch_folder.h"
#include "test_support.h"

using namespace kehoach;
using testing::error_of;
using testing::ScopedEnvironment;
using testing::ScratchFolder;

namespace {

const std::string kNotRegular =
    ", không phải tệp thường; kehoach chỉ đọc tệp thường: hãy lưu dữ liệu vào một tệp rồi chỉ đến tệp đó.";

}  // namespace

TEST_CASE("a size reads in binary units with a decimal comma, rounded up so that a size over a limit never reads as it") {
  CHECK(format_size(0) == "0 byte");
  CHECK(format_size(1023) == "1023 byte");
  CHECK(format_size(1024) == "1 KB");
  CHECK(format_size(1536) == "1,5 KB");
  CHECK(format_size(10 * kMiB) == "10 MB");
  CHECK(format_size(10 * kMiB + 1) == "10,1 MB");
  CHECK(format_size(1'992'294'407) == "1,9 GB");
  CHECK(format_size(UINT64_MAX) == "17179869184 GB");  // no overflow on the largest size a zip may declare
}

TEST_CASE("each kind of input has its limit, raised by its own variable, packages inflating to 10 and 20 times it") {
  const ScopedEnvironment yaml("KEHOACH_MAX_YAML_MB", std::nullopt), table("KEHOACH_MAX_TABLE_MB", std::nullopt),
      records("KEHOACH_MAX_RECORDS_MB", std::nullopt), templates("KEHOACH_MAX_TEMPLATE_MB", std::nullopt);
  CHECK(input_limits(InputKind::Yaml).file == 1 * kMiB);
  CHECK(input_limits(InputKind::Table).file == 10 * kMiB);
  CHECK(input_limits(InputKind::Records).file == 1024 * kMiB);
  CHECK(input_limits(InputKind::Template).file == 2 * kMiB);
  CHECK(input_limits(InputKind::Table).part == 100 * kMiB);
  CHECK(input_limits(InputKind::Table).package == 200 * kMiB);
  const ScopedEnvironment raised("KEHOACH_MAX_TABLE_MB", "64");
  CHECK(input_limits(InputKind::Table).file == 64 * kMiB);
  CHECK(input_limits(InputKind::Table).part == 640 * kMiB);
  CHECK(input_limits(InputKind::Yaml).file == 1 * kMiB);  // the others keep theirs
  CHECK(raise_advice(InputKind::Table) ==
        "nếu tệp đúng là lớn như vậy, hãy đặt biến môi trường KEHOACH_MAX_TABLE_MB lớn hơn (số MB, hiện 64), ví dụ "
        "KEHOACH_MAX_TABLE_MB=640.");
}

TEST_CASE("a limit that is not a whole number of MB is refused, naming the variable") {
  for (const std::string value : {"abc", "0", "-5", "1.5", "10MB", "1000001", "99999999999999999999"}) {
    CAPTURE(value);
    const ScopedEnvironment bad("KEHOACH_MAX_YAML_MB", value);
    CHECK(error_of([] { input_limits(InputKind::Yaml); }) ==
          "biến môi trường KEHOACH_MAX_YAML_MB=\"" + value +
              "\" không dùng được: hãy ghi giới hạn bằng một số nguyên MB, từ 1 đến 1000000, ví dụ "
              "KEHOACH_MAX_YAML_MB=10.");
  }
}

TEST_CASE("a device, a FIFO, a socket or a folder is refused by name before it is opened") {
  const ScratchFolder scratch;
  CHECK(error_of([] { read_file_bytes("/dev/zero", InputKind::Table); }) == "/dev/zero: đây là một thiết bị" + kNotRegular);
  CHECK(error_of([] { read_file_bytes("/dev/urandom", InputKind::Yaml); }) ==
        "/dev/urandom: đây là một thiết bị" + kNotRegular);
  CHECK(error_of([] { open_input_file("/dev/zero", InputKind::Records); }) == "/dev/zero: đây là một thiết bị" + kNotRegular);
  // A FIFO no one writes to: opening it would wait for ever.
  const std::string fifo = scratch.file("thon.csv");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(error_of([&] { read_file_bytes(fifo, InputKind::Table); }) == fifo + ": đây là một ống dẫn (FIFO)" + kNotRegular);
  CHECK(error_of([&] { open_input_file(fifo, InputKind::Records); }) == fifo + ": đây là một ống dẫn (FIFO)" + kNotRegular);
  // A symbolic link is followed: what it names is what is read.
  const std::string link = scratch.file("lien-ket.csv");
  std::filesystem::create_symlink("/dev/zero", link);
  CHECK(error_of([&] { read_file_bytes(link, InputKind::Table); }) == link + ": đây là một thiết bị" + kNotRegular);
  const std::string socket_path = scratch.file("s");
  const int socket = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  socket_path.copy(address.sun_path, sizeof address.sun_path - 1);
  REQUIRE(::bind(socket, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  CHECK(error_of([&] { read_file_bytes(socket_path, InputKind::Yaml); }) == socket_path + ": đây là một socket" + kNotRegular);
  ::close(socket);
  CHECK(error_of([&] { read_file_bytes(scratch.path().string(), InputKind::Yaml); }) ==
        scratch.path().string() + ": đây là thư mục, không phải tệp; hãy chỉ đến tệp bên trong thư mục.");
  CHECK(error_of([&] { read_file_bytes(scratch.file("khong-co.yaml"), InputKind::Yaml); }) ==
        scratch.file("khong-co.yaml") + ": không mở được tệp; hãy kiểm tra tên và đường dẫn.");
}

TEST_CASE("a file over its kind's limit is refused with its size, the limit and how to raise it, read within it otherwise") {
  const ScratchFolder scratch;
  const ScopedEnvironment yaml("KEHOACH_MAX_YAML_MB", std::nullopt);
  const std::string plan = scratch.write("ke-hoach.yaml", std::string(kMiB + 100 * 1024, '#'));
  CHECK(error_of([&] { read_file_bytes(plan, InputKind::Yaml); }) ==
        plan + ": tệp lớn 1,1 MB, quá giới hạn 1 MB của tệp YAML (kế hoạch, phân bổ, chuẩn nghèo…); nếu tệp đúng là "
               "lớn như vậy, hãy đặt biến môi trường KEHOACH_MAX_YAML_MB lớn hơn (số MB, hiện 1), ví dụ "
               "KEHOACH_MAX_YAML_MB=10.");
  CHECK(error_of([&] { open_input_file(plan, InputKind::Yaml); }) != testing::kNoError);
  const ScopedEnvironment raised("KEHOACH_MAX_YAML_MB", "2");
  CHECK(read_file_bytes(plan, InputKind::Yaml).size() == kMiB + 100 * 1024);
  // A file exactly at the limit is within it.
  const std::string exact = scratch.write("dung-2-mb.yaml", std::string(2 * kMiB, '#'));
  CHECK(read_file_bytes(exact, InputKind::Yaml).size() == 2 * kMiB);
}

TEST_CASE("a file whose size reads as 0 is still read no further than its limit") {
  // /proc files are regular files the file system gives no size: only what is read can bound them.
  const ScopedEnvironment small("KEHOACH_MAX_YAML_MB", "1");
  const std::string maps = read_file_bytes("/proc/self/status", InputKind::Yaml);
  CHECK(maps.find("Name:") != std::string::npos);
}

TEST_CASE("a part of an unpacked package is bounded by the limit of one part, ten times a file's") {
  const ScratchFolder scratch;
  const ScopedEnvironment templates("KEHOACH_MAX_TEMPLATE_MB", "1");
  const std::string fits = scratch.write("document.xml", std::string(5 * kMiB, 'x'));
  CHECK(read_part_file(fits, InputKind::Template).size() == 5 * kMiB);
  CHECK(error_of([&] { read_file_bytes(fits, InputKind::Template); }) != testing::kNoError);
  const std::string large = scratch.write("styles.xml", std::string(10 * kMiB + 1, 'x'));
  CHECK(error_of([&] { read_part_file(large, InputKind::Template); }) ==
        large + ": tệp lớn 10,1 MB, quá giới hạn 10 MB của một phần trong mẫu Word (gấp 10 lần giới hạn tệp); nếu tệp "
                "đúng là lớn như vậy, hãy đặt biến môi trường KEHOACH_MAX_TEMPLATE_MB lớn hơn (số MB, hiện 1), ví dụ "
                "KEHOACH_MAX_TEMPLATE_MB=10.");
}
