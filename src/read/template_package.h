#pragma once
// The shipped templates are written once (templates/README.md): templates/chung holds the parts every
// template shares (styles, settings, fonts, page-number headers, content types…), templates/khoi the
// blocks of word/document.xml that several templates have (the two-column header, Nơi nhận and
// signature, the plan's appendix…), and each templates/NAME only its own parts, its document naming
// the blocks it uses, each on a line of its own: <?include khoi/dau-van-ban.xml?>.
#include <string>

#include "package/docx_package.h"

namespace kehoach {

// The package of the template at `location` (as locate_template gives it). A .docx, or a folder with
// a [Content_Types].xml of its own (a whole package, as a user unpacks one), is read as it is. A
// folder without one is a template of the shipped kind: the parts of chung/ beside it (of the
// shipped templates folder when there is none beside it), its own parts over them, and the include
// markers of every XML part expanded (expand_includes), the templates folder being chung/'s parent.
// Throws InputError as read_docx_package does, and as expand_includes does.
DocxPackage read_template_package(const std::string& location);

// `text` with every line that holds only <?include PATH?> replaced by the lines of the file PATH,
// relative to the folder `templates` and expanded the same way (blocks may use blocks). `source`
// names the file in messages. Throws InputError at the file and line of a marker that is not alone
// on its line, whose PATH leaves `templates`, names no file, or comes back to itself.
std::string expand_includes(const std::string& text, const std::string& templates, const std::string& source);

}  // namespace kehoach
