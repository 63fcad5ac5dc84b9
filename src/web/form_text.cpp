#include "web/form_text.h"

#include <sstream>

#include "text/unicode.h"

namespace kehoach {
namespace {

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::string joined(const std::vector<std::string>& items, const std::string& between) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : between) + item;
  return out;
}

std::vector<std::string> typed_items(const std::string& text) {
  std::vector<std::string> items;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    line = clean_text(line);
    if (!line.empty()) items.push_back(line);
  }
  return items;
}

std::string date_text(const Date& date) {
  return (date.day == 0 ? "" : two_digits(date.day) + "/") + two_digits(date.month) + "/" + std::to_string(date.year);
}

std::string due_text(const ReportDue& due) {
  return two_digits(due.day) + "/" + two_digits(due.month) + (due.year ? "/" + std::to_string(due.year) : "");
}

}  // namespace kehoach
