#pragma once
// One XML part of a Word document (word/document.xml, a header, a footer) with tags in its text,
// compiled once and rendered many times.
//
// Tags, in the text of the document as the officer sees it in Word:
//   {{name}}  {{a.b.c}}        a value (text), looked up through the enclosing sections' records,
//                              innermost first, then the top-level record
//   {{#name}} … {{/name}}      a section: a list repeats its content once per record (the record's
//                              keys come into scope); a record comes into scope once; true shows
//                              the content once; false, an empty list or empty text hide it
//   {{^name}} … {{/name}}      an inverted section: shown only where {{#name}} would be hidden
// What a section repeats depends on where its tags stand:
//   - open and close tags in the same paragraph: the text between them (inline);
//   - each alone in its own paragraph, both paragraphs in the same container (body, table cell,
//     header): the paragraphs and tables between them; the two tag paragraphs disappear;
//   - in the same table row, or in two rows of the same table: those whole rows.
// Tags that Word split across runs (spell-check marks, revision ids, bookmarks, a change of
// formatting in the middle of a tag) are joined first; the tag takes the formatting of the run
// where it starts, and the text around it keeps its own.
//
// Values are escaped for XML; "\n" in a value becomes a line break (<w:br/>), "\t" a tab.
// The spacing the template's XML was laid out with, between elements, is left out (xml_layout.h): Word
// ignores it, and each document would otherwise carry it.
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "template/template_value.h"

namespace kehoach {

// A template that cannot be used, or data that does not fit it. The message names the
// template part, the paragraph (its number and the start of its text) and the tag.
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class PartTemplate {
 public:
  // `where` names the part in messages, e.g. "templates/xa: word/document.xml". Throws
  // TemplateError for XML that is not well-formed, a section that is not closed, a close tag that
  // does not match, a tag with bad syntax, or section tags in places that fit none of the rules.
  static PartTemplate compile(std::string_view xml, const std::string& where);

  // Throws TemplateError for a tag whose name is not in the data (in the current scope).
  std::string render(const TemplateRecord& data) const;

  // Every tag name the part uses, as written ("poor.end_rate", "sections.purpose", "rows").
  const std::set<std::string>& names() const;

  // Implementation detail, public for the compiler in part_template.cpp.
  struct Node;

 private:
  std::string where_;
  // Shared, so that a compiled part is cheap to copy and Node may stay incomplete here.
  std::shared_ptr<const std::vector<Node>> nodes_;
  std::set<std::string> names_;
};

}  // namespace kehoach
