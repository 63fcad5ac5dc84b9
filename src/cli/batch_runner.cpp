#include "cli/batch_runner.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

#include "package/atomic_file.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::atomic<bool> g_stop{false};

extern "C" void request_stop(int) { g_stop.store(true); }

// Ctrl-C and SIGTERM ask for a stop instead of killing the process half way through a file.
class StopOnSignal {
 public:
  StopOnSignal() {
    g_stop.store(false);
    previous_int_ = std::signal(SIGINT, request_stop);
    previous_term_ = std::signal(SIGTERM, request_stop);
  }
  ~StopOnSignal() {
    std::signal(SIGINT, previous_int_);
    std::signal(SIGTERM, previous_term_);
  }

 private:
  void (*previous_int_)(int);
  void (*previous_term_)(int);
};

std::map<std::string, std::string> read_manifest(const fs::path& path) {
  std::map<std::string, std::string> fingerprints;
  std::ifstream in(path);
  std::string fingerprint, folder;
  while (in >> fingerprint && std::getline(in >> std::ws, folder)) fingerprints[folder] = fingerprint;
  return fingerprints;
}

void write_manifest(const fs::path& path, const std::map<std::string, std::string>& fingerprints) {
  AtomicFile file(path.string());
  {
    std::ofstream out(file.temporary_path());
    for (const auto& [folder, fingerprint] : fingerprints) out << fingerprint << ' ' << folder << '\n';
  }
  file.commit();
}

bool unchanged(const BatchJob& job, const fs::path& folder, const std::map<std::string, std::string>& before) {
  auto found = before.find(job.folder.empty() ? "." : job.folder);
  if (found == before.end() || found->second != job.fingerprint) return false;
  if (!fs::exists(folder / job.appendix_file())) return false;
  return !job.plan || fs::exists(folder / job.plan_file());
}

std::string duration(double seconds) {
  const long long whole = static_cast<long long>(seconds + 0.5);
  if (whole < 60) return std::to_string(whole) + " giây";
  return std::to_string(whole / 60) + " phút " + std::to_string(whole % 60) + " giây";
}

class Progress {
 public:
  Progress(std::ostream& err, bool enabled, std::size_t total) : err_(err), enabled_(enabled), total_(total) {}

  void show(std::size_t done, Clock::time_point start, bool final = false) {
    if (!enabled_) return;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    std::ostringstream line;
    line << "\r" << done << "/" << total_ << " đơn vị";
    if (rate > 0) {
      line << " · " << static_cast<long long>(rate + 0.5) << " đơn vị/giây";
      if (!final && done < total_) line << " · còn khoảng " << duration(static_cast<double>(total_ - done) / rate);
    }
    line << "        ";
    err_ << line.str() << (final ? "\n" : "") << std::flush;
  }

 private:
  std::ostream& err_;
  bool enabled_;
  std::size_t total_;
};

}  // namespace

BatchRun run_batch(const std::vector<BatchJob>& jobs, const BatchOptions& options,
                   const std::function<void(const BatchJob&)>& write, std::ostream& err) {
  const StopOnSignal stop_on_signal;
  const auto start = Clock::now();
  const fs::path folder(options.folder);
  fs::create_directories(folder);
  const auto before = read_manifest(folder / kBatchManifest);

  std::map<std::string, std::string> after;  // what the folder holds once this run ends
  std::mutex mutex;
  BatchRun run;
  std::atomic<std::size_t> next{0}, done{0};
  auto work = [&] {
    for (std::size_t i; !g_stop.load() && (i = next++) < jobs.size();) {
      const BatchJob& job = jobs[i];
      const std::string key = job.folder.empty() ? "." : job.folder;
      const bool skip = unchanged(job, folder, before);
      std::string error;
      if (!skip) {
        try {
          write(job);
        } catch (const std::exception& e) {
          error = key + ": " + e.what();
        }
      }
      const std::lock_guard<std::mutex> lock(mutex);
      if (!error.empty()) {
        ++run.failed;
        run.errors.push_back(error);
      } else {
        ++(skip ? run.skipped : run.written);
        after[key] = job.fingerprint;
      }
      ++done;
    }
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = std::min<std::size_t>(options.jobs > 0 ? static_cast<std::size_t>(options.jobs) : cores,
                                                    std::max<std::size_t>(jobs.size(), 1));
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
  Progress progress(err, options.progress, jobs.size());
  // Polls often so that a short batch ends at once; redraws five times a second.
  for (int tick = 0; done.load() < jobs.size() && !g_stop.load(); ++tick) {
    if (tick % 20 == 0) progress.show(done.load(), start);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  for (auto& thread : pool) thread.join();
  progress.show(done.load(), start, true);
  run.interrupted = g_stop.load() && done.load() < jobs.size();
  // Units not reached keep what an earlier run left, if anything: their old fingerprints stay.
  for (const auto& job : jobs) {
    const std::string key = job.folder.empty() ? "." : job.folder;
    if (!after.count(key) && before.count(key) && run.interrupted) after[key] = before.at(key);
  }
  write_manifest(folder / kBatchManifest, after);
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return run;
}

}  // namespace kehoach
