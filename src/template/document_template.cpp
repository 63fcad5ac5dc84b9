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
  std::vector<std::string> text_parts;
  for (const auto& [part, bytes] : package.parts) {
    if (!holds_text(part)) continue;
    result.parts_.emplace_back(part, PartTemplate::compile(bytes, name + ": " + part));
    text_parts.push_back(part);
    const auto& used = result.parts_.back().second.names();
    result.names_.insert(used.begin(), used.end());
  }
  result.zip_ = std::make_shared<const DocxZip>(package, text_parts);
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
  rendered.reserve(parts_.size());
  for (const auto& [part, compiled] : parts_) rendered.push_back(compiled.render(data));
  return zip_->zip(rendered, timestamp);
}

}  // namespace kehoach
