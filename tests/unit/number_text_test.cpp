#include <doctest/doctest.h>

#include "text/number_text.h"

using namespace kehoach;
using Status = CountText::Status;

TEST_CASE("counts are read with Vietnamese or English thousands separators") {
  CHECK(parse_count("2047").value == 2047);
  CHECK(parse_count("2.047").value == 2047);
  CHECK(parse_count("2,047").value == 2047);
  CHECK(parse_count("1.500.000").value == 1500000);
  CHECK(parse_count(" 12 ").value == 12);
  CHECK(parse_count("0").status == Status::Ok);
}

TEST_CASE("a count cell that is empty, negative, fractional or text says so") {
  CHECK(parse_count("").status == Status::Empty);
  CHECK(parse_count("-3").status == Status::Negative);
  CHECK(parse_count("1.5").status == Status::NotInteger);
  CHECK(parse_count("12,50").status == Status::NotInteger);
  CHECK(parse_count("12a").status == Status::NotNumber);
  CHECK(parse_count("2.04.7").status == Status::NotNumber);
  CHECK(count_problem(parse_count("12a"), "12a") == "\"12a\" không phải là số; hãy ghi số hộ bằng chữ số (ví dụ 12).");
  CHECK(count_problem(parse_count("-3"), "-3") == "\"-3\" là số âm; số hộ phải từ 0 trở lên.");
  CHECK(count_problem(parse_count(""), "") == "ô trống; hãy ghi số hộ (ghi 0 nếu không có).");
}

TEST_CASE("decimals keep the digits they were written with") {
  auto d = parse_decimal("6.02");
  REQUIRE(d);
  CHECK(d->units == 602);
  CHECK(d->decimals == 2);
  d = parse_decimal("1,2");
  CHECK(d->units == 12);
  CHECK(d->decimals == 1);
  d = parse_decimal("0");
  CHECK(d->units == 0);
  CHECK(d->decimals == 0);
  d = parse_decimal("6,25%");
  CHECK(d->units == 625);
  CHECK_FALSE(parse_decimal("sáu"));
  CHECK_FALSE(parse_decimal(""));
}

TEST_CASE("a plan's rate is read to hundredths of a percent") {
  CHECK(parse_rate_hundredths("4,93%") == 493);
  CHECK(parse_rate_hundredths("4.93") == 493);
  CHECK(parse_rate_hundredths("5") == 500);
  CHECK(parse_rate_hundredths("0,5") == 50);
  CHECK_FALSE(parse_rate_hundredths("4,935"));
  CHECK_FALSE(parse_rate_hundredths("-1"));
}

TEST_CASE("a count of more digits than any count has is a number too large, not a fraction") {
  CHECK(parse_count("999999999999999").value == 999'999'999'999'999);
  CHECK(parse_count("1000000000000000").status == Status::TooLarge);
  CHECK(parse_count("1.000.000.000.000.000.000.000").status == Status::TooLarge);
  CHECK(parse_count("-1000000000000000000000").status == Status::Negative);
  CHECK(count_problem(parse_count("1000000000000000"), "1000000000000000") ==
        "\"1000000000000000\" là số quá lớn, không đơn vị nào có chừng ấy hộ; hãy kiểm tra lại ô này.");
}

TEST_CASE("a rate of seventeen digits is no rate, not an overflow") {
  CHECK_FALSE(parse_rate_hundredths("99999999999999999"));
  CHECK_FALSE(parse_rate_hundredths("99999999999999999,9"));
  CHECK(parse_rate_hundredths("10000000000") == 1'000'000'000'000);
}
