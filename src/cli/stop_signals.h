#pragma once
// Ctrl-C and SIGTERM while a command writes files: never a half-written file left behind.
//
// `batch` works on several threads and stops between units: a signal only asks it to stop (a flag it
// polls), and it ends with the files it finished. The other commands write one set of files in one
// thread and have nothing to finish: a signal stops them at once (ExitOnSignal). The handler removes the
// temporary files being written and exits with status 130; while LibreOffice makes a PDF, it kills
// LibreOffice instead, and the command unwinds (Interrupted, status 130) removing its own files.
#include <signal.h>

#include <string>

namespace kehoach {

// Installs `handler` for SIGINT and SIGTERM while it exists, then puts back what was there.
class SignalHandlers {
 public:
  explicit SignalHandlers(void (*handler)(int));
  ~SignalHandlers();
  SignalHandlers(const SignalHandlers&) = delete;
  SignalHandlers& operator=(const SignalHandlers&) = delete;

 private:
  struct sigaction interrupt_ {}, terminate_ {};
};

// For plan, appendix, report, households: a stop at once, said as "kehoach COMMAND: đã dừng …".
class ExitOnSignal {
 public:
  explicit ExitOnSignal(const std::string& command);

 private:
  SignalHandlers handlers_;
};

// "kehoach COMMAND: đã dừng theo yêu cầu; …": what a stopped command says, from the handler or from
// with_exit_status.
std::string stopped_message(const std::string& command);

}  // namespace kehoach
