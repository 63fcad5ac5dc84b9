#pragma once
// Characters nobody sees: controls (ESC, which a terminal obeys: it can clear the screen or set its
// title), format characters (the bidi overrides and isolates that reorder a line, the zero-width
// joiners that make two names that look alike differ), line and paragraph separators. Names refuse
// them; messages show them as <U+001B> so that nothing a file holds reaches a terminal raw.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kehoach {

struct HiddenCharacter {
  std::size_t offset = 0;     // byte offset in the text
  char32_t code_point = 0;    // the character; for a byte that is not UTF-8, the byte itself
  bool not_utf8 = false;      // a byte that starts no UTF-8 character
};

// The first hidden character of `text`: a code point of Unicode category Cc (controls, C0, DEL and
// C1), Cf (format: bidi controls, zero-width characters, soft hyphen, byte order mark), Zl or Zp,
// or a byte that is not UTF-8. Line breaks and tabs count unless `keep_layout`.
std::optional<HiddenCharacter> first_hidden_character(std::string_view text, bool keep_layout = false);

// "U+001B", "U+202E": how messages name a character.
std::string code_point_label(char32_t code_point);

// `text` as it may be shown on a terminal: every hidden character written <U+001B>, every byte that
// is not UTF-8 <0x9B>; line breaks and tabs kept (messages span lines). Text with nothing hidden is
// returned as it is.
std::string visible_text(std::string_view text);

// The number of characters (code points) of UTF-8 text; a byte that is not UTF-8 counts as one.
std::size_t character_count(std::string_view utf8);

// The first `count` characters of `utf8` followed by "…" when there were more.
std::string first_characters(std::string_view utf8, std::size_t count);

}  // namespace kehoach
