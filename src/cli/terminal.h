#pragma once
// How the commands tell what a use case returns: its messages and the files it wrote.
#include <string>

#include "app/documents.h"
#include "app/messages.h"
#include "cli/commands.h"

namespace kehoach {

// Warnings on the console's err as "kehoach COMMAND: …"; notices on its out unless `notices` is false
// (the out carries JSON).
void tell(Console console, const std::string& command, const Messages& messages, bool notices = true);

// "Đã ghi kế hoạch: …" for every file written; a file asked for and not made on err. Returns the exit
// status: 3 when a file was not made, else 0.
int tell_written(Console console, const std::string& command, const DocumentsWritten& written);

}  // namespace kehoach
