#pragma once
#include <string>

namespace kehoach {

// The whole file, or an InputError naming it: missing, a folder, or unreadable.
std::string read_file_bytes(const std::string& path);

}  // namespace kehoach
