#include "read/row_stream.h"

#include <doctest/doctest.h>
#include <iconv.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "model/input_error.h"
#include "read/table_file.h"
#include "read/text_decoding.h"
#include "scratch_folder.h"
#include "test_support.h"

using namespace kehoach;
using kehoach::testing::error_of;
using kehoach::testing::kNoError;
using kehoach::testing::ScratchFolder;
using kehoach::testing::utf16_bytes;

namespace {

constexpr std::size_t kMiB = 1 << 20;

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// UTF-8 text in another encoding, by glibc's iconv (which writes Windows-1258 tones as combining
// bytes, as Vietnamese Windows does).
std::string converted(const std::string& utf8, const char* encoding) {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t result = iconv(cd, &in, &in_left, &out_ptr, &out_left);
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
  iconv_close(cd);
  REQUIRE(result != static_cast<std::size_t>(-1));
  out.resize(out.size() - out_left);
  return out;
}

std::vector<GridRow> streamed(const std::string& path, std::size_t chunk_size) {
  std::vector<GridRow> rows;
  detail::stream_table_file(path, "", [&](const GridRow& row) { rows.push_back(row); }, chunk_size);
  return rows;
}

std::vector<GridRow> streamed(const std::string& path) {
  std::vector<GridRow> rows;
  stream_table_file(path, "", [&](const GridRow& row) { rows.push_back(row); });
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
    CAPTURE(i);
    CHECK(non_blank[i].source_row == expected[i].source_row);
    CHECK(non_blank[i].cells == expected[i].cells);
  }
}

std::vector<std::string> example_tables() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(KEHOACH_EXAMPLES))
    if (entry.path().extension() == ".csv") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
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

TEST_CASE("the example tables stream the rows read_table_file reads, in UTF-8, UTF-16 and Windows-1258") {
  const ScratchFolder folder;
  const auto tables = example_tables();
  REQUIRE(tables.size() >= 5);
  for (const auto& table : tables) {
    CAPTURE(table);
    const std::string utf8 = file_bytes(table);
    const std::vector<std::pair<std::string, std::string>> variants = {
        {"utf8.csv", utf8},
        {"utf16le.csv", "\xFF\xFE" + converted(utf8, "UTF-16LE")},
        {"utf16be.csv", converted(utf8, "UTF-16BE")},  // without a BOM: found by its zero bytes
        {"cp1258.csv", converted(utf8, "CP1258")},
    };
    for (const auto& variant : variants) {
      // CAPTURE is a lambda, and clang 14 cannot capture a structured binding.
      const auto& [name, bytes] = variant;
      CAPTURE(variant.first);
      const std::string path = folder.write(name, bytes);
      const auto expected = whole(path);
      REQUIRE(!expected.empty());
      check_same(whole(table), expected);  // the same table whatever the encoding
      check_same(streamed(path), expected);
      check_same(streamed(path, 7), expected);
    }
  }
}

TEST_CASE("an example table written as XLSX streams the rows read_table_file reads") {
  const ScratchFolder folder;
  const std::string path = folder.file("ho.xlsx");
  const Grid grid = read_table_file(std::string(KEHOACH_EXAMPLES) + "/an-hoa-thinh-2022/ho-gia-dinh-cuoi-2021.csv");
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Hộ gia đình");
  for (const auto& row : grid.rows)
    for (std::size_t column = 0; column < row.cells.size(); ++column) {
      const std::string& text = row.cells[column];
      const auto r = static_cast<lxw_row_t>(row.source_row - 1);
      const auto c = static_cast<lxw_col_t>(column);
      long long number = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (!text.empty() && error == std::errc() && end == text.data() + text.size())
        worksheet_write_number(sheet, r, c, static_cast<double>(number), nullptr);
      else if (!text.empty())
        worksheet_write_string(sheet, r, c, text.c_str(), nullptr);
    }
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  const auto expected = whole(path);
  REQUIRE(expected.size() > 100);
  std::vector<GridRow> rows;
  const RowStream read = stream_table_file(path, "hộ gia đình", [&](const GridRow& row) { rows.push_back(row); });
  CHECK(read.sheet == "Hộ gia đình");
  CHECK(read.source == path);
  check_same(rows, expected);
  CHECK(rows[1].cell(0) == "AHT-0001");
  CHECK(rows[1].cell(4) == "4");  // numbers come back as the CSV wrote them
  CHECK(rows[1].cell(5) == "5090000");
}

