#include "cli/terminal.h"

#include <ostream>

namespace kehoach {

void tell(Console console, const std::string& command, const Messages& messages, bool notices) {
  for (const auto& warning : messages.warnings) console.err << "kehoach " << command << ": " << warning << '\n';
  if (notices)
    for (const auto& notice : messages.notices) console.out << notice << '\n';
}

int tell_written(Console console, const std::string& command, const DocumentsWritten& written) {
  for (const auto& file : written.files) console.out << "Đã ghi " << file.words << ": " << file.path << '\n';
  if (written.problem.empty()) return kExitOk;
  console.err << "kehoach " << command << ": " << written.problem << '\n';
  return kExitOutput;
}

}  // namespace kehoach
