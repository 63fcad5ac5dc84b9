#include "web/report_work.h"

#include <filesystem>
#include <fstream>

#include "model/input_error.h"
#include "text/number_words.h"
#include "text/replace_all.h"
#include "text/unicode.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/plan_work.h"
#include "write/report_labels.h"
#include "write/report_sentences.h"
#include "write/report_template_data.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw OutputError("không ghi được tệp tạm " + fs::path(path).filename().string() + ".");
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool is_movements_file(const std::string& name) { return name.rfind("bien-dong", 0) == 0; }

// The latest version of the year's plan whose documents were made, newest first.
std::optional<VersionRecord> made_plan(const RequestContext& context, int year) {
  for (const VersionRecord& version : versions_of(context.db, context.unit->id, year, WorkKind::Plan))
    if (version.state == WorkState::Done) return version;
  return std::nullopt;
}

std::string count_cell(long long count) { return "<td class=\"number\">" + format_count(count) + "</td>"; }

std::string figure_cells(const ReportRow& row) {
  std::string cells;
  for (const ReportFigures& f : row.figures)
    cells += count_cell(f.start) + count_cell(f.end) + count_cell(f.achieved) + count_cell(f.target) +
             "<td class=\"number\">" + (f.share ? format_share(*f.share) : std::string("-")) + "</td>";
  return cells;
}

std::string results_table(const Report& report) {
  const std::string caption = "Kết quả thực hiện chỉ tiêu giảm nghèo " + period_label(report.period, report.year);
  const std::string unit_label = report.unit_label.empty() ? kReportUnitLabel : report.unit_label;
  std::string html = "<div class=\"table-scroll\" role=\"region\" aria-label=\"" + escape_html(caption) +
                     "\" tabindex=\"0\">\n<table class=\"table table--figures report-results\">\n<caption class=\"table-caption\">" +
                     escape_html(caption) + "</caption>\n<thead>\n<tr><th scope=\"col\" rowspan=\"2\">" + escape_html(unit_label) + "</th>";
  std::string second;
  for (Indicator indicator : report.indicators) {
    html += "<th scope=\"colgroup\" colspan=\"5\">" + std::string(report_stage_heading(indicator)) + "</th>";
    for (const char* label : {kReportStartLabel, "Cuối kỳ", kReportAchievedLabel, "Chỉ tiêu năm", kReportShareLabel})
      second += std::string("<th scope=\"col\" class=\"number\">") + label + "</th>";
  }
  html += "<th scope=\"col\" rowspan=\"2\">" + std::string(kReportNoteLabel) + "</th></tr>\n<tr>" + second + "</tr>\n</thead>\n<tbody>\n";
  for (const ReportRow& row : report.rows)
    html += std::string("<tr") + (row.behind ? " class=\"row--behind\"" : "") + "><th scope=\"row\">" + escape_html(row.name) +
            "</th>" + figure_cells(row) + "<td>" + (row.behind ? report_behind_note(report) : "") + "</td></tr>\n";
  html += "</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\">" + escape_html(report.total.name) + "</th>" +
          figure_cells(report.total) + "<td>" + (report.total.behind ? report_behind_note(report) : "") +
          "</td></tr></tfoot>\n</table>\n</div>\n";
  return html;
}

}  // namespace

WorkKind report_kind(Period period) {
  for (const ReportKind& report : report_kinds())
    if (report.period == period) return report.kind;
  return WorkKind::ReportYear;
}

std::optional<Period> report_period(WorkKind kind) {
  for (const ReportKind& report : report_kinds())
    if (report.kind == kind) return report.period;
  return std::nullopt;
}

std::optional<Period> page_period(const RequestContext& context) { return parse_period(context.query_value("ky")); }

std::string movements_file_name(Period period, bool xlsx) {
  return std::string("bien-dong-") + period_key(period) + (xlsx ? ".xlsx" : ".csv");
}

std::string report_document_name(Period period) {
  return fs::path(kPlanFile).stem().string() + "-bao-cao-" + period_key(period) + ".docx";
}

std::optional<ReportBase> report_base(const RequestContext& context, int year) {
  const std::optional<VersionRecord> version = made_plan(context, year);
  if (!version) return std::nullopt;
  const WorkFolder folder(context.site);
  const std::optional<std::string> plan_file = write_plan_folder(context, *version, folder);
  if (!plan_file) return std::nullopt;
  ReportBase base{*version, read_text(*plan_file), {}, {}};
  for (const VersionFile& file : version_files(context.db, version->id))
    if (file.role == "input" && file.name != kPlanFile) base.table = file;
  try {
    base.input = load_plan(*plan_file);
  } catch (const InputError&) {
    return std::nullopt;  // a plan made by a kehoach that read it differently
  }
  base.input.plan.file = kPlanFile;
  return base;
}

