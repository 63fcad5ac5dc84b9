#pragma once
// The table of a periodic results report as an Excel workbook, laid out like the review movement
// forms: label, title, "(Kèm theo Báo cáo …)" line, two-level header (per indicator: start,
// the seven movements, end, its rate, target, achieved, share), one row per unit, total, and a
// note for the units behind schedule.
#include <string>

#include "model/plan.h"
#include "model/report.h"

namespace kehoach {

// Writes `path` whole or not at all. Every derived cell (end counts, rates, achieved, shares,
// totals) is a formula carrying its computed value, so viewers that do not recalculate still show
// the right figure. Throws std::runtime_error when the file cannot be written.
void write_report_workbook(const Plan& plan, const Report& report, const std::string& path);

}  // namespace kehoach
