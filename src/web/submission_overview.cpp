#include "web/submission_overview.h"

#include <map>
#include <set>

#include "app/plan_deadlines.h"
#include "model/input_error.h"
#include "store/submission_deadlines.h"
#include "web/html.h"
#include "web/plan_work.h"
#include "web/report_work.h"
#include "web/submission_work.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

void collect(const RequestContext& context, const UnitRecord& unit, const std::string& within,
             std::vector<std::int64_t> ancestors, std::vector<UnitBelow>& out) {
  ancestors.insert(ancestors.begin(), unit.id);
  for (const UnitRecord& child : child_units(context.db, unit.id)) {
    if (child.tier == Tier::Commune) out.push_back({child, within, ancestors});
    else if (child.tier == Tier::District)
      collect(context, child, within.empty() ? child.full_name() : within + ", " + child.full_name(), ancestors, out);
  }
}

}  // namespace

std::vector<UnitBelow> communes_below(const RequestContext& context, const UnitRecord& above) {
  std::vector<std::int64_t> higher;  // the units above `above`, nearest first
  for (std::optional<std::int64_t> at = above.parent_id; at;) {
    higher.push_back(*at);
    const std::optional<UnitRecord> parent = find_unit(context.db, *at);
    at = parent ? parent->parent_id : std::nullopt;
  }
  std::vector<UnitBelow> out;
  collect(context, above, "", higher, out);
  return out;
}

std::optional<Date> planned_deadline(const RequestContext& context, std::int64_t unit, int year, WorkKind kind) {
  const std::optional<Period> period = report_period(kind);
  if (!period) return std::nullopt;
  const std::optional<VersionRecord> version = latest_version(context.db, unit, year, WorkKind::Plan);
  if (!version) return std::nullopt;
  const std::optional<VersionFile> file = version_file(context, *version, kPlanFile);
  if (!file) return std::nullopt;
  try {
    for (const Deadline& deadline : plan_deadlines(stored_path(context, *file), vietnam_day(context.now)).deadlines)
      if (deadline.period == *period) return deadline.due;
  } catch (const InputError&) {  // a plan this kehoach reads differently: no schedule from it
  }
  return std::nullopt;
}

Overview submission_overview(const RequestContext& context, const UnitRecord& above, int year, WorkKind kind) {
  Overview overview{year, kind, {}, {}, false};
  const std::map<std::int64_t, SubmissionSummary> sent = submissions_of_year(context.db, year, kind);
  const std::map<std::int64_t, std::int64_t> saves = last_saves(context.db, year, kind);
  std::map<std::int64_t, Date> set;
  for (const DeadlineRecord& record : deadlines_of(context.db, year, kind)) set[record.unit_id] = record.due;
  std::map<std::int64_t, std::optional<Date>> planned;  // read once per unit above
  std::vector<StatusLine> statuses;
  for (const UnitBelow& below : communes_below(context, above)) {
    OverviewLine line{below.unit, below.within, {}, std::nullopt, 0, std::nullopt, std::nullopt, false};
    std::vector<DeadlineCandidate> candidates;
    for (std::int64_t ancestor : below.ancestors) {
      if (!planned.count(ancestor)) planned[ancestor] = planned_deadline(context, ancestor, year, kind);
      const auto own = set.find(ancestor);
      candidates.push_back({own == set.end() ? std::nullopt : std::optional<Date>(own->second), planned[ancestor]});
    }
    line.deadline = deadline_that_holds(candidates);
    if (line.deadline) {
      line.status.deadline = line.deadline->due;
      line.deadline_unit = below.ancestors[line.deadline->level];
    }
    if (const auto found = sent.find(below.unit.id); found != sent.end()) {
      line.status.state = found->second.state;
      line.status.first_sent = found->second.first_sent;
      line.version_id = found->second.version_id;
      line.last_changed = found->second.changed_at;
    }
    if (const auto saved = saves.find(below.unit.id); saved != saves.end()) {
      line.started = true;
      if (!line.last_changed || saved->second > *line.last_changed) line.last_changed = saved->second;
    }
    overview.any_within = overview.any_within || !below.within.empty();
    statuses.push_back(line.status);
    overview.lines.push_back(std::move(line));
  }
  overview.counts = count_statuses(statuses, context.now);
  return overview;
}

