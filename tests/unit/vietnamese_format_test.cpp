#include <doctest/doctest.h>

#include "write/vietnamese_format.h"

using namespace kehoach;

namespace {

// A draft's blank as it is written: three figure spaces, set off by en spaces where words stand beside it.
const std::string kBlank = "\u2007\u2007\u2007";
const std::string kEn = "\u2002";

}  // namespace

TEST_CASE("counts take a thousands dot and rates a decimal comma") {
  CHECK(format_count(2047) == "2.047");
  CHECK(format_count(128) == "128");
  CHECK(format_count(1500000) == "1.500.000");
  CHECK(format_count(0) == "0");
  CHECK(format_rate(Rate{625}) == "6,25");
  CHECK(format_rate(Rate{5}) == "0,05");
  CHECK(format_rate(Rate{10000}) == "100,00");
}

TEST_CASE("a share of a target has decimals only when it is not whole") {
  CHECK(format_share(Rate{10000}) == "100");
  CHECK(format_share(Rate{5000}) == "50");
  CHECK(format_share(Rate{0}) == "0");
  CHECK(format_share(Rate{5926}) == "59,26");
  CHECK(format_share(Rate{5910}) == "59,10");  // two decimals when there are any
  CHECK(format_share(Rate{5}) == "0,05");
  CHECK(format_share(Rate{13333}) == "133,33");
  CHECK(format_share(Rate{-5000}) == "-50");
  CHECK(format_share(Rate{-3333}) == "-33,33");
}

TEST_CASE("dates give days below 10 and the months January and February a leading zero") {
  CHECK(format_date({2022, 1, 5}) == "ngày 05 tháng 01 năm 2022");
  CHECK(format_date({2023, 2, 23}) == "ngày 23 tháng 02 năm 2023");
  CHECK(format_date({2023, 3, 9}) == "ngày 09 tháng 3 năm 2023");
  CHECK(format_date({2023, 12, 31}) == "ngày 31 tháng 12 năm 2023");
  CHECK(format_date({2022, 1, 0}) == "ngày" + kEn + kBlank + kEn + "tháng 01 năm 2022");  // a draft without its day
}

TEST_CASE("document numbers below 10 take a leading zero and a draft leaves a blank") {
  CHECK(document_number(5, "KH-UBND") == "05/KH-UBND");
  CHECK(document_number(90, "KH-UBND") == "90/KH-UBND");
  CHECK(document_number(std::nullopt, "KH-UBND") == kBlank + "/KH-UBND");
  CHECK(document_date(std::nullopt, 2022) == "ngày" + kEn + kBlank + kEn + "tháng" + kEn + kBlank + kEn + "năm 2022");
}

TEST_CASE("a draft's blanks are fixed-width spaces only, so that justifying a line cannot stretch them") {
  const std::string citation = document_citation("Kế hoạch", std::nullopt, "KH-UBND", std::nullopt, 2022);
  CHECK(citation == "Kế hoạch số" + kEn + kBlank + "/KH-UBND ngày" + kEn + kBlank + kEn + "tháng" + kEn + kBlank + kEn +
                        "năm 2022");
  // No ordinary space touches a blank: U+2007 is E2 80 87, U+2002 E2 80 82.
  for (std::size_t at = citation.find("\u2007"); at != std::string::npos; at = citation.find("\u2007", at + 1)) {
    CHECK(citation[at - 1] != ' ');
    CHECK(citation[at + 3] != ' ');
  }
  CHECK(document_citation("Báo cáo", 30, "BC-UBND", Date{2022, 6, 8}, 2022) ==
        "Báo cáo số 30/BC-UBND ngày 08 tháng 6 năm 2022");
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
        "(Kèm theo Kế hoạch số" + kEn + kBlank + "/KH-UBND ngày" + kEn + kBlank + kEn + "tháng" + kEn + kBlank + kEn +
            "năm 2023 của Ủy ban nhân dân huyện Thanh Trì)");
}
