#pragma once
// A whole Word template: the package with its text parts (document, headers, footers) compiled, and its
// other parts (styles, settings, fonts, …) compressed once for every document made from it.
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "package/docx_package.h"
#include "package/docx_writer.h"
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

  // The filled document as a .docx's bytes, ready to be written at once: only the text parts with tags
  // rendered and compressed, the others copied as compiled; every entry and the document's dates `timestamp` (seconds
  // since 1970). Throws TemplateError.
  std::string render_docx(const TemplateRecord& data, long long timestamp) const;

 private:
  DocxPackage package_;
  std::vector<std::pair<std::string, PartTemplate>> parts_;
  std::vector<std::size_t> changing_;  // the parts_ with tags: each document renders and compresses them
  std::set<std::string> names_;
  std::shared_ptr<const DocxZip> zip_;  // shared: a compiled template is copied by value
};

}  // namespace kehoach
