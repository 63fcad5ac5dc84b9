#include "text/legacy_encoding.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <stdexcept>
#include <vector>

#include "text/unicode.h"

namespace kehoach {

// The text of data/encodings/tcvn3.txt and vni.txt, built into the program by CMake
// (src/text/legacy_tables.cpp.in).
std::string_view tcvn3_table_text();
std::string_view vni_table_text();

namespace {

// Windows-1252's characters for the bytes 0x80-0x9F (0 where it has none; those bytes stand for the
// C1 controls of the same number). 0xA0-0xFF are Latin-1's, the code points of the same number.
constexpr std::array<char32_t, 32> kHighControls = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t byte_character(unsigned char byte) {
  if (byte < 0x80 || byte >= 0xA0) return byte;
  const char32_t mapped = kHighControls[byte - 0x80];
  return mapped ? mapped : byte;
}

std::optional<unsigned char> character_byte(char32_t character) {
  if (character < 0x80 || (character >= 0xA0 && character <= 0xFF)) return static_cast<unsigned char>(character);
  for (std::size_t i = 0; i < kHighControls.size(); ++i)
    if (kHighControls[i] == character || (kHighControls[i] == 0 && character == 0x80 + i))
      return static_cast<unsigned char>(0x80 + i);
  return std::nullopt;
}

void append_utf8(std::string& out, char32_t character) {
  utf8proc_uint8_t buffer[4];
  const auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(character), buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

// The code points of UTF-8 text (invalid bytes as U+FFFD).
std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  const auto* at = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  auto left = static_cast<utf8proc_ssize_t>(utf8.size());
  while (left > 0) {
    utf8proc_int32_t character = 0;
    utf8proc_ssize_t used = utf8proc_iterate(at, left, &character);
    if (used <= 0) {
      character = 0xFFFD;
      used = 1;
    }
    out.push_back(static_cast<char32_t>(character));
    at += used;
    left -= used;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The tables: "letter<TAB>HEX[ HEX][<TAB>H]" lines, '#' comments.

struct Table {
  std::map<std::string, std::string> decode;      // bytes -> letter (UTF-8)
  std::map<char32_t, std::string> encode;         // letter -> bytes
  std::size_t longest = 1;
};

Table parse_table(std::string_view text, const char* name) {
  Table table;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw std::logic_error(std::string("bảng mã ") + name + " hỏng");
    const std::u32string letter = code_points(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    const std::size_t second_tab = rest.find('\t');
    const bool capital_font = second_tab != std::string_view::npos && rest.substr(second_tab + 1) == "H";
    rest = rest.substr(0, second_tab);
    std::string bytes;
    for (std::size_t i = 0; i < rest.size(); i += 3) bytes.push_back(static_cast<char>(std::stoi(std::string(rest.substr(i, 2)), nullptr, 16)));
    if (letter.size() != 1 || bytes.empty()) throw std::logic_error(std::string("bảng mã ") + name + " hỏng");
    table.encode[letter[0]] = bytes;
    if (!capital_font) table.decode[bytes] = std::string(line.substr(0, tab));
    table.longest = std::max(table.longest, bytes.size());
  }
  return table;
}

const Table& table_of(LegacyEncoding encoding) {
  static const Table tcvn3 = parse_table(tcvn3_table_text(), "TCVN3");
  static const Table vni = parse_table(vni_table_text(), "VNI");
  return encoding == LegacyEncoding::Tcvn3 ? tcvn3 : vni;
}

bool ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// TCVN3 writes no capital with a tone mark: in a word of capitals ("THàNH" as decoded: two ASCII
// capitals at least and no ASCII small letter), its letters are capitals too.
std::string capitalise_upper_words(const std::string& text) {
  const std::u32string characters = code_points(text);
  std::string out, word;
  int upper = 0;
  bool lower = false;
  auto flush = [&] {
    out += upper >= 2 && !lower ? to_upper(word) : word;
    word.clear();
    upper = 0;
    lower = false;
  };
  for (char32_t c : characters) {
    const bool letter = c >= 0x80 ? utf8proc_category(static_cast<utf8proc_int32_t>(c)) <= UTF8PROC_CATEGORY_LO : ascii_letter(c);
    if (!letter) {
      flush();
      append_utf8(out, c);
      continue;
    }
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') lower = true;
    append_utf8(word, c);
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Syllables. A word is spelt in a small alphabet: a-z as themselves, then ă=1 â=2 ê=3 ô=4 ơ=5 ư=6,
// đ=7; tones counted apart.

constexpr std::string_view kVowels = "aeiouy123456";

const std::vector<std::string_view>& onsets() {
  static const std::vector<std::string_view> list = {
      "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "7", "g", "h", "k", "l",
      "m",   "n",  "p",  "r",  "s",  "t",  "v",  "x",  "f",  "j",  "w",  "z", ""};
  return list;
}

// The vowel groups Vietnamese writes, with what may follow them: those ending in a glide (ai, ao, êu,
// ươi…) and the open diphthongs (ia, ua, ưa) end the syllable; iê, yê, uô, ươ, uyê, oă, uâ and oo
// need a final consonant.
const std::vector<std::string_view> kOpenOnly = {"ai", "ao", "au", "ay", "2u", "2y", "eo", "3u", "ia", "iu",
                                                 "oi", "4i", "5i", "ui", "6i", "6u", "ua", "6a", "i3u", "oai",
                                                 "oao", "oay", "oeo", "u2y", "u4i", "uya", "65i", "65u", "y3u",
                                                 "uyu", "u3u"};
const std::vector<std::string_view> kClosedOnly = {"i3", "y3", "u4", "65", "uy3", "o1", "u2", "oo"};
const std::vector<std::string_view> kEither = {"a", "1", "2", "e", "3", "i", "o", "4", "5", "u", "6", "y",
                                               "oa", "oe", "u3", "u5", "uy"};

bool contains(const std::vector<std::string_view>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool valid_rhyme(std::string_view vowels, std::string_view coda) {
  static const std::vector<std::string_view> codas = {"c", "ch", "m", "n", "ng", "nh", "p", "t", "k"};
  if (!coda.empty() && !contains(codas, coda)) return false;
  if (contains(kEither, vowels)) return true;
  if (contains(kOpenOnly, vowels)) return coda.empty();
  if (contains(kClosedOnly, vowels)) return !coda.empty();
  return false;
}

bool parses(std::string_view spelt) {
  for (std::string_view onset : onsets()) {
    if (!spelt.starts_with(onset)) continue;
    std::string_view rest = spelt.substr(onset.size());
    std::size_t vowels = 0;
    while (vowels < rest.size() && kVowels.find(rest[vowels]) != std::string_view::npos) ++vowels;
    if (vowels == 0) continue;
    if (valid_rhyme(rest.substr(0, vowels), rest.substr(vowels))) return true;
  }
  return false;
}

// One code point of a word into the small alphabet; false for anything Vietnamese does not write.
bool spell(char32_t c, std::string& spelt, int& tones) {
  c = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
  if (c == 0x111) {
    spelt += '7';
    return true;
  }
  utf8proc_int32_t parts[4];
  int last_boundclass = 0;
  const utf8proc_ssize_t count = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), parts, 4,
                                                         UTF8PROC_DECOMPOSE, &last_boundclass);
  if (count < 1 || count > 3 || parts[0] < 'a' || parts[0] > 'z') return false;
  char letter = static_cast<char>(parts[0]);
  const bool vowel = kVowels.find(letter) != std::string_view::npos;
  for (utf8proc_ssize_t i = 1; i < count; ++i) {
    switch (parts[i]) {
      case 0x306: if (letter != 'a') return false; letter = '1'; break;   // breve
      case 0x302:                                                        // circumflex
        if (letter == 'a') letter = '2';
        else if (letter == 'e') letter = '3';
        else if (letter == 'o') letter = '4';
        else return false;
        break;
      case 0x31B:                                                        // horn
        if (letter == 'o') letter = '5';
        else if (letter == 'u') letter = '6';
        else return false;
        break;
      case 0x300: case 0x301: case 0x303: case 0x309: case 0x323:        // tones
        if (!vowel) return false;
        ++tones;
        break;
      default: return false;
    }
  }
  spelt += letter;
  return true;
}

// How many of the words holding a character beyond ASCII are Vietnamese syllables, and how many not.
// Words are cut at ASCII characters that are not letters (a legacy code is never one).
struct WordCount {
  int valid = 0;
  int invalid = 0;
  int score() const { return valid - invalid; }
};

WordCount count_words(std::string_view utf8) {
  WordCount count;
  std::string word;
  bool beyond_ascii = false;
  auto flush = [&] {
    if (beyond_ascii) (vietnamese_syllable(word) ? count.valid : count.invalid) += 1;
    word.clear();
    beyond_ascii = false;
  };
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80 && !std::isalpha(c)) {
      flush();
      continue;
    }
    if (c >= 0x80) beyond_ascii = true;
    word += static_cast<char>(c);
  }
  flush();
  return count;
}

}  // namespace

const char* legacy_name(LegacyEncoding encoding) { return encoding == LegacyEncoding::Tcvn3 ? "TCVN3" : "VNI"; }

std::optional<EncodingChoice> parse_encoding_choice(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.empty() || lower == "auto") return EncodingChoice::Auto;
  if (lower == "unicode" || lower == "utf-8" || lower == "utf8") return EncodingChoice::Unicode;
  if (lower == "tcvn3" || lower == "abc") return EncodingChoice::Tcvn3;
  if (lower == "vni") return EncodingChoice::Vni;
  return std::nullopt;
}

std::optional<std::string> windows1252_bytes(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  std::string bytes;
  for (char32_t c : code_points(utf8)) {
    const auto byte = character_byte(c);
    if (!byte) return std::nullopt;
    bytes.push_back(static_cast<char>(*byte));
  }
  return bytes;
}

bool windows1252_only(std::string_view utf8) {
  const auto* at = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  auto left = static_cast<utf8proc_ssize_t>(utf8.size());
  while (left > 0) {
    if (*at < 0x80) {
      ++at;
      --left;
      continue;
    }
    utf8proc_int32_t character = 0;
    const utf8proc_ssize_t used = utf8proc_iterate(at, left, &character);
    // An invalid byte reads as U+FFFD, which has no Windows-1252 byte (as in windows1252_bytes).
    if (used <= 0 || !character_byte(static_cast<char32_t>(character))) return false;
    at += used;
    left -= used;
  }
  return true;
}

std::string windows1252_text(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (char b : bytes) append_utf8(out, byte_character(static_cast<unsigned char>(b)));
  return out;
}

std::optional<std::string> decode_legacy(std::string_view text, LegacyEncoding encoding) {
  if (is_ascii(text)) return std::string(text);
  const auto bytes = windows1252_bytes(text);
  if (!bytes) return std::nullopt;
  const Table& table = table_of(encoding);
  std::string out;
  for (std::size_t i = 0; i < bytes->size();) {
    bool found = false;
    for (std::size_t length = std::min(table.longest, bytes->size() - i); length >= 1 && !found; --length) {
      std::string key = bytes->substr(i, length);
      auto entry = table.decode.find(key);
      // VNI writes a mark's byte in the case of its letter; a mark typed in the other case ("A" then the
      // lower-case acute) is the same letter, in the case of the letter before it.
      if (entry == table.decode.end() && length == 2 && static_cast<unsigned char>(key[1]) >= 0xC0) {
        key[1] = static_cast<char>(key[1] ^ 0x20);
        entry = table.decode.find(key);
      }
      if (entry == table.decode.end()) continue;
      out += entry->second;
      i += length;
      found = true;
    }
    if (found) continue;
    const auto byte = static_cast<unsigned char>((*bytes)[i]);
    if (byte >= 0x80) return std::nullopt;
    out += static_cast<char>(byte);
    ++i;
  }
  if (encoding == LegacyEncoding::Tcvn3) out = capitalise_upper_words(out);
  return to_nfc(out);
}

std::optional<std::string> encode_legacy(std::string_view utf8, LegacyEncoding encoding) {
  const Table& table = table_of(encoding);
  std::string bytes;
  for (char32_t c : code_points(to_nfc(utf8))) {
    if (c < 0x80) {
      bytes.push_back(static_cast<char>(c));
      continue;
    }
    const auto entry = table.encode.find(c);
    if (entry == table.encode.end()) return std::nullopt;
    bytes += entry->second;
  }
  return bytes;
}

int vietnamese_score(std::string_view utf8) { return count_words(utf8).score(); }

bool vietnamese_syllable(std::string_view word) {
  std::string spelt;
  int tones = 0;
  for (char32_t c : code_points(to_nfc(word)))
    if (!spell(c, spelt, tones)) return false;
  return tones <= 1 && parses(spelt);
}

CellEvidence judge_cell(std::string_view text, std::optional<LegacyEncoding> font) {
  if (is_ascii(text)) return CellEvidence::None;
  // Most Unicode Vietnamese holds a letter no legacy text shows (ư, ạ, ễ…): decided at once.
  if (!windows1252_only(text)) return count_words(text).valid > 0 ? CellEvidence::Unicode : CellEvidence::None;
  const WordCount as_is = count_words(text);
  std::optional<WordCount> read[2];
  for (LegacyEncoding encoding : {LegacyEncoding::Tcvn3, LegacyEncoding::Vni})
    if (auto decoded = decode_legacy(text, encoding)) read[static_cast<int>(encoding)] = count_words(*decoded);
  if (!read[0] && !read[1]) return as_is.valid > 0 || as_is.invalid > 0 ? CellEvidence::Unicode : CellEvidence::None;
  auto evidence = [](LegacyEncoding e) { return e == LegacyEncoding::Tcvn3 ? CellEvidence::Tcvn3 : CellEvidence::Vni; };
  if (font) {
    const auto& in_font = read[static_cast<int>(*font)];
    if (in_font && in_font->valid > 0 && in_font->invalid == 0 && in_font->score() >= as_is.score()) return evidence(*font);
  }
  // A legacy reading counts only when every word it makes is Vietnamese: text in another encoding (a
  // Windows-1258 file read byte for byte) reads as a few syllables among garbage.
  std::optional<LegacyEncoding> best;
  for (LegacyEncoding encoding : {LegacyEncoding::Tcvn3, LegacyEncoding::Vni}) {
    auto& r = read[static_cast<int>(encoding)];
    if (r && r->invalid > 0) r.reset();
    if (r && r->valid > 0 && (!best || r->score() > read[static_cast<int>(*best)]->score())) best = encoding;
  }
  const int legacy_score = best ? read[static_cast<int>(*best)]->score() : -1000000;
  if (best) {
    const LegacyEncoding other = *best == LegacyEncoding::Tcvn3 ? LegacyEncoding::Vni : LegacyEncoding::Tcvn3;
    const auto& r = read[static_cast<int>(other)];
    const bool tie = r && r->valid > 0 && r->score() == legacy_score;
    if (legacy_score > as_is.score()) return tie ? CellEvidence::None : evidence(*best);
  }
  if (as_is.valid == 0) return CellEvidence::None;
  return as_is.score() > legacy_score ? CellEvidence::Unicode : CellEvidence::Ambiguous;
}

std::optional<LegacyEncoding> font_encoding(std::string_view font_name, bool* upper_case) {
  std::string name = clean_text(font_name);
  while (!name.empty() && (name.front() == '"' || name.front() == '\'')) name.erase(0, 1);
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (upper_case) *upper_case = false;
  if (lower.starts_with(".vn")) {
    if (upper_case) *upper_case = !name.empty() && name.back() == 'H';
    return LegacyEncoding::Tcvn3;
  }
  if (lower.starts_with("vni-") || lower.starts_with("vni ")) return LegacyEncoding::Vni;
  return std::nullopt;
}

}  // namespace kehoach
