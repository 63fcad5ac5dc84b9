#pragma once
// A file written as a command writes it: the writer fills an AtomicFile's temporary file, which is then
// renamed into place (use cases do it through an OutputSet, with the other files of the command).
#include <string>

#include "package/atomic_file.h"

namespace kehoach::testing {

template <typename Write>
void write_whole(const std::string& path, Write&& write) {
  AtomicFile file(path);
  write(file);
  file.commit();
}

}  // namespace kehoach::testing
