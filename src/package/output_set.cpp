#include "package/output_set.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "model/input_error.h"
#include "package/interruption.h"
#include "package/system_errors.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

// The file a target held before the commit, kept under a hidden name until every rename has succeeded.
struct Kept {
  std::string target, copy;  // copy empty: the target did not exist
};

Kept keep(const AtomicFile& file) {
  const std::string& target = file.target_path();
  struct stat status {};
  if (::lstat(target.c_str(), &status) != 0) return {target, ""};
  const fs::path path(target);
  const std::string copy =
      (path.parent_path() / ("." + path.filename().string() + "." + std::to_string(::getpid()) + ".bak")).string();
  std::remove(copy.c_str());
  // A second name for the same file costs nothing; a file system without them (a FAT USB stick) gets a copy.
  if (::link(target.c_str(), copy.c_str()) == 0) return {target, copy};
  std::error_code error;
  fs::copy_file(target, copy, fs::copy_options::overwrite_existing, error);
  if (error) {
    std::remove(copy.c_str());
    throw OutputError("không ghi được tệp " + target + ": không giữ lại được bản cũ trong lúc thay (" +
                      system_reason(error) + ").");
  }
  return {target, copy};
}

}  // namespace

void refuse_input_as_output(const InputFiles& inputs, const std::string& target) {
  const std::string input = inputs.input_at(target);
  if (input.empty()) return;
  throw InputError(Location{target, {}, {}, {}},
                   (input == target ? std::string("tệp kết quả trùng với tệp đầu vào của lệnh")
                                    : "tệp kết quả chính là tệp đầu vào " + input) +
                       "; ghi vào đó sẽ mất tệp đầu vào. Hãy chọn tên khác cho tệp kết quả (-o).");
}

AtomicFile& OutputSet::add(const std::string& target) {
  if (inputs_) refuse_input_as_output(*inputs_, target);
  for (const auto& file : files_)
    if (file->target_path() == target) return *file;
  files_.push_back(std::make_unique<AtomicFile>(target));
  return *files_.back();
}

void OutputSet::drop(const AtomicFile& file) {
  files_.erase(std::remove_if(files_.begin(), files_.end(), [&](const auto& f) { return f.get() == &file; }),
               files_.end());
}

void OutputSet::commit() {
  const HoldStopSignals hold;  // between two renames the set would be half new
  // One file is renamed or not: nothing to put back. Several: keep what each target held.
  std::vector<Kept> kept;
  if (files_.size() > 1) {
    try {
      for (const auto& file : files_) kept.push_back(keep(*file));
    } catch (...) {
      for (const Kept& k : kept)
        if (!k.copy.empty()) std::remove(k.copy.c_str());
      throw;
    }
  }
  std::size_t renamed = 0;
  try {
    for (; renamed < files_.size(); ++renamed) files_[renamed]->commit();
  } catch (...) {
    for (std::size_t i = 0; i < renamed; ++i) {
      if (kept[i].copy.empty())
        std::remove(kept[i].target.c_str());
      else
        std::rename(kept[i].copy.c_str(), kept[i].target.c_str());
    }
    for (std::size_t i = renamed; i < kept.size(); ++i)
      if (!kept[i].copy.empty()) std::remove(kept[i].copy.c_str());
    throw;
  }
  for (const Kept& k : kept)
    if (!k.copy.empty()) std::remove(k.copy.c_str());
}

}  // namespace kehoach
