#include "template/run_merger.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "template/part_template.h"
#include "template/tag_parser.h"

namespace kehoach {
namespace {

constexpr std::size_t kFragmentCharacters = 20;

// One change to the text: `erase` bytes at `at` replaced by `insert`.
struct Edit {
  std::size_t at = 0;
  std::size_t erase = 0;
  std::string insert;
};

std::string apply(std::string_view xml, std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at < b.at; });
  std::string out;
  out.reserve(xml.size() + 64 * edits.size());
  std::size_t copied = 0;
  for (const Edit& edit : edits) {
    out.append(xml.substr(copied, edit.at - copied));
    out.append(edit.insert);
    copied = edit.at + edit.erase;
  }
  out.append(xml.substr(copied));
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool needs_preserve(const std::string& text, bool holds_tag) {
  return holds_tag || (!text.empty() && (is_space(text.front()) || is_space(text.back())));
}

// Makes the w:t keep its spaces: adds xml:space="preserve", or corrects another value.
void preserve_spaces(std::string_view xml, const XmlElement& text, std::vector<Edit>& edits) {
  for (const XmlAttribute& attribute : text.attributes) {
    if (attribute.name != "xml:space") continue;
    if (xml.substr(attribute.value_begin, attribute.value_end - attribute.value_begin) != "preserve")
      edits.push_back({attribute.value_begin, attribute.value_end - attribute.value_begin, "preserve"});
    return;
  }
  edits.push_back({text.content_begin - 1, 0, " xml:space=\"preserve\""});  // before the '>'
}

// "{{ten_xa" and the text after it, for a "{{" that is never closed.
std::string unclosed_fragment(std::string_view raw_from_braces) {
  std::string text = decode_xml_text(raw_from_braces);
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (characters == kFragmentCharacters) return text.substr(0, i) + "…";
    ++characters;
  }
  return text;
}

class ParagraphMerger {
 public:
  ParagraphMerger(std::string_view xml, const WordPart& part, const std::string& where)
      : xml_(xml), part_(part), where_(where) {}

  void merge(const WordParagraph& paragraph, std::vector<Edit>& edits) {
    if (paragraph.texts.empty()) return;
    std::string joined;
    std::vector<std::size_t> starts;  // where each w:t's text starts in `joined`
    for (int text : paragraph.texts) {
      starts.push_back(joined.size());
      joined.append(raw_content(xml_, element(text)));
    }
    auto spans = find_tag_spans(joined);
    if (spans.unclosed)
      fail(paragraph, "\"" + unclosed_fragment(std::string_view(joined).substr(*spans.unclosed)) +
                          "\" mở thẻ bằng \"{{\" nhưng không có \"}}\" đóng lại trong cùng đoạn.");
    for (const TagSpan& span : spans.tags) {
      ParsedTag tag = parse_tag(std::string_view(joined).substr(span.begin, span.end - span.begin));
      if (!tag.problem.empty()) fail(paragraph, tag.problem);
    }

    // Each byte goes to the w:t it was in, except that a tag's bytes all go where the tag starts.
    auto segment_of = [&](std::size_t at) {
      return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) - 1;
    };
    std::vector<std::string> texts(starts.size());
    std::vector<bool> holds_tag(starts.size(), false);
    std::size_t at = 0;
    for (const TagSpan& span : spans.tags) {
      for (; at < span.begin; ++at) texts[segment_of(at)] += joined[at];
      std::size_t home = segment_of(span.begin);
      texts[home].append(joined, span.begin, span.end - span.begin);
      holds_tag[home] = true;
      at = span.end;
    }
    for (; at < joined.size(); ++at) texts[segment_of(at)] += joined[at];

    for (std::size_t i = 0; i < texts.size(); ++i) {
      const XmlElement& text = element(paragraph.texts[i]);
      bool changed = texts[i] != raw_content(xml_, text);
      if (changed) edits.push_back({text.content_begin, text.content_end - text.content_begin, texts[i]});
      if ((changed || holds_tag[i]) && needs_preserve(texts[i], holds_tag[i])) preserve_spaces(xml_, text, edits);
    }
  }

 private:
  const XmlElement& element(int index) const { return part_.elements[static_cast<std::size_t>(index)]; }

  [[noreturn]] void fail(const WordParagraph& paragraph, const std::string& problem) const {
    throw TemplateError(paragraph_location(where_, paragraph) + ": " + problem);
  }

  std::string_view xml_;
  const WordPart& part_;
  const std::string& where_;
};

}  // namespace

std::string join_split_tags(std::string_view xml, const WordPart& part, const std::string& where) {
  std::vector<Edit> edits;
  ParagraphMerger merger(xml, part, where);
  for (const WordParagraph& paragraph : part.paragraphs) merger.merge(paragraph, edits);
  return apply(xml, std::move(edits));
}

}  // namespace kehoach
