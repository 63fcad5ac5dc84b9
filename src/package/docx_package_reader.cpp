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

DocxPackage from_folder(const fs::path& folder) {
  DocxPackage package;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = fs::relative(entry.path(), folder).generic_string();
    if (name.front() == '.') continue;  // editor droppings such as .~lock files
    package.parts.emplace_back(name, read_file_bytes(entry.path().string()));
  }
  return package;
}

DocxPackage from_zip(const std::string& path) {
  const std::string file = read_file_bytes(path);
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

}  // namespace

DocxPackage read_docx_package(const std::string& path) {
  DocxPackage package = fs::is_directory(path) ? from_folder(path) : from_zip(path);
  std::sort(package.parts.begin(), package.parts.end(), [](const auto& a, const auto& b) {
    const bool a_first = a.first == kContentTypes, b_first = b.first == kContentTypes;
    return a_first != b_first ? a_first : a.first < b.first;
  });
  if (!package.find("word/document.xml"))
    throw InputError(Location{path, {}, {}, {}}, "mẫu không có phần word/document.xml; đây không phải mẫu Word.");
  return package;
}

}  // namespace kehoach
