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

TEST_CASE("the fast paths of clean_text and to_nfc give what the normaliser gives") {
  // Already clean ASCII and precomposed Vietnamese pass through; anything else is normalised.
  CHECK(clean_text("Thôn 1") == "Thôn 1");
  CHECK(clean_text("x") == "x");
  CHECK(clean_text(" x") == "x");
  CHECK(clean_text("a  b") == "a b");
  CHECK(clean_text("a\tb") == "a b");
  CHECK(clean_text("a\xC2\xA0" "b") == "a b");
  CHECK(clean_text("Nguye\xCC\x82\xCC\x83n") == "Nguyễn");            // decomposed: composed
  CHECK(clean_text("\xE1\xBA\xA0\xCC\x82") == "\xE1\xBA\xAC");        // Ạ + combining circumflex = Ậ
  CHECK(to_nfc("\xE2\x84\xAB") == "\xC3\x85");                          // Ångström sign: a singleton
  CHECK(to_nfc("Đông Hà") == "Đông Hà");
  CHECK(to_nfc("Tie\xCC\x82\xCC\x81n") == "Tiến");
}
