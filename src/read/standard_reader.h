#pragma once
// Poverty standard files (YAML, data/standards/): the lines of one standard and the years it
// applies to. The comment at the top of each shipped file documents every key.
#include <string>

#include "model/poverty_standard.h"

namespace kehoach {

// Reads and validates one standard. Throws InputError naming the file and line for unknown keys,
// missing keys, a bad amount, last_year before first_year, and near_poor or middle not above poor
// (or middle not above near_poor).
PovertyStandard read_standard(const std::string& path);

// The same from YAML text; `path` is used for messages.
PovertyStandard parse_standard(const std::string& yaml, const std::string& path);

// The standard, among the .yaml files directly in `folder`, whose period contains `year`. Every
// file is read, so a broken one is reported even when another would answer. Throws InputError
// listing the periods found when none contains the year, and naming both files when two do.
PovertyStandard standard_for_year(const std::string& folder, int year);

}  // namespace kehoach
