#include "read/xlsx_reader.h"
#include "scratch_folder.h"

#include <doctest/doctest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "package/input_limits.h"
#include "test_support.h"
#include "zip_fixture.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

using kehoach::testing::ScratchFolder;
using kehoach::testing::write_zip;

void close_workbook(lxw_workbook* workbook) { REQUIRE(workbook_close(workbook) == LXW_NO_ERROR); }

lxw_format* number_format(lxw_workbook* workbook, const char* code) {
  lxw_format* format = workbook_add_format(workbook);
  format_set_num_format(format, code);
  return format;
}

const std::string kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";

// A minimal package in the style of some non-Excel writers: prefixed elements, absolute
// relationship targets, and the given sheet XML.
std::vector<std::pair<std::string, std::string>> hand_written_package(const std::string& sheet_xml) {
  return {
      {"[Content_Types].xml", kContentTypes},
      {"xl/workbook.xml",
       R"(<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:sheets><x:sheet name="Dữ liệu" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/strings.xml"/>
</Relationships>)"},
      {"xl/strings.xml",
       R"(<?xml version="1.0" encoding="UTF-8"?>
<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<x:si><x:t>Hộ nghèo_x000D_
đầu năm</x:t></x:si>
<x:si><x:r><x:t>Tân </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>Thịnh</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ヨミ</x:t></x:rPh></x:si>
<x:si><x:t xml:space="preserve">  Thôn   Đồng </x:t><x:rPh sb="0" eb="1"><x:t>ヨミ</x:t></x:rPh></x:si>
</x:sst>)"},
      {"xl/worksheets/data.xml", sheet_xml},
  };
}

std::vector<std::string> texts(const GridRow& row) { return row.cells; }

std::string error_message(const std::string& path, const std::string& display_name, const std::string& sheet = "") {
  return testing::error_of([&] { read_xlsx(path, display_name, sheet); });
}

}  // namespace

TEST_CASE("text cells come back trimmed and in NFC with their Vietnamese diacritics") {
  ScratchFolder folder;
  const std::string path = folder.file("text.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Thôn");
  worksheet_write_string(sheet, 0, 0, "Xã Hòa Thịnh", nullptr);
  worksheet_write_string(sheet, 0, 1, "  Hộ   cận nghèo ", nullptr);
  worksheet_write_string(sheet, 0, 2, "Ta\xCC\x82n Thi\xCC\xA3nh", nullptr);  // decomposed "Tân Thịnh"
  close_workbook(workbook);

  const Grid grid = read_xlsx(path, "thon.xlsx");
  CHECK(grid.source == "thon.xlsx");
  CHECK(grid.sheet == "Thôn");
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].source_row == 1);
  CHECK(texts(grid.rows[0]) == std::vector<std::string>{"Xã Hòa Thịnh", "Hộ cận nghèo", "Tân Thịnh"});
}

