#include <doctest/doctest.h>

#include "read/csv_reader.h"
#include "read/statistics_reader.h"
#include "test_support.h"

using namespace kehoach;

namespace {

Statistics read(const std::string& csv) { return read_statistics(parse_csv(csv, "thon.csv")); }

std::string error_of(const std::string& csv) {
  return testing::error_of([&] { read(csv); });
}

}  // namespace

TEST_CASE("village statistics are read in input order with names in NFC") {
  const Statistics s = read(
      "TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo,Số khẩu\n"
      "1,Sâm Cồn,166,10,12,540\n"
      "2,Ta\xCC\x82n Thi\xCC\xA3nh,68,4,0,\n");
  REQUIRE(s.units.size() == 2);
  CHECK(s.unit_column == "Thôn");
  CHECK(s.units[0].name == "Sâm Cồn");
  CHECK(s.units[0].households == 166);
  CHECK(s.units[0].poor == 10);
  CHECK(s.units[0].near_poor == 12);
  CHECK(s.units[0].members == 540);
  CHECK(s.units[1].name == "Tân Thịnh");
  CHECK_FALSE(s.units[1].members.has_value());
  CHECK(s.units[1].source_row == 3);
}

TEST_CASE("title rows above the header and a total row with notes below are left out") {
  const Statistics s = read(
      "SỐ LIỆU HỘ NGHÈO CUỐI NĂM 2021;;;\n"
      ";;;\n"
      "Đơn vị;Tổng số hộ;Hộ nghèo đầu năm;Hộ cận nghèo đầu năm\n"
      "Đại Áng;3.483;0;62\n"
      "Tổng cộng;3.483;0;62\n"
      "Người lập biểu;;;\n");
  REQUIRE(s.units.size() == 1);
  CHECK(s.units[0].households == 3483);
}

TEST_CASE("English headers are accepted") {
  const Statistics s = read("Village,Households,Poor,Near-poor\nA,100,5,6\n");
  CHECK(s.units[0].near_poor == 6);
}

TEST_CASE("a missing column is named, with the columns found and the likely misspelling") {
  CHECK(error_of("Thôn,Tổng số hộ,Hộ ngèo,Hộ cận nghèo\nA,100,5,6\n") ==
        "thon.csv:1: không tìm thấy cột \"Hộ nghèo\". Các cột đang có: \"Thôn\", \"Tổng số hộ\", \"Hộ ngèo\", "
        "\"Hộ cận nghèo\". Có phải cột \"Hộ ngèo\" là \"Hộ nghèo\" viết sai?");
}

TEST_CASE("a file without a recognisable header says which columns it needs") {
  CHECK(error_of("a,b,c\n1,2,3\n") ==
        "thon.csv:1: không tìm thấy cột \"Thôn\", \"Tổng số hộ\", \"Hộ nghèo\" và \"Hộ cận nghèo\". Dòng tiêu đề cần "
        "có các cột \"Thôn\" (hoặc \"Đơn vị\"), \"Tổng số hộ\", \"Hộ nghèo\", \"Hộ cận nghèo\" (có thể thêm \"Số khẩu\").");
}

TEST_CASE("a non-numeric count names its row and column") {
  CHECK(error_of("Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nA,100,5,6\nB,90,12a,3\n") ==
        "thon.csv:3, cột C (Hộ nghèo): \"12a\" không phải là số; hãy ghi số hộ bằng chữ số (ví dụ 12).");
}

TEST_CASE("a negative count names its row and column") {
  CHECK(error_of("Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nA,100,-5,6\n") ==
        "thon.csv:2, cột C (Hộ nghèo): \"-5\" là số âm; số hộ phải từ 0 trở lên.");
}

TEST_CASE("an empty count cell asks for a zero") {
  CHECK(error_of("Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nA,100,,6\n") ==
        "thon.csv:2, cột C (Hộ nghèo): ô trống; hãy ghi số hộ (ghi 0 nếu không có).");
}

TEST_CASE("a unit listed twice is refused with both rows, whatever the Unicode form") {
  CHECK(error_of("Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nTân Thịnh,100,5,6\nTa\xCC\x82n Thi\xCC\xA3nh,90,1,3\n") ==
        "thon.csv:3, cột A (Thôn): \"Tân Thịnh\" đã có ở dòng 2; mỗi đơn vị chỉ ghi một dòng.");
}

TEST_CASE("poor and near-poor above the total households is refused") {
  CHECK(error_of("Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nA,10,5,6\n") ==
        "thon.csv:2, cột B (Tổng số hộ): \"A\" có 5 hộ nghèo và 6 hộ cận nghèo, cộng lại 11 hộ, nhiều hơn tổng số "
        "10 hộ.");
}

TEST_CASE("a unit without a name or without households is refused") {
  CHECK(error_of("Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n,10,5,1\n") ==
        "thon.csv:2, cột A (Thôn): thiếu tên đơn vị; hãy ghi tên thôn/đơn vị cho dòng này.");
  CHECK(error_of("Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nA,0,0,0\n") ==
        "thon.csv:2, cột B (Tổng số hộ): \"A\" có 0 hộ; hãy ghi tổng số hộ của đơn vị, hoặc bỏ dòng này nếu đơn vị "
        "không còn.");
}

TEST_CASE("a header without any unit row is refused") {
  CHECK(error_of("Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n\n") ==
        "thon.csv:1: không có dòng số liệu nào dưới dòng tiêu đề.");
}
