#include <doctest/doctest.h>

#include "compute/household_tally.h"
#include "model/unit_tree_builder.h"
#include "write/households_workbook.h"
#include "write/workbook_file.h"

using namespace kehoach;

namespace {

UnitTree tree_of(std::vector<std::string> levels, const std::vector<std::vector<std::string>>& paths) {
  UnitTreeBuilder builder(std::move(levels));
  for (const auto& path : paths) builder.unit_of(path);
  return builder.tree();
}

}  // namespace

TEST_CASE("the area of a review is the unit holding every record, named with its level word, in capitals") {
  // One commune written without its level word: the column gives it.
  CHECK(records_area(tree_of({"Xã", "Thôn"}, {{"An Hòa Thịnh", "Sâm Cồn"}, {"An Hòa Thịnh", "Trùa"}})) ==
        "XÃ AN HÒA THỊNH");
  // A name that has its level word keeps it once; a ward is a ward.
  CHECK(records_area(tree_of({"Xã/phường", "Tổ dân phố"}, {{"Phường Bắc Hồng", "Tổ 1"}, {"Phường Bắc Hồng", "Tổ 2"}})) ==
        "PHƯỜNG BẮC HỒNG");
  // One province, one commune in it: the commune, the deepest unit with all the records above the villages.
  CHECK(records_area(tree_of({"Tỉnh", "Xã", "Thôn"}, {{"Hà Tĩnh", "An Hòa Thịnh", "Sâm Cồn"}})) == "XÃ AN HÒA THỊNH");
  // One province, two communes: the province.
  CHECK(records_area(tree_of({"Tỉnh", "Xã", "Thôn"}, {{"Tỉnh Hà Tĩnh", "Xã A", "Thôn 1"}, {"Tỉnh Hà Tĩnh", "Xã B", "Thôn 1"}})) ==
        "TỈNH HÀ TĨNH");
  // Two communes at the top: no single area. A level column that is no level word leaves the name alone.
  CHECK(records_area(tree_of({"Xã", "Thôn"}, {{"Xã A", "Thôn 1"}, {"Xã B", "Thôn 1"}})).empty());
  CHECK(records_area(tree_of({"Đơn vị", "Thôn"}, {{"An Hòa Thịnh", "Sâm Cồn"}})) == "AN HÒA THỊNH");
}

TEST_CASE("a text wraps to the lines its words need in a column, capitals wider than small letters") {
  CHECK(wrapped_lines("Tổng số hộ", 12, 11) == 1);
  CHECK(wrapped_lines("Thoát nghèo thành hộ cận nghèo", 7.5, 11) >= 3);
  CHECK(wrapped_lines("Thoát nghèo thành hộ cận nghèo", 40, 11) == 1);
  CHECK(wrapped_lines("KẾT QUẢ RÀ SOÁT", 10, 13) > wrapped_lines("kết quả rà soát", 10, 13));
  CHECK(wrapped_lines("", 10, 12) == 1);
  CHECK(lines_height(2, 12) > lines_height(1, 12));
}
