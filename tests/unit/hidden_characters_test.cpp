#include <doctest/doctest.h>

#include "model/input_error.h"
#include "text/hidden_characters.h"

using namespace kehoach;

TEST_CASE("controls, bidi and zero-width characters are found in a name, Vietnamese letters are not") {
  CHECK_FALSE(first_hidden_character("Thôn Tân Thịnh - Khu 2 (cũ)").has_value());
  CHECK_FALSE(first_hidden_character("Ta\xCC\x82n Thi\xCC\xA3nh").has_value());  // combining marks are letters' parts
  CHECK_FALSE(first_hidden_character("Tổ\xC2\xA0" "5").has_value());              // a no-break space is a space
  const auto esc = first_hidden_character("Thôn\x1B[2J 1");
  REQUIRE(esc.has_value());
  CHECK(esc->offset == 5);
  CHECK(esc->code_point == 0x1B);
  CHECK(first_hidden_character("A\tB")->code_point == '\t');
  CHECK_FALSE(first_hidden_character("A\tB\nC", true).has_value());  // a message's own layout
  CHECK(first_hidden_character("A\x7F")->code_point == 0x7F);                  // DEL
  CHECK(first_hidden_character("A\xC2\x9B" "31m")->code_point == 0x9B);        // C1 CSI
  CHECK(first_hidden_character("Th\xE2\x80\xAEn")->code_point == 0x202E);      // right-to-left override
  CHECK(first_hidden_character("Th\xE2\x81\xA6n")->code_point == 0x2066);      // left-to-right isolate
  CHECK(first_hidden_character("Th\xE2\x80\x8D" "n")->code_point == 0x200D);   // zero-width joiner
  CHECK(first_hidden_character("Th\xE2\x80\xA8n")->code_point == 0x2028);      // line separator
  const auto broken = first_hidden_character("Th\xFFn");
  REQUIRE(broken.has_value());
  CHECK(broken->not_utf8);
  CHECK(broken->code_point == 0xFF);
}

TEST_CASE("hidden characters are shown by their code, so that none reaches a terminal raw") {
  CHECK(visible_text("Thôn 1") == "Thôn 1");
  CHECK(visible_text("Thôn\x1B]0;pwned\x07 1") == "Thôn<U+001B>]0;pwned<U+0007> 1");
  CHECK(visible_text("a\xE2\x80\xAE" "b\xFF" "c") == "a<U+202E>b<0xFF>c");
  CHECK(visible_text("dòng 1\n  dòng 2\tx") == "dòng 1\n  dòng 2\tx");
  CHECK(visible_text(visible_text("\x1B")) == "<U+001B>");  // showing twice changes nothing more
  CHECK(code_point_label(0x1B) == "U+001B");
  CHECK(code_point_label(0xE0001) == "U+E0001");
}

TEST_CASE("an input error's message shows the hidden characters of the cell it quotes") {
  const InputError e(Location{"thon.csv", 3, 1, "Hộ\x1B[2J nghèo"}, "\"1\x1B[2J\" không phải là số.");
  CHECK(std::string(e.what()) == "thon.csv:3, cột B (Hộ<U+001B>[2J nghèo): \"1<U+001B>[2J\" không phải là số.");
  CHECK(std::string(InputError("a\x1B" "b\nc").what()) == "a<U+001B>b\nc");
}

TEST_CASE("characters are counted and cut as characters, not bytes") {
  CHECK(character_count("Thịnh") == 5);
  CHECK(character_count("") == 0);
  CHECK(character_count("a\xFF" "b") == 3);
  CHECK(first_characters("Tân Thịnh", 5) == "Tân T…");
  CHECK(first_characters("Tân", 5) == "Tân");
  CHECK(first_characters("Tân", 3) == "Tân");
}
