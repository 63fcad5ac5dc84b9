#pragma once
#include <string>

#include "package/docx_package.h"

namespace kehoach {

// A template as a package of parts, from an unpacked folder (as shipped in templates/) or from a
// .docx file the user made in Word. Parts come in a fixed order ([Content_Types].xml first, then
// by name) so that the written file does not depend on the file system. Throws InputError naming
// the path when it is neither, or when it has no word/document.xml.
DocxPackage read_docx_package(const std::string& path);

}  // namespace kehoach
