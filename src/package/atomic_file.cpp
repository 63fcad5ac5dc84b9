#include "package/atomic_file.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "model/input_error.h"
#include "package/interruption.h"
#include "package/system_errors.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

bool process_runs(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

// The PID of ".NAME.PID.tmp" or ".NAME.PID.bak" when `file` is one of `name`'s, else 0.
pid_t temporary_owner(const std::string& file, const std::string& name) {
  const std::string prefix = "." + name + ".";
  if (file.size() <= prefix.size() + 4 || file.compare(0, prefix.size(), prefix) != 0) return 0;
  const std::string suffix = file.substr(file.size() - 4);
  if (suffix != ".tmp" && suffix != ".bak") return 0;
  const std::string digits = file.substr(prefix.size(), file.size() - prefix.size() - 4);
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
  return static_cast<pid_t>(std::stol(digits));
}

}  // namespace

int remove_stale_temporaries(const std::string& target) {
  const fs::path path(target);
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  const std::string name = path.filename().string();
  int removed = 0;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const pid_t owner = temporary_owner(it->path().filename().string(), name);
    if (owner <= 0 || owner == ::getpid() || process_runs(owner)) continue;
    struct stat status {};
    if (::lstat(it->path().c_str(), &status) != 0 || !S_ISREG(status.st_mode) || status.st_uid != ::geteuid()) continue;
    if (::unlink(it->path().c_str()) == 0) ++removed;
  }
  return removed;
}

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  const fs::path path(target_);
  std::error_code error;
  if (!path.parent_path().empty() && !fs::is_directory(path.parent_path(), error))
    throw OutputError("không ghi được tệp " + target_ + ": thư mục " + path.parent_path().string() +
                      " không có; hãy tạo thư mục đó hoặc chọn nơi ghi khác.");
  if (fs::is_directory(path, error))
    throw OutputError("không ghi được tệp " + target_ + ": đó là một thư mục; hãy chọn tên tệp khác.");
  remove_stale_temporaries(target_);
  // Same folder as the target, so the rename never crosses file systems; a dot-name, so a
  // half-written file is not mistaken for a result.
  temporary_ = (path.parent_path() / ("." + path.filename().string() + "." + std::to_string(::getpid()) + ".tmp")).string();
  track_temporary(temporary_);
}

AtomicFile::~AtomicFile() {
  if (!committed_) std::remove(temporary_.c_str());
  untrack_temporary(temporary_);
}

void AtomicFile::write_all(const std::string& bytes) const {
  errno = 0;
  std::ofstream out(temporary_, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();  // flushes: a full disk often shows only here
  if (out) return;
  const int cause = errno;
  throw OutputError("không ghi được tệp " + target_ + ": " +
                    (cause ? system_reason({cause, std::generic_category()}) : std::string("lỗi ghi đĩa")) + ".");
}

void AtomicFile::commit() {
  std::error_code error;
  fs::rename(temporary_, target_, error);
  if (error) throw OutputError("không ghi được tệp " + target_ + ": " + system_reason(error) + ".");
  committed_ = true;
  untrack_temporary(temporary_);
}

}  // namespace kehoach
