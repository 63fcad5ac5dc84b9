#include "read/unit_cells.h"

#include "text/hidden_characters.h"
#include "text/number_words.h"

namespace kehoach {
namespace {

constexpr std::size_t kQuotedCharacters = 40;  // of a long name, in its message

bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string kind_of(const HiddenCharacter& hidden) {
  if (hidden.not_utf8) return "byte không phải chữ UTF-8";
  const char32_t c = hidden.code_point;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return "ký tự điều khiển " + code_point_label(c);
  if (is_bidi_control(c)) return "ký tự đổi chiều chữ " + code_point_label(c);
  if (c == 0x2028 || c == 0x2029) return "ký tự xuống dòng " + code_point_label(c);
  return "ký tự ẩn " + code_point_label(c);
}

}  // namespace

std::string unit_name_problem(std::string_view name) {
  if (const auto hidden = first_hidden_character(name))
    return "tên đơn vị \"" + visible_text(first_characters(name, kQuotedCharacters)) + "\" có " + kind_of(*hidden) +
           " (không nhìn thấy khi in); hãy gõ lại tên này, không chép từ nơi khác.";
  const std::size_t length = character_count(name);
  if (length > kLongestUnitName)
    return "tên đơn vị \"" + first_characters(name, kQuotedCharacters) + "\" dài " + std::to_string(length) +
           " ký tự; tên đơn vị dài tối đa " + std::to_string(kLongestUnitName) + " ký tự.";
  return "";
}

std::string unit_count_problem(long long count, long long most, const char* words) {
  if (count <= most) return "";
  return format_count(count) + " " + words + " là quá nhiều cho một đơn vị (tối đa " + format_count(most) + " " + words +
         "); hãy kiểm tra lại ô này.";
}

std::string total_households_problem(long long total) {
  if (total <= kMostHouseholdsInTotal) return "";
  return "cộng đến dòng này, tổng số hộ của tệp đã quá " + format_count(kMostHouseholdsInTotal) +
         " hộ; hãy kiểm tra lại các ô số hộ.";
}

std::string unit_levels_problem(const std::vector<std::string>& levels) {
  if (levels.size() <= kMostUnitLevels) return "";
  std::string names;
  for (std::size_t i = 0; i < levels.size() && i < kMostUnitLevels + 2; ++i)
    names += (names.empty() ? "\"" : ", \"") + levels[i] + "\"";
  if (levels.size() > kMostUnitLevels + 2) names += ", …";
  return "có " + std::to_string(levels.size()) + " cột cấp đơn vị (" + names + "); kehoach nhận tối đa " +
         std::to_string(kMostUnitLevels) + " cấp (ví dụ \"Tỉnh\", \"Huyện\", \"Xã\", \"Thôn\"). Hãy bỏ các cột cấp thừa.";
}

}  // namespace kehoach
