#include "read/csv_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/input_error.h"
#include "test_support.h"

using namespace kehoach;

namespace {

using Cells = std::vector<std::string>;

const std::string kUnclosedQuote =
    "dấu ngoặc kép (\") mở ở dòng này không được đóng; hãy thêm dấu ngoặc kép đóng ở cuối ô "
    "hoặc xoá dấu ngoặc kép thừa.";

std::vector<int> source_rows(const Grid& grid) {
  std::vector<int> rows;
  for (const auto& row : grid.rows) rows.push_back(row.source_row);
  return rows;
}

}  // namespace

TEST_CASE("a comma-separated file gives one row per line with its line number") {
  Grid grid = parse_csv("Xã,Số hộ\nTân Thịnh,12\nAn Hòa,7\n", "thon.csv");
  CHECK(grid.source == "thon.csv");
  CHECK(grid.sheet == "");
  REQUIRE(grid.rows.size() == 3);
  CHECK(grid.rows[0].cells == Cells{"Xã", "Số hộ"});
  CHECK(grid.rows[1].cells == Cells{"Tân Thịnh", "12"});
  CHECK(grid.rows[2].cells == Cells{"An Hòa", "7"});
  CHECK(source_rows(grid) == std::vector<int>{1, 2, 3});
}

TEST_CASE("a semicolon-separated file keeps decimal commas inside the cells") {
  std::string text = "Xã;Tỷ lệ (%);Số hộ\nTân Thịnh;1,5;12\n";
  CHECK(detect_separator(text) == ';');
  Grid grid = parse_csv(text, "thon.csv");
  REQUIRE(grid.rows.size() == 2);
  CHECK(grid.rows[1].cells == Cells{"Tân Thịnh", "1,5", "12"});
}

TEST_CASE("a tab-separated file is split at the tabs") {
  std::string text = "Xã\tSố hộ\tGhi chú\nTân Thịnh\t12\tthôn 1, thôn 2\n";
  CHECK(detect_separator(text) == '\t');
  Grid grid = parse_csv(text, "thon.csv");
  REQUIRE(grid.rows.size() == 2);
  CHECK(grid.rows[1].cells == Cells{"Tân Thịnh", "12", "thôn 1, thôn 2"});
}

TEST_CASE("the separator is a comma when the first record has no separator at all") {
  CHECK(detect_separator("Xã\nTân Thịnh\n") == ',');
  CHECK(detect_separator("") == ',');
}

TEST_CASE("the separator is taken from the first non-blank record") {
  CHECK(detect_separator("\n  \r\nXã;Số hộ;Ghi chú\na,b,c,d,e\n") == ';');
}

TEST_CASE("separators inside quotes do not count towards the separator") {
  CHECK(detect_separator("\"Xã; phường; thị trấn\",Số hộ\n") == ',');
}

TEST_CASE("a tie between semicolon and comma goes to the semicolon") {
  CHECK(detect_separator("Tỷ lệ;1,5\n") == ';');
}

TEST_CASE("a quoted field may hold the separator and doubled quotes") {
  Grid grid = parse_csv("\"Thôn \"\"Mới\"\", xã A\",12,\"\"\n", "thon.csv");
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].cells == Cells{"Thôn \"Mới\", xã A", "12", ""});
}

TEST_CASE("a quoted field may hold a line break, which becomes a space when cleaned") {
  Grid grid = parse_csv("Xã,Số hộ\n\"Tân\nThịnh\",12\n", "thon.csv");
  REQUIRE(grid.rows.size() == 2);
  CHECK(grid.rows[1].cells == Cells{"Tân Thịnh", "12"});
}

TEST_CASE("rows after an embedded line break keep their true line numbers") {
  Grid grid = parse_csv("Xã,Ghi chú\nTân Thịnh,\"dòng một\r\ndòng hai\rdòng ba\"\nAn Hòa,x\n",
                        "thon.csv");
  REQUIRE(grid.rows.size() == 3);
  CHECK(source_rows(grid) == std::vector<int>{1, 2, 5});
  CHECK(grid.rows[1].cells == Cells{"Tân Thịnh", "dòng một dòng hai dòng ba"});
  CHECK(grid.rows[2].cells == Cells{"An Hòa", "x"});
}

