#pragma once
// The plan file (YAML): who issues the plan, for which year, from which statistics, with
// which targets. The README documents every key with an example.
#include <string>

#include "model/plan.h"

namespace kehoach {

// Reads and validates a plan file. The statistics path is resolved against the plan file's
// folder. Throws InputError naming the file and line for unknown keys, missing keys, a target
// given both as a count and as a rate, a bad rate, date or number.
Plan read_plan(const std::string& path);

// The same from YAML text; `path` is used for messages and to resolve the statistics path.
Plan parse_plan(const std::string& yaml, const std::string& path);

}  // namespace kehoach
