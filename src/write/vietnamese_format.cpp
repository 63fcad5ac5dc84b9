#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// A blank with the fixed spaces that set it off from the words on either side.
std::string blank_between_words() { return std::string(kBlankSeparator) + kDraftBlank + kBlankSeparator; }

}  // namespace

std::string format_date(const Date& date) {
  // Days below 10 and the months January and February take a leading zero (Nghị định 30).
  const std::string month = date.month < 3 ? two_digits(date.month) : std::to_string(date.month);
  const std::string day = date.day > 0 ? " " + two_digits(date.day) + " " : blank_between_words();
  return "ngày" + day + "tháng " + month + " năm " + std::to_string(date.year);
}

std::string document_number(const std::optional<int>& number, const std::string& symbol) {
  return (number ? two_digits(*number) : std::string(kDraftBlank)) + "/" + symbol;
}

std::string document_date(const std::optional<Date>& date, int year) {
  if (date) return format_date(*date);
  return "ngày" + blank_between_words() + "tháng" + blank_between_words() + "năm " + std::to_string(year);
}

std::string document_citation(const std::string& kind, const std::optional<int>& number, const std::string& symbol,
                              const std::optional<Date>& date, int year) {
  return kind + " số" + (number ? " " : kBlankSeparator) + document_number(number, symbol) + " " +
         document_date(date, year);
}

std::string issuer_name(const Plan& plan) {
  return plan.unit.empty() ? plan.issuing_body : plan.issuing_body + " " + plan.unit;
}

std::string attachment_line(const Plan& plan) {
  return "(Kèm theo " + document_citation("Kế hoạch", plan.number, plan.symbol, plan.date, plan.year) + " của " +
         issuer_name(plan) + ")";
}

}  // namespace kehoach
