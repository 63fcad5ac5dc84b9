// Tổng hợp: the page of a unit above the communes for a year and kind of work: the province's appendix made
// from the approved plans of the communes below it with the code of `kehoach batch`, or a period's results table
// made from the approved reports with the code of `kehoach report` (web/province_summary.h), shown as a table and
// downloaded as its workbook; the communes not approved listed apart, not counted; and
// every commune's files of that year and kind in one zip (a folder each, named as `kehoach batch` names them),
// written as it is sent.
//
//   GET  /don-vi/{unit}/tong-hop?nam=YYYY&ky=thon|ke-hoach|bao-cao-q1|…
//   GET  /don-vi/{unit}/tong-hop/tai-ve.xlsx?nam=YYYY&ky=… the province's appendix of the approved plans (ky=ke-hoach),
//        or the table of a period's approved reports (ky=bao-cao-…)
//   GET  /don-vi/{unit}/tong-hop/tai-ve.zip?nam=YYYY&ky=…  every commune's files of the version it sent
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/batch_jobs.h"
#include "package/zip_writer.h"
#include "store/versions.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/plan_work.h"
#include "web/plan_year.h"
#include "web/province_summary.h"
#include "web/report_work.h"
#include "web/routes.h"
#include "web/submission_overview.h"
#include "web/submission_work.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

