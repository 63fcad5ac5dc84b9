#include "package/input_log.h"

#include <sys/stat.h>

namespace kehoach {
namespace {

thread_local InputLog* t_innermost = nullptr;

}  // namespace

void InputFiles::add(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return;
  for (const File& file : files_)
    if (file.device == status.st_dev && file.inode == status.st_ino) return;
  files_.push_back({path, status.st_dev, status.st_ino});
}

std::string InputFiles::input_at(const std::string& path) const {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return "";
  for (const File& file : files_)
    if (file.device == status.st_dev && file.inode == status.st_ino) return file.path;
  return "";
}

InputLog::InputLog() : outer_(t_innermost) { t_innermost = this; }

InputLog::~InputLog() { t_innermost = outer_; }

void note_input(const std::string& path) {
  for (InputLog* log = t_innermost; log; log = log->outer_) log->files_.add(path);
}

}  // namespace kehoach
