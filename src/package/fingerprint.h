#pragma once
// Fingerprints that tell whether an input changed between two runs (a batch skips what did not):
// 64-bit FNV-1a as 16 hex digits, a fingerprint of text, not a secret.
#include <string>

#include "package/docx_package.h"

namespace kehoach {

std::string fingerprint(const std::string& text);

// Of every part's name and bytes, in the package's order: any change to a template changes it.
std::string package_fingerprint(const DocxPackage& package);

}  // namespace kehoach