TEST_CASE("CRLF line ends give no empty cells and no extra rows") {
  Grid grid = parse_csv("Xã,Số hộ\r\nTân Thịnh,12\r\n", "thon.csv");
  REQUIRE(grid.rows.size() == 2);
  CHECK(grid.rows[0].cells == Cells{"Xã", "Số hộ"});
  CHECK(grid.rows[1].cells == Cells{"Tân Thịnh", "12"});
  CHECK(source_rows(grid) == std::vector<int>{1, 2});
}

TEST_CASE("old Mac CR line ends are accepted") {
  Grid grid = parse_csv("Xã,Số hộ\rTân Thịnh,12\r", "thon.csv");
  REQUIRE(grid.rows.size() == 2);
  CHECK(grid.rows[1].cells == Cells{"Tân Thịnh", "12"});
  CHECK(source_rows(grid) == std::vector<int>{1, 2});
}

TEST_CASE("a last line without a line break is still a row") {
  Grid grid = parse_csv("Xã,Số hộ\nTân Thịnh,12", "thon.csv");
  REQUIRE(grid.rows.size() == 2);
  CHECK(grid.rows[1].cells == Cells{"Tân Thịnh", "12"});
}

TEST_CASE("blank lines are kept as blank rows so that row numbers stay true") {
  Grid grid = parse_csv("Xã,Số hộ\n\nTân Thịnh,12\n  \n,,\nAn Hòa,7\n", "thon.csv");
  REQUIRE(grid.rows.size() == 6);
  CHECK(source_rows(grid) == std::vector<int>{1, 2, 3, 4, 5, 6});
  CHECK(grid.rows[1].is_blank());
  CHECK(grid.rows[1].cells.empty());
  CHECK(grid.rows[3].is_blank());
  CHECK(grid.rows[4].cells == Cells{"", "", ""});
  CHECK(grid.rows[4].is_blank());
  CHECK(grid.rows[5].cells == Cells{"An Hòa", "7"});
}

TEST_CASE("an empty text gives no rows") {
  CHECK(parse_csv("", "thon.csv").rows.empty());
}

TEST_CASE("trailing empty fields are kept") {
  Grid grid = parse_csv("a,,\n", "thon.csv");
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].cells == Cells{"a", "", ""});
}

TEST_CASE("cells are trimmed, inner spaces collapsed and decomposed text composed") {
  // "Ta\xCC\x82n" is Tân with a combining circumflex; \xC2\xA0 is a no-break space.
  Grid grid = parse_csv("  Ta\xCC\x82n   Thịnh ,\xC2\xA0" "12 \n", "thon.csv");
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].cells == Cells{"T\xC3\xA2n Th\xE1\xBB\x8Bnh", "12"});
}

TEST_CASE("a leading BOM is not part of the first cell") {
  Grid grid = parse_csv("\xEF\xBB\xBFXã;Số hộ\n", "thon.csv");
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].cells == Cells{"Xã", "Số hộ"});
}

TEST_CASE("a quote in the middle of an unquoted field is an ordinary character") {
  Grid grid = parse_csv("Ống 5\" dài,3\n", "thon.csv");
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].cells == Cells{"Ống 5\" dài", "3"});
}

TEST_CASE("text after a closing quote is kept, as Excel does") {
  Grid grid = parse_csv("\"Tân\" Thịnh,12\n", "thon.csv");
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].cells == Cells{"Tân Thịnh", "12"});
}

TEST_CASE("a quoted field after a space following the separator is still quoted") {
  Grid grid = parse_csv("Tân Thịnh, \"thôn 1, thôn 2\"\n", "thon.csv");
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].cells == Cells{"Tân Thịnh", "thôn 1, thôn 2"});
}

