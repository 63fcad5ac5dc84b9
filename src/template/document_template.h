#pragma once
// A whole Word template: the package with its text parts (document, headers, footers) compiled.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "package/docx_package.h"
#include "template/part_template.h"

namespace kehoach {

class DocumentTemplate {
 public:
  // `name` is how messages name the template ("templates/xa"). Throws TemplateError.
  static DocumentTemplate compile(DocxPackage package, const std::string& name);

  // Every tag name used in any part.
  const std::set<std::string>& names() const { return names_; }

  // The filled document: the package with each text part rendered. Throws TemplateError.
  DocxPackage render(const TemplateRecord& data) const;

 private:
  DocxPackage package_;
  std::vector<std::pair<std::string, PartTemplate>> parts_;
  std::set<std::string> names_;
};

}  // namespace kehoach
