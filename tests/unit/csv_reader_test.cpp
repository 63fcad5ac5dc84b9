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