TEST_CASE("a CSV streamed in chunks of any size gives the rows of the whole file, row numbers included") {
  const ScratchFolder folder;
  const std::string path = folder.write("thon.csv", kTricky);
  const auto expected = whole(path);
  REQUIRE(expected.size() == 5);
  CHECK(expected[1].cells[1] == "nói \"có\" rồi");
  CHECK(expected[2].cells[0] == "Tân Thịnh");  // composed by clean_text
  CHECK(expected[2].cells[1] == "hai dòng");  // a line break inside a cell is white space
  CHECK(expected[3].source_row == 6);
  for (std::size_t chunk = 1; chunk <= kTricky.size() + 1; ++chunk) {
    CAPTURE(chunk);
    check_same(streamed(path, chunk), expected);
  }
}

TEST_CASE("UTF-16 cut anywhere, through a surrogate pair or between the bytes of a unit, streams the same rows") {
  const ScratchFolder folder;
  const std::u16string text = u"Thôn,Ghi chú\r\nNậy,\"𝔸\r\n𝔹\"\r\nĐông Hà,x𝔸y\r\n";
  const std::string le_path = folder.write("le.csv", "\xFF\xFE" + utf16_bytes(text, true));
  const std::string be_path = folder.write("be.csv", utf16_bytes(text, false));
  const auto expected = whole(le_path);
  REQUIRE(expected.size() == 3);
  CHECK(expected[1].cells == std::vector<std::string>{"Nậy", "𝔸 𝔹"});
  CHECK(expected[2].source_row == 4);
  CHECK(expected[2].cells == std::vector<std::string>{"Đông Hà", "x𝔸y"});
  check_same(whole(be_path), expected);
  for (std::size_t chunk = 1; chunk <= text.size() * 2 + 3; ++chunk) {
    CAPTURE(chunk);
    check_same(streamed(le_path, chunk), expected);
    check_same(streamed(be_path, chunk), expected);
  }
}

TEST_CASE("Windows-1258 cut anywhere, between a letter and its tone mark too, streams the same rows") {
  const ScratchFolder folder;
  // "Thôn;Hộ\r\nNậy;97\r\nĐông Hà;Mỹ Lợi\r\n": tones as combining bytes (F2 dot below, DE tilde).
  const std::string bytes = "Th\xF4n;H\xF4\xF2\r\nN\xE2\xF2y;97\r\n\xD0\xF4ng H\xE0;My\xDE L\xF5\xF2i\r\n";
  const std::string path = folder.write("cp1258.csv", bytes);
  const auto expected = whole(path);
  REQUIRE(expected.size() == 3);
  CHECK(expected[1].cells[0] == "Nậy");
  CHECK(expected[2].cells == std::vector<std::string>{"Đông Hà", "Mỹ Lợi"});
  for (std::size_t chunk = 1; chunk <= bytes.size() + 1; ++chunk) {
    CAPTURE(chunk);
    check_same(streamed(path, chunk), expected);
  }
}

TEST_CASE("a UTF-8 character cut by the end of the first MiB does not make the file Windows-1258") {
  const ScratchFolder folder;
  std::string text = "Mã hộ,Thôn\n";
  for (int i = 0; text.size() < kMiB - 40; ++i) text.append("H").append(std::to_string(i)).append(",Thôn Tân Thịnh\n");
  text += std::string(kMiB - 1 - text.size(), 'x') + "ễ,Mỹ\n";  // ễ is three bytes: its first is the MiB's last
  text += "H2,Cuối\n";
  const std::string path = folder.write("lon.csv", text);
  const auto expected = whole(path);
  CHECK(expected.back().cells == std::vector<std::string>{"H2", "Cuối"});
  check_same(streamed(path), expected);
  check_same(streamed(path, 4096), expected);
  CHECK(detect_encoding(std::string_view(text).substr(0, kMiB)) == TextEncoding::Windows1258);  // what a cut looks like
}

TEST_CASE("a UTF-8 file with other bytes after its first MiB is refused as mixing encodings, at their line") {
  const ScratchFolder folder;
  std::string text = "Thôn,Số hộ\n";
  int lines = 1;
  while (text.size() < kMiB + 100) {
    text += "Thôn " + std::to_string(lines) + ",10\n";
    ++lines;
  }
  text += "Th\xF4n l\xE1,5\n";  // Windows-1258 bytes
  const std::string path = folder.write("tron.csv", text);
  const std::string expected = path + ":" + std::to_string(lines + 1) +
                               ": tệp trộn lẫn hai bảng mã: phần đầu là UTF-8 nhưng dòng này có byte không phải "
                               "UTF-8 (có lẽ là Windows-1258); hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại "
                               "dưới dạng CSV UTF-8.";
  CHECK(error_of([&] { streamed(path); }) == expected);
  CHECK(error_of([&] { streamed(path, 1000); }) == expected);
}

