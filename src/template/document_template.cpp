#include "template/document_template.h"

namespace kehoach {
namespace {

// The parts where an officer types text; others (styles, settings, media) pass through as they are.
bool holds_text(const std::string& part) {
  const bool xml = part.size() > 4 && part.compare(part.size() - 4, 4, ".xml") == 0;
  return xml && (part == "word/document.xml" || part.rfind("word/header", 0) == 0 ||
                 part.rfind("word/footer", 0) == 0 || part == "word/footnotes.xml" || part == "word/endnotes.xml");
}

}  // namespace

DocumentTemplate DocumentTemplate::compile(DocxPackage package, const std::string& name) {
  DocumentTemplate result;
  // What every document holds: a text part without tags (a header with the page number) is the same in each,
  // rendered and compressed once like the styles.
  DocxPackage fixed = package;
  std::vector<std::string> changing;
  for (const auto& [part, bytes] : package.parts) {
    if (!holds_text(part)) continue;
    PartTemplate compiled = PartTemplate::compile(bytes, name + ": " + part);
    result.names_.insert(compiled.names().begin(), compiled.names().end());
    if (compiled.names().empty()) {
      *fixed.find(part) = compiled.render({});
    } else {
      result.changing_.push_back(result.parts_.size());
      changing.push_back(part);
    }
    result.parts_.emplace_back(part, std::move(compiled));
  }
  result.zip_ = std::make_shared<const DocxZip>(fixed, changing);
  result.package_ = std::move(package);
  return result;
}

DocxPackage DocumentTemplate::render(const TemplateRecord& data) const {
  DocxPackage out = package_;
  for (const auto& [part, compiled] : parts_) *out.find(part) = compiled.render(data);
  return out;
}

std::string DocumentTemplate::render_docx(const TemplateRecord& data, long long timestamp) const {
  std::vector<std::string> rendered;
  rendered.reserve(changing_.size());
  for (std::size_t i : changing_) rendered.push_back(parts_[i].second.render(data));
  return zip_->zip(rendered, timestamp);
}

}  // namespace kehoach
