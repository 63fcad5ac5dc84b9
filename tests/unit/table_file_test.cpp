#include <doctest/doctest.h>

#include <filesystem>

#include "read/table_file.h"
#include "scratch_folder.h"
#include "test_support.h"

using namespace kehoach;
namespace fs = std::filesystem;

namespace {

std::string write_file(const std::string& name, const std::string& bytes) {
  static const testing::ScratchFolder scratch;  // one per test process, removed at its exit
  return scratch.write(name, bytes);
}

std::string error_of(const std::string& path) {
  return testing::error_of([&] { read_table_file(path); });
}

}  // namespace

TEST_CASE("a CSV file is read whatever its extension") {
  const Grid grid = read_table_file(write_file("thon.txt", "Thôn;Tổng số hộ\nTrùa;105\n"));
  REQUIRE(grid.rows.size() == 2);
  CHECK(grid.rows[1].cells == std::vector<std::string>{"Trùa", "105"});
}

TEST_CASE("an empty file, or one with only blank lines, is refused") {
  const std::string message =
      ": tệp rỗng; hãy xuất lại bảng số liệu (CSV, XLSX hoặc XLS) có dòng tiêu đề và các dòng đơn vị.";
  const std::string empty = write_file("rong.csv", "");
  CHECK(error_of(empty) == empty + message);
  const std::string blank = write_file("trang.csv", "\xEF\xBB\xBF\r\n\r\n");
  CHECK(error_of(blank) == blank + message);
}

TEST_CASE("a damaged Excel 97-2003 file and a PDF are refused with what to do") {
  // Read as .xls (tests/integration/test_old_files.py reads whole ones): cut short, it is damaged.
  const std::string xls = write_file("cu.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "....");
  CHECK(error_of(xls) == xls + ": tệp Excel 97-2003 (.xls) bị hỏng hoặc không đầy đủ, không đọc được; hãy mở bằng "
                               "Excel hoặc LibreOffice rồi lưu lại (dạng .xlsx hoặc .xls).");
  const std::string pdf = write_file("ke-hoach.pdf", "%PDF-1.7\n...");
  CHECK(error_of(pdf) == pdf + ": đây là tệp PDF, không phải bảng số liệu; hãy dùng tệp CSV, XLSX hoặc XLS.");
}

TEST_CASE("a file that does not exist is named") {
  CHECK(error_of("/khong/co/tep.csv") == "/khong/co/tep.csv: không mở được tệp; hãy kiểm tra tên và đường dẫn.");
}

TEST_CASE("a folder given where a file is expected is named as a folder") {
  const std::string folder = fs::temp_directory_path().string();
  CHECK(error_of(folder) == folder + ": đây là thư mục, không phải tệp; hãy chỉ đến tệp bên trong thư mục.");
}
