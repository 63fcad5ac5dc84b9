#include "read/xlsx_sheet.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "model/input_error.h"
#include "scratch_folder.h"
#include "test_support.h"
#include "zip_fixture.h"

namespace kehoach {
namespace {

using kehoach::testing::ScratchFolder;
using kehoach::testing::write_zip;

const char* const kPart = "xl/worksheets/sheet1.xml";

std::string sheet_xml(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// The rows of a package holding only the given sheet part, read with these shared strings and a
// General style 0 and a two-decimal style 1.
std::vector<GridRow> read_rows(const std::string& rows, const std::vector<std::string>& strings = {}) {
  ScratchFolder folder;
  const std::string path = folder.file("sheet.xlsx");
  write_zip(path, {{kPart, sheet_xml(rows)}});
  XlsxPackage package(path, "bang.xlsx");
  return read_sheet(package, kPart, strings, CellStyles{{NumberFormat{}, NumberFormat{false, false, 2}}, {}});
}

std::string read_error(const std::string& rows, const std::vector<std::string>& strings = {}) {
  try {
    read_rows(rows, strings);
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no error)";
}

const std::string kDamaged =
    "bang.xlsx: tệp .xlsx bị hỏng, không đọc được phần \"xl/worksheets/sheet1.xml\"; hãy mở tệp bằng Excel "
    "hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.";

bool same(const std::optional<CellRef>& cell, int row, int column) {
  return cell && cell->row == row && cell->column == column;
}

}  // namespace

TEST_CASE("a cell reference gives its 0-based column and 1-based row, its letters in either case") {
  CHECK(same(parse_cell_ref("A1"), 1, 0));
  CHECK(same(parse_cell_ref("C5"), 5, 2));
  CHECK(same(parse_cell_ref("c5"), 5, 2));
  CHECK(same(parse_cell_ref("Z9"), 9, 25));
  CHECK(same(parse_cell_ref("AA10"), 10, 26));
  CHECK(same(parse_cell_ref("XFD1048576"), 1048576, 16383));  // Excel's last cell
}

TEST_CASE("a reference beyond Excel's grid, or not a reference at all, is none") {
  for (const char* ref : {"XFE1", "A1048577", "A0", "5", "A", "", "A5x", "A-5", "$A$1", "A 1"}) {
    CAPTURE(ref);
    CHECK_FALSE(parse_cell_ref(ref).has_value());
  }
}

TEST_CASE("a range gives its two corners as written, and one cell is a range of itself") {
  const auto range = parse_range("D5:E6");
  REQUIRE(range);
  CHECK((same(range->first, 5, 3) && same(range->last, 6, 4)));
  const auto reversed = parse_range("E6:D5");
  REQUIRE(reversed);
  CHECK((same(reversed->first, 6, 4) && same(reversed->last, 5, 3)));
  const auto single = parse_range("B2");
  REQUIRE(single);
  CHECK((same(single->first, 2, 1) && same(single->last, 2, 1)));
  CHECK_FALSE(parse_range("A1:").has_value());
  CHECK_FALSE(parse_range("A1:XFE1").has_value());
}

TEST_CASE("a cell's style picks its number format, and a style the styles part lacks is General") {
  const auto rows = read_rows(R"(<row r="1"><c r="A1" s="1"><v>6.5</v></c><c r="B1" s="7"><v>6.5</v></c>
<c r="C1"><v>0.1</v></c></row>)");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == std::vector<std::string>{"6.50", "6.5", "0.1"});
}

TEST_CASE("error codes and ISO dates are read as written, a formula's text result with its escapes decoded") {
  const auto rows = read_rows(R"(<row r="1"><c r="A1" t="e"><f>B1/0</f><v>#DIV/0!</v></c>
<c r="B1" t="d"><v>2024-12-31T00:00:00</v></c><c r="C1" t="str"><f>"Hộ"</f><v>Hộ_x000A_nghèo</v></c></row>)");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == std::vector<std::string>{"#DIV/0!", "2024-12-31T00:00:00", "Hộ nghèo"});
}

TEST_CASE("a shared string the list lacks, or a row or cell beyond Excel's grid, makes a damaged sheet") {
  const std::vector<std::string> strings{"Thôn Đông"};
  CHECK(read_error(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)", strings) == "(no error)");
  CHECK(read_error(R"(<row r="1"><c r="A1" t="s"><v>1</v></c></row>)", strings) == kDamaged);
  CHECK(read_error(R"(<row r="1"><c r="A1" t="s"><v>-1</v></c></row>)", strings) == kDamaged);
  CHECK(read_error(R"(<row r="1048577"><c><v>1</v></c></row>)") == kDamaged);
  CHECK(read_error(R"(<row r="0"><c><v>1</v></c></row>)") == kDamaged);
  CHECK(read_error(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)") == kDamaged);
  CHECK(read_error(R"(<row r="1"><c r="XFD1" s="1"/><c><v>2</v></c></row>)") == kDamaged);
}

TEST_CASE("a sheet part the package lacks is a damaged file") {
  ScratchFolder folder;
  const std::string path = folder.file("sheet.xlsx");
  write_zip(path, {{"xl/worksheets/other.xml", sheet_xml("")}});
  XlsxPackage package(path, "bang.xlsx");
  try {
    read_sheet(package, kPart, {}, {});
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) == kDamaged);
  }
}

}  // namespace kehoach

namespace kehoach {
namespace {

const std::string kRefuseWide =
    "ô nằm ngoài 1.000 cột đầu (đến cột ALL) mà kehoach đọc; bảng không có nhiều cột như vậy: hãy xoá các ô thừa ở bên "
    "phải bảng.";

// The rows of the sheet streamed, as households are, and the message of what stopped them.
std::string stream_error(const std::string& rows, std::vector<int>* handed = nullptr) {
  ScratchFolder folder;
  const std::string path = folder.file("sheet.xlsx");
  write_zip(path, {{kPart, sheet_xml(rows)}});
  XlsxPackage package(path, "bang.xlsx", InputKind::Records);
  const RowCallback on_row = [&](GridRow&& row) {
    if (handed) handed->push_back(row.source_row);
  };
  return testing::error_of([&] { read_sheet(package, kPart, {}, {}, &on_row); });
}

std::string xfd_rows(int count, const char* column) {
  std::string rows;
  for (int row = 1; row <= count; ++row)
    rows += "<row r=\"" + std::to_string(row) + "\"><c r=\"" + column + std::to_string(row) + "\"><v>1</v></c></row>";
  return rows;
}

}  // namespace

TEST_CASE("a cell beyond the table's thousand columns is refused at once, read whole or streamed") {
  // 30.000 rows each with a cell in column XFD would be 16.384 cells a row, gigabytes read whole.
  CHECK(read_error(xfd_rows(30000, "XFD")) == "bang.xlsx:1, cột XFD: " + kRefuseWide);
  std::vector<int> handed;
  CHECK(stream_error(std::string("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Mã hộ</t></is></c></row>") +
                         "<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"ALM2\"><v>1</v></c></row>",
                     &handed) == "bang.xlsx:2, cột ALM: " + kRefuseWide);
  CHECK(handed == std::vector<int>{1});
  // Column ALL is the last one read; a cell there is fine, and a cell only formatted further right holds nothing.
  const auto rows = read_rows(R"(<row r="1"><c r="ALL1"><v>7</v></c><c r="XFD1" s="1"/></row>)");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells.size() == 1000);
  CHECK(rows[0].cells[999] == "7");
}

TEST_CASE("a sheet read whole whose rows reach far to the right is refused past the table's budget of cells") {
  const testing::ScopedEnvironment limit("KEHOACH_MAX_TABLE_MB", "1");  // 262.144 cells
  CHECK(read_error(xfd_rows(300, "ALL")) ==
        "bang.xlsx:262: bảng có hơn 262.144 ô (tính cả các ô trống xen giữa), quá giới hạn của bảng số liệu đọc cả vào "
        "bộ nhớ. Thường là do có ô thừa ở rất xa bên phải hoặc bên dưới bảng: hãy xoá chúng; nếu tệp đúng là lớn như "
        "vậy, hãy đặt biến môi trường KEHOACH_MAX_TABLE_MB lớn hơn (số MB, hiện 1), ví dụ KEHOACH_MAX_TABLE_MB=10.");
  CHECK(read_rows(xfd_rows(250, "ALL")).size() == 250);
  // Streamed, only one row is held: the budget does not apply.
  CHECK(stream_error(xfd_rows(300, "ALL")) == testing::kNoError);
}

TEST_CASE("a cell whose text is longer than Excel allows is refused at it, however the text comes") {
  const std::string longest(32767, 'a');
  CHECK(read_rows("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + longest + "</t></is></c></row>")[0].cells[0] ==
        longest);
  const std::string too_long =
      "bang.xlsx:2, cột B: ô dài hơn 32.767 ký tự, giới hạn một ô của Excel; bảng số liệu không có ô nào dài như vậy: "
      "hãy kiểm tra ô này (tệp có thể bị hỏng).";
  CHECK(read_error("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + longest + "a</t></is></c></row>") == too_long);
  CHECK(read_error("<row r=\"2\"><c r=\"B2\"><v>" + std::string(300000, '1') + "</v></c></row>") == too_long);
  // One character at a time (an entity each), counted once: no quadratic time on a cell of many pieces.
  std::string entities;
  for (int i = 0; i < 300'000; ++i) entities += "&amp;";
  CHECK(read_error("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + entities + "</t></is></c></row>") == too_long);
  // Escapes (_x000D_, seven characters for one) make the XML text longer than the cell's.
  std::string escaped;
  for (int i = 0; i < 32767; ++i) escaped += "_x0041_";
  CHECK(read_rows("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + escaped + "</t></is></c></row>")[0].cells[0] ==
        std::string(32767, 'A'));
  CHECK(stream_error("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + longest + "a</t></is></c></row>") == too_long);
}

TEST_CASE("elements nested deeper than any spreadsheet are refused before the parser holds them all") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<x>";
  CHECK(read_error("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + deep) ==
        "bang.xlsx: phần xl/worksheets/sheet1.xml lồng các thẻ XML sâu quá 64 lớp; tệp bị hỏng hoặc cố ý gây hại: hãy "
        "mở bằng Excel hoặc LibreOffice rồi lưu lại.");
}

TEST_CASE("a damaged sheet is read no further than the damage") {
  // Rows numbered beyond Excel's grid: what follows would be parsed for nothing (a few MB of zip, gigabytes of rows).
  std::vector<int> handed;
  CHECK(stream_error(R"(<row r="1048576"><c r="A1048576"><v>1</v></c></row><row><c><v>1</v></c></row>)" +
                         std::string("<row r=\"5\"><c r=\"ALM5\"><v>1</v></c></row>"),
                     &handed) == kDamaged);
  CHECK(handed == std::vector<int>{1048576});
}

}  // namespace kehoach

// The sheet read by expat directly (package/xml_parser): what Poco's SAX layer gave before, without its
// namespace processing or its copies of every name and attribute.
namespace kehoach {

TEST_CASE("inline strings of rich text runs are their runs' text, entities and character references decoded") {
  const auto rows = read_rows(R"(<row r="1"><c r="A1" t="inlineStr"><is><r><t xml:space="preserve">Hộ </t></r>)"
                              R"(<r><rPr><b/></rPr><t>nghèo &amp; cận nghèo</t></r><rPh><t>X</t></rPh></is></c>)"
                              R"(<c r="B1" t="inlineStr"><is><t>Th&#xF4;n &#272;&#xF4;ng</t></is></c></row>)");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == std::vector<std::string>{"Hộ nghèo & cận nghèo", "Thôn Đông"});
}

TEST_CASE("a cell without a reference follows the cell before it, and columns run on past Z") {
  const auto rows = read_rows(R"(<row r="3"><c r="Y3"><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c r="AZ3"><v>4</v></c>)"
                              R"(<c><v>5</v></c><c r="b3"><v>6</v></c></row>)");
  REQUIRE(rows.size() == 3);
  const auto& cells = rows[2].cells;
  REQUIRE(cells.size() == 53);
  CHECK(cells[1] == "6");    // B, written in lower case
  CHECK(cells[24] == "1");   // Y
  CHECK(cells[25] == "2");   // Z: the cell after Y
  CHECK(cells[26] == "3");   // AA
  CHECK(cells[51] == "4");   // AZ
  CHECK(cells[52] == "5");   // BA
  CHECK(cells[27].empty());
  // Messages name such a column by its letters.
  CHECK(read_error("<row r=\"2\"><c r=\"AB2\" t=\"inlineStr\"><is><t>" + std::string(32768, 'a') + "</t></is></c></row>")
            .starts_with("bang.xlsx:2, cột AB: ô dài hơn 32.767 ký tự"));
}

TEST_CASE("names and attributes are matched whatever their prefix, and a namespace declaration is no attribute") {
  const auto rows = read_rows(R"(<x:row xmlns:x="urn:x" r="1"><x:c xmlns:r="urn:r" r="B1" x:t="inlineStr"><x:is><x:t>Xã A</x:t>)"
                              R"(</x:is></x:c><c xmlns="urn:y" r="C1"><v>7</v></c></x:row>)");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == std::vector<std::string>{"", "Xã A", "7"});
}

TEST_CASE("a part with a document type declaration is refused as damaged, its entities never expanded") {
  ScratchFolder folder;
  const std::string path = folder.file("sheet.xlsx");
  std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">)";
  for (char c = 'b'; c <= 'j'; ++c) {  // each ten of the one before: a milliard a's in the end
    laughs += std::string("<!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) laughs += std::string("&") + static_cast<char>(c - 1) + ";";
    laughs += "\">";
  }
  laughs += R"(]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>)";
  write_zip(path, {{kPart, laughs}});
  XlsxPackage package(path, "bang.xlsx");
  CHECK(testing::error_of([&] { read_sheet(package, kPart, {}, {}); }) == kDamaged);
}

TEST_CASE("rows streamed one after another keep no cell of the row before") {
  ScratchFolder folder;
  const std::string path = folder.file("sheet.xlsx");
  const std::string long_name = "Thôn Tân Thịnh Hạ, tổ dân phố số 12";
  write_zip(path, {{kPart, sheet_xml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + long_name +
                                     R"(</t></is></c><c r="B1"><v>1</v></c><c r="E1"><v>5</v></c></row>)"
                                     R"(<row r="2"><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c></row>)"
                                     R"(<row r="3"><c r="B3" t="inlineStr"><is><t>  </t></is></c></row>)"
                                     R"(<row r="4"><c r="B4" t="inlineStr"><is><t>)" + long_name +
                                     R"(</t></is></c></row>)")}});
  XlsxPackage package(path, "bang.xlsx", InputKind::Records);
  std::vector<GridRow> handed;
  const RowCallback on_row = [&](GridRow&& row) { handed.push_back(row); };
  read_sheet(package, kPart, {}, {}, &on_row);
  REQUIRE(handed.size() == 3);  // row 3 is blank: its only cell is spaces
  CHECK(handed[0].cells == std::vector<std::string>{long_name, "1", "", "", "5"});
  CHECK(handed[1].source_row == 2);
  CHECK(handed[1].cells == std::vector<std::string>{"1", "", "3"});
  CHECK(handed[2].source_row == 4);
  CHECK(handed[2].cells == std::vector<std::string>{"", long_name});
}

}  // namespace kehoach
