#include <doctest/doctest.h>

#include "write/vietnamese_format.h"

using namespace kehoach;

TEST_CASE("counts take a thousands dot and rates a decimal comma") {
  CHECK(format_count(2047) == "2.047");
  CHECK(format_count(128) == "128");
  CHECK(format_count(1500000) == "1.500.000");
  CHECK(format_count(0) == "0");
  CHECK(format_rate(Rate{625}) == "6,25");
  CHECK(format_rate(Rate{5}) == "0,05");
  CHECK(format_rate(Rate{10000}) == "100,00");
}

TEST_CASE("dates give days below 10 and the months January and February a leading zero") {
  CHECK(format_date({2022, 1, 5}) == "ngày 05 tháng 01 năm 2022");
  CHECK(format_date({2023, 2, 23}) == "ngày 23 tháng 02 năm 2023");
  CHECK(format_date({2023, 3, 9}) == "ngày 09 tháng 3 năm 2023");
  CHECK(format_date({2023, 12, 31}) == "ngày 31 tháng 12 năm 2023");
  CHECK(format_date({2022, 1, 0}) == "ngày        tháng 01 năm 2022");  // a draft without its day
}

TEST_CASE("document numbers below 10 take a leading zero and a draft leaves a blank") {
  CHECK(document_number(5, "KH-UBND") == "05/KH-UBND");
  CHECK(document_number(90, "KH-UBND") == "90/KH-UBND");
  CHECK(document_number(std::nullopt, "KH-UBND") == "      /KH-UBND");
  CHECK(document_date(std::nullopt, 2022) == "ngày        tháng        năm 2022");
}

TEST_CASE("the attachment line always cites the plan's own number, date and issuer") {
  Plan plan;
  plan.year = 2023;
  plan.issuing_body = "Ủy ban nhân dân";
  plan.unit = "huyện Thanh Trì";
  plan.number = 90;
  plan.date = Date{2023, 2, 23};
  CHECK(attachment_line(plan) ==
        "(Kèm theo Kế hoạch số 90/KH-UBND ngày 23 tháng 02 năm 2023 của Ủy ban nhân dân huyện Thanh Trì)");
  plan.number.reset();
  plan.date.reset();
  CHECK(attachment_line(plan) ==
        "(Kèm theo Kế hoạch số       /KH-UBND ngày        tháng        năm 2023 của Ủy ban nhân dân huyện Thanh Trì)");
}
