#include <doctest/doctest.h>

#include "read/unit_cells.h"

using namespace kehoach;

TEST_CASE("a unit's name with a hidden character is refused naming it, with the name shown safely") {
  CHECK(unit_name_problem("Thôn Sâm Cồn") == "");
  CHECK(unit_name_problem("Thôn\x1B[2J 1") ==
        "tên đơn vị \"Thôn<U+001B>[2J 1\" có ký tự điều khiển U+001B (không nhìn thấy khi in); hãy gõ lại tên này, "
        "không chép từ nơi khác.");
  CHECK(unit_name_problem("Thôn \xE2\x80\xAE" "1") ==
        "tên đơn vị \"Thôn <U+202E>1\" có ký tự đổi chiều chữ U+202E (không nhìn thấy khi in); hãy gõ lại tên này, "
        "không chép từ nơi khác.");
  CHECK(unit_name_problem("Thôn\xE2\x80\x8C" "1") ==
        "tên đơn vị \"Thôn<U+200C>1\" có ký tự ẩn U+200C (không nhìn thấy khi in); hãy gõ lại tên này, không chép từ "
        "nơi khác.");
  CHECK(unit_name_problem("Thôn\xC3") ==
        "tên đơn vị \"Thôn<0xC3>\" có byte không phải chữ UTF-8 (không nhìn thấy khi in); hãy gõ lại tên này, không "
        "chép từ nơi khác.");
}

TEST_CASE("a unit's name longer than 200 characters is refused with its length") {
  std::string name, quoted;
  for (int i = 0; i < 200; ++i) name += "ị";  // three bytes each: characters, not bytes, are counted
  for (int i = 0; i < 40; ++i) quoted += "ị";
  CHECK(unit_name_problem(name) == "");
  CHECK(unit_name_problem(name + "a") == "tên đơn vị \"" + quoted + "…\" dài 201 ký tự; tên đơn vị dài tối đa 200 ký tự.");
}

TEST_CASE("counts no unit has and totals no table has are refused with the bound") {
  CHECK(unit_count_problem(10'000'000, kMostHouseholdsInUnit) == "");
  CHECK(unit_count_problem(10'000'001, kMostHouseholdsInUnit) ==
        "10.000.001 hộ là quá nhiều cho một đơn vị (tối đa 10.000.000 hộ); hãy kiểm tra lại ô này.");
  CHECK(unit_count_problem(100'000'000'000'000, kMostMembersInUnit, "khẩu") ==
        "100.000.000.000.000 khẩu là quá nhiều cho một đơn vị (tối đa 1.000.000.000 khẩu); hãy kiểm tra lại ô này.");
  CHECK(total_households_problem(1'000'000'000) == "");
  CHECK(total_households_problem(1'000'000'001) ==
        "cộng đến dòng này, tổng số hộ của tệp đã quá 1.000.000.000 hộ; hãy kiểm tra lại các ô số hộ.");
}

TEST_CASE("a unit tree deeper than eight levels is refused naming its level columns") {
  CHECK(unit_levels_problem({"Tỉnh", "Huyện", "Xã", "Thôn"}) == "");
  std::vector<std::string> levels(8, "Thôn");
  CHECK(unit_levels_problem(levels) == "");
  levels.assign(3000, "Thôn");
  levels[0] = "Tỉnh";
  CHECK(unit_levels_problem(levels) ==
        "có 3000 cột cấp đơn vị (\"Tỉnh\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", "
        "\"Thôn\", …); kehoach nhận tối đa 8 cấp (ví dụ \"Tỉnh\", \"Huyện\", \"Xã\", \"Thôn\"). Hãy bỏ các cột cấp thừa.");
}
