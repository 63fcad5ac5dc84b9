#include "template/section_layout.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "template/part_template.h"
#include "template/tag_parser.h"
#include "template/word_part.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

struct FoundTag {
  ByteRange at;
  TagKind kind = TagKind::kValue;
  std::string name;
  std::size_t paragraph = 0;  // index in WordPart::paragraphs
  int text = -1;              // its w:t
};

struct RowPair {
  int first = -1;  // the w:tr of the open tag
  int last = -1;   // the w:tr of the close tag, the same or a later sibling
};

class TagLayout {
 public:
  TagLayout(std::string_view xml, const std::string& where)
      : xml_(xml), where_(where), part_(read_word_part(xml)) {}

  Layout lay_out() {
    find_tags();
    match_sections();
    return std::move(layout_);
  }

 private:
  // ---- the tags, in document order

  void find_tags() {
    for (std::size_t p = 0; p < part_.paragraphs.size(); ++p) {
      for (int text : part_.paragraphs[p].texts) {
        const XmlElement& t = element(text);
        std::string_view raw = raw_content(xml_, t);
        for (const TagSpan& span : find_tag_spans(raw).tags) {
          ParsedTag parsed = parse_tag(raw.substr(span.begin, span.end - span.begin));
          FoundTag tag;
          tag.at = {t.content_begin + span.begin, t.content_begin + span.end};
          tag.kind = parsed.kind;
          tag.name = std::move(parsed.name);
          tag.paragraph = p;
          tag.text = text;
          tags_.push_back(std::move(tag));
        }
      }
    }
    // Paragraphs in text boxes sit inside other paragraphs: document order is byte order.
    std::stable_sort(tags_.begin(), tags_.end(),
                     [](const FoundTag& a, const FoundTag& b) { return a.at.begin < b.at.begin; });
    for (const FoundTag& tag : tags_) layout_.names.insert(tag.name);
  }

  // ---- open and close tags paired, each pair laid out by the rules

  void match_sections() {
    struct Open {
      std::size_t tag;
      std::optional<std::size_t> enclosing;  // the open tag of the section around it
    };
    std::vector<Open> open;
    std::map<std::size_t, std::size_t> section_of_open;
    std::vector<std::pair<std::size_t, std::optional<std::size_t>>> enclosing_of_section;

    for (std::size_t i = 0; i < tags_.size(); ++i) {
      const FoundTag& tag = tags_[i];
      switch (tag.kind) {
        case TagKind::kValue:
          layout_.values.push_back({tag.at, tag.name, location(tag), element(tag.text).prefix});
          break;
        case TagKind::kSection:
        case TagKind::kInverted:
          open.push_back({i, open.empty() ? std::nullopt : std::optional<std::size_t>(open.back().tag)});
          break;
        case TagKind::kClose: {
          if (open.empty())
            fail(tag, "thẻ đóng " + shown(tag) + " không có thẻ mở " + show_tag(TagKind::kSection, tag.name) +
                          " ở trước nó.");
          const FoundTag& opening = tags_[open.back().tag];
          if (opening.name != tag.name)
            fail(tag, "thẻ đóng " + shown(tag) + " không khớp với " + shown(opening) + ".");
          section_of_open[open.back().tag] = layout_.sections.size();
          enclosing_of_section.emplace_back(open.back().tag, open.back().enclosing);
          add_section(opening, tag);
          open.pop_back();
          break;
        }
      }
    }
    if (!open.empty()) {
      const FoundTag& unclosed = tags_[open.front().tag];
      fail(unclosed, "thẻ " + shown(unclosed) + " không có thẻ đóng " +
                         show_tag(TagKind::kClose, unclosed.name) + ".");
    }

    // Whole table rows can reach beyond the section the tags stand in.
    for (std::size_t s = 0; s < layout_.sections.size(); ++s) {
      auto [open_tag, enclosing] = enclosing_of_section[s];
      if (!enclosing) continue;
      const ByteRange& inner = layout_.sections[s].body;
      const ByteRange& outer = layout_.sections[section_of_open.at(*enclosing)].body;
      if (inner.begin < outer.begin || inner.end > outer.end) {
        const FoundTag& tag = tags_[open_tag];
        const FoundTag& around = tags_[*enclosing];
        fail(tag, "thẻ " + shown(tag) + " và " + show_tag(TagKind::kClose, tag.name) +
                      " lặp lại cả dòng bảng chứa chúng, vượt ra ngoài vùng " + shown(around) + " … " +
                      show_tag(TagKind::kClose, around.name) + " bao quanh chúng.");
      }
    }
  }

