#pragma once
#include <string>

#include "model/plan.h"
#include "model/report.h"

namespace kehoach {

// The report's figures as JSON (`kehoach report --json`): per unit and in total, per indicator,
// start, each movement by its key, end, target, achieved, share (null without a target), rates.
std::string report_json(const Plan& plan, const Report& report);

}  // namespace kehoach
