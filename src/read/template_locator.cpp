#include "read/template_locator.h"

#include <filesystem>
#include <set>
#include <system_error>
#include <vector>

#include "model/input_error.h"
#include "model/issuer_kind.h"

#ifndef KEHOACH_SOURCE_TEMPLATES
#define KEHOACH_SOURCE_TEMPLATES ""
#endif
#ifndef KEHOACH_SOURCE_STANDARDS
#define KEHOACH_SOURCE_STANDARDS ""
#endif
#ifndef KEHOACH_SOURCE_OFFICES
#define KEHOACH_SOURCE_OFFICES ""
#endif
#ifndef KEHOACH_SOURCE_PROGRAMMES
#define KEHOACH_SOURCE_PROGRAMMES ""
#endif

namespace kehoach {
namespace {

namespace fs = std::filesystem;

// Beside the program (build/../`in_tree`, or ../share/kehoach/`installed`), then the source tree.
std::vector<fs::path> shipped_folders(const fs::path& in_tree, const char* installed, const char* source) {
  std::vector<fs::path> folders;
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    folders.push_back(program.parent_path().parent_path() / in_tree);
    folders.push_back(program.parent_path().parent_path() / "share" / "kehoach" / installed);
  }
  if (*source) folders.emplace_back(source);
  return folders;
}

std::vector<fs::path> template_folders() { return shipped_folders("templates", "templates", KEHOACH_SOURCE_TEMPLATES); }

// chung/ and khoi/ hold what the templates share; a template has a document of its own. A name that is
// no plain folder name ("..", ".") names no shipped template. Looked at, never read: a folder that
// cannot be looked into holds none.
bool is_shipped_template(const fs::path& folder) {
  const std::string name = folder.filename().string();
  if (name.empty() || name == "." || name == "..") return false;
  std::error_code error;
  return fs::is_regular_file(folder / "word" / "document.xml", error);
}

bool is_path(const std::string& name) {
  return name.find('/') != std::string::npos || (name.size() > 5 && name.compare(name.size() - 5, 5, ".docx") == 0);
}

}  // namespace

std::string standards_folder() {
  for (const auto& folder : shipped_folders(fs::path("data") / "standards", "standards", KEHOACH_SOURCE_STANDARDS))
    if (fs::is_directory(folder)) return folder.string();
  throw InputError("không tìm thấy thư mục chuẩn nghèo (data/standards); hãy ghi tệp chuẩn nghèo bằng --standard.");
}

std::string plan_template(const Plan& plan) {
  if (!plan.text.template_name.empty()) return plan.text.template_name;
  const IssuerKind kind = issuer_kind(plan.issuing_body, plan.unit, plan.parent_body);
  const std::string chosen = template_for(kind);
  if (!chosen.empty()) return chosen;
  throw InputError(Location{plan.file, plan.issuer_line ? std::optional<int>(plan.issuer_line) : std::nullopt, {}, {}},
                   "chưa chọn được mẫu văn bản cho \"" + plan.issuing_body + " " + plan.unit + "\": " +
                       kind_description(kind) + ". Hãy ghi khóa template trong tệp kế hoạch: template: xa (Ủy ban "
                       "nhân dân xã, phường, thị trấn, đặc khu), template: huyen (Ủy ban nhân dân huyện, quận, thị xã, "
                       "thành phố thuộc tỉnh), template: hoi-phu-nu (Hội Liên hiệp Phụ nữ), hoặc template: đường dẫn "
                       "đến tệp mẫu .docx của bạn.");
}

std::string offices_file() {
  for (const auto& folder : shipped_folders(fs::path("data") / "offices", "offices", KEHOACH_SOURCE_OFFICES))
    if (fs::is_regular_file(folder / "co-quan.yaml")) return (folder / "co-quan.yaml").string();
  throw InputError("không tìm thấy tệp tên cơ quan (data/offices/co-quan.yaml).");
}

std::string programmes_folder() {
  for (const auto& folder : shipped_folders(fs::path("data") / "chuong-trinh", "chuong-trinh", KEHOACH_SOURCE_PROGRAMMES))
    if (fs::is_directory(folder)) return folder.string();
  throw InputError("không tìm thấy thư mục chương trình giảm nghèo (data/chuong-trinh).");
}

std::string templates_folder() {
  std::error_code error;
  for (const auto& folder : template_folders())
    if (fs::is_directory(folder / "chung", error)) return folder.string();
  throw InputError("không tìm thấy thư mục mẫu văn bản (templates/chung).");
}

std::string locate_template(const std::string& name, const std::string& plan_file) {
  if (is_path(name)) return (fs::path(plan_file).parent_path() / name).lexically_normal().string();
  std::set<std::string> shipped;
  for (const auto& folder : template_folders()) {
    if (is_shipped_template(folder / name)) return (folder / name).string();
    std::error_code error;
    if (fs::is_directory(folder, error))
      for (fs::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error))
        if (is_shipped_template(entry->path())) shipped.insert(entry->path().filename().string());
  }
  std::string list;
  for (const auto& s : shipped) list += (list.empty() ? "" : ", ") + s;
  throw InputError(Location{plan_file, {}, {}, {}},
                   "không có mẫu \"" + name + "\". Các mẫu có sẵn: " + (list.empty() ? "(không tìm thấy thư mục templates)" : list) +
                       "; hoặc ghi đường dẫn đến tệp mẫu .docx của bạn.");
}

}  // namespace kehoach
