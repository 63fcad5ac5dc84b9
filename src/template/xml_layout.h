#pragma once
// The spacing a template's XML was laid out with (line breaks and indentation between elements), which
// Word ignores: the shipped templates are indented to be read and edited, and every document would otherwise
// carry and compress it again.
#include <string>
#include <string_view>

namespace kehoach {

// `xml` (well-formed) without the stretches of spaces, tabs and line breaks that stand between an element's
// child elements, or between a child and its parent's start or end tag, and those around the root element.
// Kept as they are: the content of an element without child elements (<w:t> </w:t>: text, whatever it
// holds), whatever is under xml:space="preserve", and any stretch that holds anything but spacing
// (text, a comment, CDATA).
std::string without_layout_spacing(std::string_view xml);

}  // namespace kehoach
