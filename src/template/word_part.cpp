#include "template/word_part.h"

#include <map>

#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr std::string_view kTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::size_t kSnippetCharacters = 40;

// The paragraph a w:t belongs to, or -1 when it belongs to none or lies in deleted text.
int owning_paragraph(const std::vector<XmlElement>& elements, int text) {
  for (int at = elements[static_cast<std::size_t>(text)].parent; at >= 0;
       at = elements[static_cast<std::size_t>(at)].parent) {
    const XmlElement& element = elements[static_cast<std::size_t>(at)];
    if (is_word(element, "del") || is_word(element, "moveFrom")) return -1;
    if (is_word(element, "p")) return at;
  }
  return -1;
}

std::string first_characters(const std::string& text, std::size_t count) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (characters == count) {
      auto kept = text.find_last_not_of(' ', i - 1);
      return text.substr(0, kept + 1) + "…";
    }
    ++characters;
  }
  return text;
}

}  // namespace

bool is_word(const XmlElement& element, std::string_view local) {
  return element.local == local && (element.ns == kTransitional || element.ns == kStrict);
}

std::string_view raw_content(std::string_view xml, const XmlElement& element) {
  return xml.substr(element.content_begin, element.content_end - element.content_begin);
}

WordPart read_word_part(std::string_view xml) {
  WordPart part;
  part.elements = scan_xml(xml);
  std::map<int, std::size_t> paragraph_of_element;
  for (int i = 0; i < static_cast<int>(part.elements.size()); ++i) {
    const XmlElement& element = part.elements[static_cast<std::size_t>(i)];
    if (is_word(element, "p")) {
      paragraph_of_element[i] = part.paragraphs.size();
      WordParagraph paragraph;
      paragraph.element = i;
      paragraph.number = static_cast<int>(part.paragraphs.size()) + 1;
      part.paragraphs.push_back(std::move(paragraph));
    } else if (is_word(element, "t")) {
      int owner = owning_paragraph(part.elements, i);
      if (owner < 0) continue;
      WordParagraph& paragraph = part.paragraphs[paragraph_of_element.at(owner)];
      paragraph.texts.push_back(i);
      paragraph.text += decode_xml_text(raw_content(xml, element));
    }
  }
  return part;
}

std::string paragraph_location(const std::string& where, const WordParagraph& paragraph) {
  return where + ", đoạn " + std::to_string(paragraph.number) + " (\"" +
         first_characters(clean_text(paragraph.text), kSnippetCharacters) + "\")";
}

}  // namespace kehoach
