#include "text/number_words.h"

#include <cstdlib>

namespace kehoach {
namespace {

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::string format_count(long long count) {
  std::string digits = std::to_string(std::llabs(count));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ".");
  return (count < 0 ? "-" : "") + digits;
}

std::string format_rate(Rate rate) {
  const std::int64_t magnitude = rate.hundredths < 0 ? -rate.hundredths : rate.hundredths;
  return (rate.hundredths < 0 ? "-" : "") + std::to_string(magnitude / 100) + "," + two_digits(static_cast<int>(magnitude % 100));
}

std::string format_share(Rate share) {
  // Officials write "đạt 100%", "đạt 50%": decimals only where the share has them.
  if (share.hundredths % 100 == 0) return std::to_string(share.hundredths / 100);
  return format_rate(share);
}

}  // namespace kehoach
