#pragma once
// A process id that names no running process, for tests of what is left behind by a process that died.
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kehoach::testing {

// A process that has ended: its PID names no running process (until the system reuses it).
inline pid_t ended_process() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace kehoach::testing
