#pragma once
// Output files appear whole or not at all: writers write to a temporary file beside the target,
// and only commit() renames it into place. A writer that throws leaves nothing behind.
#include <string>

namespace kehoach {

class AtomicFile {
 public:
  // Throws std::runtime_error when the target's folder does not exist.
  explicit AtomicFile(std::string target);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::string& temporary_path() const { return temporary_; }
  const std::string& target_path() const { return target_; }
  void commit();  // renames into place; throws std::runtime_error when it cannot

 private:
  std::string target_;
  std::string temporary_;
  bool committed_ = false;
};

}  // namespace kehoach
