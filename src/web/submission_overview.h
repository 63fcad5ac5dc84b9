#pragma once
// What a unit above the communes (a province; a district, whose pages its province's officers read) sees of
// the submissions of one year and kind from every commune below it, at any depth: each commune's state, when
// it first sent and last changed, the deadline that holds for it (compute/submission_status.h: set on a
// dashboard above it, else the schedule of the plan above it) and whether it was on time; the counts of them
// all. The pages Tình hình nộp and Tổng hợp read it, and the workbook is written from it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compute/submission_status.h"
#include "store/submission_overview.h"
#include "store/units.h"
#include "store/versions.h"
#include "web/context.h"

namespace kehoach {

struct OverviewLine {
  UnitRecord unit;                               // a commune (or ward) below
  std::string within;                            // the units between ("Huyện Hương Sơn"), or ""
  StatusLine status;                             // its state, first sending and deadline
  std::optional<SubmissionDeadline> deadline;    // where the deadline comes from
  std::int64_t deadline_unit = 0;                // the unit above whose deadline it is (0: none)
  std::optional<std::int64_t> version_id;        // the version last sent (approved, once approved)
  std::optional<std::int64_t> last_changed;      // its submission's last change, else its last save
  bool started = false;                          // it has saved a version of that kind
};

struct Overview {
  int year = 0;
  WorkKind kind = WorkKind::Plan;
  std::vector<OverviewLine> lines;  // in the tree's order
  StatusCounts counts;              // of every line
  bool any_within = false;          // some commune lies in a district below the unit
};

// The communes (and wards) below `above`, at any depth, in the tree's order, each with the units between.
struct UnitBelow {
  UnitRecord unit;
  std::string within;
  std::vector<std::int64_t> ancestors;  // from its parent up to the top unit, nearest first
};
std::vector<UnitBelow> communes_below(const RequestContext& context, const UnitRecord& above);

Overview submission_overview(const RequestContext& context, const UnitRecord& above, int year, WorkKind kind);

// The due date of the report of `kind` in the schedule of the unit's plan of the year (its latest version),
// nullopt when it has none or `kind` is no report.
std::optional<Date> planned_deadline(const RequestContext& context, std::int64_t unit, int year, WorkKind kind);

// "10/06/2026": a day (a moment: vietnam_time in work_versions.h).
std::string day_text(const Date& date);

// The kinds the province's pages are about, in the year's order, and ?ky= of their pages (thon, ke-hoach,
// bao-cao-q1, …: submission_slug), the plan when it names none.
inline constexpr WorkKind kOverviewKinds[] = {WorkKind::VillageTable, WorkKind::Plan,     WorkKind::ReportQ1,
                                              WorkKind::Report6m,     WorkKind::Report9m, WorkKind::ReportYear};
WorkKind page_overview_kind(const RequestContext& context);
// "Bảng số liệu thôn", "Kế hoạch", "Báo cáo quý I", "Báo cáo 6 tháng", "Báo cáo 9 tháng", "Báo cáo năm".
std::string work_kind_words(WorkKind kind);
// "Kế hoạch năm 2026" → "kế hoạch năm 2026": a label of work inside a sentence (they begin with a plain letter).
std::string lower_first(std::string text);

// Where the line's submission stands in words: "Chưa bắt đầu" (nothing saved), "Đang nhập, chưa gửi",
// "Mở lại, đang nhập" (reopened), "Đã gửi, chờ duyệt", "Bị trả lại", "Đã duyệt"; and as a coloured tag.
std::string state_words(const OverviewLine& line);
std::string state_tag_html(const OverviewLine& line);

// "10/06/2026, do Tỉnh Hà Tĩnh đặt", "10/06/2026, theo lịch nộp báo cáo trong kế hoạch năm 2026 của Tỉnh Hà Tĩnh".
std::string deadline_words(const SubmissionDeadline& deadline, const std::string& unit_name, int year);
// The deadlines of the overview in a line: "Hạn nộp: 10/06/2026, do Tỉnh Hà Tĩnh đặt.", "Hạn nộp khác nhau giữa
// các đơn vị (cột Hạn nộp).", "Chưa có hạn nộp."
std::string deadline_summary(const RequestContext& context, const Overview& overview);

// "Đúng hạn", "Nộp muộn", "Quá hạn, chưa gửi", "Chưa đến hạn", "" (no deadline).
std::string timeliness_label(Timeliness timeliness);
// The same as a coloured tag ("" when there is no deadline).
std::string timeliness_tag(Timeliness timeliness);

}  // namespace kehoach