bool above_communes(const RequestContext& context) {
  return context.unit->tier == Tier::Province || context.unit->tier == Tier::District;
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string summary_path(const RequestContext& context, const std::string& page, int year, WorkKind kind) {
  return unit_path(context.unit->id, page) + year_query(year) + "&ky=" + submission_slug(kind);
}

std::string choice_form(const RequestContext& context, int year, WorkKind kind) {
  static const FormErrors kNone;
  std::vector<Choice> years;
  const int now = context.site.current_year();
  for (int y = now + 1; y >= now - 3; --y) years.push_back({std::to_string(y), std::to_string(y)});
  if (year > now + 1 || year < now - 3) years.insert(years.begin(), {std::to_string(year), std::to_string(year)});
  std::vector<Choice> kinds;
  for (WorkKind k : kOverviewKinds) kinds.push_back({submission_slug(k), work_kind_words(k)});
  return "<form method=\"get\" action=\"" + escape_html(context.path) + "\" class=\"choice-form\">\n" +
         select_field({.id = "nam", .label = "Năm", .value = std::to_string(year)}, years, kNone) +
         select_field({.id = "ky", .label = "Việc", .value = submission_slug(kind)}, kinds, kNone) +
         "<button type=\"submit\" class=\"button button--secondary\">Xem</button>\n</form>\n";
}

// The units not counted, with where each stands.
std::string apart_html(const std::vector<LeftApart>& apart, WorkKind kind, int year, bool any_within) {
  std::string html = "<h2 id=\"chua-duyet\">Chưa được tổng hợp</h2>\n";
  if (apart.empty()) return html + "<p>Mọi đơn vị đều đã được duyệt và có trong bảng tổng hợp.</p>\n";
  // A note only where one says more than the state (an approved plan that could not be read).
  bool notes = false;
  for (const LeftApart& left : apart) notes = notes || left.why != state_words(*left.line);
  html += "<p>" + std::to_string(apart.size()) + " đơn vị chưa được duyệt (hoặc không đọc được bản đã duyệt): không tính vào bảng tổng hợp.</p>\n" +
          scroll_box("Các đơn vị chưa được tổng hợp") +
          "<table class=\"table status-table\">\n<caption class=\"visually-hidden\">Các đơn vị chưa được tổng hợp</caption>\n<thead><tr>"
          "<th scope=\"col\">Đơn vị</th>" + (any_within ? "<th scope=\"col\">Thuộc</th>" : "") +
          "<th scope=\"col\">Trạng thái</th>" + (notes ? "<th scope=\"col\">Ghi chú</th>" : "") + "</tr></thead>\n<tbody>\n";
  for (const LeftApart& left : apart) {
    const OverviewLine& line = *left.line;
    html += "<tr><th scope=\"row\"><a href=\"" + escape_html(submission_path(line.unit.id, kind, year)) + "\">" +
            escape_html(line.unit.full_name()) + "</a></th>" + (any_within ? "<td>" + escape_html(line.within) + "</td>" : "") +
            "<td>" + state_tag_html(line) + "</td>" +
            (notes ? "<td>" + escape_html(left.why == state_words(line) ? std::string() : left.why) + "</td>" : "") + "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n";
}

std::string plan_section(RequestContext& context, int year) {
  const WorkFolder folder(context.site);
  const ProvinceSummary summary = plan_summary(context, *context.unit, year, folder);
  std::string html = "<p>" + std::to_string(summary.counted.size()) + "/" + std::to_string(summary.overview.lines.size()) +
                     " đơn vị có kế hoạch năm " + std::to_string(year) + " đã được duyệt và được tổng hợp dưới đây.</p>\n";
  html += "<h2 id=\"phu-luc\">Phụ lục tổng hợp</h2>\n";
  if (summary.counted.empty()) {
    html += "<p>Chưa có kế hoạch nào được duyệt: bảng tổng hợp có khi cấp trên duyệt kế hoạch đầu tiên.</p>\n";
  } else if (!summary.appendix) {
    html += "<div class=\"panel\" role=\"alert\"><p>Không lập được bảng tổng hợp: " + escape_html(summary.problem) + "</p></div>\n";
  } else {
    html += "<p>Lập bằng cùng cách chia của <code>kehoach batch</code>: mỗi xã giữ đúng số trong kế hoạch đã duyệt; tải về "
            "có cả tệp phân bổ để chạy lại bằng dòng lệnh.</p>\n";
    if (summary.flattened)
      html += "<p>Các xã, phường nằm ở các cấp khác nhau: bảng liệt kê thẳng các xã, phường dưới " +
              escape_html(context.unit->full_name()) + ".</p>\n";
    html += "<p><a class=\"button button--secondary\" href=\"" +
            escape_html(summary_path(context, "tong-hop/tai-ve.xlsx", year, WorkKind::Plan)) +
            "\" download>Tải phụ lục tổng hợp (Excel)</a></p>\n";
    PlanInput input;
    input.plan = summary.appendix->document;
    input.table = summary.appendix->table;
    html += appendix_preview(input);
  }
  return html + apart_html(summary.apart, WorkKind::Plan, year, summary.overview.any_within);
}

// A period's report: the table of the unit above made from the approved reports, as `kehoach report` makes it.
std::string report_section(RequestContext& context, int year, WorkKind kind) {
  const WorkFolder folder(context.site);
  const ReportSummary summary = report_summary(context, *context.unit, year, kind, folder);
  const std::string work = lower_first(submission_work_label(kind, year));
  std::string html = "<p>" + std::to_string(summary.counted.size()) + "/" + std::to_string(summary.overview.lines.size()) +
                     " đơn vị có " + escape_html(work) + " đã được duyệt và được tổng hợp dưới đây.</p>\n";
  html += "<h2 id=\"bao-cao\">Kết quả tổng hợp</h2>\n";
  if (summary.counted.empty()) {
    html += "<p>Chưa có báo cáo nào được duyệt: kết quả tổng hợp có khi cấp trên duyệt báo cáo đầu tiên.</p>\n";
  } else if (!summary.report) {
    html += "<div class=\"panel\" role=\"alert\"><p>Không lập được kết quả tổng hợp: " + escape_html(summary.problem) +
            "</p></div>\n";
  } else {
    html += "<p>Tính bằng cùng cách của <code>kehoach report</code>: mỗi đơn vị một dòng với số đầu năm, biến động và chỉ "
            "tiêu năm trong báo cáo đã duyệt của đơn vị; tải về có cả tệp kế hoạch và bảng biến động để chạy lại bằng "
            "dòng lệnh.</p>\n<p><a class=\"button button--secondary\" href=\"" +
            escape_html(summary_path(context, "tong-hop/tai-ve.xlsx", year, kind)) +
            "\" download>Tải biểu kết quả tổng hợp (Excel)</a></p>\n";
    html += report_results_html(*summary.report);
  }
  return html + apart_html(summary.apart, kind, year, summary.overview.any_within);
}

// Another kind: which units are approved, which are not; the files of all in the zip.
std::string kind_section(RequestContext& context, int year, WorkKind kind) {
  const Overview overview = submission_overview(context, *context.unit, year, kind);
  std::vector<LeftApart> apart;
  int approved = 0;
  for (const OverviewLine& line : overview.lines)
    if (line.status.state == SubmissionState::Approved) ++approved;
    else apart.push_back({&line, state_words(line)});
  std::string html = "<p>" + std::to_string(approved) + "/" + std::to_string(overview.lines.size()) + " đơn vị có " +
                     escape_html(lower_first(submission_work_label(kind, year))) + " đã được duyệt.</p>\n";
  html += "<p>Bảng tổng hợp của cấp trên được lập cho kế hoạch (phụ lục chỉ tiêu) và các kỳ báo cáo (biểu kết quả); với " +
          escape_html(lower_first(work_kind_words(kind))) + ", tải về tệp của các đơn vị ở nút trên.</p>\n";
  return html + apart_html(apart, kind, year, overview.any_within);
}

Reply show(RequestContext& context) {
  if (!above_communes(context)) return error_page(context, 404);
  const int year = page_year(context);
  const WorkKind kind = page_overview_kind(context);
  std::string body = choice_form(context, year, kind);
  body += "<p class=\"button-group\"><a class=\"button button--secondary\" href=\"" + escape_html(summary_path(context, "tong-hop/tai-ve.zip", year, kind)) +
          "\" download>Tải tất cả tệp của các đơn vị (.zip)</a> <a href=\"" +
          escape_html(summary_path(context, "tinh-hinh-nop", year, kind)) + "\">Tình hình nộp</a></p>\n";
  body += kind == WorkKind::Plan           ? plan_section(context, year)
          : report_period(kind).has_value() ? report_section(context, year, kind)
                                            : kind_section(context, year, kind);
  return page_reply(context, {"Tổng hợp " + lower_first(submission_work_label(kind, year)), context.unit->full_name(), body, nullptr});
}

// The workbook of the summary: the appendix of the plans, or the table of a period's reports.
Reply summary_workbook(RequestContext& context) {
  if (!above_communes(context)) return error_page(context, 404);
  const int year = page_year(context);
  const WorkKind kind = page_overview_kind(context);
  const WorkFolder folder(context.site);
  std::string workbook, name;
  if (kind == WorkKind::Plan) {
    workbook = plan_summary(context, *context.unit, year, folder).workbook;
    name = "tong-hop-phu-luc-" + std::to_string(year) + ".xlsx";
  } else if (const std::optional<Period> period = report_period(kind)) {
    workbook = report_summary(context, *context.unit, year, kind, folder).workbook;
    name = "tong-hop-bao-cao-" + std::string(period_key(*period)) + "-" + std::to_string(year) + ".xlsx";
  }
  if (workbook.empty()) return error_page(context, 404, "Chưa có bản nào được duyệt để tổng hợp.");
  Reply reply;
  reply.body = bytes_of(workbook);
  reply.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  reply.download_name = name;
  return reply;
}

// CSV field, quoted when it must be.
std::string csv(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

Reply archive(RequestContext& context) {
  if (!above_communes(context)) return error_page(context, 404);
  const int year = page_year(context);
  const WorkKind kind = page_overview_kind(context);
  const Overview overview = submission_overview(context, *context.unit, year, kind);
  std::vector<ZipText> texts;
  std::vector<ZipSource> files;
  std::set<std::string> folders;
  // The list of what the zip holds, for whoever opens it: every unit, sent or not.
  std::string list = "TT,Đơn vị,Thuộc,Trạng thái,Phiên bản,Thư mục\n";
  int order = 0;
  for (const OverviewLine& line : overview.lines) {
    std::string folder, number;
    if (line.version_id)
      if (const std::optional<VersionRecord> version = find_version(context.db, *line.version_id)) {
        // Named as `kehoach batch` names a commune's folder; a second commune of the same name gets "-2".
        const std::string base = folder_name(line.unit.full_name());
        folder = base;
        for (int n = 2; !folders.insert(folder).second; ++n) folder = base + "-" + std::to_string(n);
        number = std::to_string(version->number);
        std::set<std::string> names;
        for (const VersionFile& file : version_files(context.db, version->id)) {
          if (!context.site.files().contains(file.sha256)) continue;
          std::string name = safe_zip_name(file.name);
          for (int n = 2; !names.insert(name).second; ++n) name = std::to_string(n) + "-" + safe_zip_name(file.name);
          files.push_back({stored_path(context, file), folder + "/" + name});
        }
      }
    list += std::to_string(++order) + "," + csv(line.unit.full_name()) + "," + csv(line.within) + "," + csv(state_words(line)) +
            "," + number + "," + folder + "\n";
  }
  texts.push_back({"danh-sach.csv", "\xEF\xBB\xBF" + list});  // with its BOM, so that Excel reads it as UTF-8
  // The summary of the approved ones, with the files the command line makes it from again.
  const WorkFolder work(context.site);
  if (kind == WorkKind::Plan) {
    const ProvinceSummary summary = plan_summary(context, *context.unit, year, work);
    if (!summary.workbook.empty())
      for (const std::string& file : {summary.cascade_file, summary.units_file, summary.workbook})
        texts.push_back({"tong-hop/" + std::filesystem::path(file).filename().string(), bytes_of(file)});
  } else if (report_period(kind)) {
    const ReportSummary summary = report_summary(context, *context.unit, year, kind, work);
    if (!summary.workbook.empty())
      for (const std::string& file : {summary.plan_file, summary.units_file, summary.movements_file, summary.workbook})
        texts.push_back({"tong-hop/" + std::filesystem::path(file).filename().string(), bytes_of(file)});
  }
  Reply reply;
  reply.content_type = "application/zip";
  reply.download_name = folder_name(context.unit->full_name()) + "-" + submission_slug(kind) + "-" + std::to_string(year) + ".zip";
  const long long timestamp = context.now;
  reply.stream = [texts = std::move(texts), files = std::move(files), timestamp](std::ostream& out) {
    write_zip_stream(out, texts, files, timestamp);
  };
  return reply;
}

}  // namespace

void add_summary_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/tong-hop", Access::Unit, show});
  router.add({"GET", "/don-vi/{unit}/tong-hop/tai-ve.xlsx", Access::Unit, summary_workbook});
  router.add({"GET", "/don-vi/{unit}/tong-hop/tai-ve.zip", Access::Unit, archive});
}

}  // namespace kehoach
