#pragma once
#include <functional>
#include <string>

#include "package/docx_package.h"

namespace kehoach {

// A template as a package of parts, from an unpacked folder (as shipped in templates/) or from a
// .docx file the user made in Word. Parts come in a fixed order ([Content_Types].xml first, then
// by name) so that the written file does not depend on the file system.
//
// Only the parts a Word package has are taken, and nothing else is read: [Content_Types].xml, the
// parts its <Override PartName> name, and the parts the relationships reach from _rels/.rels on, each
// with its own relationships part. A folder is never walked: whatever else it holds (notes, a
// secret.txt, a whole /usr/share) is never opened, let alone packed into a document. A name that
// leaves the package ("../x", "/etc/x") is refused where it is written (a zip entry, a relationship
// target, a part name), and every part and the whole package are bounded in size (input_limits.h,
// InputKind::Template), a .docx's parts as they inflate.
//
// Throws InputError naming the path (and the part, where one is at fault) when it is neither a folder
// nor a .docx, has no [Content_Types].xml or no word/document.xml, or breaks one of the rules above.
DocxPackage read_docx_package(const std::string& path);

// Applied to each part as it is read, before its relationships are followed: `part` is its name in
// the package, `file` the file it came from (for messages). Returns what the part is to hold.
using PartFilter = std::function<std::string(const std::string& part, const std::string& file, std::string bytes)>;

// The parts of the unpacked folder `folder` laid over those of the folder `beneath` (a part both have is
// `folder`'s): how a shipped template's own parts complete the parts all templates share. The parts
// are taken as above, from the two folders as one package, each passed through `filter` when given.
DocxPackage read_layered_docx_package(const std::string& folder, const std::string& beneath,
                                      const PartFilter& filter = {});

}  // namespace kehoach
