#pragma once
// Output files appear whole or not at all: writers write to a temporary file beside the target,
// and only commit() renames it into place. A writer that throws leaves nothing behind; a command
// stopped by a signal has its temporary files removed on the way out (package/interruption.h), and
// one killed outright (or a power cut) leaves them for the next run, which removes them.
#include <string>

namespace kehoach {

class AtomicFile {
 public:
  // Throws OutputError when the target's folder does not exist or the target is a folder. Removes
  // the target's temporary files left by runs that ended without cleaning up (their process is gone).
  explicit AtomicFile(std::string target);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::string& temporary_path() const { return temporary_; }
  const std::string& target_path() const { return target_; }
  // Writes `bytes` to the temporary file, checking that every byte reached the disk (a full disk shows
  // only when the file is closed). Throws OutputError naming the target.
  void write_all(const std::string& bytes) const;
  void commit();  // renames into place; throws OutputError when it cannot
  // commit(), with the bytes and the new name on the disk before it returns (fsync of the file, then of its
  // folder): for a file that a database row will point at once this returns, so that a power cut cannot
  // leave the row without its bytes. Slower (the disk is waited for); the command line's outputs do without.
  void commit_durably();
  bool committed() const { return committed_; }

 private:
  std::string target_;
  std::string temporary_;
  bool committed_ = false;
};

// `.NAME.PID.tmp` (and the `.bak` an OutputSet keeps while committing) beside `target`, of processes that
// no longer run and owned by this user: what a run killed outright left. Returns how many were removed.
int remove_stale_temporaries(const std::string& target);
// The same for every target in `folder`: the temporaries of any file there whose process no longer runs.
int remove_stale_temporaries_in(const std::string& folder);

// fsync of a folder, so that the names just made or renamed in it are on the disk; throws OutputError.
void sync_folder(const std::string& folder);

}  // namespace kehoach
