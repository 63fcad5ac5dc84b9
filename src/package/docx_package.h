#pragma once
// A Word document as its parts: "word/document.xml" -> its bytes. Readers fill it from a template
// folder or a .docx; the template engine fills the parts; the writer zips it.
#include <string>
#include <utility>
#include <vector>

namespace kehoach {

struct DocxPackage {
  std::vector<std::pair<std::string, std::string>> parts;  // zip order: [Content_Types].xml first

  const std::string* find(const std::string& name) const;
  std::string* find(const std::string& name);
};

}  // namespace kehoach
