#pragma once
// Targets given by a province (Giao chỉ tiêu), as its page and its communes' plan pages use them.
//
// The province's side: its targets of a year (a reduction as a count or an end rate, poor and near-poor) and the
// figures it fixes by hand at any level are written as a cascade folder, the cascade file (phan-bo.yaml) and the
// units table (don-vi.csv: the province, its districts and communes from the units table, each commune's villages
// from its latest village table), and split by the use case of `kehoach batch` (app/run_batch.h:
// split_cascade_file): the same split by construction, and the same files give it again on the command line.
// Every save is a version (store/target_assignments.h) holding those two files and every unit's figures.
//
// The commune's side: the figures of the latest version for it and its villages are the ones its plan uses,
// unless the province agreed to others it asked for (Đề nghị điều chỉnh); its plan form is filled with them, and a
// plan that departs from them is refused with the reason.
//
// Fields of the province's form: chi-tieu-ngheo, chi-tieu-can-ngheo (ty-le | so-ho | khong), gia-tri-ngheo,
// gia-tri-can-ngheo, so-co-dinh, co-dinh-N-don-vi ("Xã A / Thôn 1"), co-dinh-N-ngheo, co-dinh-N-can-ngheo (a
// count, or "hết"); of the commune's request: ly-do-dieu-chinh.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/cascade.h"
#include "model/target_assignment.h"
#include "store/target_assignments.h"
#include "store/units.h"
#include "web/context.h"
#include "web/form_view.h"
#include "web/plan_form.h"
#include "web/village_table.h"
#include "web/work_versions.h"

namespace kehoach {

inline constexpr const char* kCascadeFile = "phan-bo.yaml";
inline constexpr const char* kUnitsFile = "don-vi.csv";

// ---- The province's side ------------------------------------------------------------------------------

// A unit the targets are split over: a district or a commune of the units table, with its parent (an index in
// the list; -1: the province) and for a commune its latest village table of the year.
struct SplitUnit {
  UnitRecord unit;
  int parent = -1;
  std::optional<VillageTable> table;
};

struct TargetSource {
  UnitRecord top;
  std::vector<SplitUnit> units;            // each parent before its children, in the order they were made
  std::vector<UnitRecord> without_table;   // communes without a village table of the year that reads
  std::vector<UnitRecord> uneven;          // communes at another depth than the first (a units table has one)
  bool ready() const { return without_table.empty() && uneven.empty() && !units.empty(); }
};

// The units below the route's unit (a province) and their village tables for the year.
TargetSource target_source(const RequestContext& context, int year);

struct FixedRowFields {
  std::string unit, poor, near_poor;  // the unit as a path below the province; "" / a count / "hết"
  bool blank() const { return unit.empty() && poor.empty() && near_poor.empty(); }
};

struct TargetForm {
  std::string poor_kind = "ty-le", poor_value, near_poor_kind = "ty-le", near_poor_value;
  std::vector<FixedRowFields> fixed;
};

TargetForm posted_target_form(const FormData& data);
// The form of a saved version: its cascade file's targets and fixed figures.
TargetForm form_of_cascade(const CascadeSpec& spec);

// The figures of every unit of a split, and its files.
struct TargetSplit {
  std::vector<AssignmentRow> rows;
  std::string cascade_path, units_path;  // in the work folder
};

// The form checked, written as a cascade folder in `folder` and split as `kehoach batch` splits it. Each problem
// goes to `errors` at its field (a fixed figure's unit not found, a figure that is no count, a target that cannot
// be met at some unit: at the fixed figures there, or at the target). Nullopt when there is a problem.
std::optional<TargetSplit> split_targets(const TargetSource& source, TargetForm& form, int year, const WorkFolder& folder,
                                         FormErrors& errors);

// Every unit's path as the fixed figures' field takes it ("Xã An Hòa Thịnh / Thôn Sâm Cồn"), for the suggestions
// of the form.
std::vector<std::string> unit_paths(const TargetSource& source);

// The split as tables: the province and the units below it with their figures, then each commune with its
// villages (in a box that scrolls). `heading_id` prefixes the ids of the headings.
std::string split_html(const std::vector<AssignmentRow>& rows, int year, const std::string& heading_id);

// ---- The commune's side -------------------------------------------------------------------------------

// The targets of the route's unit (a commune) for the year: from the latest version of its province's, and the
// figures in force (those assigned, or those of the last request the province agreed to).
struct CommuneTargets {
  UnitRecord province;
  AssignmentRecord assignment;
  UnitTargets assigned;
  std::optional<std::int64_t> assigned_table;  // the village table version the split took its villages from
  UnitTargets in_force;
  std::optional<AdjustmentRecord> agreed;      // the request whose figures are in force
  std::optional<AdjustmentRecord> pending;     // a request waiting for the province
  std::vector<AdjustmentRecord> requests;      // every request against this version, newest first
  // The village table the figures in force were computed on.
  std::optional<std::int64_t> in_force_table() const { return agreed ? agreed->table_version : assigned_table; }
};
std::optional<CommuneTargets> commune_targets(const RequestContext& context, int year);

// The commune's targets laid on its plan form: each indicator given as a count of households, the villages fixed as
// the figures in force fix them; every village when the village table is no longer the one they were computed on
// (`table_changed`), so that the plan keeps them.
void lay_targets_on(PlanForm& form, const CommuneTargets& targets, bool table_changed);

// Each difference of the plan from the figures in force as an error at its field of the plan form, saying why it is
// refused and how to ask for other figures; the villages' of an indicator only when its total is the one in force.
void add_target_errors(const CommuneTargets& targets, const std::vector<TargetDifference>& differences,
                       const PlanForm& form, FormErrors& errors);

// "Chỉ tiêu được giao": the figures in force, the version and the day they were given (or agreed), and what the
// commune may do (`with_form`: the plan form is shown); the differences found in the form just read said after them.
std::string targets_box_html(const RequestContext& context, const CommuneTargets& targets,
                             const std::vector<TargetDifference>& differences, bool with_form);

// "Đề nghị điều chỉnh": the requests made and their answers, then (`with_form`) the request's reason (as typed) and
// its button, which send the plan form with them, or the request still waiting.
std::string requests_html(const RequestContext& context, const CommuneTargets& targets, const std::string& reason,
                          const FormErrors& errors, bool with_form);

// "giảm 27 hộ nghèo, giảm 12 hộ cận nghèo": a unit's own figures in a sentence.
std::string reductions_text(const std::vector<AssignedFigure>& figures);

// "12/05/2026": the day of a time.
std::string day_of(std::int64_t seconds);

// The name of an account, or "" when it is gone.
std::string account_name(const RequestContext& context, const std::optional<std::int64_t>& id);

}  // namespace kehoach
