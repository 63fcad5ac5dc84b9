#include "package/docx_package.h"

namespace kehoach {

const std::string* DocxPackage::find(const std::string& name) const {
  for (const auto& [part, bytes] : parts)
    if (part == name) return &bytes;
  return nullptr;
}

std::string* DocxPackage::find(const std::string& name) {
  for (auto& [part, bytes] : parts)
    if (part == name) return &bytes;
  return nullptr;
}

}  // namespace kehoach
