#pragma once
// What a command stopped half way (Ctrl-C, SIGTERM, a fault in kehoach) must undo on its way out: the
// temporary files it is writing and the helper program it waits for (LibreOffice). They are kept in
// fixed slots, so that a signal handler can act on them: remove_temporaries() and stop_helper() do only
// what is safe inside a handler (unlink, kill).
#include <signal.h>
#include <sys/types.h>

#include <stdexcept>
#include <string>

namespace kehoach {

// AtomicFile notes each temporary file while it exists. A path too long for a slot, or more files at once
// than there are slots, goes unnoted: the next run removes what is left (AtomicFile's stale files).
void track_temporary(const std::string& path) noexcept;
void untrack_temporary(const std::string& path) noexcept;
void remove_temporaries() noexcept;  // async-signal-safe

// A helper program's process group, while kehoach waits for it.
void track_helper(pid_t process_group) noexcept;
void untrack_helper() noexcept;

// Asks the work under way to stop. With a helper running, kills its process group and returns true: the
// work sees stop_requested() once the helper has ended, and unwinds through its own cleanup (the helper's
// folder, the temporaries) by throwing Interrupted. Without one, returns false: nothing in the work can
// notice soon, so the caller removes the temporaries and exits. Async-signal-safe.
bool request_stop() noexcept;
bool stop_requested() noexcept;
void clear_stop_request() noexcept;  // a new command starts (tests run several in one process)

// Ctrl-C, SIGTERM and SIGHUP wait while it exists (on this thread): for steps that must not be cut in two,
// such as renaming the files of a set, or starting a helper and noting it.
class HoldStopSignals {
 public:
  HoldStopSignals();
  ~HoldStopSignals();
  HoldStopSignals(const HoldStopSignals&) = delete;
  HoldStopSignals& operator=(const HoldStopSignals&) = delete;

 private:
  sigset_t previous_;
};

// Thrown by work that noticed stop_requested(); the command line makes it exit status 130.
class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("đã dừng theo yêu cầu") {}
};

}  // namespace kehoach
