#include "write/deadline_words.h"

#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::string day_month_year(const Date& date) {
  return two_digits(date.day) + "/" + two_digits(date.month) + "/" + std::to_string(date.year);
}

std::string deadline_status(const Deadline& d, const std::string& symbol) {
  if (d.issued) {
    const std::string number = d.number ? ", số " + document_number(d.number, symbol) : ",";
    const std::string timing = d.days_late == 0 ? "đúng hạn" : "chậm " + std::to_string(d.days_late) + " ngày";
    return number + " đã ban hành ngày " + day_month_year(*d.issued) + " (" + timing + ")";
  }
  const std::string number = d.number ? "; đã có số " + document_number(d.number, symbol) + ", chưa ghi ngày ban hành" : "";
  if (d.days_left > 0) return " (còn " + std::to_string(d.days_left) + " ngày" + number + ")";
  if (d.days_left == 0) return " (hạn là hôm nay" + number + ")";
  return " (đã quá hạn " + std::to_string(-d.days_left) + " ngày" + number + ")";
}

}  // namespace kehoach
