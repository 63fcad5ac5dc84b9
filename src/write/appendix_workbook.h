#pragma once
// The appendix as an Excel workbook laid out like the published ones (An Hòa Thịnh 2022,
// Thanh Trì 2023): label, title, "(Kèm theo …)" line, two-level header, one row per unit, total.
#include <string>

#include "model/appendix_table.h"
#include "model/plan.h"
#include "package/atomic_file.h"

namespace kehoach {

// Writes the workbook into `file` (its caller commits it, with the other files of the command). Every
// derived cell (rates, end counts, totals) is a formula carrying its computed value, so viewers that do
// not recalculate still show the right figure. Throws OutputError when the file cannot be written.
void write_appendix_workbook(const Plan& plan, const AppendixTable& table, const AtomicFile& file);

}  // namespace kehoach