ReportFolder::ReportFolder(const RequestContext& context) : folder_(std::make_unique<WorkFolder>(context.site)) {}

ReportFolder::ReportFolder(const RequestContext& context, const VersionFile& table) : ReportFolder(context) {
  table_name_ = table.name;
  copy_to(context, table, *folder_);
}

std::optional<ReportFolder> ReportFolder::of_version(const RequestContext& context, const VersionRecord& version) {
  ReportFolder folder(context);
  bool plan = false;
  for (const VersionFile& file : version_files(context.db, version.id)) {
    if (file.role != "input") continue;
    copy_to(context, file, *folder.folder_);
    if (file.name == kPlanFile) plan = true;
    else if (is_movements_file(file.name)) folder.movements_name_ = file.name;
    else folder.table_name_ = file.name;
  }
  if (!plan || folder.movements_name_.empty() || folder.table_name_.empty()) return std::nullopt;
  return folder;
}

void ReportFolder::write_plan(const std::string& text) { write_text(folder_->file(kPlanFile), text); }

std::string ReportFolder::plan_text() const { return read_text(folder_->file(kPlanFile)); }

void ReportFolder::write_movements(const std::string& name, const std::string& text) {
  movements_name_ = name;
  write_text(folder_->file(name), text);
}

void ReportFolder::copy_movements(const std::string& name, const std::string& from) {
  movements_name_ = name;
  std::error_code error;
  fs::copy_file(from, folder_->file(name), fs::copy_options::overwrite_existing, error);
  if (error) throw OutputError("không chép được bảng biến động vào thư mục tạm.");
}

ReportFiguresResult ReportFolder::compute(Period period) const {
  ReportRequest request;
  request.plan_file = folder_->file(kPlanFile);
  request.period = period;
  request.movements = {movements_path()};
  return compute_report(request);
}

ReportDocuments ReportFolder::make(Period period, bool pdf, const WorkFolder& made) const {
  ReportRequest request;
  request.plan_file = folder_->file(kPlanFile);
  request.period = period;
  request.movements = {movements_path()};
  request.output = made.file(report_document_name(period));
  request.pdf = pdf;
  return make_report(request);
}

std::vector<NewFile> ReportFolder::inputs() const {
  return {{"input", kPlanFile, folder_->file(kPlanFile)},
          {"input", table_name_, folder_->file(table_name_)},
          {"input", movements_name_, movements_path()}};
}

std::string ReportFolder::shown(const std::string& message) const { return replace_all(message, folder_->path() + "/", ""); }

std::optional<SavedReport> load_version_report(const RequestContext& context, const VersionRecord& version) {
  const std::optional<Period> period = report_period(version.kind);
  if (!period) return std::nullopt;
  std::optional<ReportFolder> folder = ReportFolder::of_version(context, version);
  if (!folder) return std::nullopt;
  try {
    ReportFiguresResult figures = folder->compute(*period);
    return SavedReport{std::move(*folder), std::move(figures)};
  } catch (const InputError&) {
    return std::nullopt;
  }
}

std::string report_results_html(const Report& report) {
  const std::string unit_label = name_key(report.unit_label);  // as the report words it
  std::string html = "<ul class=\"results\">\n";
  for (std::size_t k = 0; k < report.indicators.size(); ++k) {
    const Indicator indicator = report.indicators[k];
    const ReportFigures& total = report.total.figures[k];
    html += "<li><strong>" + std::string(report_stage_heading(indicator)) + ":</strong> " +
            escape_html(movements_sentence(report, total, indicator) + " " + outcome_sentence(report, total, indicator)) +
            "</li>\n";
  }
  html += "</ul>\n";
  std::string behind;
  for (const ReportRow& row : report.rows)
    if (row.behind) behind += "<li>" + escape_html(row.name + ": " + behind_details(report, row) + ".") + "</li>\n";
  html += behind.empty() ? "<p>" + escape_html(none_behind(report, unit_label)) + "</p>\n"
                         : "<p>" + escape_html(behind_intro(report, unit_label)) + "</p>\n<ul class=\"behind\">\n" + behind +
                               "</ul>\n";
  return html + results_table(report);
}

}  // namespace kehoach
