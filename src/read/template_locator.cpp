#include "read/template_locator.h"

#include <filesystem>
#include <set>
#include <system_error>
#include <vector>

#include "model/input_error.h"

#ifndef KEHOACH_SOURCE_TEMPLATES
#define KEHOACH_SOURCE_TEMPLATES ""
#endif

namespace kehoach {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> template_folders() {
  std::vector<fs::path> folders;
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    folders.push_back(program.parent_path().parent_path() / "templates");
    folders.push_back(program.parent_path().parent_path() / "share" / "kehoach" / "templates");
  }
  if (*KEHOACH_SOURCE_TEMPLATES) folders.emplace_back(KEHOACH_SOURCE_TEMPLATES);
  return folders;
}

bool is_path(const std::string& name) {
  return name.find('/') != std::string::npos || (name.size() > 5 && name.compare(name.size() - 5, 5, ".docx") == 0);
}

}  // namespace

std::string locate_template(const std::string& name, const std::string& plan_file) {
  if (is_path(name)) return (fs::path(plan_file).parent_path() / name).lexically_normal().string();
  std::set<std::string> shipped;
  for (const auto& folder : template_folders()) {
    if (fs::is_directory(folder / name)) return (folder / name).string();
    if (fs::is_directory(folder))
      for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_directory()) shipped.insert(entry.path().filename().string());
  }
  std::string list;
  for (const auto& s : shipped) list += (list.empty() ? "" : ", ") + s;
  throw InputError(Location{plan_file, {}, {}, {}},
                   "không có mẫu \"" + name + "\". Các mẫu có sẵn: " + (list.empty() ? "(không tìm thấy thư mục templates)" : list) +
                       "; hoặc ghi đường dẫn đến tệp mẫu .docx của bạn.");
}

}  // namespace kehoach
