#include "web/form_text.h"

#include <algorithm>
#include <sstream>

#include "text/hidden_characters.h"
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

std::string typed_text(const std::string& value) {
  std::string text;
  for (std::size_t i = 0; i < value.size(); ++i)
    if (value[i] != '\r') text += value[i];
    else if (i + 1 >= value.size() || value[i + 1] != '\n') text += '\n';
  text = to_nfc(text);
  const std::size_t first = text.find_first_not_of(" \t\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

std::string text_problem(const std::string& text, const std::string& label, std::size_t most) {
  // Characters of UTF-8 text: its bytes but the continuation ones.
  const auto characters = static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  if (characters > most) return label + " dài quá " + std::to_string(most) + " ký tự; hãy viết gọn lại.";
  if (const std::optional<HiddenCharacter> hidden = first_hidden_character(text, true))
    return label + " có ký tự ẩn " + (hidden->not_utf8 ? std::string("không đọc được") : code_point_label(hidden->code_point)) +
           "; hãy gõ lại.";
  return "";
}

}  // namespace kehoach
