#pragma once
#include <string>

#include "package/atomic_file.h"
#include "package/docx_package.h"

namespace kehoach {

// Zips the parts into `file` (its caller commits it), every entry stamped with `timestamp` (seconds
// since 1970) so that the same document gives the same bytes, and so are the document's created and
// modified dates in docProps/core.xml (a template's own would say 2000). Throws OutputError.
void write_docx(const DocxPackage& package, const AtomicFile& file, long long timestamp);

// core.xml with its dcterms:created and dcterms:modified set to `timestamp` ("2022-01-01T08:00:00Z"),
// added when the template has none.
std::string stamped_core_properties(const std::string& core, long long timestamp);

}  // namespace kehoach
