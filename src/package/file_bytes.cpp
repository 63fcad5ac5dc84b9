#include "package/file_bytes.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/input_error.h"
#include "package/input_log.h"

namespace kehoach {

std::ifstream open_input_file(const std::string& path) {
  const Location file{path, {}, {}, {}};
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw InputError(file, "đây là thư mục, không phải tệp; hãy chỉ đến tệp bên trong thư mục.");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(file, "không mở được tệp; hãy kiểm tra tên và đường dẫn.");
  note_input(path);  // so that no output of the command is written over it
  return in;
}

std::string read_file_bytes(const std::string& path) {
  std::ifstream in = open_input_file(path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace kehoach
