#include "text/number_text.h"

#include <cctype>

namespace kehoach {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// "2.047.310" or "2,047" or "2 047": groups of three after the first, one kind of separator.
std::optional<std::string> strip_thousands(std::string_view s) {
  char separator = 0;
  for (char c : s)
    if (c == '.' || c == ',' || c == ' ') {
      if (separator && separator != c) return std::nullopt;
      separator = c;
    }
  if (!separator) return all_digits(s) ? std::optional<std::string>(std::string(s)) : std::nullopt;
  std::string digits;
  std::size_t group_start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != separator) continue;
    std::string_view group = s.substr(group_start, i - group_start);
    const bool first = group_start == 0;
    if (!all_digits(group) || (first ? group.size() > 3 : group.size() != 3)) return std::nullopt;
    digits += group;
    group_start = i + 1;
  }
  return digits;
}

}  // namespace

CountText parse_count(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return {CountText::Status::Empty, 0};
  bool negative = false;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    s = trim(s.substr(1));
  }
  if (auto digits = strip_thousands(s)) {
    // More digits than any count has (and than 64 bits hold, from 19 on): a number, but too large.
    if (digits->size() > 15) return {negative ? CountText::Status::Negative : CountText::Status::TooLarge, 0};
    const long long value = std::stoll(*digits);
    if (negative && value != 0) return {CountText::Status::Negative, -value};
    return {CountText::Status::Ok, value};
  }
  if (auto decimal = parse_decimal(s)) return {CountText::Status::NotInteger, 0};
  return {CountText::Status::NotNumber, 0};
}

std::optional<DecimalText> parse_decimal(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  const auto point = s.find_first_of(".,");
  std::string_view whole = s.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? std::string_view{} : s.substr(point + 1);
  if (!all_digits(whole) || (point != std::string_view::npos && !all_digits(fraction))) return std::nullopt;
  if (whole.size() + fraction.size() > 17) return std::nullopt;
  DecimalText out;
  out.units = std::stoll(std::string(whole) + std::string(fraction));
  out.decimals = static_cast<int>(fraction.size());
  if (negative) out.units = -out.units;
  return out;
}

std::optional<long long> parse_rate_hundredths(std::string_view text) {
  auto decimal = parse_decimal(text);
  if (!decimal || decimal->units < 0 || decimal->decimals > 2) return std::nullopt;
  // Seventeen digits times 100 would pass 64 bits; no rate has more than a handful.
  if (decimal->units > 1'000'000'000'000) return std::nullopt;
  long long value = decimal->units;
  for (int d = decimal->decimals; d < 2; ++d) value *= 10;
  return value;
}

std::string count_problem(const CountText& parsed, const std::string& text) {
  switch (parsed.status) {
    case CountText::Status::Ok: return "";
    case CountText::Status::Empty: return "ô trống; hãy ghi số hộ (ghi 0 nếu không có).";
    case CountText::Status::Negative: return "\"" + text + "\" là số âm; số hộ phải từ 0 trở lên.";
    case CountText::Status::NotInteger: return "\"" + text + "\" không phải số nguyên; số hộ phải là số nguyên.";
    case CountText::Status::TooLarge: return "\"" + text + "\" là số quá lớn, không đơn vị nào có chừng ấy hộ; hãy kiểm tra lại ô này.";
    case CountText::Status::NotNumber: break;
  }
  return "\"" + text + "\" không phải là số; hãy ghi số hộ bằng chữ số (ví dụ 12).";
}

}  // namespace kehoach