std::string day_text(const Date& date) {
  return two_digits(date.day) + "/" + two_digits(date.month) + "/" + std::to_string(date.year);
}

WorkKind page_overview_kind(const RequestContext& context) {
  return submission_kind_from_slug(context.query_value("ky")).value_or(WorkKind::Plan);
}

std::string work_kind_words(WorkKind kind) {
  switch (kind) {
    case WorkKind::VillageTable: return "Bảng số liệu thôn";
    case WorkKind::Plan: return "Kế hoạch";
    case WorkKind::ReportQ1: return "Báo cáo quý I";
    case WorkKind::Report6m: return "Báo cáo 6 tháng";
    case WorkKind::Report9m: return "Báo cáo 9 tháng";
    case WorkKind::ReportYear: return "Báo cáo năm";
  }
  return "";
}

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string state_words(const OverviewLine& line) {
  if (line.status.state != SubmissionState::Entering)
    return line.status.state == SubmissionState::Submitted ? "Đã gửi, chờ duyệt" : submission_state_label(line.status.state);
  if (line.status.first_sent) return "Mở lại, đang nhập";
  return line.started ? "Đang nhập, chưa gửi" : "Chưa bắt đầu";
}

std::string state_tag_html(const OverviewLine& line) {
  const bool not_started = line.status.state == SubmissionState::Entering && !line.started;
  return std::string("<strong class=\"tag tag--") +
         (not_started ? "not_started" : submission_state_key(line.status.state)) + "\">" +
         escape_html(state_words(line)) + "</strong>";
}

std::string deadline_words(const SubmissionDeadline& deadline, const std::string& unit_name, int year) {
  if (deadline.origin == DeadlineOrigin::SetOnDashboard) return day_text(deadline.due) + ", do " + unit_name + " đặt";
  return day_text(deadline.due) + ", theo lịch nộp báo cáo trong kế hoạch năm " + std::to_string(year) + " của " + unit_name;
}

std::string deadline_summary(const RequestContext& context, const Overview& overview) {
  std::set<std::string> words;
  bool without = false;
  for (const OverviewLine& line : overview.lines) {
    if (!line.deadline) {
      without = true;
      continue;
    }
    const std::optional<UnitRecord> unit = find_unit(context.db, line.deadline_unit);
    words.insert(deadline_words(*line.deadline, unit ? unit->full_name() : "cấp trên", overview.year));
  }
  if (words.empty()) return "Chưa có hạn nộp.";
  if (words.size() == 1 && !without) return "Hạn nộp: " + *words.begin() + ".";
  return "Hạn nộp khác nhau giữa các đơn vị (cột Hạn nộp).";
}

std::string timeliness_label(Timeliness timeliness) {
  switch (timeliness) {
    case Timeliness::NoDeadline: return "";
    case Timeliness::NotDue: return "Chưa đến hạn";
    case Timeliness::Overdue: return "Quá hạn, chưa gửi";
    case Timeliness::OnTime: return "Đúng hạn";
    case Timeliness::Late: return "Nộp muộn";
  }
  return "";
}

std::string timeliness_tag(Timeliness timeliness) {
  const char* key = "";
  switch (timeliness) {
    case Timeliness::NoDeadline: return "";
    case Timeliness::NotDue: key = "not-due"; break;
    case Timeliness::Overdue: key = "overdue"; break;
    case Timeliness::OnTime: key = "on-time"; break;
    case Timeliness::Late: key = "late"; break;
  }
  return std::string("<strong class=\"tag tag--") + key + "\">" + escape_html(timeliness_label(timeliness)) + "</strong>";
}

}  // namespace kehoach
