#pragma once
#include <string>

#include "model/cascade.h"

namespace kehoach {

// A cascade file (YAML): year, units (the units table) or records (household lists), the top unit's
// targets, fixed figures by path at any level, and the plans (level, template). Throws InputError
// with the file and line. README.md, "Cả tỉnh một lần", documents every key.
CascadeSpec read_cascade(const std::string& path);
CascadeSpec parse_cascade(const std::string& yaml, const std::string& path);

// "Xã An Hòa Thịnh / Thôn Sâm Cồn" → {"Xã An Hòa Thịnh", "Thôn Sâm Cồn"} (names clean_text()ed).
std::vector<std::string> split_unit_path(const std::string& text);

}  // namespace kehoach
