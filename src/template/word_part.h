#pragma once
// A WordprocessingML part seen the way the template needs it: its elements (xml_scan.h) and its
// paragraphs, each with the w:t elements that carry its visible text.
#include <string>
#include <string_view>
#include <vector>

#include "template/xml_scan.h"

namespace kehoach {

// A w: element of either flavour of WordprocessingML (transitional or strict), whatever its prefix.
bool is_word(const XmlElement& element, std::string_view local);

struct WordParagraph {
  int element = -1;        // the w:p
  int number = 0;          // 1-based, in document order: how messages count paragraphs
  std::vector<int> texts;  // its w:t elements, without those of nested paragraphs (text boxes)
                           // and those inside deleted text (w:del, w:moveFrom)
  std::string text;        // what the officer reads: those w:t decoded and joined
};

struct WordPart {
  std::vector<XmlElement> elements;
  std::vector<WordParagraph> paragraphs;
};

WordPart read_word_part(std::string_view xml);

// The raw content of an element (for w:t: its text as written in the XML).
std::string_view raw_content(std::string_view xml, const XmlElement& element);

// "templates/xa: word/document.xml, đoạn 3 ("Kính gửi: {{noi_nhan}}")": the paragraph's number and
// the first 40 characters of its text.
std::string paragraph_location(const std::string& where, const WordParagraph& paragraph);

}  // namespace kehoach
