#pragma once
#include <string>

#include "model/docx_package.h"

namespace kehoach {

// Zips the parts into `path` (whole or not at all), every entry stamped with `timestamp` (seconds
// since 1970) so that the same document gives the same bytes. Throws std::runtime_error.
void write_docx(const DocxPackage& package, const std::string& path, long long timestamp);

}  // namespace kehoach
