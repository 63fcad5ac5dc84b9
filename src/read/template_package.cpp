#include "read/template_package.h"

#include <filesystem>
#include <string_view>
#include <system_error>

#include "model/input_error.h"
#include "package/docx_package_reader.h"
#include "package/file_bytes.h"
#include "read/template_locator.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarker = "<?include";
constexpr int kMaxDepth = 8;  // blocks within blocks; deeper can only be a block that includes itself

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The PATH of a line that is only "<?include PATH?>" between blanks (and the \r of a CRLF file),
// else empty.
std::string_view marker_path(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
  while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
  if (!line.starts_with(kMarker) || !line.ends_with("?>")) return {};
  line = line.substr(kMarker.size(), line.size() - kMarker.size() - 2);
  if (line.empty() || !is_blank(line.front())) return {};
  while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
  while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
  if (line.empty()) return {};
  for (char c : line)
    if (is_blank(c) || c == '?') return {};
  return line;
}

// A block must be a file inside the templates folder: "khoi/dau-van-ban.xml", not "/etc/…" or "../…".
bool stays_inside(const fs::path& path) {
  if (path.empty() || path.is_absolute()) return false;
  for (const auto& part : path)
    if (part == "..") return false;
  return true;
}

std::string expand(const std::string& text, const fs::path& templates, const std::string& source, int depth) {
  if (text.find(kMarker) == std::string::npos) return text;
  std::string out;
  std::size_t start = 0;
  for (int line_number = 1;; ++line_number) {
    const std::size_t end = text.find('\n', start);
    const std::string_view line = std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
    const std::string_view path = marker_path(line);
    const Location here{source, line_number, {}, {}};
    if (path.empty()) {
      if (line.find(kMarker) != std::string_view::npos)
        throw InputError(here, "<?include …?> phải đứng riêng một dòng (một khối thay cho cả dòng).");
      out += line;
    } else {
      const fs::path block(path);
      if (!stays_inside(block))
        throw InputError(here, "khối " + std::string(path) +
                                   " phải là một tệp trong thư mục templates, như khoi/dau-van-ban.xml.");
      const fs::path file = templates / block;
      std::error_code error;
      if (!fs::is_regular_file(file, error))
        throw InputError(here, "không có khối " + std::string(path) + " (" + file.string() + ").");
      if (depth == kMaxDepth)
        throw InputError(here, "các khối chèn lẫn nhau (quá " + std::to_string(kMaxDepth) + " lớp khối trong khối).");
      std::string lines = expand(read_part_file(file.string(), InputKind::Template), templates, file.string(), depth + 1);
      // The marker's line, with its line break, becomes the block's lines, with theirs.
      if (!lines.empty() && lines.back() == '\n') lines.pop_back();
      out += lines;
      // Blocks of a thousand lines each including a block of a thousand lines… grow as a power: the part
      // is bounded as it is made.
      if (out.size() > input_limits(InputKind::Template).part)
        throw InputError(here, "sau khi chèn các khối, phần này lớn hơn " +
                                   format_size(input_limits(InputKind::Template).part) + ", quá giới hạn của một phần trong " +
                                   kind_noun(InputKind::Template) + " (gấp " + std::to_string(kPartFactor) +
                                   " lần giới hạn tệp); " + raise_advice(InputKind::Template));
    }
    if (end == std::string::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

bool is_xml(const std::string& part) { return part.ends_with(".xml") || part.ends_with(".rels"); }

}  // namespace

std::string expand_includes(const std::string& text, const std::string& templates, const std::string& source) {
  return expand(text, templates, source, 0);
}

DocxPackage read_template_package(const std::string& location) {
  const fs::path folder(location);
  std::error_code error;  // a folder that cannot be looked into is read_docx_package's to refuse, by name
  if (!fs::is_directory(folder, error) || fs::exists(folder / "[Content_Types].xml", error))
    return read_docx_package(location);
  fs::path whole = fs::absolute(folder, error).lexically_normal();
  if (!whole.has_filename()) whole = whole.parent_path();  // "templates/xa/"
  const fs::path beside = whole.parent_path();
  const fs::path templates = fs::is_directory(beside / "chung", error) ? beside : fs::path(templates_folder());
  // Each XML part is expanded as it is read, so that the relationships followed are those it ends with.
  return read_layered_docx_package(location, (templates / "chung").string(),
                                    [&](const std::string& part, const std::string& file, std::string bytes) {
                                      return is_xml(part) ? expand(bytes, templates, file, 0) : bytes;
                                    });
}

}  // namespace kehoach
