#pragma once
// The office names file (YAML, data/offices/co-quan.yaml): for each role, the names with the issuer
// levels they serve and the date they apply from. The comment at the top of the shipped file
// documents every key.
#include <string>

#include "model/office_names.h"

namespace kehoach {

// Throws InputError naming the file and line for an unknown key, a level that is not a unit level,
// a bad date, or a role without names.
OfficeBook read_office_book(const std::string& path);

// The same from YAML text; `path` is used for messages.
OfficeBook parse_office_book(const std::string& yaml, const std::string& path);

// The shipped file, found beside the program or in the source tree (as the templates are).
OfficeBook shipped_office_book();

}  // namespace kehoach
