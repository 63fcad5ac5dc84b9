#include "web/plan_work.h"

#include <ctime>

#include "app/plan_deadlines.h"
#include "compute/submission_status.h"
#include "model/indicator.h"
#include "model/input_error.h"
#include "text/number_words.h"
#include "web/html.h"
#include "write/appendix_labels.h"

namespace kehoach {
namespace {

std::string count_cell(long long count) { return "<td class=\"number\">" + format_count(count) + "</td>"; }
std::string rate_cell(Rate rate) { return "<td class=\"number\">" + format_rate(rate) + "</td>"; }

std::string figure_cells(const AppendixRow& row) {
  std::string cells;
  for (const IndicatorFigures& f : row.figures)
    cells += count_cell(f.start) + rate_cell(f.start_rate) + count_cell(f.reduction) + rate_cell(f.reduction_rate) +
             count_cell(f.end) + rate_cell(f.end_rate);
  return cells;
}

Date today(std::int64_t seconds) { return vietnam_day(seconds); }

}  // namespace

std::optional<std::string> write_plan_folder(const RequestContext& context, const VersionRecord& version,
                                             const WorkFolder& folder) {
  std::optional<std::string> plan_file;
  for (const VersionFile& file : version_files(context.db, version.id)) {
    if (file.role != "input") continue;
    const std::string path = copy_to(context, file, folder);
    if (file.name == kPlanFile) plan_file = path;
  }
  return plan_file;
}

std::optional<PlanInput> load_version_plan(const RequestContext& context, const VersionRecord& version) {
  const WorkFolder folder(context.site);
  const std::optional<std::string> plan_file = write_plan_folder(context, version, folder);
  if (!plan_file) return std::nullopt;
  try {
    return load_plan(*plan_file);
  } catch (const InputError&) {
    return std::nullopt;
  }
}

std::string appendix_preview(const PlanInput& input) {
  const AppendixTable& table = input.table;
  const std::string caption = escape_html(input.plan.appendix_label + ": " + appendix_title(input.plan, table));
  // A table wider than the window scrolls in its box, which the keyboard reaches too.
  std::string html = scroll_box(input.plan.appendix_label + ": " + appendix_title(input.plan, table)) +
                     "<table class=\"table table--figures appendix-preview\">\n"
                     "<caption class=\"table-caption\">" + caption +
                     "</caption>\n<thead>\n<tr><th scope=\"col\" rowspan=\"2\">" + std::string(kOrderLabel) +
                     "</th><th scope=\"col\" rowspan=\"2\">" + escape_html(table.unit_label) +
                     "</th><th scope=\"col\" rowspan=\"2\" class=\"number\">" + kHouseholdsLabel + "</th>";
  std::string second;
  for (const IndicatorTarget& target : table.indicators)
    for (Stage stage : {Stage::Start, Stage::Reduction, Stage::End}) {
      html += "<th scope=\"colgroup\" colspan=\"2\">" + escape_html(stage_heading(target.indicator, stage, table.year)) +
              "</th>";
      second += std::string("<th scope=\"col\" class=\"number\">") + kCountLabel + "</th><th scope=\"col\" class=\"number\">" +
                kRateLabel + "</th>";
    }
  html += "</tr>\n<tr>" + second + "</tr>\n</thead>\n<tbody>\n";
  int order = 0;
  for (const AppendixRow& row : table.rows)
    html += "<tr><td>" + std::to_string(++order) + "</td><th scope=\"row\">" + escape_html(row.name) + "</th>" +
            count_cell(row.households) + figure_cells(row) + "</tr>\n";
  html += "</tbody>\n<tfoot><tr class=\"total\"><td></td><th scope=\"row\">" + escape_html(table.total.name) + "</th>" +
          count_cell(table.total.households) + figure_cells(table.total) + "</tr></tfoot>\n</table>\n</div>\n";
  return html;
}

std::optional<YearDeadlines> plan_year_deadlines(const RequestContext& context, int year) {
  const std::optional<VersionRecord> version = latest_version(context.db, context.unit->id, year, WorkKind::Plan);
  if (!version) return std::nullopt;
  const std::optional<VersionFile> file = version_file(context, *version, kPlanFile);
  if (!file) return std::nullopt;
  try {
    const PlanDeadlines result = plan_deadlines(stored_path(context, *file), today(context.now));
    return YearDeadlines{result.plan.reports.symbol, result.deadlines};
  } catch (const InputError&) {
    return std::nullopt;
  }
}

}  // namespace kehoach
