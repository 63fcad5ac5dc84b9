#include "model/unit_level.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "text/unicode.h"

namespace kehoach {
namespace {

// Written short in tables and lists: "TT Văn Điển", "TDP 3", "P.4". The dotted one-letter forms only
// with their dot, as "P" or "Q" alone may begin a name.
struct Abbreviation {
  const char* key;  // name_key form
  const char* level;
  bool needs_dot;
};
constexpr Abbreviation kAbbreviations[] = {
    {"tt", "Thị trấn", false}, {"tx", "Thị xã", false},    {"tp", "Thành phố", false},
    {"tdp", "Tổ dân phố", false}, {"kp", "Khu phố", false}, {"p", "Phường", true},
    {"q", "Quận", true},
};

// Column headers in English (the README lets users write them).
constexpr std::pair<const char*, const char*> kEnglish[] = {
    {"province", "Tỉnh"}, {"district", "Huyện"}, {"commune", "Xã"},
    {"ward", "Phường"},   {"village", "Thôn"},   {"hamlet", "Thôn"},
};

const UnitLevel* by_word(std::string_view word) {
  for (const auto& level : unit_levels())
    if (word == level.word) return &level;
  return nullptr;
}

// A centrally-run city ("Thành phố Huế", "Thành phố Hồ Chí Minh") stands at the level of a province.
bool tier_fits(const UnitLevel& level, const std::optional<Tier>& tier) {
  return !tier || level.tier == *tier || (*tier == Tier::Province && std::string_view(level.word) == "Thành phố");
}

// Longest first, so that "tổ dân phố" is not read as "tổ" and "thị xã" not as anything shorter.
std::vector<const UnitLevel*> longest_first() {
  std::vector<const UnitLevel*> levels;
  for (const auto& level : unit_levels()) levels.push_back(&level);
  std::stable_sort(levels.begin(), levels.end(),
                   [](const UnitLevel* a, const UnitLevel* b) { return std::strlen(a->lower) > std::strlen(b->lower); });
  return levels;
}

// The level word at the start of a name key, with the byte length it takes (its space included).
std::pair<const UnitLevel*, std::size_t> leading_word(const std::string& key, const std::optional<Tier>& tier) {
  static const std::vector<const UnitLevel*> levels = longest_first();
  for (const UnitLevel* level : levels) {
    const std::size_t n = std::strlen(level->lower);
    if (tier_fits(*level, tier) && key.size() > n + 1 && key.compare(0, n, level->lower) == 0 && key[n] == ' ')
      return {level, n + 1};
  }
  for (const auto& a : kAbbreviations) {
    const UnitLevel* level = by_word(a.level);
    const std::size_t n = std::strlen(a.key);
    if (!tier_fits(*level, tier) || key.size() <= n + 1 || key.compare(0, n, a.key) != 0) continue;
    if (key[n] == '.') return {level, key[n + 1] == ' ' ? n + 2 : n + 1};
    if (!a.needs_dot && key[n] == ' ') return {level, n + 1};
  }
  return {nullptr, 0};
}

LeveledName split(const std::string& name, const std::optional<Tier>& tier) {
  const std::string cleaned = clean_text(name);
  const auto [level, length] = leading_word(name_key(cleaned), tier);
  // Vietnamese letters keep their byte length when case-folded, so the key's length is the name's.
  if (!level || length >= cleaned.size()) return {nullptr, cleaned};
  return {level, clean_text(cleaned.substr(length))};
}

// Every level's folded word, longest first ("to dan pho" before "to"), and the English ones.
std::vector<std::pair<std::string, const UnitLevel*>> folded_words() {
  std::vector<std::pair<std::string, const UnitLevel*>> words;
  for (const UnitLevel* level : longest_first()) words.emplace_back(fold(level->word), level);
  for (const auto& [english, word] : kEnglish) words.emplace_back(english, by_word(word));
  return words;
}

// The folded header read as level words: "xa thi tran" → Xã, Thị trấn. Empty when any word is not a
// level ("don vi").
std::vector<const UnitLevel*> folded_levels(const std::string& folded) {
  static const std::vector<std::pair<std::string, const UnitLevel*>> words = folded_words();
  std::vector<const UnitLevel*> found;
  std::size_t at = 0;
  auto starts = [&](std::string_view word) {
    return folded.compare(at, word.size(), word) == 0 && (at + word.size() == folded.size() || folded[at + word.size()] == ' ');
  };
  while (at < folded.size()) {
    const UnitLevel* match = nullptr;
    std::size_t length = 0;
    for (const auto& [word, level] : words)
      if (starts(word)) { match = level; length = word.size(); break; }
    if (!match) {
      if (starts("ten")) length = 3;          // "Tên thôn"
      else if (starts("va")) length = 2;      // "Xã và thị trấn"
      else if (starts("don vi")) length = 6;  // "Đơn vị (thôn)"; "Đơn vị" alone names none
      else return {};
    } else if (std::find(found.begin(), found.end(), match) == found.end()) {
      found.push_back(match);
    }
    at += length + 1;
  }
  return found;
}

std::vector<const UnitLevel*> in_table_order(const std::vector<const UnitLevel*>& levels) {
  std::vector<const UnitLevel*> ordered;
  for (const auto& level : unit_levels())
    if (std::find(levels.begin(), levels.end(), &level) != levels.end()) ordered.push_back(&level);
  return ordered;
}

// "xã hội" (society), in lower case as in "Ngân hàng Chính sách xã hội huyện …", is no commune; a
// commune named Hội Xuân is written with a capital.
bool is_social(const UnitLevel& level, const std::string& text, std::size_t after_word) {
  const std::string_view hoi = "hội";
  return std::string_view(level.word) == "Xã" && text.compare(after_word, hoi.size(), hoi) == 0 &&
         (text.size() == after_word + hoi.size() || text[after_word + hoi.size()] == ' ');
}

}  // namespace

const std::vector<UnitLevel>& unit_levels() {
  static const std::vector<UnitLevel> levels = {
      {"Tỉnh", "tỉnh", Tier::Province, "Chủ tịch Ủy ban nhân dân tỉnh"},
      {"Huyện", "huyện", Tier::District, "Chủ tịch Ủy ban nhân dân huyện"},
      {"Quận", "quận", Tier::District, "Chủ tịch Ủy ban nhân dân quận"},
      {"Thị xã", "thị xã", Tier::District, "Chủ tịch Ủy ban nhân dân thị xã"},
      {"Thành phố", "thành phố", Tier::District, "Chủ tịch Ủy ban nhân dân thành phố"},
      {"Xã", "xã", Tier::Commune, "Chủ tịch Ủy ban nhân dân xã"},
      {"Phường", "phường", Tier::Commune, "Chủ tịch Ủy ban nhân dân phường"},
      {"Thị trấn", "thị trấn", Tier::Commune, "Chủ tịch Ủy ban nhân dân thị trấn"},
      {"Đặc khu", "đặc khu", Tier::Commune, "Chủ tịch Ủy ban nhân dân đặc khu"},
      {"Thôn", "thôn", Tier::Village, "Trưởng thôn"},
      {"Tổ dân phố", "tổ dân phố", Tier::Village, "Tổ trưởng tổ dân phố"},
      {"Khu phố", "khu phố", Tier::Village, "Trưởng khu phố"},
      {"Ấp", "ấp", Tier::Village, "Trưởng ấp"},
      {"Bản", "bản", Tier::Village, "Trưởng bản"},
      {"Làng", "làng", Tier::Village, "Trưởng làng"},
      {"Buôn", "buôn", Tier::Village, "Trưởng buôn"},
      {"Khóm", "khóm", Tier::Village, "Trưởng khóm"},
      {"Xóm", "xóm", Tier::Village, "Trưởng xóm"},
      {"Khối", "khối", Tier::Village, "Trưởng khối"},
      {"Sóc", "sóc", Tier::Village, "Trưởng sóc"},
      {"Plei", "plei", Tier::Village, "Trưởng plei"},
      {"Tổ", "tổ", Tier::Village, "Tổ trưởng"},
  };
  return levels;
}

const UnitLevel* level_named(const std::string& word) {
  const std::vector<const UnitLevel*> levels = header_levels(word);
  return levels.size() == 1 ? levels.front() : nullptr;
}

LeveledName split_level(const std::string& name) { return split(name, std::nullopt); }

std::vector<const UnitLevel*> header_levels(const std::string& header) { return folded_levels(fold(header)); }

const UnitLevel* level_of(const std::string& name, const UnitLevel* fallback, bool* from_name) {
  // Under a column of communes, "Bản Lầu" is the commune Bản Lầu, not a bản: only words of the
  // fallback's tier count.
  const LeveledName split_name = split(name, fallback ? std::optional<Tier>(fallback->tier) : std::nullopt);
  if (from_name) *from_name = split_name.level != nullptr;
  // "Tổ 3" under a column "Tổ dân phố" is the tổ dân phố number 3, written short.
  if (split_name.level && fallback && std::string_view(split_name.level->word) == "Tổ" &&
      std::string_view(fallback->word) == "Tổ dân phố")
    return fallback;
  return split_name.level ? split_name.level : fallback;
}

const UnitLevel* level_by_word(const std::string& word) { return by_word(word); }

const UnitLevel* usual_child(const UnitLevel& level) {
  const std::string_view word = level.word;
  if (word == "Huyện") return by_word("Xã");
  if (word == "Quận") return by_word("Phường");
  if (word == "Xã") return by_word("Thôn");
  if (word == "Phường" || word == "Thị trấn") return by_word("Tổ dân phố");
  return nullptr;
}

std::string in_sentence(const std::string& name, const UnitLevel* level) {
  const LeveledName split_name = split(name, level ? std::optional<Tier>(level->tier) : std::nullopt);
  if (split_name.level) return std::string(split_name.level->lower) + " " + split_name.place;
  return level ? std::string(level->lower) + " " + split_name.place : split_name.place;
}

std::string full_name(const std::string& name, const UnitLevel* level) {
  const LeveledName split_name = split(name, level ? std::optional<Tier>(level->tier) : std::nullopt);
  if (split_name.level || !level) return clean_text(name);
  return std::string(level->word) + " " + split_name.place;
}

std::string levels_phrase(const std::vector<const UnitLevel*>& levels, bool capitalised) {
  std::string phrase;
  for (const UnitLevel* level : in_table_order(levels))
    phrase += phrase.empty() ? (capitalised ? level->word : level->lower) : std::string(", ") + level->lower;
  return phrase;
}

std::string heads_phrase(const std::vector<const UnitLevel*>& levels) {
  std::string phrase;
  for (const UnitLevel* level : in_table_order(levels)) phrase += (phrase.empty() ? "" : ", ") + std::string(level->head);
  return phrase;
}

std::string area_of(const std::string& issuer_unit) {
  const std::string name = clean_text(issuer_unit);
  const std::string key = name_key(name);
  for (std::size_t at = 0; at < key.size(); at = key.find(' ', at) + 1) {
    const std::string rest = key.substr(at);
    const auto [level, length] = leading_word(rest, std::nullopt);
    // Administrative levels only ("Mặt trận Tổ quốc" names no tổ), and "xã hội" is not a commune.
    if (level && level->tier != Tier::Village && !is_social(*level, name.substr(at), length)) return name.substr(at);
    if (key.find(' ', at) == std::string::npos) break;
  }
  return name;
}

}  // namespace kehoach
