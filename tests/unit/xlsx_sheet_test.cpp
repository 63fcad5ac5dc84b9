#include "read/xlsx_sheet.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "model/input_error.h"
#include "scratch_folder.h"
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
  return read_sheet(package, kPart, strings, {NumberFormat{}, NumberFormat{false, false, 2}});
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
  CHECK(read_error(R"(<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>)") == kDamaged);
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
