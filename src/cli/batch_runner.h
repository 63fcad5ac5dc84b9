#pragma once
// Runs the batch's jobs on every core: each job's files written whole (temporary file, then rename),
// progress on a terminal, nothing when the output is not one, a clean stop on Ctrl-C (jobs under way
// finish, no new one starts), and jobs whose inputs have not changed since the last run skipped.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/batch_jobs.h"

namespace kehoach {

struct BatchRun {
  int written = 0, skipped = 0, failed = 0;
  bool interrupted = false;
  double seconds = 0;
  std::vector<std::string> errors;  // one line per failed job
};

struct BatchOptions {
  std::string folder;     // the output folder
  int jobs = 0;           // threads; 0 = every core
  bool progress = false;  // draw progress on `err` (a terminal)
};

// `write` makes one job's files under the output folder; it may throw std::exception.
BatchRun run_batch(const std::vector<BatchJob>& jobs, const BatchOptions& options,
                   const std::function<void(const BatchJob&)>& write, std::ostream& err);

// The file that remembers each folder's fingerprint between runs.
inline constexpr const char* kBatchManifest = ".kehoach-batch";

}  // namespace kehoach
