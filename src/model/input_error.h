#pragma once
// The error types: InputError for input the user must fix, OutputError for a file that cannot be written.
// An InputError's message says where (file, row, column) and what to do, in Vietnamese, in the form
// "thon.csv:8, cột E (Hộ nghèo): ...".
#include <optional>
#include <stdexcept>
#include <string>

namespace kehoach {

struct Location {
  std::string source;                // file name
  std::optional<int> row;            // 1-based
  std::optional<int> column;         // 0-based index, shown as a letter
  std::string column_name;           // header text, shown in brackets when known
};

class InputError : public std::runtime_error {
 public:
  InputError(Location where, const std::string& problem);
  explicit InputError(const std::string& problem);  // no location: a plan-level rule
  const Location& where() const { return where_; }
  const std::string& problem() const { return problem_; }

 private:
  Location where_;
  std::string problem_;
};

std::string format_location(const Location& where);

// An output that cannot be written (a folder that does not exist, a full disk, no right to write,
// LibreOffice failing to make a PDF). The message names the file and what to check. Whoever catches it
// says so and exits with status 3; inputs are never the cause.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kehoach
