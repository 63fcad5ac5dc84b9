#include "text/unicode.h"

#include <utf8proc.h>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <memory>

namespace kehoach {
namespace {

// utf8proc_map with the given options; nullopt-like empty result signals failure to callers.
bool map_utf8(std::string_view in, int options, std::string& out) {
  utf8proc_uint8_t* mapped = nullptr;
  auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                             static_cast<utf8proc_ssize_t>(in.size()), &mapped,
                             static_cast<utf8proc_option_t>(options));
  if (length < 0) return false;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  out.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Non-breaking and other Unicode spaces become plain spaces before collapsing.
std::string plain_spaces(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    if (lead != 0xC2 && lead != 0xE2 && lead != 0xEF) {  // no special space starts otherwise
      out += utf8[i];
      continue;
    }
    if (utf8.compare(i, 2, "\xC2\xA0") == 0) { out += ' '; ++i; continue; }          // U+00A0
    if (utf8.compare(i, 3, "\xE2\x80\xAF") == 0) { out += ' '; i += 2; continue; }  // U+202F
    if (utf8.compare(i, 3, "\xE2\x80\x8B") == 0) { i += 2; continue; }              // U+200B
    if (utf8.compare(i, 3, "\xEF\xBB\xBF") == 0) { i += 2; continue; }              // BOM
    out += utf8[i];
  }
  return out;
}

// Eight bytes at once, all ASCII: the high bit clear in each.
bool is_ascii_word(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

bool is_ascii(std::string_view bytes) {
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8)
    if (!is_ascii_word(bytes.data() + i)) return false;
  for (; i < bytes.size(); ++i)
    if (static_cast<unsigned char>(bytes[i]) >= 0x80) return false;
  return true;
}

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length of the UTF-8 sequence at `i` if it is one of the common kinds that are valid whatever
// their continuation bytes hold (U+0080–U+07FF; U+1000–U+CFFF, Vietnamese letters among them;
// U+E000–U+FFFF), 0 otherwise: those are left to utf8proc, which knows every rule.
std::size_t plain_sequence_length(std::string_view utf8, std::size_t i) {
  const auto lead = static_cast<unsigned char>(utf8[i]);
  if (lead >= 0xC2 && lead <= 0xDF) return i + 1 < utf8.size() && is_continuation(utf8[i + 1]) ? 2 : 0;
  const bool plain_three = (lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF;
  if (plain_three && i + 2 < utf8.size() && is_continuation(utf8[i + 1]) && is_continuation(utf8[i + 2])) return 3;
  return 0;
}

// Length of the character at `i` if it is one that NFC leaves alone whatever surrounds it: a code
// point from U+0080 to U+02FF (below the combining marks) or a precomposed Latin letter from
// U+1E00 to U+1EFF (where Vietnamese ạ, ế, ữ live); 0 for any other character.
std::size_t stable_character_length(std::string_view utf8, std::size_t i) {
  const auto lead = static_cast<unsigned char>(utf8[i]);
  if (lead >= 0xC2 && lead < 0xCC && i + 1 < utf8.size() && is_continuation(utf8[i + 1])) return 2;
  if (lead == 0xE1 && i + 2 < utf8.size() && is_continuation(utf8[i + 2])) {
    const auto second = static_cast<unsigned char>(utf8[i + 1]);
    if (second >= 0xB8 && second <= 0xBB) return 3;
  }
  return 0;
}

// Text made only of ASCII and of the characters above is already NFC: it has no combining mark to
// compose and no character NFC would replace. Most cells of a spreadsheet pass this test, and skip
// the normaliser.
bool surely_nfc(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) { ++i; continue; }
    const std::size_t length = stable_character_length(utf8, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// Text clean_text would return unchanged, found in one pass: surely NFC, no special space
// (U+00A0 is the only one among the characters surely_nfc lets through), nothing to trim and no
// white space to collapse. A million-row file has tens of millions of such cells ("x", "1500000",
// "Thôn Tân Thịnh"), which then cost one copy instead of three.
bool already_clean(std::string_view text) {
  if (text.empty()) return true;
  if (text.front() == ' ' || text.back() == ' ') return false;
  bool after_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c > ' ' && c < '\x7F') {  // letters, digits, punctuation: most of any cell
      after_space = false;
      ++i;
      continue;
    }
    if (c == ' ') {
      if (after_space) return false;
      after_space = true;
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) return false;  // tab, line break or other control: the long way
    const std::size_t length = stable_character_length(text, i);
    if (length == 0 || (c == '\xC2' && text[i + 1] == '\xA0')) return false;
    after_space = false;
    i += length;
  }
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (i + 8 <= bytes.size() && is_ascii_word(bytes.data() + i)) {  // most of any file: no decoding needed
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    if (const std::size_t length = plain_sequence_length(bytes, i)) {
      i += length;
      continue;
    }
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + i),
                              static_cast<utf8proc_ssize_t>(bytes.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<std::size_t>(n);
  }
  return true;
}

std::string to_nfc(std::string_view utf8) {
  if (surely_nfc(utf8)) return std::string(utf8);
  std::string out;
  if (!map_utf8(utf8, UTF8PROC_STABLE | UTF8PROC_COMPOSE, out)) return std::string(utf8);
  return out;
}

std::string clean_text(std::string_view utf8) {
  if (already_clean(utf8)) return std::string(utf8);
  return collapse_spaces(plain_spaces(surely_nfc(utf8) ? std::string(utf8) : to_nfc(utf8)));
}

void clean_text_into(std::string_view utf8, std::string& out) {
  if (already_clean(utf8)) out.assign(utf8);
  else out = clean_text(utf8);
}

std::string name_key(std::string_view utf8) {
  std::string out;
  std::string cleaned = clean_text(utf8);
  if (!map_utf8(cleaned, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, out)) return cleaned;
  return out;
}

std::string fold(std::string_view utf8) {
  std::string stripped;
  std::string lowered = name_key(utf8);
  if (!map_utf8(lowered, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, stripped))
    stripped = lowered;
  std::string ascii;
  for (std::size_t i = 0; i < stripped.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(stripped[i]);
    if (stripped.compare(i, 2, "\xC4\x91") == 0) { ascii += 'd'; ++i; continue; }  // đ (casefolded Đ too)
    if (c >= 0x80) { ascii += static_cast<char>(c); continue; }
    ascii += std::isalnum(c) ? static_cast<char>(c) : ' ';
  }
  return collapse_spaces(ascii);
}

std::string to_upper(std::string_view utf8) {
  std::string nfc = to_nfc(utf8);
  std::string out;
  std::size_t i = 0;
  while (i < nfc.size()) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(nfc.data() + i),
                              static_cast<utf8proc_ssize_t>(nfc.size() - i), &cp);
    if (n <= 0) return nfc;
    utf8proc_uint8_t buffer[4];
    auto written = utf8proc_encode_char(utf8proc_toupper(cp), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(written));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

}  // namespace kehoach
