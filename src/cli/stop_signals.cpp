#include "cli/stop_signals.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "cli/commands.h"
#include "package/interruption.h"

namespace kehoach {
namespace {

// Built before the handler can run: a handler may not allocate.
char g_message[256];
std::size_t g_message_size = 0;

extern "C" void stop_at_once(int) {
  if (request_stop()) return;  // LibreOffice killed: the command unwinds by itself
  remove_temporaries();
  [[maybe_unused]] const ssize_t said = ::write(STDERR_FILENO, g_message, g_message_size);
  ::_exit(kExitStopped);
}

// The message said on the way out, ready for the handler.
void (*prepared(const std::string& command))(int) {
  const std::string message = "\n" + stopped_message(command) + "\n";
  g_message_size = std::min(message.size(), sizeof g_message);
  std::memcpy(g_message, message.data(), g_message_size);
  clear_stop_request();
  return stop_at_once;
}

}  // namespace

SignalHandlers::SignalHandlers(void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and waits under way go on
  ::sigaction(SIGINT, &action, &interrupt_);
  ::sigaction(SIGTERM, &action, &terminate_);
}

SignalHandlers::~SignalHandlers() {
  ::sigaction(SIGINT, &interrupt_, nullptr);
  ::sigaction(SIGTERM, &terminate_, nullptr);
}

std::string stopped_message(const std::string& command) {
  return "kehoach " + command + ": đã dừng theo yêu cầu; không để lại tệp ghi dở nào.";
}

ExitOnSignal::ExitOnSignal(const std::string& command) : handlers_(prepared(command)) {}

}  // namespace kehoach