TEST_CASE("an unterminated quote is an error naming the line where the quote began") {
  try {
    parse_csv("Xã,Số hộ\nTân Thịnh,\"12\nAn Hòa,7\n", "thon.csv");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == "thon.csv:2: " + kUnclosedQuote);
    CHECK(e.where().source == "thon.csv");
    CHECK(e.where().row == 2);
    CHECK(e.problem() == kUnclosedQuote);
  }
}

TEST_CASE("an unterminated quote on the second line of a record names that line") {
  // The record starts on line 2 with a closed multi-line field; the open quote is on line 3.
  CHECK(testing::error_of([] { parse_csv("Xã,Ghi chú\n\"Tân\nThịnh\",\"chưa đóng\nAn Hòa,7\n", "thon.csv"); }) ==
        "thon.csv:3: " + kUnclosedQuote);
}

TEST_CASE("a row of more fields than a table has columns is refused at the first one too many, however long the line") {
  const std::string widest = std::string(999, ',') + "\n";  // 1.000 fields: the most a row may have
  CHECK(parse_csv("Thôn,Tổng số hộ\n" + widest, "thon.csv").rows[1].cells.size() == 1000);
  // A hundred million separators would be as many empty cells: gigabytes, then an abort.
  const std::string commas(100'000'000, ',');
  CHECK(testing::error_of([&] { parse_csv("Thôn,Tổng số hộ\n" + commas + "\nA,1\n", "thon.csv"); }) ==
        "thon.csv:2, cột ALM: ô nằm ngoài 1.000 cột đầu (đến cột ALL) mà kehoach đọc; bảng không có nhiều cột như "
        "vậy: hãy xoá các ô thừa ở bên phải bảng, hoặc kiểm tra dấu phân cách của tệp CSV.");
}

TEST_CASE("a field longer than a cell of Excel is refused where it is, naming an open quote as the likely cause") {
  const std::string longest(32767, 'a');
  CHECK(parse_csv("Thôn\n" + longest + "\n", "thon.csv").rows[1].cells[0] == longest);
  const std::string vietnamese = [] {
    std::string text;
    for (int i = 0; i < 32767; ++i) text += "ệ";  // three bytes each: counted as characters, not bytes
    return text;
  }();
  CHECK(parse_csv("Thôn\n" + vietnamese + "\n", "thon.csv").rows[1].cells[0] == vietnamese);
  CHECK(testing::error_of([&] { parse_csv("Thôn,Tổng số hộ\nA," + vietnamese + "ệ\n", "thon.csv"); }) ==
        "thon.csv:2, cột B: ô dài hơn 32.767 ký tự, giới hạn một ô của Excel; bảng số liệu không có ô nào dài như vậy: "
        "hãy kiểm tra ô này (tệp có thể bị hỏng).");
  // A quote left open takes in the rest of the file: the message says so, at the line where it opened.
  std::string rest;
  for (int i = 0; i < 5000; ++i) rest += "Thôn " + std::to_string(i) + ",100\n";
  CHECK(testing::error_of([&] { parse_csv("Thôn,Tổng số hộ\n\"Sâm Cồn,166\n" + rest, "thon.csv"); }) ==
        "thon.csv:2, cột A: ô dài hơn 32.767 ký tự, giới hạn một ô của Excel: có lẽ dấu ngoặc kép (\") mở ở dòng 2 không "
        "được đóng; hãy thêm dấu ngoặc kép đóng ở cuối ô hoặc xoá dấu ngoặc kép thừa.");
  // A field made of a million pieces (doubled quotes) is counted once, not once per piece.
  std::string quotes = "\"";
  for (int i = 0; i < 1'000'000; ++i) quotes += "\"\"";
  CHECK(testing::error_of([&] { parse_csv("Thôn\n" + quotes + "\"\n", "thon.csv"); }).starts_with(
      "thon.csv:2, cột A: ô dài hơn 32.767 ký tự"));
}
