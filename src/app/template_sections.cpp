#include "app/template_sections.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "app/documents.h"
#include "package/fingerprint.h"
#include "read/template_locator.h"
#include "template/document_template.h"
#include "template/word_part.h"

namespace kehoach {
namespace {

constexpr const char* kDocumentPart = "word/document.xml";
constexpr const char* kBegin = "@@kehoach-section-begin:";
constexpr const char* kEnd = "@@kehoach-section-end:";

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "{{^sections.closing}}" → "closing"; "" for any other text.
std::string section_of(const std::string& text, const std::string& sign) {
  const std::string open = "{{" + sign + "sections.";
  const std::string tag = trimmed(text);
  if (tag.size() <= open.size() + 2 || tag.rfind(open, 0) != 0 || tag.substr(tag.size() - 2) != "}}") return "";
  return trimmed(tag.substr(open.size(), tag.size() - open.size() - 2));
}

struct Edit {
  std::size_t begin, end;
  std::string text;
};

// The paragraph's text made `marker` (in its first w:t; the others emptied).
void mark(const WordPart& part, const WordParagraph& paragraph, const std::string& marker, std::vector<Edit>& edits) {
  for (std::size_t i = 0; i < paragraph.texts.size(); ++i) {
    const XmlElement& text = part.elements[static_cast<std::size_t>(paragraph.texts[i])];
    edits.push_back({text.content_begin, text.content_end, i == 0 ? marker : ""});
  }
}

// The document part with each default stretch of a section ({{^sections.KEY}} … {{/sections.KEY}}, its
// tags alone in their paragraphs as the shipped templates have them) shown always, between marker
// paragraphs that take the tags' place.
std::string marked_document(const std::string& xml) {
  const WordPart part = read_word_part(xml);
  std::vector<Edit> edits;
  for (std::size_t i = 0; i < part.paragraphs.size(); ++i) {
    const std::string key = section_of(part.paragraphs[i].text, "^");
    if (key.empty()) continue;
    for (std::size_t j = i + 1; j < part.paragraphs.size(); ++j) {
      if (section_of(part.paragraphs[j].text, "/") != key) continue;
      mark(part, part.paragraphs[i], kBegin + key, edits);
      mark(part, part.paragraphs[j], kEnd + key, edits);
      break;
    }
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
  std::string out = xml;
  for (const Edit& edit : edits) out.replace(edit.begin, edit.end - edit.begin, edit.text);
  return out;
}

// The paragraphs between each pair of markers of the rendered document.
std::vector<SectionDefault> read_marked(const std::string& xml) {
  std::vector<SectionDefault> sections;
  SectionDefault* open = nullptr;
  for (const WordParagraph& paragraph : read_word_part(xml).paragraphs) {
    const std::string text = trimmed(paragraph.text);
    if (text.rfind(kBegin, 0) == 0) {
      sections.push_back({text.substr(std::string(kBegin).size()), {}});
      open = &sections.back();
    } else if (text.rfind(kEnd, 0) == 0) {
      open = nullptr;
    } else if (open && !text.empty()) {
      open->paragraphs.push_back(text);
    }
  }
  return sections;
}

// Where the document first names the section ("sections.KEY" in any tag); after everything when it does not.
std::size_t first_mention(const std::string& xml, const std::string& key) {
  const std::string name = "sections." + key;
  for (std::size_t at = xml.find(name); at != std::string::npos; at = xml.find(name, at + 1)) {
    const std::size_t end = at + name.size();
    // "sections.result" is not a mention of "sections.results".
    if (end < xml.size() && (std::isalnum(static_cast<unsigned char>(xml[end])) || xml[end] == '_')) continue;
    return at;
  }
  return std::string::npos;
}

// A template made ready for finding its defaults: the tags it uses, its document as written, and the template
// with its default stretches marked, compiled.
struct MarkedTemplate {
  std::set<std::string> used;
  std::string original;
  DocumentTemplate marked;
};

MarkedTemplate mark_template(DocxPackage package, const std::string& location) {
  std::set<std::string> used = DocumentTemplate::compile(package, location).names();
  std::string original;
  if (std::string* document = package.find(kDocumentPart)) {
    original = *document;
    *document = marked_document(*document);
  }
  return {std::move(used), std::move(original), DocumentTemplate::compile(std::move(package), location)};
}

// Compiling a template twice is most of the work of a plan's page on the web (each view shows the sections'
// defaults): a template is compiled once while its parts stay the same (the package's fingerprint), and its
// compiled form shared (rendering does not change it).
std::shared_ptr<const MarkedTemplate> marked_template(const std::string& location) {
  static std::mutex mutex;
  static std::map<std::string, std::pair<std::string, std::shared_ptr<const MarkedTemplate>>> kept;
  DocxPackage package = read_template(location);
  const std::string print = package_fingerprint(package);
  {
    const std::lock_guard<std::mutex> lock(mutex);
    const auto found = kept.find(location);
    if (found != kept.end() && found->second.first == print) return found->second.second;
  }
  auto made = std::make_shared<const MarkedTemplate>(mark_template(std::move(package), location));
  const std::lock_guard<std::mutex> lock(mutex);
  if (kept.size() >= 32) kept.clear();  // the shipped templates and a few of the users' own
  kept[location] = {print, made};
  return made;
}

}  // namespace

std::vector<SectionDefault> template_section_defaults(
    const std::string& name, const std::string& plan_file,
    const std::function<TemplateRecord(const std::set<std::string>& used)>& data_for) {
  const std::string location = locate_template(name, plan_file);
  const std::shared_ptr<const MarkedTemplate> compiled = marked_template(location);
  const std::set<std::string>& used = compiled->used;
  const std::string& original = compiled->original;
  const DocxPackage rendered = compiled->marked.render(data_for(used));
  std::vector<SectionDefault> sections;
  if (const std::string* document = rendered.find(kDocumentPart)) sections = read_marked(*document);
  // A section whose default the template does not hold as paragraphs of their own (printed only when
  // given, or written inline) is listed all the same, without a default.
  for (const std::string& tag : used) {
    if (tag.rfind("sections.", 0) != 0) continue;
    const std::string key = tag.substr(9);
    if (std::none_of(sections.begin(), sections.end(), [&](const SectionDefault& s) { return s.key == key; }))
      sections.push_back({key, {}});
  }
  std::stable_sort(sections.begin(), sections.end(), [&](const SectionDefault& a, const SectionDefault& b) {
    return first_mention(original, a.key) < first_mention(original, b.key);
  });
  return sections;
}

}  // namespace kehoach
