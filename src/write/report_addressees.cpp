#include "write/report_addressees.h"

#include <algorithm>
#include <array>
#include <utility>

#include "model/input_error.h"
#include "model/unit_level.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

using Spelling = std::pair<const char*, const char*>;

// Abbreviated bodies, spelled out wherever they stand.
constexpr std::array<Spelling, 6> kBodies{{
    {"UBND", "Ủy ban nhân dân"},
    {"HĐND", "Hội đồng nhân dân"},
    {"LHPN", "Liên hiệp Phụ nữ"},
    {"MTTQ", "Mặt trận Tổ quốc"},
    {"LĐTBXH", "Lao động - Thương binh và Xã hội"},
    {"LĐ-TB&XH", "Lao động - Thương binh và Xã hội"},
}};

// Abbreviated levels, spelled out in an upper-case name ("HỘI LHPN TP. HỒ CHÍ MINH").
constexpr std::array<Spelling, 3> kLevelAbbreviations{{{"TP.", "thành phố"}, {"TP", "thành phố"}, {"TX.", "thị xã"}}};

// Names of offices written in capitals, with their proper case.
constexpr std::array<Spelling, 5> kPhrases{{
    {"LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Lao động - Thương binh và Xã hội"},
    {"LIÊN HIỆP PHỤ NỮ", "Liên hiệp Phụ nữ"},
    {"MẶT TRẬN TỔ QUỐC", "Mặt trận Tổ quốc"},
    {"NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Nông nghiệp và Môi trường"},
    {"VĂN HÓA - XÃ HỘI", "Văn hóa - Xã hội"},
}};

// The administrative level words in capitals, as a header line writes them ("HUYỆN", "THÀNH PHỐ").
const std::vector<std::string>& upper_levels() {
  static const std::vector<std::string> levels = [] {
    std::vector<std::string> words;
    for (const auto& level : unit_levels())
      if (level.tier != Tier::Village) words.push_back(to_upper(level.word));
    return words;
  }();
  return levels;
}

struct Word {
  std::string text;
  bool cased = false;  // already in its final case (spelled out, or a known phrase)
};

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c != ' ') {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// "hương" or "HƯƠNG" -> "Hương".
std::string capitalised(const std::string& word) {
  const std::string lower = name_key(word);
  std::size_t first = 1;
  while (first < lower.size() && (static_cast<unsigned char>(lower[first]) & 0xC0) == 0x80) ++first;
  return to_upper(lower.substr(0, first)) + lower.substr(first);
}

const char* spelled_out(const std::string& word, bool levels_too) {
  for (const auto& [abbreviation, spelled] : kBodies)
    if (word == abbreviation) return spelled;
  if (levels_too)
    for (const auto& [abbreviation, spelled] : kLevelAbbreviations)
      if (word == abbreviation) return spelled;
  return nullptr;
}

// The words of an upper-case name, known phrases and abbreviations already in their final case.
std::vector<Word> read_words(const std::vector<std::string>& upper) {
  std::vector<Word> words;
  for (std::size_t i = 0; i < upper.size();) {
    std::size_t matched = 0;
    for (const auto& [caps, cased] : kPhrases) {
      const std::vector<std::string> phrase = split_words(caps);
      if (i + phrase.size() <= upper.size() &&
          std::equal(phrase.begin(), phrase.end(), upper.begin() + static_cast<std::ptrdiff_t>(i))) {
        words.push_back({cased, true});
        matched = phrase.size();
        break;
      }
    }
    if (matched == 0) {
      const char* spelled = spelled_out(upper[i], true);
      words.push_back(spelled ? Word{spelled, true} : Word{upper[i], false});
      matched = 1;
    }
    i += matched;
  }
  return words;
}

// How many words from `i` make a level ("THÀNH PHỐ": 2, "HUYỆN" or a spelled-out "TP.": 1); 0 if none.
std::size_t level_length(const std::vector<Word>& words, std::size_t i) {
  for (const std::string& level : upper_levels()) {
    if (words[i].cased) {
      if (to_upper(words[i].text) == level) return 1;
      continue;
    }
    const std::vector<std::string> parts = split_words(level);
    bool same = i + parts.size() <= words.size();
    for (std::size_t k = 0; same && k < parts.size(); ++k) same = !words[i + k].cased && words[i + k].text == parts[k];
    if (same) return parts.size();
  }
  return 0;
}

// Where the place's name starts: after the last level that has words after it (words.size(): none).
std::size_t name_start(const std::vector<Word>& words) {
  for (std::size_t i = words.size(); i-- > 0;) {
    const std::size_t length = level_length(words, i);
    if (length > 0 && i + length < words.size()) return i + length;
  }
  return words.size();
}

}  // namespace

std::string body_in_sentence(const std::string& header_name) {
  const std::string name = clean_text(header_name);
  std::string out;
  if (to_upper(name) != name) {
    // Already written as it reads: only spell out the abbreviated bodies ("UBND huyện Hương Sơn").
    for (const auto& word : split_words(name)) {
      const char* spelled = spelled_out(word, false);
      out += (out.empty() ? "" : " ") + (spelled ? std::string(spelled) : word);
    }
    return out;
  }
  const std::vector<Word> words = read_words(split_words(name));
  const std::size_t place = name_start(words);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string shown = words[i].cased ? words[i].text : i >= place ? capitalised(words[i].text) : name_key(words[i].text);
    out += (out.empty() ? "" : " ") + shown;
  }
  // A name starts with a capital ("Ủy ban nhân dân", "Hội Liên hiệp Phụ nữ").
  const std::size_t first_space = std::min(out.find(' '), out.size());
  out = capitalised(out.substr(0, first_space)) + out.substr(first_space);
  // Nghị định 30, Phụ lục II: the city named after a person keeps its capital ("Thành phố Hồ Chí Minh").
  if (auto at = out.find("thành phố Hồ Chí Minh"); at != std::string::npos) out[at] = 'T';
  return out;
}

ReportAddressees report_addressees(const Plan& plan) {
  if (!plan.reports.addressees.empty()) return {plan.reports.addressees, false};
  if (!clean_text(plan.parent_body).empty()) return {{body_in_sentence(plan.parent_body)}, true};
  throw InputError(Location{plan.file, {}, {}, {}},
                   "báo cáo phải có nơi nhận (Kính gửi), nhưng tệp kế hoạch không ghi nơi nhận báo cáo và cũng không ghi "
                   "cơ quan cấp trên (issuer: parent); hãy thêm khóa reports: addressees, ví dụ "
                   "addressees: [Ủy ban nhân dân huyện Hương Sơn].");
}

}  // namespace kehoach