  void add_section(const FoundTag& open, const FoundTag& close) {
    LaidSection section;
    section.name = open.name;
    section.inverted = open.kind == TagKind::kInverted;
    section.location = location(open);
    section.opened_at = open.at.begin;
    const XmlElement& open_paragraph = paragraph_element(open);
    const XmlElement& close_paragraph = paragraph_element(close);
    std::string pair = "thẻ " + shown(open) + " và " + show_tag(TagKind::kClose, close.name);

    if (open.paragraph == close.paragraph) {
      if (path_to_paragraph(open) != path_to_paragraph(close))
        fail(open, pair + " cùng ở một đoạn nhưng nằm trong hai loại vùng khác nhau (liên kết, trường, "
                          "vùng theo dõi thay đổi…): hãy gõ lại cả hai thẻ như chữ thường của đoạn.");
      section.body = {open.at.end, close.at.begin};
      layout_.removed.push_back(open.at);
      layout_.removed.push_back(close.at);
    } else if (alone(open) && alone(close) && open_paragraph.parent == close_paragraph.parent) {
      section.body = {open_paragraph.end, close_paragraph.begin};
      remove_tag_paragraph(open);
      remove_tag_paragraph(close);
    } else if (auto rows = shared_table_rows(open, close)) {
      section.body = {element(rows->first).begin, element(rows->last).end};
      layout_.removed.push_back(open.at);
      layout_.removed.push_back(close.at);
    } else if (alone(open) && alone(close)) {
      fail(open, pair + " đứng riêng trên hai đoạn nhưng hai đoạn không cùng một chỗ: hãy để cả hai "
                        "trong thân văn bản, hoặc cả hai trong cùng một ô bảng.");
    } else {
      fail(open, pair + " ở hai đoạn khác nhau: hãy đặt mỗi thẻ một mình trên một đoạn, hoặc cả hai "
                        "trong cùng một đoạn/một dòng bảng.");
    }
    layout_.sections.push_back(std::move(section));
  }

  // ---- where a tag stands

  // The tag is all the text of its paragraph, apart from spaces.
  bool alone(const FoundTag& tag) const {
    return clean_text(part_.paragraphs[tag.paragraph].text) ==
           clean_text(xml_.substr(tag.at.begin, tag.at.end - tag.at.begin));
  }

  // The elements between a w:t and its paragraph (w:r, w:hyperlink, w:ins…), innermost first.
  std::vector<std::string> path_to_paragraph(const FoundTag& tag) const {
    std::vector<std::string> path;
    int paragraph = part_.paragraphs[tag.paragraph].element;
    for (int at = element(tag.text).parent; at >= 0 && at != paragraph; at = element(at).parent)
      path.push_back(element(at).prefix + ":" + element(at).local);
    return path;
  }

  // The rows the open and close tags stand in, when they are the same row or two sibling rows of
  // the innermost table holding both.
  std::optional<RowPair> shared_table_rows(const FoundTag& open, const FoundTag& close) const {
    auto close_rows = rows_around(part_.paragraphs[close.paragraph].element);
    for (int first : rows_around(part_.paragraphs[open.paragraph].element)) {
      int table = enclosing(first, "tbl");
      for (int last : close_rows) {
        if (enclosing(last, "tbl") != table) continue;
        if (element(first).parent != element(last).parent) return std::nullopt;
        return RowPair{first, last};
      }
    }
    return std::nullopt;
  }

  std::vector<int> rows_around(int at) const {
    std::vector<int> rows;
    for (at = element(at).parent; at >= 0; at = element(at).parent)
      if (is_word(element(at), "tr")) rows.push_back(at);
    return rows;
  }

  int enclosing(int at, std::string_view local) const {
    for (at = element(at).parent; at >= 0; at = element(at).parent)
      if (is_word(element(at), local)) return at;
    return -1;
  }

  // A tag paragraph disappears, unless Word needs it: one that carries a section break
  // (w:pPr/w:sectPr: page size, orientation), or the last paragraph of a table cell, text box or
  // header, which must end with a paragraph. Those stay, emptied of the tag.
  void remove_tag_paragraph(const FoundTag& tag) {
    int index = part_.paragraphs[tag.paragraph].element;
    const XmlElement& paragraph = element(index);
    if (carries_section_break(index) || ends_its_container(paragraph))
      layout_.removed.push_back(tag.at);
    else
      layout_.removed.push_back({paragraph.begin, paragraph.end});
  }

  bool carries_section_break(int paragraph) const {
    for (int at = paragraph + 1;
         at < static_cast<int>(part_.elements.size()) && element(at).begin < element(paragraph).end; ++at) {
      int properties = element(at).parent;
      if (is_word(element(at), "sectPr") && is_word(element(properties), "pPr") &&
          element(properties).parent == paragraph)
        return true;
    }
    return false;
  }

  bool ends_its_container(const XmlElement& paragraph) const {
    if (paragraph.parent < 0 || is_word(element(paragraph.parent), "body")) return false;
    const XmlElement& container = element(paragraph.parent);
    auto next = std::lower_bound(part_.elements.begin(), part_.elements.end(), paragraph.end,
                                 [](const XmlElement& e, std::size_t at) { return e.begin < at; });
    for (; next != part_.elements.end() && next->begin < container.end; ++next) {
      if (next->parent == paragraph.parent && (is_word(*next, "p") || is_word(*next, "tbl") || is_word(*next, "sdt")))
        return false;
    }
    return true;
  }

  // ---- helpers

  const XmlElement& element(int index) const { return part_.elements[static_cast<std::size_t>(index)]; }

  const XmlElement& paragraph_element(const FoundTag& tag) const {
    return element(part_.paragraphs[tag.paragraph].element);
  }

  std::string location(const FoundTag& tag) const {
    return paragraph_location(where_, part_.paragraphs[tag.paragraph]);
  }

  static std::string shown(const FoundTag& tag) { return show_tag(tag.kind, tag.name); }

  [[noreturn]] void fail(const FoundTag& tag, const std::string& problem) const {
    throw TemplateError(location(tag) + ": " + problem);
  }

  std::string_view xml_;
  const std::string& where_;
  WordPart part_;
  std::vector<FoundTag> tags_;
  Layout layout_;
};

}  // namespace

Layout lay_out_tags(std::string_view xml, const std::string& where) { return TagLayout(xml, where).lay_out(); }

}  // namespace kehoach
