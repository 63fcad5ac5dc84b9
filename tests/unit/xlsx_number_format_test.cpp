#include "read/xlsx_number_format.h"

#include <doctest/doctest.h>

#include <string>

namespace kehoach {
namespace {

bool same(const NumberFormat& a, const NumberFormat& b) {
  return a.general == b.general && a.percent == b.percent && a.decimals == b.decimals;
}

const NumberFormat kGeneral{true, false, 0};

NumberFormat fixed(int decimals) { return NumberFormat{false, false, decimals}; }
NumberFormat percent(int decimals) { return NumberFormat{false, true, decimals}; }

}  // namespace

TEST_CASE("each numeric built-in format id has Excel's code, and any other id is General") {
  CHECK(builtin_format_code(1) == "0");
  CHECK(builtin_format_code(2) == "0.00");
  CHECK(builtin_format_code(3) == "#,##0");
  CHECK(builtin_format_code(4) == "#,##0.00");
  CHECK(builtin_format_code(9) == "0%");
  CHECK(builtin_format_code(10) == "0.00%");
  CHECK(builtin_format_code(0) == "General");
  CHECK(builtin_format_code(14) == "General");  // a date
  CHECK(builtin_format_code(49) == "General");  // text "@"

  CHECK(same(parse_format_code(builtin_format_code(1)), fixed(0)));
  CHECK(same(parse_format_code(builtin_format_code(2)), fixed(2)));
  CHECK(same(parse_format_code(builtin_format_code(3)), fixed(0)));
  CHECK(same(parse_format_code(builtin_format_code(4)), fixed(2)));
  CHECK(same(parse_format_code(builtin_format_code(9)), percent(0)));
  CHECK(same(parse_format_code(builtin_format_code(10)), percent(2)));
}

TEST_CASE("a custom format code shows the decimals of its first section, not of quoted, bracketed or escaped text") {
  CHECK(same(parse_format_code("0.000"), fixed(3)));
  CHECK(same(parse_format_code("#,##0.0"), fixed(1)));
  CHECK(same(parse_format_code("0.0%"), percent(1)));
  CHECK(same(parse_format_code("???.??"), fixed(2)));
  CHECK(same(parse_format_code("0.0\" hộ\";[Red]-0.000"), fixed(1)));
  CHECK(same(parse_format_code("[Blue][>=1000]#,##0.00"), fixed(2)));
  CHECK(same(parse_format_code("\"v.v. \"0"), fixed(0)));
  CHECK(same(parse_format_code("_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)"), fixed(2)));
}

TEST_CASE("a format code without digit placeholders shows numbers as General") {
  CHECK(same(parse_format_code("General"), kGeneral));
  CHECK(same(parse_format_code("@"), kGeneral));
  CHECK(same(parse_format_code("dd/mm/yyyy"), kGeneral));
  CHECK(same(parse_format_code("\"0.00\""), kGeneral));
  CHECK(same(parse_format_code(""), kGeneral));
}

TEST_CASE("a fixed format rounds half away from zero, carrying into a new digit") {
  CHECK(number_text("2.5", fixed(0)) == "3");
  CHECK(number_text("-2.5", fixed(0)) == "-3");
  CHECK(number_text("-0.5", fixed(0)) == "-1");
  CHECK(number_text("-0.4", fixed(0)) == "0");
  CHECK(number_text("9.995", fixed(2)) == "10.00");
  CHECK(number_text("999.96", fixed(1)) == "1000.0");
  CHECK(number_text("0.125", fixed(2)) == "0.13");
  CHECK(number_text("1234567.891", fixed(2)) == "1234567.89");
}

TEST_CASE("a percent format shows a hundred times the value") {
  CHECK(number_text("0", percent(2)) == "0.00");
  CHECK(number_text("1", percent(0)) == "100");
  CHECK(number_text("0.00125", percent(1)) == "0.1");
  CHECK(number_text("-0.0575", percent(1)) == "-5.8");
}

TEST_CASE("General shows at most ten significant digits, in scientific form only beyond ordinary magnitudes") {
  CHECK(number_text("1234567890123", kGeneral) == "1234567890000");
  CHECK(number_text("12345.678901234", kGeneral) == "12345.6789");
  CHECK(number_text("999999999999999", kGeneral) == "1E+15");  // rounds up past the last fixed magnitude
  CHECK(number_text("123456789012345678", kGeneral) == "1.23456789E+17");
  CHECK(number_text("0.000000001", kGeneral) == "0.000000001");
  CHECK(number_text("0.0000000001", kGeneral) == "1E-10");
  CHECK(number_text("-2.5e-12", kGeneral) == "-2.5E-12");
}

TEST_CASE("a value that is not a finite number is shown as the file holds it") {
  CHECK(number_text("12a", kGeneral) == "12a");
  CHECK(number_text("1e999", fixed(2)) == "1e999");
  CHECK(number_text("", kGeneral) == "");
  CHECK(number_text(" 12", kGeneral) == " 12");
}

}  // namespace kehoach

namespace kehoach {

TEST_CASE("whole numbers, read without the detour through binary, show as the full computation shows them") {
  const NumberFormat general{}, two{false, false, 2}, none{false, false, 0}, percent{false, true, 0};
  CHECK(number_text("1500000", general) == "1500000");
  CHECK(number_text("-12", general) == "-12");
  CHECK(number_text("0", general) == "0");
  CHECK(number_text("-0", general) == "0");
  CHECK(number_text("007", general) == "7");
  CHECK(number_text("9999999999", general) == "9999999999");
  CHECK(number_text("12345678901", general) == "12345678900");  // General: ten significant digits
  CHECK(number_text("3", two) == "3.00");
  CHECK(number_text("-0", two) == "0.00");
  CHECK(number_text("2047", none) == "2047");
  CHECK(number_text("123456789012345", two) == "123456789012345.00");
  CHECK(number_text("1", percent) == "100");
  CHECK(number_text("+5", general) == "+5");  // not a number Excel writes: shown as the file holds it
}

}  // namespace kehoach
