#include "web/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <vector>

#ifndef KEHOACH_SOURCE_STATIC
#define KEHOACH_SOURCE_STATIC ""
#endif

namespace kehoach {
namespace {

namespace fs = std::filesystem;

std::string content_type(const std::string& extension) {
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".woff2") return "font/woff2";
  return "";
}

}  // namespace

std::string static_folder() {
  std::vector<fs::path> folders;
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    folders.push_back(program.parent_path().parent_path() / "src" / "web" / "static");
    folders.push_back(program.parent_path().parent_path() / "share" / "kehoach" / "static");
  }
  if (*KEHOACH_SOURCE_STATIC) folders.emplace_back(KEHOACH_SOURCE_STATIC);
  for (const fs::path& folder : folders)
    if (fs::is_regular_file(folder / "kehoach.css", error)) return folder.string();
  throw std::runtime_error("không tìm thấy thư mục static của kehoach (kehoach.css)");
}

std::map<std::string, StaticFile> load_static_files(const std::string& folder) {
  std::map<std::string, StaticFile> files;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const std::string type = content_type(it->path().extension().string());
    if (type.empty() || !it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files[it->path().filename().string()] = {type, bytes.str()};
  }
  return files;
}

}  // namespace kehoach
