#include <doctest/doctest.h>

#include "text/column_letter.h"
#include "text/unicode.h"

using namespace kehoach;

TEST_CASE("decomposed Vietnamese text is stored composed (NFC)") {
  CHECK(to_nfc("Ta\xCC\x82n Thi\xCC\xA3nh") == "Tân Thịnh");
  CHECK(clean_text("  Tân \t Thịnh\xC2\xA0 ") == "Tân Thịnh");
}

TEST_CASE("name keys match case and Unicode form but not different letters") {
  CHECK(name_key("TÂN THỊNH") == name_key("Ta\xCC\x82n thi\xCC\xA3nh"));
  CHECK(name_key("Trung Mỹ") != name_key("Trùng Mỹ"));
}

TEST_CASE("folding removes diacritics, đ, case and punctuation for header matching") {
  CHECK(fold("Tỷ lệ (%)") == "ty le");
  CHECK(fold("ĐƠN VỊ") == "don vi");
  CHECK(fold("Hộ cận nghèo") == "ho can ngheo");
  CHECK(fold("Near-poor") == "near poor");
}

TEST_CASE("upper case keeps the diacritics") {
  CHECK(to_upper("xã An Hòa Thịnh") == "XÃ AN HÒA THỊNH");
  CHECK(to_upper("đầu năm") == "ĐẦU NĂM");
}

TEST_CASE("columns are named with spreadsheet letters") {
  CHECK(column_letter(0) == "A");
  CHECK(column_letter(25) == "Z");
  CHECK(column_letter(26) == "AA");
  CHECK(column_letter(701) == "ZZ");
  CHECK(column_letter(702) == "AAA");
}
