#include "app/batch_runner.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "model/input_error.h"
#include "package/atomic_file.h"
#include "package/file_bytes.h"
#include "package/system_errors.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::map<std::string, std::string> read_manifest(const fs::path& path) {
  std::map<std::string, std::string> fingerprints;
  std::error_code missing;
  if (!fs::exists(fs::symlink_status(path, missing))) return fingerprints;  // a first run
  std::istringstream in(read_file_bytes(path.string(), InputKind::Table));  // not a FIFO, not endless
  std::string fingerprint, folder;
  while (in >> fingerprint && std::getline(in >> std::ws, folder)) fingerprints[folder] = fingerprint;
  return fingerprints;
}

void write_manifest(const fs::path& path, const std::map<std::string, std::string>& fingerprints) {
  AtomicFile file(path.string());
  std::string text;
  for (const auto& [folder, fingerprint] : fingerprints) text += fingerprint + ' ' + folder + '\n';
  file.write_all(text);
  file.commit();
}

bool unchanged(const BatchJob& job, const fs::path& folder, const std::map<std::string, std::string>& before) {
  auto found = before.find(job.folder.empty() ? "." : job.folder);
  if (found == before.end() || found->second != job.fingerprint) return false;
  std::error_code error;  // a file that cannot be looked at is written again
  if (!fs::exists(folder / job.appendix_file(), error)) return false;
  return !job.plan || fs::exists(folder / job.plan_file(), error);
}

}  // namespace

BatchRun run_batch(const std::vector<BatchJob>& jobs, const BatchOptions& options,
                   const std::function<void(const BatchJob&)>& write) {
  static const std::atomic<bool> kNever{false};
  const std::atomic<bool>& stop = options.stop ? *options.stop : kNever;
  const auto start = Clock::now();
  const fs::path folder(options.folder);
  std::error_code made;
  fs::create_directories(folder, made);
  if (made) throw OutputError("không tạo được thư mục " + options.folder + ": " + system_reason(made) + ".");
  const auto before = read_manifest(folder / kBatchManifest);

  std::map<std::string, std::string> after;  // what the folder holds once this run ends
  std::mutex mutex;
  BatchRun run;
  std::atomic<std::size_t> next{0}, done{0};
  auto work = [&] {
    for (std::size_t i; !stop.load() && (i = next++) < jobs.size();) {
      const BatchJob& job = jobs[i];
      const std::string key = job.folder.empty() ? "." : job.folder;
      const bool skip = unchanged(job, folder, before);
      std::string error;
      if (!skip) {
        try {
          write(job);
        } catch (const std::exception& e) {
          error = (job.folder.empty() ? "" : job.folder + ": ") + failure_text(e);  // the top's: its file names it
        }
      }
      const std::lock_guard<std::mutex> lock(mutex);
      if (!error.empty()) {
        ++run.failed;
        run.errors.push_back(error);
        run.failed_jobs.push_back(i);
      } else {
        ++(skip ? run.skipped : run.written);
        after[key] = job.fingerprint;
      }
      ++done;
    }
  };
  auto tell = [&](bool final) {
    if (options.progress)
      options.progress({done.load(), jobs.size(), std::chrono::duration<double>(Clock::now() - start).count(), final});
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = std::min<std::size_t>(options.jobs > 0 ? static_cast<std::size_t>(options.jobs) : cores,
                                                    std::max<std::size_t>(jobs.size(), 1));
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
  // Polls often so that a short batch ends at once; tells its progress five times a second.
  for (int tick = 0; done.load() < jobs.size() && !stop.load(); ++tick) {
    if (tick % 20 == 0) tell(false);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  for (auto& thread : pool) thread.join();
  tell(true);
  run.interrupted = stop.load() && done.load() < jobs.size();
  // Units not reached keep what an earlier run left, if anything: their old fingerprints stay.
  for (const auto& job : jobs) {
    const std::string key = job.folder.empty() ? "." : job.folder;
    if (!after.count(key) && before.count(key) && run.interrupted) after[key] = before.at(key);
  }
  try {
    write_manifest(folder / kBatchManifest, after);
  } catch (const OutputError& e) {
    run.manifest_problem = e.what();
  }
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return run;
}

}  // namespace kehoach
