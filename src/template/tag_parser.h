#pragma once
// Tags in the text of a paragraph: where they stand ("{{" … "}}") and what they say.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

enum class TagKind { kValue, kSection, kInverted, kClose };

struct TagSpan {
  std::size_t begin = 0;  // at "{{"
  std::size_t end = 0;    // just past "}}"
};

struct TagSpans {
  std::vector<TagSpan> tags;
  std::optional<std::size_t> unclosed;  // a "{{" with no "}}" after it
};

// Every "{{…}}" in the text, left to right; a "}}" without "{{" is plain text.
TagSpans find_tag_spans(std::string_view text);

struct ParsedTag {
  TagKind kind = TagKind::kValue;
  std::string name;     // NFC, without the sign and the spaces around it
  std::string problem;  // why the tag cannot be used, in Vietnamese; empty for a good tag
};

// Reads a tag as written ("{{#xa.ten}}"). Names are letters, digits, '_', '.' and '-', with the
// dots between parts of the name; spaces just inside the braces are allowed ("{{ ten }}").
ParsedTag parse_tag(std::string_view written);

// How messages show a tag: "{{ten}}", "{{#ds}}", "{{^ds}}", "{{/ds}}".
std::string show_tag(TagKind kind, const std::string& name);

}  // namespace kehoach
