#include <doctest/doctest.h>

#include "model/input_error.h"
#include "read/csv_reader.h"
#include "read/received_table_reader.h"

using namespace kehoach;

TEST_CASE("a flat header pairs each rate column with the count column before it") {
  const ReceivedTable t = read_received_table(parse_csv(
      "TT,Đơn vị,Tổng số hộ gia đình,Hộ nghèo đầu năm 2022,Tỷ lệ %,Giảm hộ nghèo trong năm 2022,Tỷ lệ %\n"
      "1,Sâm Cồn,166,10,6.02,2,1.2\n"
      ",Tổng cộng,166,10,6.02,2,1.2\n",
      "bang.csv"));
  REQUIRE(t.households);
  CHECK(t.households->index == 2);
  REQUIRE(t.counts.size() == 2);
  CHECK(t.counts[0].count.index == 3);
  CHECK(t.counts[0].rate->index == 4);
  CHECK(t.counts[0].rate->header == "Hộ nghèo đầu năm 2022 - Tỷ lệ %");
  CHECK(t.counts[1].stage == Stage::Reduction);
  REQUIRE(t.units.size() == 1);
  CHECK(t.units[0].name == "Sâm Cồn");
  REQUIRE(t.total);
  CHECK(t.total->source_row == 3);
}

TEST_CASE("a total label in the TT column is recognised") {
  const ReceivedTable t = read_received_table(parse_csv(
      "TT;Thôn;Tổng số hộ;Hộ nghèo\n1;A;10;1\nCộng;;10;1\n", "bang.csv"));
  CHECK(t.units.size() == 1);
  CHECK(t.total);
}

TEST_CASE("a table without a recognisable header is refused") {
  CHECK_THROWS_WITH_AS(read_received_table(parse_csv("a,b\n1,2\n", "bang.csv")),
                       doctest::Contains("bang.csv: không tìm thấy dòng tiêu đề của bảng chỉ tiêu."), InputError);
}
