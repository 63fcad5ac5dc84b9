#include <doctest/doctest.h>

#include "compute/table_check.h"
#include "read/csv_reader.h"
#include "read/received_table_reader.h"

using namespace kehoach;

namespace {

std::vector<Finding> check_csv(const std::string& csv) {
  return check_table(read_received_table(parse_csv(csv, "bang.csv")));
}

const char* kHeader =
    "Thôn,Tổng số hộ,Hộ nghèo đầu năm,Tỷ lệ %,Giảm hộ nghèo,Tỷ lệ %,Hộ nghèo cuối năm,Tỷ lệ %\n";

}  // namespace

TEST_CASE("a consistent table has no findings") {
  const auto findings = check_csv(std::string(kHeader) +
                                  "Sâm Cồn,166,10,6.02,2,1.20,8,4.82\n"
                                  "Trùa,105,7,6.67,2,1.90,5,4.76\n"
                                  "Tổng cộng,271,17,6.27,4,1.48,13,4.80\n");
  CHECK(findings.empty());
}

TEST_CASE("a rate rounded or truncated to the decimals it shows is accepted, any other value is a finding") {
  // 2/166 = 1,2048%: "1.2" (both), "1.20" (both), "1" (truncated), "1.21" (neither).
  auto findings = check_csv(std::string(kHeader) + "Sâm Cồn,166,10,6.02,2,1.2,8,4.8\n");
  CHECK(findings.empty());
  findings = check_csv(std::string(kHeader) + "Sâm Cồn,166,10,6,2,1,8,4.81\n");
  CHECK(findings.empty());  // 4,819% truncated to 4,81 is what officials often write
  findings = check_csv(std::string(kHeader) + "Sâm Cồn,166,10,6.02,2,1.21,8,4.82\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].row == 2);
  CHECK(findings[0].column == 5);
  CHECK(findings[0].column_name == "Giảm hộ nghèo - Tỷ lệ %");
  CHECK(findings[0].stated == "1.21");
  CHECK(findings[0].expected == "1,20");
  CHECK(findings[0].reason == "2/166 hộ");
}

TEST_CASE("a rate with a decimal comma is read as officials write it") {
  const auto findings = check_csv(
      "Thôn;Tổng số hộ;Hộ nghèo đầu năm;Tỷ lệ %\n"
      "Trùa;105;7;6,67\n"
      "Nậy;97;7;7,23\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].row == 3);
  CHECK(findings[0].stated == "7,23");
  CHECK(findings[0].expected == "7,22");
}

TEST_CASE("an end count that is not start minus reduction is a finding on the end column") {
  const auto findings = check_csv(std::string(kHeader) + "Sâm Cồn,166,10,6.02,2,1.20,7,4.22\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].column == 6);
  CHECK(findings[0].stated == "7");
  CHECK(findings[0].expected == "8");
  CHECK(findings[0].reason == "10 - 2");
}

TEST_CASE("a total that is not the sum of its column is a finding on the total row") {
  const auto findings = check_csv(std::string(kHeader) +
                                  "Sâm Cồn,166,10,6.02,2,1.20,8,4.82\n"
                                  "Trùa,105,7,6.67,2,1.90,5,4.76\n"
                                  "Tổng cộng,271,17,6.27,3,1.11,14,5.17\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].row == 4);
  CHECK(findings[0].column == 4);
  CHECK(findings[0].stated == "3");
  CHECK(findings[0].expected == "4");
  CHECK(findings[0].reason == "tổng các dòng 2-3");
  CHECK(findings[1].column == 6);  // 14 is 17 - 3 but not 8 + 5
  CHECK(findings[1].expected == "13");
}

TEST_CASE("a cell that is not a number is a finding, reported once") {
  const auto findings = check_csv(std::string(kHeader) + "Sâm Cồn,166,mười,6.02,2,1.20,8,4.82\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].column == 2);
  CHECK(findings[0].stated == "mười");
  CHECK(findings[0].reason == "ô không phải số hộ");
}

TEST_CASE("rows after the total row are notes, not units") {
  const auto findings = check_csv(std::string(kHeader) +
                                  "Sâm Cồn,166,10,6.02,2,1.20,8,4.82\n"
                                  "Tổng cộng,166,10,6.02,2,1.20,8,4.82\n"
                                  "Người lập biểu,,,,,,,\n");
  CHECK(findings.empty());
}

TEST_CASE("each finding names its row's unit, and a total row by its label even when that stands in the TT column") {
  const auto findings = check_csv(
      "TT,Thôn,Tổng số hộ,Hộ nghèo đầu năm,Tỷ lệ %\n"
      "1,Sâm Cồn,166,10,6.02\n"
      "2,Trùa,105,7,6.76\n"
      "Tổng cộng,,271,18,6.64\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].row == 3);
  CHECK(findings[0].unit == "Trùa");
  CHECK(findings[1].row == 4);
  CHECK(findings[1].unit == "Tổng cộng");
  CHECK(findings[1].expected == "17");
}
