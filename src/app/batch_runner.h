#pragma once
// Runs the batch's jobs on every core: each job's files written whole (temporary file, then rename),
// progress told as it goes, a clean stop when asked (jobs under way finish, no new one starts), and jobs
// whose inputs have not changed since the last run skipped. No console and no signals here: the caller
// draws the progress and turns Ctrl-C into the stop flag.
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "app/batch_jobs.h"

namespace kehoach {

struct BatchRun {
  int written = 0, skipped = 0, failed = 0;
  bool interrupted = false;
  double seconds = 0;
  std::vector<std::string> errors;      // one line per failed job
  std::vector<std::size_t> failed_jobs;  // their indices, in no order
  std::string manifest_problem;         // the fingerprints could not be saved: the next run writes all again
};

// How far a batch is: jobs done of all, seconds since it began; `final` once it has ended.
struct BatchProgress {
  std::size_t done = 0, total = 0;
  double seconds = 0;
  bool final = false;
};

struct BatchOptions {
  std::string folder;                                       // the output folder
  int jobs = 0;                                             // threads; 0 = every core
  std::function<void(const BatchProgress&)> progress;       // called about five times a second; may be empty
  const std::atomic<bool>* stop = nullptr;                  // set: no new job starts
};

// `write` makes one job's files under the output folder; it may throw std::exception, which fails that
// job alone. Throws OutputError when the output folder cannot be made.
BatchRun run_batch(const std::vector<BatchJob>& jobs, const BatchOptions& options,
                   const std::function<void(const BatchJob&)>& write);

// The file that remembers each folder's fingerprint between runs.
inline constexpr const char* kBatchManifest = ".kehoach-batch";

}  // namespace kehoach
