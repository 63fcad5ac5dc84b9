#pragma once
// The table of a periodic results report as an Excel workbook, laid out like the review movement
// forms, one sheet per indicator (hộ nghèo, hộ cận nghèo) so that each prints one A4 landscape page
// wide at the size of the plan's appendix: label, title, "(Kèm theo Báo cáo …)" line, "Biểu 1: Hộ
// nghèo", a two-level header (start; the decreases and the increases of the period; now, as count
// and rate; target, achieved, share; note) repeated on every printed page, one row per unit, total,
// and the report's notes.
#include <string>

#include "model/plan.h"
#include "model/report.h"
#include "package/atomic_file.h"

namespace kehoach {

// Writes the workbook into `file` (its caller commits it, with the other files of the command). Every
// derived cell (end counts, rates, achieved, shares, totals) is a formula carrying its computed value,
// so viewers that do not recalculate still show the right figure. Throws OutputError when the file
// cannot be written.
void write_report_workbook(const Plan& plan, const Report& report, const AtomicFile& file);

}  // namespace kehoach
