#pragma once
// What a use case has to tell the person who ran it, beside its results: lines for the terminal's
// output (the files read, compared) and warnings for its error stream (an unconfirmed standard, rows
// left out, a default chosen for them). The command line prints them; a web page would show them. Never
// personal data.
#include <string>
#include <vector>

namespace kehoach {

struct Messages {
  std::vector<std::string> notices;
  std::vector<std::string> warnings;

  void add(const Messages& other) {
    notices.insert(notices.end(), other.notices.begin(), other.notices.end());
    warnings.insert(warnings.end(), other.warnings.begin(), other.warnings.end());
  }
};

}  // namespace kehoach
