#include "package/interruption.h"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>

namespace kehoach {
namespace {

// A slot is free, being filled or emptied (busy: a handler leaves it alone), or holds a path.
enum SlotState : int { kFree, kBusy, kHeld };

struct Slot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX];
};

// Enough for every file a command writes at once (a batch on many threads writes two a thread).
constexpr std::size_t kSlots = 128;
std::array<Slot, kSlots> g_slots;
std::atomic<pid_t> g_helper{0};
std::atomic<bool> g_stop{false};

}  // namespace

void track_temporary(const std::string& path) noexcept {
  if (path.size() >= PATH_MAX) return;
  for (Slot& slot : g_slots) {
    int expected = kFree;
    if (!slot.state.compare_exchange_strong(expected, kBusy)) continue;
    std::memcpy(slot.path, path.c_str(), path.size() + 1);
    slot.state.store(kHeld);
    return;
  }
}

void untrack_temporary(const std::string& path) noexcept {
  for (Slot& slot : g_slots) {
    int expected = kHeld;
    if (slot.state.load() != kHeld || path != slot.path) continue;
    if (slot.state.compare_exchange_strong(expected, kBusy)) {
      slot.path[0] = '\0';
      slot.state.store(kFree);
      return;
    }
  }
}

void remove_temporaries() noexcept {
  for (Slot& slot : g_slots)
    if (slot.state.load() == kHeld) ::unlink(slot.path);
}

void track_helper(pid_t process_group) noexcept { g_helper.store(process_group); }

void untrack_helper() noexcept { g_helper.store(0); }

bool request_stop() noexcept {
  g_stop.store(true);
  const pid_t helper = g_helper.load();
  if (helper <= 0) return false;
  ::kill(-helper, SIGKILL);
  return true;
}

bool stop_requested() noexcept { return g_stop.load(); }

void clear_stop_request() noexcept { g_stop.store(false); }

HoldStopSignals::HoldStopSignals() {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &stop, &previous_);
}

HoldStopSignals::~HoldStopSignals() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

}  // namespace kehoach