TEST_CASE("a number is written with the decimals its number format shows") {
  ScratchFolder folder;
  const std::string path = folder.file("numbers.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  lxw_format* two_decimals = number_format(workbook, "0.00");
  lxw_format* whole = number_format(workbook, "0");
  lxw_format* thousands = number_format(workbook, "#,##0");
  lxw_format* thousands_two = number_format(workbook, "#,##0.00");
  lxw_format* percent_two = number_format(workbook, "0.00%");
  lxw_format* percent_whole = number_format(workbook, "0%");
  lxw_format* custom = number_format(workbook, "0.0\" hộ\";[Red]-0.0");
  worksheet_write_number(sheet, 0, 0, 6.25, two_decimals);
  worksheet_write_number(sheet, 0, 1, 6.0, two_decimals);
  worksheet_write_number(sheet, 0, 2, 2.675, two_decimals);  // binary 2.67499999...
  worksheet_write_number(sheet, 0, 3, -0.001, two_decimals);
  worksheet_write_number(sheet, 1, 0, 12.0, whole);
  worksheet_write_number(sheet, 1, 1, 12.5, whole);
  worksheet_write_number(sheet, 1, 2, 2047.0, thousands);
  worksheet_write_number(sheet, 1, 3, 2047310.4, thousands_two);
  worksheet_write_number(sheet, 2, 0, 0.0625, percent_two);
  worksheet_write_number(sheet, 2, 1, 0.125, percent_whole);
  worksheet_write_number(sheet, 2, 2, 0.0493, percent_two);
  worksheet_write_number(sheet, 2, 3, 3.14159, custom);
  close_workbook(workbook);

  const Grid grid = read_xlsx(path, "so.xlsx");
  REQUIRE(grid.rows.size() == 3);
  CHECK(texts(grid.rows[0]) == std::vector<std::string>{"6.25", "6.00", "2.68", "0.00"});
  CHECK(texts(grid.rows[1]) == std::vector<std::string>{"12", "13", "2047", "2047310.40"});
  CHECK(texts(grid.rows[2]) == std::vector<std::string>{"6.25", "13", "4.93", "3.1"});
}

TEST_CASE("a number in General format is written in its shortest form without binary noise") {
  ScratchFolder folder;
  const std::string path = folder.file("general.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_write_number(sheet, 0, 0, 6.02, nullptr);
  worksheet_write_number(sheet, 0, 1, 2047, nullptr);
  worksheet_write_number(sheet, 0, 2, 0.1 + 0.2, nullptr);
  worksheet_write_number(sheet, 0, 3, 1.0 / 3.0, nullptr);
  worksheet_write_number(sheet, 0, 4, -15.5, nullptr);
  worksheet_write_number(sheet, 0, 5, 0, nullptr);
  worksheet_write_number(sheet, 0, 6, 0.000125, nullptr);
  worksheet_write_number(sheet, 0, 7, 1e20, nullptr);
  close_workbook(workbook);

  const Grid grid = read_xlsx(path, "so.xlsx");
  REQUIRE(grid.rows.size() == 1);
  CHECK(texts(grid.rows[0]) ==
        std::vector<std::string>{"6.02", "2047", "0.3", "0.3333333333", "-15.5", "0", "0.000125", "1E+20"});
}

TEST_CASE("a formula is read as its cached value in the cell's number format") {
  ScratchFolder folder;
  const std::string path = folder.file("formula.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_write_number(sheet, 0, 0, 40, nullptr);
  worksheet_write_number(sheet, 0, 1, 2.5, nullptr);
  worksheet_write_formula_num(sheet, 0, 2, "=A1+B1", nullptr, 42.5);
  worksheet_write_formula_num(sheet, 0, 3, "=B1/A1", number_format(workbook, "0.00%"), 0.0625);
  close_workbook(workbook);

  const Grid grid = read_xlsx(path, "congthuc.xlsx");
  REQUIRE(grid.rows.size() == 1);
  CHECK(texts(grid.rows[0]) == std::vector<std::string>{"40", "2.5", "42.5", "6.25"});
}

TEST_CASE("a merged header cell is read into every cell it covers") {
  ScratchFolder folder;
  const std::string path = folder.file("merged.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_merge_range(sheet, 0, 0, 1, 0, "STT", nullptr);       // A1:A2
  worksheet_merge_range(sheet, 0, 1, 1, 1, "Thôn", nullptr);      // B1:B2
  worksheet_merge_range(sheet, 0, 2, 0, 3, "Hộ nghèo", nullptr);  // C1:D1
  worksheet_write_string(sheet, 1, 2, "Số hộ", nullptr);
  worksheet_write_string(sheet, 1, 3, "Tỷ lệ %", nullptr);
  worksheet_write_number(sheet, 2, 0, 1, nullptr);
  worksheet_write_string(sheet, 2, 1, "Thôn Đông", nullptr);
  worksheet_write_number(sheet, 2, 2, 12, nullptr);
  worksheet_write_number(sheet, 2, 3, 6.25, nullptr);
  close_workbook(workbook);

  const Grid grid = read_xlsx(path, "gop.xlsx");
  REQUIRE(grid.rows.size() == 3);
  CHECK(texts(grid.rows[0]) == std::vector<std::string>{"STT", "Thôn", "Hộ nghèo", "Hộ nghèo"});
  CHECK(texts(grid.rows[1]) == std::vector<std::string>{"STT", "Thôn", "Số hộ", "Tỷ lệ %"});
  CHECK(texts(grid.rows[2]) == std::vector<std::string>{"1", "Thôn Đông", "12", "6.25"});
}

TEST_CASE("a title merged far beyond the data is copied only as far as the data reaches") {
  ScratchFolder folder;
  const std::string path = folder.file("title.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_merge_range(sheet, 0, 0, 0, 25, "Danh sách hộ nghèo", nullptr);  // A1:Z1
  worksheet_merge_range(sheet, 3, 4, 9, 4, "", nullptr);                     // E4:E10, empty
  worksheet_write_string(sheet, 1, 0, "STT", nullptr);
  worksheet_write_string(sheet, 1, 1, "Thôn", nullptr);
  worksheet_write_string(sheet, 1, 2, "Số hộ", nullptr);
  close_workbook(workbook);

  const Grid grid = read_xlsx(path, "tieude.xlsx");
  REQUIRE(grid.rows.size() == 2);
  CHECK(texts(grid.rows[0]) ==
        std::vector<std::string>{"Danh sách hộ nghèo", "Danh sách hộ nghèo", "Danh sách hộ nghèo"});
  CHECK(texts(grid.rows[1]) == std::vector<std::string>{"STT", "Thôn", "Số hộ"});
}

TEST_CASE("rows missing from the sheet become blank rows so that row numbers stay true") {
  ScratchFolder folder;
  const std::string path = folder.file("gap.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_write_string(sheet, 0, 0, "Tiêu đề", nullptr);
  worksheet_write_string(sheet, 1, 1, "Thôn", nullptr);
  worksheet_write_number(sheet, 5, 1, 7, nullptr);  // B6, after four empty rows
  worksheet_write_string(sheet, 20, 9, "", nullptr);  // an empty cell adds no trailing row
  close_workbook(workbook);

  const Grid grid = read_xlsx(path, "trong.xlsx");
  REQUIRE(grid.rows.size() == 6);
  for (std::size_t i = 0; i < grid.rows.size(); ++i) CHECK(grid.rows[i].source_row == static_cast<int>(i) + 1);
  CHECK(texts(grid.rows[0]) == std::vector<std::string>{"Tiêu đề"});
  CHECK(texts(grid.rows[1]) == std::vector<std::string>{"", "Thôn"});
  CHECK(grid.rows[2].is_blank());
  CHECK(grid.rows[3].is_blank());
  CHECK(grid.rows[4].is_blank());
  CHECK(texts(grid.rows[5]) == std::vector<std::string>{"", "7"});
}

TEST_CASE("the first sheet is read when none is named, and a named one whatever its case or Unicode form") {
  ScratchFolder folder;
  const std::string path = folder.file("two.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  worksheet_write_string(workbook_add_worksheet(workbook, "Thôn"), 0, 0, "trang một", nullptr);
  worksheet_write_string(workbook_add_worksheet(workbook, "Tổng hợp"), 2, 0, "trang hai", nullptr);
  close_workbook(workbook);

  const Grid first = read_xlsx(path, "hai.xlsx");
  CHECK(first.sheet == "Thôn");
  REQUIRE(first.rows.size() == 1);
  CHECK(texts(first.rows[0]) == std::vector<std::string>{"trang một"});

  const Grid second = read_xlsx(path, "hai.xlsx", "TO\xCC\x82\xCC\x89NG HỢP");  // decomposed "TỔNG HỢP"
  CHECK(second.sheet == "Tổng hợp");
  REQUIRE(second.rows.size() == 3);
  CHECK(second.rows[2].source_row == 3);
  CHECK(texts(second.rows[2]) == std::vector<std::string>{"trang hai"});
}

TEST_CASE("a sheet name that does not exist is refused with the names that do") {
  ScratchFolder folder;
  const std::string path = folder.file("two.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  workbook_add_worksheet(workbook, "Thôn");
  workbook_add_worksheet(workbook, "Tổng hợp");
  close_workbook(workbook);

  CHECK(error_message(path, "hai.xlsx", "Xã") ==
        "hai.xlsx: không có trang tính \"Xã\"; hãy chọn một trong các trang tính có trong tệp: "
        "\"Thôn\", \"Tổng hợp\".");
}

TEST_CASE("a file that is not a zip is refused as not an xlsx, with what to do") {
  ScratchFolder folder;
  const std::string path = folder.file("old.xls");
  std::ofstream(path, std::ios::binary) << "STT,Thôn,Hộ nghèo\n1,Thôn Đông,12\n";

  CHECK(error_message(path, "cu.xls") ==
        "cu.xls: không phải tệp Excel .xlsx; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới "
        "dạng .xlsx (Excel Workbook).");
}

TEST_CASE("a zip without a workbook is refused as not an xlsx") {
  ScratchFolder folder;
  const std::string path = folder.file("notes.zip");
  write_zip(path, {{"notes.txt", "không phải bảng tính"}});

  CHECK(error_message(path, "ghichu.xlsx") ==
        "ghichu.xlsx: không phải tệp Excel .xlsx; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới "
        "dạng .xlsx (Excel Workbook).");
}

TEST_CASE("a file that does not exist is reported as not opened") {
  CHECK(error_message("/nonexistent/kehoach/none.xlsx", "none.xlsx") ==
        "none.xlsx: không mở được tệp; hãy kiểm tra tên và đường dẫn.");
}

TEST_CASE("inline strings, booleans and rich text are read as their plain text") {
  ScratchFolder folder;
  const std::string path = folder.file("inline.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // libxlsxwriter then writes inline strings
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_write_string(sheet, 0, 0, "Thôn Trung Mỹ", nullptr);
  worksheet_write_boolean(sheet, 0, 1, 1, nullptr);
  worksheet_write_boolean(sheet, 0, 2, 0, nullptr);
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_rich_string_tuple plain = {nullptr, const_cast<char*>("Hộ ")};
  lxw_rich_string_tuple strong = {bold, const_cast<char*>("nghèo")};
  lxw_rich_string_tuple* runs[] = {&plain, &strong, nullptr};
  worksheet_write_rich_string(sheet, 1, 0, runs, nullptr);
  close_workbook(workbook);

  const Grid grid = read_xlsx(path, "inline.xlsx");
  REQUIRE(grid.rows.size() == 2);
  CHECK(texts(grid.rows[0]) == std::vector<std::string>{"Thôn Trung Mỹ", "TRUE", "FALSE"});
  CHECK(texts(grid.rows[1]) == std::vector<std::string>{"Hộ nghèo"});
}

TEST_CASE("cells and rows without references follow one another, and phonetic hints are left out") {
  ScratchFolder folder;
  const std::string path = folder.file("hand.xlsx");
  write_zip(path, hand_written_package(R"(<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>
<x:row><x:c/><x:c t="s"><x:v>2</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Ghi chú</x:t><x:rPh><x:t>X</x:t></x:rPh></x:is></x:c></x:row>
<x:row r="5"><x:c r="B5"><x:v>12</x:v></x:c><x:c><x:v>0.5</x:v></x:c></x:row>
</x:sheetData></x:worksheet>)"));

  const Grid grid = read_xlsx(path, "tay.xlsx");
  CHECK(grid.sheet == "Dữ liệu");
  REQUIRE(grid.rows.size() == 5);
  CHECK(texts(grid.rows[0]) == std::vector<std::string>{"Hộ nghèo đầu năm", "Tân Thịnh"});
  CHECK(texts(grid.rows[1]) == std::vector<std::string>{"", "Thôn Đồng", "Ghi chú"});
  CHECK(grid.rows[2].is_blank());
  CHECK(grid.rows[3].is_blank());
  CHECK(grid.rows[4].source_row == 5);
  CHECK(texts(grid.rows[4]) == std::vector<std::string>{"", "12", "0.5"});
}

TEST_CASE("a sheet whose XML is broken is reported as a damaged file") {
  ScratchFolder folder;
  const std::string path = folder.file("broken.xlsx");
  write_zip(path, hand_written_package("<worksheet><sheetData><row><c><v>1</v></row></sheetData>"));

  CHECK(error_message(path, "hong.xlsx") ==
        "hong.xlsx: tệp .xlsx bị hỏng, không đọc được phần \"xl/worksheets/data.xml\"; hãy mở tệp bằng Excel "
        "hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.");
}

}  // namespace kehoach

namespace kehoach {

TEST_CASE("a shared string longer than a cell, or shared strings too many to hold, are refused") {
  ScratchFolder folder;
  const std::string path = folder.file("chuoi.xlsx");
  const std::string sheet = R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>)";
  auto package = hand_written_package(sheet);
  package[3].second = "<sst><si><t>" + std::string(32768, 'a') + "</t></si></sst>";
  write_zip(path, package);
  CHECK(error_message(path, "chuoi.xlsx") ==
        "chuoi.xlsx: chuỗi chữ dùng chung thứ 1 (phần xl/strings.xml) dài hơn 32.767 ký tự, giới hạn một ô của Excel; tệp "
        "bị hỏng hoặc cố ý gây hại: hãy mở bằng Excel hoặc LibreOffice rồi lưu lại.");
  // Each string takes its text and a string's own bytes: short ones by the hundred thousand fill memory too.
  const testing::ScopedEnvironment limit("KEHOACH_MAX_TABLE_MB", "1");  // strings: 10 MB of memory
  std::string many = "<sst>";
  for (int i = 0; i < 400000; ++i) many += "<si><t>a</t></si>";
  package[3].second = many + "</sst>";
  write_zip(path, package);
  CHECK(error_message(path, "chuoi.xlsx") ==
        "chuoi.xlsx: các chuỗi chữ dùng chung (phần xl/strings.xml) chiếm hơn 10 MB bộ nhớ, quá giới hạn của bảng số "
        "liệu; hãy lưu bảng dưới dạng CSV (UTF-8), được đọc từng dòng; nếu tệp đúng là lớn như vậy, hãy đặt biến môi "
        "trường KEHOACH_MAX_TABLE_MB lớn hơn (số MB, hiện 1), ví dụ KEHOACH_MAX_TABLE_MB=10.");
}

TEST_CASE("a table read whole is bounded by the table limit, a streamed one by the household lists' limit") {
  ScratchFolder folder;
  const std::string path = folder.file("lon.xlsx");
  std::string rows;
  unsigned random = 1;
  for (int i = 1; i <= 60000; ++i) {
    std::string name;  // letters that do not compress, so that the file is over 1 MB
    for (int k = 0; k < 40; ++k) name += static_cast<char>('a' + ((random = random * 1103515245u + 12345u) >> 16) % 26);
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\" t=\"inlineStr\"><is><t>" + name +
            "</t></is></c></row>";
  }
  write_zip(path, hand_written_package(
                      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" + rows +
                      "</sheetData></worksheet>"));
  REQUIRE(fs::file_size(path) > kMiB);
  const testing::ScopedEnvironment table("KEHOACH_MAX_TABLE_MB", "1");
  CHECK(error_message(path, "lon.xlsx").starts_with("lon.xlsx: tệp lớn "));
  int streamed = 0;
  stream_xlsx(path, "lon.xlsx", "", [&](GridRow&&) { ++streamed; });
  CHECK(streamed == 60000);
  const testing::ScopedEnvironment records("KEHOACH_MAX_RECORDS_MB", "1");
  CHECK(testing::error_of([&] { stream_xlsx(path, "lon.xlsx", "", [](GridRow&&) {}); }).starts_with("lon.xlsx: tệp lớn "));
}

}  // namespace kehoach

namespace kehoach {

TEST_CASE("streamed, shared strings of rich text runs are read as their runs' text and phonetic hints left out") {
  ScratchFolder folder;
  const std::string path = folder.file("chuoi.xlsx");
  write_zip(path, hand_written_package(R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
                                       R"(<sheetData><row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>)"
                                       R"(<c r="D2" t="s"><v>0</v></c></row></sheetData></worksheet>)"));
  std::vector<GridRow> rows;
  CHECK(stream_xlsx(path, "chuoi.xlsx", "", [&](GridRow&& row) { rows.push_back(row); }) == "Dữ liệu");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].source_row == 2);
  CHECK(rows[0].cells == std::vector<std::string>{"Tân Thịnh", "", "Thôn Đồng", "Hộ nghèo đầu năm"});
}

TEST_CASE("streamed, a shared strings table too large for memory is refused by the household lists' limit") {
  ScratchFolder folder;
  const std::string path = folder.file("chuoi.xlsx");
  auto package = hand_written_package(R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
                                      R"(<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>)");
  std::string many = "<sst>";
  for (int i = 0; i < 400000; ++i) many += "<si><t>a</t></si>";
  package[3].second = many + "</sst>";
  write_zip(path, package);
  const auto read = [&] { stream_xlsx(path, "chuoi.xlsx", "", [](GridRow&&) {}); };
  CHECK(testing::error_of(read) == testing::kNoError);  // 13 MB of strings: within the 256 MB a streamed file may use
  const testing::ScopedEnvironment limit("KEHOACH_MAX_RECORDS_MB", "1");  // strings: 10 MB of memory
  CHECK(testing::error_of(read) ==
        "chuoi.xlsx: các chuỗi chữ dùng chung (phần xl/strings.xml) chiếm hơn 10 MB bộ nhớ, quá giới hạn của danh sách "
        "hộ, tệp đơn vị; hãy lưu bảng dưới dạng CSV (UTF-8), được đọc từng dòng; nếu tệp đúng là lớn như vậy, hãy đặt "
        "biến môi trường KEHOACH_MAX_RECORDS_MB lớn hơn (số MB, hiện 1), ví dụ KEHOACH_MAX_RECORDS_MB=10.");
}

}  // namespace kehoach
