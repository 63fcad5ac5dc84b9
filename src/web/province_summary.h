#pragma once
// Tổng hợp: the province's appendix made from the approved plans of the communes below it, with the code of
// `kehoach batch` (app/run_batch.h: make_top_appendix). Each approved plan's version (its plan file and village
// table) is read as `kehoach plan` reads it; every commune, its villages and their start counts become the rows
// of a units table, and every reduction of its appendix a fixed figure of a cascade file, so that the batch's
// split gives each commune back exactly its own table and the top unit's appendix is the sum of what was
// approved. The cascade folder (phan-bo.yaml, don-vi.csv) is kept beside the workbook: `kehoach batch` on it
// writes the same phu-luc.xlsx. Communes whose plan is not approved are listed apart and not counted.
#include <optional>
#include <string>
#include <vector>

#include "app/run_batch.h"
#include "model/report.h"
#include "web/context.h"
#include "web/submission_overview.h"
#include "web/work_versions.h"

namespace kehoach {

struct LeftApart {
  const OverviewLine* line = nullptr;
  std::string why;  // "Đã gửi, chờ duyệt", or why an approved plan could not be read
};

struct ProvinceSummary {
  Overview overview;                        // of the plans, for the year
  std::vector<const OverviewLine*> counted; // approved, in the appendix (in the tree's order)
  std::vector<LeftApart> apart;             // not approved, or not readable: not counted
  std::optional<TopAppendix> appendix;      // none when no plan is approved, or `problem`
  std::string problem;                      // why the appendix could not be made ("" when it was, or none approved)
  bool flattened = false;                   // communes lie at different depths: listed directly below the unit
  std::string cascade_file, units_file, workbook;  // in the folder given, once made
};

// The summary of the plans of `year` of the communes below `above`, its files written into `folder`.
ProvinceSummary plan_summary(const RequestContext& context, const UnitRecord& above, int year, const WorkFolder& folder);

// A period's report of the unit above, made from the approved reports of the communes below it with the code of
// `kehoach report` (app/make_report.h: compute_report, then the report's workbook): a plan of the unit whose units
// are the communes (each its households and start counts, its year's target fixed), and a movement table of a
// row per commune (what its approved report counts since the start of the year; only the end counts when some
// commune's report has no more). Both kept in the folder: `kehoach report ke-hoach.yaml --period …
// --movements …` on them computes the same. The indicators are those every approved report has.
struct ReportSummary {
  Overview overview;
  std::vector<const OverviewLine*> counted;
  std::vector<LeftApart> apart;
  std::optional<Report> report;  // none when no report is approved, or `problem`
  std::string problem;
  std::string plan_file, units_file, movements_file, workbook;  // in the folder given, once made
};
ReportSummary report_summary(const RequestContext& context, const UnitRecord& above, int year, WorkKind kind,
                             const WorkFolder& folder);

}  // namespace kehoach
