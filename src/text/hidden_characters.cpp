#include "text/hidden_characters.h"

#include <utf8proc.h>

#include <cstdio>

namespace kehoach {
namespace {

// Length of the UTF-8 character at `i` and its code point; 0 when the byte starts none.
std::size_t decode(std::string_view text, std::size_t i, char32_t& code_point) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    code_point = byte;
    return 1;
  }
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) {
    code_point = byte;
    return 0;
  }
  code_point = static_cast<char32_t>(cp);
  return static_cast<std::size_t>(n);
}

bool is_hidden(char32_t code_point, bool keep_layout) {
  if (code_point >= 0x20 && code_point < 0x7F) return false;  // printable ASCII: most of any text
  if (keep_layout && (code_point == '\n' || code_point == '\t')) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(code_point))) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return true;
    default:
      return false;
  }
}

// Calls `on` for each hidden character of `text` until it returns false.
template <typename On>
void scan(std::string_view text, bool keep_layout, On on) {
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    char32_t code_point = 0;
    const std::size_t length = decode(text, i, code_point);
    const bool not_utf8 = length == 0;
    if ((not_utf8 || is_hidden(code_point, keep_layout)) && !on(HiddenCharacter{i, code_point, not_utf8})) return;
    i += not_utf8 ? 1 : length;
  }
}

}  // namespace

std::optional<HiddenCharacter> first_hidden_character(std::string_view text, bool keep_layout) {
  std::optional<HiddenCharacter> found;
  scan(text, keep_layout, [&](const HiddenCharacter& hidden) {
    found = hidden;
    return false;
  });
  return found;
}

std::string code_point_label(char32_t code_point) {
  char label[16];
  std::snprintf(label, sizeof label, "U+%04X", static_cast<unsigned>(code_point));
  return label;
}

std::string visible_text(std::string_view text) {
  std::string out;
  std::size_t copied = 0;
  scan(text, true, [&](const HiddenCharacter& hidden) {
    out.append(text.substr(copied, hidden.offset - copied));
    char label[16];
    if (hidden.not_utf8) {
      std::snprintf(label, sizeof label, "<0x%02X>", static_cast<unsigned>(hidden.code_point));
      copied = hidden.offset + 1;
    } else {
      std::snprintf(label, sizeof label, "<U+%04X>", static_cast<unsigned>(hidden.code_point));
      char32_t ignored = 0;
      copied = hidden.offset + decode(text, hidden.offset, ignored);
    }
    out += label;
    return true;
  });
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

std::size_t character_count(std::string_view utf8) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < utf8.size(); ++count) {
    char32_t ignored = 0;
    const std::size_t length = decode(utf8, i, ignored);
    i += length ? length : 1;
  }
  return count;
}

std::string first_characters(std::string_view utf8, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t n = 0; n < count && i < utf8.size(); ++n) {
    char32_t ignored = 0;
    const std::size_t length = decode(utf8, i, ignored);
    i += length ? length : 1;
  }
  return i < utf8.size() ? std::string(utf8.substr(0, i)) + "…" : std::string(utf8);
}

}  // namespace kehoach
