#pragma once
#include <string>

#include "package/docx_package.h"

namespace kehoach {

// A template as a package of parts, from an unpacked folder (as shipped in templates/) or from a
// .docx file the user made in Word. Parts come in a fixed order ([Content_Types].xml first, then
// by name) so that the written file does not depend on the file system. Throws InputError naming
// the path when it is neither, or when it has no word/document.xml.
DocxPackage read_docx_package(const std::string& path);

// The parts of the unpacked folder `folder` laid over those of the folder `beneath` (a part both have is
// `folder`'s): how a shipped template's own parts complete the parts all templates share. Same order
// and the same refusal as above.
DocxPackage read_layered_docx_package(const std::string& folder, const std::string& beneath);

}  // namespace kehoach
