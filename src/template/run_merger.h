#pragma once
// Word splits what the officer typed as "{{ten_xa}}" over several runs whenever something changes in
// the middle: a spell-check mark (w:proofErr), a bookmark, a revision id (w:rsidR…), a change of
// formatting, a tracked insertion. The merger moves each tag whole into the w:t where it starts and
// takes its pieces out of the following w:t elements, which stay with the rest of their text.
#include <string>
#include <string_view>

#include "template/word_part.h"

namespace kehoach {

// The part with every tag inside one w:t; every other byte as it was, except that a w:t whose text
// now starts or ends with a space, or holds a tag, gets xml:space="preserve". `part` is
// read_word_part(xml). Throws TemplateError for a "{{" without "}}" in its paragraph and for a tag
// with bad syntax, with `where` and the paragraph in the message.
std::string join_split_tags(std::string_view xml, const WordPart& part, const std::string& where);

}  // namespace kehoach
