#pragma once
#include <fstream>
#include <string>

namespace kehoach {

// The whole file, or an InputError naming it: missing, a folder, or unreadable.
std::string read_file_bytes(const std::string& path);

// The file opened for reading in binary, or the same InputError.
std::ifstream open_input_file(const std::string& path);

}  // namespace kehoach
