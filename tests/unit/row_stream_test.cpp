#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <fstream>
#include <stdexcept>
#include <vector>

#include "model/input_error.h"
#include "read/row_stream.h"
#include "read/table_file.h"
#include "scratch_folder.h"

using namespace kehoach;
using kehoach::testing::ScratchFolder;

namespace {

std::string write(const ScratchFolder& folder, const std::string& name, const std::string& bytes) {
  const std::string path = folder.file(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::vector<GridRow> streamed(const std::string& path, std::size_t chunk_size) {
  std::vector<GridRow> rows;
  detail::stream_table_file(path, "", [&](const GridRow& row) { rows.push_back(row); }, chunk_size);
  return rows;
}

// The rows read_table_file gives, blank ones left out (a stream may skip them).
std::vector<GridRow> whole(const std::string& path) {
  std::vector<GridRow> rows;
  for (const auto& row : read_table_file(path).rows)
    if (!row.is_blank()) rows.push_back(row);
  return rows;
}

void check_same(const std::vector<GridRow>& got, const std::vector<GridRow>& expected) {
  std::vector<GridRow> non_blank;
  for (const auto& row : got)
    if (!row.is_blank()) non_blank.push_back(row);
  REQUIRE(non_blank.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(non_blank[i].source_row == expected[i].source_row);
    CHECK(non_blank[i].cells == expected[i].cells);
  }
}

// Every way of cutting the text: CRLF, a doubled quote, a quoted line break and multi-byte
// characters (composed and decomposed) all fall across chunk ends somewhere.
const std::string kTricky =
    "\xEF\xBB\xBFThôn;Ghi chú;Số hộ\r\n"
    "Sâm Cồn;\"nói \"\"có\"\" rồi\";166\r\n"
    "\r\n"
    "Tân Thi\xCC\xA3nh;\"hai\r\ndòng\";68\r"
    "Đông Hà;𝔸 ký tự bốn byte;127\n"
    "Cuối;;\"\"";

}  // namespace

TEST_CASE("a CSV streamed in chunks of any size gives the rows of the whole file, row numbers included") {
  const ScratchFolder folder;
  const std::string path = write(folder, "thon.csv", kTricky);
  const auto expected = whole(path);
  REQUIRE(expected.size() == 5);
  CHECK(expected[2].cells[0] == "Tân Thịnh");  // composed by clean_text
  CHECK(expected[2].cells[1] == "hai dòng");  // a line break inside a cell is white space
  CHECK(expected[3].source_row == 6);
  for (std::size_t chunk = 8; chunk <= kTricky.size() + 1; ++chunk) {
    CAPTURE(chunk);
    check_same(streamed(path, chunk), expected);
  }
}

TEST_CASE("UTF-16 and Windows-1258 files stream the same rows as they read") {
  const ScratchFolder folder;
  std::string utf16 = "\xFF\xFE";
  // "Thôn,Hộ\r\nNậy,97\r\n" in UTF-16 LE, written out by code point.
  for (char16_t unit : std::u16string(u"Thôn,Hộ\r\nNậy,97\r\n")) {
    utf16 += static_cast<char>(unit & 0xFF);
    utf16 += static_cast<char>(unit >> 8);
  }
  const std::string utf16_path = write(folder, "utf16.csv", utf16);
  check_same(streamed(utf16_path, 8), whole(utf16_path));
  CHECK(whole(utf16_path)[1].cells[0] == "Nậy");
  // Windows-1258: "Nậy" is N, a, U+0323 (F2), y; â is E2.
  const std::string cp1258_path = write(folder, "cp1258.csv", "Th\xF4n,H\xF4\xF2\r\nN\xE2\xF2y,97\r\n");
  check_same(streamed(cp1258_path, 8), whole(cp1258_path));
  CHECK(whole(cp1258_path)[1].cells[0] == "Nậy");
}

TEST_CASE("an XLSX sheet streams its rows with their Excel row numbers") {
  const ScratchFolder folder;
  const std::string path = folder.file("ho.xlsx");
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Danh sách");
  worksheet_write_string(sheet, 0, 0, "DANH SÁCH", nullptr);
  worksheet_write_string(sheet, 2, 0, "Mã hộ", nullptr);
  worksheet_write_string(sheet, 2, 1, "Số khẩu", nullptr);
  worksheet_write_string(sheet, 3, 0, "H1", nullptr);
  worksheet_write_number(sheet, 3, 1, 4, nullptr);
  worksheet_write_string(sheet, 5, 0, "H2", nullptr);
  worksheet_write_number(sheet, 5, 1, 2, nullptr);
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  std::vector<GridRow> rows;
  const RowStream read = stream_table_file(path, "", [&](const GridRow& row) { rows.push_back(row); });
  CHECK(read.sheet == "Danh sách");
  check_same(rows, whole(path));
  REQUIRE(rows.size() == 4);
  CHECK(rows[3].source_row == 6);
  CHECK(rows[3].cells == std::vector<std::string>{"H2", "2"});
}

TEST_CASE("what the row handler throws comes out of the stream, for CSV and XLSX") {
  const ScratchFolder folder;
  const std::string csv = write(folder, "a.csv", "a,b\n1,2\n3,4\n");
  int seen = 0;
  auto stop_at_second = [&](const GridRow&) {
    if (++seen == 2) throw InputError(Location{"a", 2, {}, {}}, "dừng");
  };
  CHECK_THROWS_WITH_AS(stream_table_file(csv, "", stop_at_second), "a:2: dừng", InputError);
  CHECK(seen == 2);

  const std::string xlsx = folder.file("b.xlsx");
  lxw_workbook* book = workbook_new(xlsx.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
  for (int r = 0; r < 5; ++r) worksheet_write_number(sheet, static_cast<lxw_row_t>(r), 0, r, nullptr);
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  seen = 0;
  CHECK_THROWS_WITH_AS(stream_table_file(xlsx, "", stop_at_second), "a:2: dừng", InputError);
  CHECK(seen == 2);  // nothing after the failure was handed over
}

TEST_CASE("a UTF-8 file with a bad byte further on is refused at its line; an open quote at its line") {
  const ScratchFolder folder;
  std::string text = "Thôn,Số hộ\n";
  for (int i = 0; i < 40; ++i) text += "Thôn " + std::to_string(i) + ",10\n";
  text += "Th\xF4n l\xE1,5\n";  // Windows-1258 bytes in a UTF-8 file, line 42
  const std::string path = write(folder, "tron.csv", text);
  CHECK_THROWS_WITH_AS(streamed(path, 64), (path + ":42: tệp có byte không đọc được theo bảng mã UTF-8; hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng CSV UTF-8.").c_str(), InputError);
  const std::string open = write(folder, "mo.csv", "a,b\n1,\"2\n3,4\n");
  CHECK_THROWS_WITH_AS(streamed(open, 4), doctest::Contains("mo.csv:2: dấu ngoặc kép"), InputError);
}

TEST_CASE("an empty or blank file, a folder and a missing file are refused as read_table_file refuses them") {
  const ScratchFolder folder;
  const auto error_of = [](const std::string& path) {
    try {
      stream_table_file(path, "", [](const GridRow&) {});
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(không có lỗi)");
  };
  const std::string empty = write(folder, "rong.csv", "");
  const std::string blank = write(folder, "trang.csv", "\n \n");
  CHECK(error_of(empty) == empty + ": tệp rỗng; hãy xuất lại bảng số liệu (CSV hoặc XLSX) có dòng tiêu đề và các dòng đơn vị.");
  CHECK(error_of(blank) == blank + ": tệp rỗng; hãy xuất lại bảng số liệu (CSV hoặc XLSX) có dòng tiêu đề và các dòng đơn vị.");
  CHECK(error_of(folder.path().string()).find("đây là thư mục") != std::string::npos);
  CHECK(error_of(folder.file("khong-co.csv")).find("không mở được tệp") != std::string::npos);
}
