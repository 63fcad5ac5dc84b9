#include "package/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "model/input_error.h"
#include "package/interruption.h"
#include "package/system_errors.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

bool process_runs(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

// The PID of ".NAME.PID.tmp" or ".NAME.PID.bak" when `file` is one of `name`'s (of any NAME when `name` is
// empty), else 0.
pid_t temporary_owner(const std::string& file, const std::string& name) {
  if (file.size() < 8 || file[0] != '.') return 0;
  const std::string suffix = file.substr(file.size() - 4);
  if (suffix != ".tmp" && suffix != ".bak") return 0;
  const std::size_t dot = file.rfind('.', file.size() - 5);  // the dot before the PID
  if (dot == std::string::npos || dot < 2) return 0;         // ".PID.tmp": no name
  if (!name.empty() && file.compare(1, dot - 1, name) != 0) return 0;
  const std::string digits = file.substr(dot + 1, file.size() - dot - 5);
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
  return static_cast<pid_t>(std::stol(digits));
}

// Removes the temporaries in `folder` of `name` ("" : of every name) whose process no longer runs.
int remove_dead_temporaries(const fs::path& folder, const std::string& name) {
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

// fsync of what `path` names (a file or a folder), opened read-only: enough for Linux to write it out.
void sync_path(const std::string& path, const std::string& target) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int cause = errno;
    if (fd >= 0) ::close(fd);
    throw OutputError("không ghi được tệp " + target + " xuống đĩa: " + system_reason({cause, std::generic_category()}) + ".");
  }
  ::close(fd);
}

}  // namespace

int remove_stale_temporaries(const std::string& target) {
  const fs::path path(target);
  return remove_dead_temporaries(path.parent_path().empty() ? fs::path(".") : path.parent_path(), path.filename().string());
}

int remove_stale_temporaries_in(const std::string& folder) { return remove_dead_temporaries(folder, ""); }

void sync_folder(const std::string& folder) { sync_path(folder, folder); }

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
  // One write for the whole file (a document is made whole in memory), more only if the system takes less.
  errno = 0;
  const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  bool written = fd >= 0;
  for (std::size_t done = 0; written && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) written = false;
    else done += static_cast<std::size_t>(n);
  }
  int cause = written ? 0 : errno;
  if (fd >= 0 && ::close(fd) != 0 && written) {  // a full disk (or a network one) may show only here
    written = false;
    cause = errno;
  }
  if (written) return;
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

void AtomicFile::commit_durably() {
  sync_path(temporary_, target_);  // the bytes first: a rename that reaches the disk before them would name nothing
  commit();
  const fs::path folder = fs::path(target_).parent_path();
  sync_path(folder.empty() ? "." : folder.string(), target_);
}

}  // namespace kehoach