TEST_CASE("bytes that cannot be decoded are refused at the same line as read_table_file refuses them") {
  const ScratchFolder folder;
  std::u16string lone = u"Thôn,Hộ\r\nNậy,9\r\nĐông,";
  lone += char16_t(0xD800);  // a high surrogate with no low one after it
  lone += u"7\r\n";
  const std::vector<std::string> files = {
      folder.write("surrogate.csv", "\xFF\xFE" + utf16_bytes(lone, true)),
      folder.write("odd.csv", "\xFF\xFE" + utf16_bytes(u"Thôn,Hộ\r\n", true) + "x"),
      folder.write("cp1258.csv", "X\xE3,S\xF4\xEC\r\nT\xE2n\x81,12\r\n"),       // 0x81 means nothing
      folder.write("bom.csv", "\xEF\xBB\xBFXã,12\nAn,5\nAn\xC3,5\n"),            // a UTF-8 BOM, then a broken byte
      folder.write("nul.csv", std::string("Th\xF4n,H\xF4\xF2\r\nN\xE2\x00y,97\r\n", 19)),  // binary, not text
  };
  for (const auto& path : files) {
    const std::string expected = error_of([&] { read_table_file(path); });
    CAPTURE(expected);
    CHECK(expected.starts_with(path + ":"));
    CHECK(expected != kNoError);
    for (std::size_t chunk = 1; chunk <= 40; ++chunk) {
      CAPTURE(chunk);
      CHECK(error_of([&] { streamed(path, chunk); }) == expected);
    }
  }
  CHECK(error_of([&] { read_table_file(files[0]); }) ==
        files[0] + ":3: tệp có byte không đọc được theo bảng mã UTF-16 LE; hãy mở tệp bằng Excel hoặc LibreOffice "
                   "và lưu lại dưới dạng CSV UTF-8.");
}

TEST_CASE("an XLSX sheet streams its rows with their Excel row numbers, merged ranges not filled") {
  const ScratchFolder folder;
  const std::string path = folder.file("ho.xlsx");
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Danh sách");
  worksheet_merge_range(sheet, 0, 0, 0, 1, "DANH SÁCH", nullptr);
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
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].cells == std::vector<std::string>{"DANH SÁCH"});  // read_table_file copies it into B1
  CHECK(whole(path)[0].cells == std::vector<std::string>{"DANH SÁCH", "DANH SÁCH"});
  rows.erase(rows.begin());
  auto expected = whole(path);
  expected.erase(expected.begin());
  check_same(rows, expected);
  CHECK(rows[2].source_row == 6);
  CHECK(rows[2].cells == std::vector<std::string>{"H2", "2"});
}

