#pragma once
// Numbers as officials type them: counts with Vietnamese thousands dots ("2.047") or English
// commas ("2,047"), rates with a decimal comma or point ("6,25", "6.25", "6,25%").
#include <optional>
#include <string>
#include <string_view>

namespace kehoach {

struct CountText {
  enum class Status { Ok, Empty, Negative, NotInteger, NotNumber, TooLarge };  // TooLarge: above 15 digits
  Status status = Status::NotNumber;
  long long value = 0;
};

CountText parse_count(std::string_view text);

// A decimal as written, kept exact: "6.02" is {602, 2}, "1.2" is {12, 1}, "0" is {0, 0}.
struct DecimalText {
  long long units = 0;
  int decimals = 0;
};

std::optional<DecimalText> parse_decimal(std::string_view text);

// Parses a plan file's rate: "4,93", "4,93%", "4.93" (at most 2 decimals) into hundredths.
std::optional<long long> parse_rate_hundredths(std::string_view text);

// What to tell the user about a cell that is not a count; "" for Ok.
std::string count_problem(const CountText& parsed, const std::string& text);

}  // namespace kehoach
