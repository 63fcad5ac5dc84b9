#include "write/vietnamese_format.h"

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

std::string format_date(const Date& date) {
  // Days below 10 and the months January and February take a leading zero (Nghị định 30).
  const std::string month = date.month < 3 ? two_digits(date.month) : std::to_string(date.month);
  const std::string day = date.day > 0 ? two_digits(date.day) : std::string(kDraftBlank);
  return "ngày " + day + " tháng " + month + " năm " + std::to_string(date.year);
}

std::string document_number(const std::optional<int>& number, const std::string& symbol) {
  return (number ? two_digits(*number) : std::string(kDraftBlank)) + "/" + symbol;
}

std::string document_date(const std::optional<Date>& date, int year) {
  if (date) return format_date(*date);
  return std::string("ngày ") + kDraftBlank + " tháng " + kDraftBlank + " năm " + std::to_string(year);
}

std::string issuer_name(const Plan& plan) {
  return plan.unit.empty() ? plan.issuing_body : plan.issuing_body + " " + plan.unit;
}

std::string attachment_line(const Plan& plan) {
  return "(Kèm theo Kế hoạch số " + document_number(plan.number, plan.symbol) + " " +
         document_date(plan.date, plan.year) + " của " + issuer_name(plan) + ")";
}

}  // namespace kehoach
