#pragma once
// Where each tag of a part acts, in bytes of the part's XML: the value tags to fill, the sections
// with the stretch each one repeats (the text between its tags, the paragraphs and tables between
// its two tag paragraphs, or whole table rows), and what disappears (section tags, tag paragraphs).
// The rules are those of part_template.h.
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct LaidValue {
  ByteRange tag;           // "{{ten}}" inside its w:t
  std::string name;
  std::string location;    // for messages (word_part.h: paragraph_location)
  std::string text_prefix; // the namespace prefix of its w:t ("w"), for line breaks and tabs
};

struct LaidSection {
  ByteRange body;          // what is repeated or hidden
  std::string name;
  bool inverted = false;
  std::string location;    // where its open tag stands
  std::size_t opened_at = 0;  // the byte of its open tag: of two sections over the same stretch,
                              // the one opened first is the outer
};

struct Layout {
  std::vector<LaidSection> sections;  // in the order of their close tags
  std::vector<LaidValue> values;
  std::vector<ByteRange> removed;
  std::set<std::string> names;
};

// `xml` is the part after join_split_tags (every tag inside one w:t). Throws TemplateError for
// sections that are not closed or closed by another name, and for section tags standing where no
// rule applies.
Layout lay_out_tags(std::string_view xml, const std::string& where);

}  // namespace kehoach