TEST_CASE("what the row handler throws comes out of the stream, for CSV and XLSX, and nothing more is read") {
  const ScratchFolder folder;
  std::string text = "a,b\n";
  for (int i = 0; i < 3000; ++i) text += std::to_string(i) + ",2\n";
  const std::string csv = folder.write("a.csv", text);
  int seen = 0;
  auto stop_at_second = [&](const GridRow&) {
    if (++seen == 2) throw InputError(Location{"a", 2, {}, {}}, "dừng");
  };
  CHECK_THROWS_WITH_AS(stream_table_file(csv, "", stop_at_second), "a:2: dừng", InputError);
  CHECK(seen == 2);
  seen = 0;
  CHECK_THROWS_WITH_AS(detail::stream_table_file(csv, "", stop_at_second, 3), "a:2: dừng", InputError);
  CHECK(seen == 2);

  const std::string xlsx = folder.file("b.xlsx");
  lxw_workbook* book = workbook_new(xlsx.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
  for (int r = 0; r < 20000; ++r) worksheet_write_number(sheet, static_cast<lxw_row_t>(r), 0, r, nullptr);
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  seen = 0;
  CHECK_THROWS_WITH_AS(stream_table_file(xlsx, "", stop_at_second), "a:2: dừng", InputError);
  CHECK(seen == 2);  // nothing after the failure was handed over
  // Another exception type comes out as itself too.
  CHECK_THROWS_AS(stream_table_file(xlsx, "", [](const GridRow&) { throw std::logic_error("x"); }), std::logic_error);
  CHECK_THROWS_AS(stream_table_file(csv, "", [](const GridRow&) { throw std::logic_error("x"); }), std::logic_error);
}

TEST_CASE("an unterminated quote is refused at the line where it opened, whatever the chunk size") {
  const ScratchFolder folder;
  const std::string open = folder.write("mo.csv", "a,b\n1,\"2\n3,4\n");
  for (std::size_t chunk = 1; chunk <= 16; ++chunk) {
    CAPTURE(chunk);
    CHECK_THROWS_WITH_AS(streamed(open, chunk), doctest::Contains("mo.csv:2: dấu ngoặc kép"), InputError);
  }
}

TEST_CASE("an empty or blank file, a folder and a missing file are refused as read_table_file refuses them") {
  const ScratchFolder folder;
  const auto stream_error = [](const std::string& path) {
    return error_of([&] { stream_table_file(path, "", [](const GridRow&) {}); });
  };
  const std::string empty = folder.write("rong.csv", "");
  const std::string blank = folder.write("trang.csv", "\n \n");
  const std::string pdf = folder.write("bang.csv", "%PDF-1.7\n");
  CHECK(stream_error(empty) == empty + ": tệp rỗng; hãy xuất lại bảng số liệu (CSV, XLSX hoặc XLS) có dòng tiêu đề và các dòng đơn vị.");
  CHECK(stream_error(blank) == blank + ": tệp rỗng; hãy xuất lại bảng số liệu (CSV, XLSX hoặc XLS) có dòng tiêu đề và các dòng đơn vị.");
  for (const auto& path : {empty, blank, pdf, folder.path().string(), folder.file("khong-co.csv")})
    CHECK(stream_error(path) == error_of([&] { read_table_file(path); }));
  CHECK(stream_error(folder.path().string()).find("đây là thư mục") != std::string::npos);
  CHECK(stream_error(folder.file("khong-co.csv")).find("không mở được tệp") != std::string::npos);
}

TEST_CASE("the chunk decoder gives decode_to_utf8's text, before NFC, however the bytes are cut") {
  const std::string text = "Xã;Số hộ\r\nTa\xCC\x82n Thi\xCC\xA3nh;𝔸\r\n";  // decomposed: NFC is left to the cells
  const std::vector<std::pair<TextEncoding, std::string>> files = {
      {TextEncoding::Utf8Bom, "\xEF\xBB\xBF" + text},
      {TextEncoding::Utf16Le, "\xFF\xFE" + converted(text, "UTF-16LE")},
      {TextEncoding::Utf16Be, converted(text, "UTF-16BE")},
  };
  for (const auto& [encoding, bytes] : files) {
    REQUIRE(detect_encoding(bytes) == encoding);
    for (std::size_t chunk = 1; chunk <= bytes.size(); ++chunk) {
      CAPTURE(chunk);
      ChunkDecoder decoder(bytes, true, "thon.csv");
      std::string out;
      for (std::size_t at = 0; at < bytes.size(); at += chunk)
        decoder.decode(std::string_view(bytes).substr(at, chunk), at + chunk >= bytes.size(), out);
      CHECK(out == text);
    }
  }
}

TEST_CASE("a streamed line of a hundred million separators is refused at its line, not skipped as a blank row") {
  const testing::ScratchFolder scratch;
  const std::string path =
      scratch.write("ho.csv", "Mã hộ,Thôn\nH1,Trùa\n" + std::string(100'000'000, ',') + "\nH2,Trùa\n");
  std::vector<int> rows;
  CHECK(testing::error_of([&] { stream_table_file(path, "", [&](const GridRow& row) { rows.push_back(row.source_row); }); }) ==
        path + ":3, cột ALM: ô nằm ngoài 1.000 cột đầu (đến cột ALL) mà kehoach đọc; bảng không có nhiều cột như vậy: "
               "hãy xoá các ô thừa ở bên phải bảng, hoặc kiểm tra dấu phân cách của tệp CSV.");
  // The first rows are held until their columns' encoding is judged (read/legacy_columns): none was passed on.
  CHECK(rows.empty());
}

TEST_CASE("a streamed file is bounded by the limit of household lists, raised by KEHOACH_MAX_RECORDS_MB") {
  const testing::ScratchFolder scratch;
  const testing::ScopedEnvironment limit("KEHOACH_MAX_RECORDS_MB", "1");
  std::string text = "Mã hộ,Thôn\n";
  for (int i = 0; text.size() <= kMiB; ++i) text += "H" + std::to_string(i) + ",Trùa\n";
  const std::string path = scratch.write("ho.csv", text);
  CHECK(testing::error_of([&] { streamed(path); }) ==
        path + ": tệp lớn 1,1 MB, quá giới hạn 1 MB của danh sách hộ, tệp đơn vị; nếu tệp đúng là lớn như vậy, hãy đặt "
               "biến môi trường KEHOACH_MAX_RECORDS_MB lớn hơn (số MB, hiện 1), ví dụ KEHOACH_MAX_RECORDS_MB=10.");
  CHECK(testing::error_of([] { streamed("/dev/zero"); }) ==
        "/dev/zero: đây là một thiết bị, không phải tệp thường; kehoach chỉ đọc tệp thường: hãy lưu dữ liệu vào một tệp "
        "rồi chỉ đến tệp đó.");
}
