#include "package/docx_package_reader.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "model/input_error.h"
#include "package/file_bytes.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

constexpr const char* kContentTypes = "[Content_Types].xml";

// Adds the parts of `folder`, each replacing a part of the same name `package` has.
void add_folder(DocxPackage& package, const fs::path& folder) {
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = fs::relative(entry.path(), folder).generic_string();
    if (name.front() == '.') continue;  // editor droppings such as .~lock files
    std::string bytes = read_part_file(entry.path().string(), InputKind::Template);
    if (std::string* existing = package.find(name))
      *existing = std::move(bytes);
    else
      package.parts.emplace_back(name, std::move(bytes));
  }
}

DocxPackage from_folder(const fs::path& folder) {
  DocxPackage package;
  add_folder(package, folder);
  return package;
}

DocxPackage from_zip(const std::string& path) {
  const std::string file = read_file_bytes(path, InputKind::Template);
  const InputError not_docx(Location{path, {}, {}, {}},
                            "không phải tệp Word .docx; hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx.");
  if (file.rfind("PK\x03\x04", 0) != 0) throw not_docx;
  DocxPackage package;
  try {
    std::istringstream in(file);
    Poco::Zip::ZipArchive archive(in);
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
      if (it->second.isDirectory()) continue;
      std::istringstream part_in(file);
      Poco::Zip::ZipInputStream zip(part_in, it->second);
      std::ostringstream bytes;
      bytes << zip.rdbuf();
      package.parts.emplace_back(it->first, bytes.str());
    }
  } catch (const Poco::Exception&) {
    throw not_docx;
  }
  return package;
}

// Puts the parts in package order and checks that there is a document.
DocxPackage finished(DocxPackage package, const std::string& path) {
  std::sort(package.parts.begin(), package.parts.end(), [](const auto& a, const auto& b) {
    const bool a_first = a.first == kContentTypes, b_first = b.first == kContentTypes;
    return a_first != b_first ? a_first : a.first < b.first;
  });
  if (!package.find("word/document.xml"))
    throw InputError(Location{path, {}, {}, {}}, "mẫu không có phần word/document.xml; đây không phải mẫu Word.");
  return package;
}

}  // namespace

DocxPackage read_docx_package(const std::string& path) {
  return finished(fs::is_directory(path) ? from_folder(path) : from_zip(path), path);
}

DocxPackage read_layered_docx_package(const std::string& folder, const std::string& beneath) {
  DocxPackage package = from_folder(beneath);
  add_folder(package, folder);
  return finished(std::move(package), folder);
}

}  // namespace kehoach
