#pragma once
// The computed appendix as JSON, for other programs and for tests (`kehoach appendix --json`).
#include <string>

#include "model/appendix_table.h"
#include "model/plan.h"

namespace kehoach {

// Rates are JSON numbers with two decimals (6.25); counts are integers; names NFC.
std::string appendix_json(const Plan& plan, const AppendixTable& table);

}  // namespace kehoach
