#pragma once
// A commune's plan as versions of the kind Plan: each holds the plan file the form made ("ke-hoach.yaml")
// and the village table it was made from ("thon.csv" or "thon.xlsx") as inputs, and once the documents
// are made, what `kehoach plan` writes from them ("ke-hoach.docx", "ke-hoach-phu-luc.xlsx",
// "ke-hoach.pdf") as outputs. A version's inputs copied into a folder are a plan folder: the command
// line makes the same documents from it.
#include <optional>
#include <string>
#include <vector>

#include "app/plan_input.h"
#include "compute/deadlines.h"
#include "store/versions.h"
#include "web/context.h"
#include "web/work_versions.h"

namespace kehoach {

inline constexpr const char* kPlanFile = "ke-hoach.yaml";

// The version's inputs copied into `folder`; returns the plan file's path there, or nullopt when the
// version has no plan file.
std::optional<std::string> write_plan_folder(const RequestContext& context, const VersionRecord& version,
                                             const WorkFolder& folder);

// The version's plan read and its figures computed (load_plan, as the command line does), or nullopt when
// it cannot be (a version saved by a kehoach that read it differently).
std::optional<PlanInput> load_version_plan(const RequestContext& context, const VersionRecord& version);

// The appendix table as a page previews it: per village the households, and per target the start, the
// reduction and the end of the year (count and rate), the total last.
std::string appendix_preview(const PlanInput& input);

// The reports the plan of the year asks for and their deadlines on `today` (app/plan_deadlines.h, as
// `kehoach deadlines` prints them), from its latest version; nullopt when there is no plan yet.
struct YearDeadlines {
  std::string symbol;  // the reports' (BC-UBND)
  std::vector<Deadline> deadlines;
};
std::optional<YearDeadlines> plan_year_deadlines(const RequestContext& context, int year);

}  // namespace kehoach
