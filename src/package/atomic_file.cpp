#include "package/atomic_file.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "model/input_error.h"

namespace kehoach {

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  namespace fs = std::filesystem;
  const fs::path path(target_);
  if (!path.parent_path().empty() && !fs::is_directory(path.parent_path()))
    throw OutputError("không ghi được tệp " + target_ + ": thư mục " + path.parent_path().string() +
                             " không có; hãy tạo thư mục đó hoặc chọn nơi ghi khác.");
  // Same folder as the target, so the rename never crosses file systems; a dot-name, so a
  // half-written file is not mistaken for a result.
  temporary_ = (path.parent_path() / ("." + path.filename().string() + "." + std::to_string(::getpid()) + ".tmp")).string();
}

AtomicFile::~AtomicFile() {
  if (!committed_) std::remove(temporary_.c_str());
}

void AtomicFile::commit() {
  std::error_code error;
  std::filesystem::rename(temporary_, target_, error);
  if (error) throw OutputError("không ghi được tệp " + target_ + ": " + error.message());
  committed_ = true;
}

}  // namespace kehoach
