// The reports (Báo cáo kết quả thực hiện Kế hoạch giảm nghèo) of a commune for a plan year: the four periods
// with their state, deadline and documents; and a period's page, made from the year's plan (its latest
// version made with "Tạo văn bản"): the movement table uploaded (read by the same reader, with the same
// messages, as `kehoach report --movements`; every problem in the error summary, linked to its cell in the
// file as read; nothing saved) or typed (a row per village of the plan), the report's own fields, the
// results computed by the same use case as the command line (app/make_report.h) before anything is made,
// and "Tạo văn bản", which writes the report folder (web/report_work.h) and calls make_report on it. Every
// save is a new version: Đang nhập, or with its documents Đã hoàn thành.
//
//   GET  /don-vi/{unit}/bao-cao?nam=YYYY                the four periods
//   GET  /don-vi/{unit}/bao-cao?nam=YYYY&ky=6m          a period (ky: q1, 6m, 9m, year)
//   POST /don-vi/{unit}/bao-cao?nam=YYYY&ky=6m          the form: the typed rows (web/movement_table.h), the
//        report's fields (web/report_form.h) and hanh-dong: xem-truoc (the results, nothing saved), luu (save
//        a draft), tao-van-ban (save and make the documents)
//   POST /don-vi/{unit}/bao-cao/tai-len?nam=YYYY&ky=6m  the upload: tep-bien-dong (saved as a draft when it reads)
// Both forms carry tu-phien-ban, the version they were opened on: when another officer saved one since, nothing
// is saved and the page comes back (409) with the officer's input, beside the version saved meanwhile.
// Once a period's report is approved (web/submission_work.h) its forms give way to the notice and its POSTs are
// refused (403) with the reason.
#include <algorithm>
#include <filesystem>

#include "app/check_movements.h"
#include "app/report_sections.h"
#include "model/input_error.h"
#include "read/plan_reader.h"
#include "store/sessions.h"
#include "template/part_template.h"
#include "text/unicode.h"
#include "web/form_view.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/layout.h"
#include "web/movement_table.h"
#include "web/plan_work.h"
#include "web/plan_year.h"
#include "web/report_form.h"
#include "web/report_work.h"
#include "web/routes.h"
#include "web/save_conflict.h"
#include "web/submission_work.h"
#include "web/table_form.h"
#include "web/work_versions.h"
#include "write/deadline_words.h"
#include "write/report_addressees.h"
#include "write/report_labels.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFileField = "tep-bien-dong";

std::string list_path(const RequestContext& context, int year) {
  return unit_path(context.unit->id, "bao-cao") + year_query(year);
}
std::string period_path(const RequestContext& context, int year, Period period) {
  return list_path(context, year) + "&ky=" + period_key(period);
}
std::string upload_path(const RequestContext& context, int year, Period period) {
  return unit_path(context.unit->id, "bao-cao/tai-len") + year_query(year) + "&ky=" + period_key(period);
}
std::string plan_link(const RequestContext& context, int year, const std::string& words) {
  return "<a href=\"" + escape_html(unit_path(context.unit->id, "ke-hoach") + year_query(year)) + "\">" + escape_html(words) + "</a>";
}

std::string report_title(Period period, int year) { return "Báo cáo " + period_label(period, year); }

bool is_commune(const RequestContext& context) { return context.unit->tier == Tier::Commune; }

// ---- The four periods -------------------------------------------------------------------------------

// "10/06/2022 (còn 12 ngày)", as `kehoach deadlines` says it; a sentence when the plan gives no deadline.
std::string deadline_words(const std::optional<YearDeadlines>& deadlines, Period period) {
  if (!deadlines) return "Chưa có kế hoạch";
  for (const Deadline& deadline : deadlines->deadlines)
    if (deadline.period == period) return day_month_year(deadline.due) + deadline_status(deadline, deadlines->symbol);
  return "Kế hoạch không ghi hạn";
}

// The documents of the period's latest version that has them.
std::string files_made(const RequestContext& context, WorkKind kind, int year) {
  for (const VersionRecord& version : versions_of(context.db, context.unit->id, year, kind)) {
    const std::string links = file_links(context, version, "output");
    if (!links.empty()) return links;
  }
  return "Chưa có";
}

Reply show_list(RequestContext& context, int year) {
  std::string body = year_form(context, year);
  body += "<p>Mỗi kỳ: nhập hoặc tải lên bảng biến động hộ nghèo, hộ cận nghèo từ đầu năm, xem kết quả so với chỉ tiêu "
          "của Kế hoạch năm " + std::to_string(year) + ", rồi tạo văn bản Báo cáo (Word), biểu kết quả (Excel) và bản PDF.</p>\n";
  if (!report_base(context, year))
    body += "<div class=\"panel\"><p>Chưa có Kế hoạch năm " + std::to_string(year) + " đã tạo văn bản. Báo cáo tính kết "
            "quả theo chỉ tiêu của kế hoạch: hãy lập " + plan_link(context, year, "kế hoạch năm " + std::to_string(year)) +
            " và bấm Tạo văn bản trước.</p></div>\n";
  const std::optional<YearDeadlines> deadlines = plan_year_deadlines(context, year);
  body += "<table class=\"table\">\n<caption class=\"table-caption\">Các kỳ báo cáo năm " + std::to_string(year) +
          "</caption>\n<thead><tr><th scope=\"col\">Kỳ báo cáo</th><th scope=\"col\">Trạng thái</th><th scope=\"col\">Hạn "
          "nộp</th><th scope=\"col\">Văn bản đã tạo</th></tr></thead>\n<tbody>\n";
  for (const ReportKind& report : report_kinds())
    body += "<tr><th scope=\"row\"><a href=\"" + escape_html(period_path(context, year, report.period)) + "\">" +
            escape_html(report_title(report.period, year)) + "</a></th><td>" +
            work_status_tag(context, context.unit->id, year, report.kind) + "</td><td>" +
            escape_html(deadline_words(deadlines, report.period)) + "</td><td>" + files_made(context, report.kind, year) +
            "</td></tr>\n";
  body += "</tbody>\n</table>\n";
  return page_reply(context, {"Báo cáo năm " + std::to_string(year), context.unit->full_name(), body, nullptr, true});
}

// ---- A period's page --------------------------------------------------------------------------------

struct ReportView {
  ReportForm form;
  std::vector<MovementRow> rows;
  FormErrors errors;
  std::optional<Report> results;          // shown above the form
  bool previewing = false;                // the results are of the form just posted, not of a saved version
  bool plan_changed = false;              // the plan was made again after the version shown
  const MovementsCheck* refused = nullptr;  // an upload refused, shown as read
  std::string refused_name;
  int opened_on = 0;                      // the version the forms are opened on (tu-phien-ban)
  std::optional<VersionRecord> conflict;  // saved meanwhile by another officer: this save was refused
  std::string yours;                      // then where the officer's input is
};

std::string upload_form(const RequestContext& context, int year, Period period, const ReportView& view) {
  std::string html =
      "<h2 id=\"tai-len\">Tải lên bảng biến động</h2>\n<p>Tệp CSV hoặc Excel (.xlsx) như biểu rà soát, như bảng dùng cho "
      "<code>kehoach report --movements</code>: mỗi thôn một dòng, số hộ biến động cộng dồn từ đầu năm; nhóm cột "
      "<strong>Hộ nghèo</strong> và <strong>Hộ cận nghèo</strong> với các cột như “Thoát nghèo thành hộ cận nghèo”, “Tái "
      "nghèo”, “Phát sinh mới”, hoặc chỉ cột <strong>Cuối kỳ</strong>. Tệp đọc được thì được lưu thành một phiên bản "
      "(Đang nhập) và kết quả hiện ở trên.</p>\n";
  const std::string fields =
      file_field({.id = kFileField, .label = "Tệp bảng biến động", .hint = "CSV hoặc Excel .xlsx, .xls (trang tính đầu tiên)."},
                 ".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                 "application/vnd.ms-excel", view.errors) +
      opened_on_field(view.opened_on) + submit_button("Tải lên và lưu");
  html += post_form(upload_path(context, year, period), context.csrf(), fields, true);
  if (view.refused && !view.refused->grid.rows.empty())
    html += "<p>Tệp <strong>" + escape_html(view.refused_name) + "</strong> như kehoach đọc được; ô có lỗi được tô đỏ. Sửa "
            "tệp rồi tải lên lại. Không có gì được lưu.</p>\n" +
            grid_html(view.refused->grid, view.refused->problems, "Tệp " + view.refused_name);
  return html;
}

std::string fieldset(const std::string& legend, const std::string& inner) {
  return "<fieldset class=\"fieldset\">\n<legend class=\"fieldset-legend\">" + escape_html(legend) + "</legend>\n" + inner +
         "</fieldset>\n";
}

// What a section's box says under its name: what the report prints when it is left as it is.
std::string section_hint(const std::string& key) {
  if (key == "difficulties")
    return "In sau những tồn tại số liệu cho thấy (thôn chậm tiến độ, hộ tái nghèo…). Để trống: chỉ in những tồn tại đó.";
  if (key == "next_tasks")
    return "Đã điền sẵn chữ mặc định của mẫu, với số liệu của báo cáo này. Để nguyên hoặc xoá trống thì văn bản dùng "
           "chữ mặc định (theo số liệu mới nhất).";
  return "Để trống thì báo cáo không có phần này.";
}

std::string sections_fields(const ReportForm& form, const FormErrors& errors) {
  std::string keys;
  std::string html = "<p class=\"hint\">Các đoạn cách nhau một dòng trống.</p>\n";
  for (const SectionFields& section : form.sections) {
    keys += (keys.empty() ? "" : ",") + section.key;
    const int lines = static_cast<int>(std::count(section.text.begin(), section.text.end(), '\n')) + 1 +
                      static_cast<int>(section.text.size() / 90);
    html += text_area({.id = "phan-" + section.key, .label = report_section_label(section.key), .value = section.text,
                       .hint = section_hint(section.key)},
                      errors, std::clamp(lines + 1, 4, 16)) +
            "<input type=\"hidden\" name=\"phan-" + escape_html(section.key) + "-goc\" value=\"" +
            escape_html(section.original) + "\">\n";
  }
  return "<input type=\"hidden\" name=\"cac-phan\" value=\"" + escape_html(keys) + "\">\n" + html;
}

// Whom the report goes to when Kính gửi is left empty: the body above the issuer.
std::string parent_words(const ReportBase& base) {
  Plan plan = base.input.plan;
  plan.reports.addressees.clear();
  try {
    return report_addressees(plan).names.front();
  } catch (const InputError&) {
    return "";
  }
}

std::string report_form_html(const RequestContext& context, int year, Period period, const ReportBase& base,
                             const MovementTable& table, const ReportView& view) {
  const ReportForm& form = view.form;
  const FormErrors& errors = view.errors;
  auto field = [&](const std::string& id, const std::string& label, const std::string& value, const std::string& hint,
                   const std::string& width) {
    return text_field({.id = id, .label = label, .value = value, .hint = hint, .autocomplete = "off", .width_class = width},
                      errors);
  };
  const std::string parent = parent_words(base);
  std::string inner = "<p>Mỗi thôn một dòng, số hộ cộng dồn từ đầu năm; ô để trống là 0. Số viết <code>2.047</code> cũng "
                      "được. Chưa rõ biến động thì chỉ ghi cột <strong>Cuối kỳ</strong> (số hộ còn lại); ghi cả hai thì phải "
                      "khớp nhau. Cột <strong>Tổng số hộ cuối kỳ</strong> không bắt buộc.</p>\n";
  inner += movement_table_html(table, view.rows, errors);
  inner += fieldset("Văn bản báo cáo",
                    field("so-van-ban", "Số báo cáo", form.number, "Ví dụ 30. Để trống số và ngày khi báo cáo còn là dự thảo.",
                          "input--short") +
                        field("ky-hieu", "Ký hiệu", form.symbol, "Mặc định BC-UBND.", "input--medium") +
                        field("ngay-ban-hanh", "Ngày ban hành", form.date,
                              "Ngày/tháng/năm, ví dụ 08/06/" + std::to_string(year) + ".", "input--medium") +
                        field("nguong", "Ngưỡng tiến độ (%)", form.threshold,
                              "Phần trăm chỉ tiêu năm phải đạt đến cuối kỳ; thôn đạt dưới ngưỡng được nêu tên trong báo cáo.",
                              "input--short"));
  inner += fieldset("Kính gửi và nơi nhận",
                    text_area({.id = "kinh-gui", .label = "Kính gửi", .value = form.addressees,
                               .hint = "Mỗi nơi một dòng." +
                                       (parent.empty() ? std::string() : " Để trống: gửi " + parent + ".")},
                              errors, 3) +
                        text_area({.id = "noi-nhan", .label = "Nơi nhận", .value = form.recipients,
                                   .hint = "Mỗi nơi một dòng, sau “Như trên” (tự thêm). Thiếu dòng “Lưu: …” thì dùng dòng "
                                           "Lưu của kế hoạch."},
                                  errors, 4));
  inner += fieldset("Các phần của báo cáo", sections_fields(form, errors));
  inner += opened_on_field(view.opened_on);
  inner += "<div class=\"button-group\">\n" + action_button("Xem trước", "hanh-dong", "xem-truoc", "button button--secondary") +
           action_button("Lưu bản nháp", "hanh-dong", "luu", "button button--secondary") +
           action_button("Tạo văn bản", "hanh-dong", "tao-van-ban") + "</div>\n";
  return "<h2 id=\"nhap-bao-cao\">Hoặc nhập trực tiếp</h2>\n<p>Bấm <strong>Xem trước</strong> để tính kết quả (chưa lưu), "
         "<strong>Lưu bản nháp</strong> để lưu một phiên bản, <strong>Tạo văn bản</strong> để lưu và tạo Báo cáo (Word), "
         "biểu kết quả (Excel) và bản PDF.</p>\n" +
         post_form(period_path(context, year, period), context.csrf(), inner, false, "report-form");
}

Reply render(RequestContext& context, int year, Period period, const ReportBase& base, const ReportView& view, int status) {
  const WorkKind kind = report_kind(period);
  const std::optional<VersionRecord> latest = latest_version(context.db, context.unit->id, year, kind);
  std::string body = "<p><a href=\"" + escape_html(list_path(context, year)) + "\">Các kỳ báo cáo năm " + std::to_string(year) +
                     "</a></p>\n";
  body += "<p>Trạng thái: " + state_tag(latest ? latest->state : WorkState::NotStarted) +
          (latest ? " " + escape_html(version_line(context, *latest)) + "." : std::string()) + "</p>\n";
  body += "<p>Lập theo " + plan_link(context, year, "Kế hoạch năm " + std::to_string(year)) + " (phiên bản " +
          std::to_string(base.version.number) + ", đã tạo văn bản lúc " + escape_html(vietnam_time(base.version.created_at)) +
          ").</p>\n";
  if (latest && latest->state == WorkState::Done)
    body += "<h2>Văn bản đã tạo</h2>\n<p>Của phiên bản " + std::to_string(latest->number) + ":</p>\n" +
            file_links(context, *latest, "output");
  body += "<h2 id=\"ket-qua\">Kết quả</h2>\n";
  if (view.results)
    body += (view.previewing ? "<p>Tính từ bảng và các ô đang nhập dưới đây; <strong>chưa lưu</strong>.</p>\n"
                             : "<p>Của phiên bản đã lưu mới nhất.</p>\n") +
            (view.plan_changed ? "<div class=\"panel\"><p>Kế hoạch năm " + std::to_string(year) +
                                     " đã được tạo lại sau phiên bản báo cáo này; bấm Xem trước để tính lại kết quả "
                                     "theo kế hoạch mới.</p></div>\n"
                               : std::string()) +
            report_results_html(*view.results);
  else
    body += "<p>Tải lên hoặc nhập bảng biến động rồi bấm Xem trước để thấy kết quả của từng thôn so với chỉ tiêu năm.</p>\n";
  body += submission_section(context, kind, year);
  if (work_forms_shown(context, kind, year)) {  // others read it; approved: the section says why nothing changes
    if (view.conflict) body += conflict_section(context, *view.conflict, view.yours);
    body += upload_form(context, year, period, view);
    body += report_form_html(context, year, period, base, movement_table_of(base.input), view);
  }
  body += versions_section(context, versions_of(context.db, context.unit->id, year, kind));
  return page_reply(context, {report_title(period, year), context.unit->full_name(), body, &view.errors, true}, status);
}

Reply no_plan(RequestContext& context, int year, Period period) {
  std::string body = "<p><a href=\"" + escape_html(list_path(context, year)) + "\">Các kỳ báo cáo năm " + std::to_string(year) +
                     "</a></p>\n";
  body += "<div class=\"panel\"><p>Chưa có Kế hoạch năm " + std::to_string(year) + " đã tạo văn bản. Báo cáo tính kết quả "
          "theo chỉ tiêu giao cho từng thôn trong kế hoạch: hãy lập " +
          plan_link(context, year, "kế hoạch năm " + std::to_string(year)) + " và bấm Tạo văn bản trước.</p></div>\n";
  body += versions_section(context, versions_of(context.db, context.unit->id, year, report_kind(period)));
  return page_reply(context, {report_title(period, year), context.unit->full_name(), body, nullptr, true});
}

// The section defaults of a report folder's figures, or none when they cannot be made.
std::vector<SectionDefault> defaults_of(const ReportFiguresResult& figures) {
  try {
    return report_section_defaults(figures);
  } catch (const InputError&) {
    return {};
  } catch (const TemplateError&) {
    return {};
  }
}

// The plan file of the form in `folder`, written again with the sections of the template only.
YamlText write_plan(ReportFolder& folder, const ReportBase& base, Period period, const ReportForm& form) {
  YamlText yaml = report_plan_yaml(base.plan_text, base.input.plan.reports, period, form, report_section_keys(form));
  folder.write_plan(yaml.text);
  return yaml;
}

// What the page starts with: the latest version's report (its fields, its rows, its results), or the plan's
// fields for the period and blank rows, the sections' defaults computed with them.
ReportView starting_view(RequestContext& context, const ReportBase& base, Period period, int year) {
  ReportView view;
  const MovementTable table = movement_table_of(base.input);
  view.rows = blank_movement_rows(table);
  const std::optional<VersionRecord> latest = latest_version(context.db, context.unit->id, year, report_kind(period));
  view.opened_on = latest ? latest->number : 0;
  if (latest)
    if (const std::optional<SavedReport> saved = load_version_report(context, *latest)) {
      view.results = saved->figures.report;
      view.plan_changed = without_reports(saved->folder.plan_text()) != without_reports(base.plan_text);
      view.form = report_form_of(saved->figures.input.plan.reports, period);
      const MovementsCheck check =
          check_movements_file(saved->folder.movements_path(), saved->folder.movements_name(), base.input);
      if (check.movements) view.rows = rows_of_movements(table, *check.movements);
      lay_report_sections(view.form, defaults_of(saved->figures));
      return view;
    }
  view.form = report_form_of(base.input.plan.reports, period);
  try {
    ReportFolder folder(context, base.table);
    write_plan(folder, base, period, view.form);
    folder.write_movements(movements_file_name(period, false), movement_csv(table, view.rows).csv.text);
    lay_report_sections(view.form, defaults_of(folder.compute(period)));
  } catch (const InputError&) {
    // No defaults to show: the sections are typed from nothing.
  }
  return view;
}

// The page's period and the plan it is made from; a reply when there is no page to show.
struct PeriodPage {
  int year = 0;
  Period period = Period::H1;
  std::optional<ReportBase> base;
};

std::optional<Reply> period_page(RequestContext& context, PeriodPage& page) {
  if (!is_commune(context)) return error_page(context, 404);
  page.year = page_year(context);
  const std::optional<Period> period = page_period(context);
  if (!period) return error_page(context, 404);
  page.period = *period;
  page.base = report_base(context, page.year);
  if (!page.base) return no_plan(context, page.year, page.period);
  return std::nullopt;
}

Reply show(RequestContext& context) {
  if (!is_commune(context)) return error_page(context, 404);
  if (context.query_value("ky").empty()) return show_list(context, page_year(context));
  PeriodPage page;
  if (std::optional<Reply> reply = period_page(context, page)) return *reply;
  return render(context, page.year, page.period, *page.base, starting_view(context, *page.base, page.period, page.year), 200);
}

// The movement table of the form into `folder`: the latest version's own file when the rows are still its
// figures (an uploaded file stays the table kept), else the typed rows as CSV, checked like a file.
bool put_movements(RequestContext& context, const PeriodPage& page, const MovementTable& table, ReportView& view,
                   ReportFolder& folder) {
  const std::optional<VersionRecord> latest =
      latest_version(context.db, context.unit->id, page.year, report_kind(page.period));
  if (latest)
    if (const std::optional<ReportFolder> saved = ReportFolder::of_version(context, *latest)) {
      const MovementsCheck check = check_movements_file(saved->movements_path(), saved->movements_name(), page.base->input);
      if (check.movements && rows_of_movements(table, *check.movements) == view.rows) {
        folder.copy_movements(saved->movements_name(), saved->movements_path());
        return true;
      }
    }
  const MovementCsv csv = movement_csv(table, view.rows);
  if (!check_typed_movements(table, view.rows, csv, page.base->input, view.errors)) return false;
  folder.write_movements(movements_file_name(page.period, false), csv.csv.text);
  return true;
}

// A problem the plan reader or the report found with the form's plan file: at the field its line came from.
void add_plan_problem(const ReportFolder& folder, const YamlText& yaml, const InputError& e, FormErrors& errors) {
  const std::string field = e.where().row ? yaml.field_of_line(*e.where().row) : "";
  if (field.empty() || field == kPlanTextField) {
    errors.add("so-van-ban", folder.shown(e.what()));
    return;
  }
  const std::string label = report_field_label(field);
  errors.add(field, label.empty() ? e.problem() : label + ": " + e.problem());
}

// The plan reader's word on the form's plan file (the fields its own checks let through), at their fields.
void read_back(const ReportFolder& folder, const YamlText& yaml, FormErrors& errors) {
  try {
    parse_plan(yaml.text, kPlanFile);
  } catch (const InputError& e) {
    add_plan_problem(folder, yaml, e, errors);
  }
}

Reply make_documents(RequestContext& context, const PeriodPage& page, const ReportFolder& folder) {
  const WorkKind kind = report_kind(page.period);
  check_opened_on(context, kind, page.year, opened_on(context));  // before making documents for nothing
  const WorkFolder made(context.site);
  const ReportDocuments documents = folder.make(page.period, context.site.config().make_pdf, made);
  std::vector<NewFile> files = folder.inputs();
  std::string names;
  for (const WrittenFile& written : documents.written.files) {
    const std::string name = fs::path(written.path).filename().string();
    files.push_back({"output", name, written.path});
    names += (names.empty() ? "" : ", ") + name;
  }
  const VersionRecord version = save_version(context, kind, page.year, WorkState::Done, files, "Tạo văn bản", opened_on(context));
  std::string notice = "Đã tạo văn bản " + report_title(page.period, page.year) + " (phiên bản " +
                       std::to_string(version.number) + "): " + names + ".";
  if (!documents.written.problem.empty() && context.site.config().make_pdf)
    notice += " Chưa tạo được bản PDF: " + documents.written.problem;
  set_session_notice(context.db, context.who->session.token_hash, notice);
  return redirect_to(period_path(context, page.year, page.period));
}

Reply post(RequestContext& context) {
  PeriodPage page;
  if (std::optional<Reply> reply = period_page(context, page)) return *reply;
  const ReportBase& base = *page.base;
  const MovementTable table = movement_table_of(base.input);
  ReportView view;
  view.opened_on = opened_on(context).value_or(latest_number(context, report_kind(page.period), page.year));
  view.form = posted_report_form(context.posted());
  view.rows = posted_movement_rows(table, context.posted());
  check_report_form(view.form, view.errors);
  if (clean_text(view.form.addressees).empty() && parent_words(base).empty())
    view.errors.add("kinh-gui", "Hãy nhập Kính gửi: kế hoạch không ghi cơ quan cấp trên để báo cáo gửi lên.");
  const bool fields_read = view.errors.empty();
  ReportFolder folder(context, base.table);
  const bool movements = put_movements(context, page, table, view, folder);
  YamlText yaml = write_plan(folder, base, page.period, view.form);
  if (!movements || !fields_read) {
    if (fields_read) read_back(folder, yaml, view.errors);  // told with the table's problems
    return render(context, page.year, page.period, base, view, 422);
  }
  std::optional<ReportFiguresResult> figures;
  try {
    figures = folder.compute(page.period);
  } catch (const InputError& e) {
    add_plan_problem(folder, yaml, e, view.errors);
    return render(context, page.year, page.period, base, view, 422);
  }
  // The sections the report's template has, with the defaults of these figures; the plan file written
  // again with those only.
  lay_report_sections(view.form, defaults_of(*figures));
  yaml = write_plan(folder, base, page.period, view.form);
  const std::string action = context.posted().value("hanh-dong");
  view.results = figures->report;
  view.previewing = true;
  try {
    if (action == "luu") {
      const VersionRecord version = save_version(context, report_kind(page.period), page.year, WorkState::Draft,
                                                 folder.inputs(), "Lưu bản nháp", opened_on(context));
      set_session_notice(context.db, context.who->session.token_hash,
                         "Đã lưu bản nháp " + report_title(page.period, page.year) + " (phiên bản " +
                             std::to_string(version.number) + ").");
      return redirect_to(period_path(context, page.year, page.period));
    }
    if (action == "tao-van-ban") {
      try {
        return make_documents(context, page, folder);
      } catch (const InputError& e) {
        view.results.reset();
        view.previewing = false;
        add_plan_problem(folder, yaml, e, view.errors);
        return render(context, page.year, page.period, base, view, 422);
      }
    }
  } catch (const VersionConflict& conflict) {
    // The officer's form comes back as typed, its results above it, beside the version saved meanwhile.
    view.conflict = conflict.newer();
    view.opened_on = conflict.newer().number;  // saving again now is deliberate
    view.yours = "Báo cáo bạn nhập vẫn ở trong biểu mẫu dưới đây, chưa lưu (phần Kết quả ở trên tính từ đó). Xem lại cả "
                 "hai rồi bấm Lưu bản nháp hoặc Tạo văn bản để lưu báo cáo của bạn thành phiên bản mới.";
    add_conflict(view.errors, context, conflict.newer());
    return render(context, page.year, page.period, base, view, 409);
  }
  return render(context, page.year, page.period, base, view, 200);
}

// An upload: the table read and held against the plan; every problem listed and nothing saved, or a new
// version (Đang nhập) with the file as it came and the report's fields of the latest version (or the plan's).
Reply upload(RequestContext& context) {
  PeriodPage page;
  if (std::optional<Reply> reply = period_page(context, page)) return *reply;
  const ReportBase& base = *page.base;
  const UploadedFile* file = context.posted().file(kFileField);
  if (!file) {
    ReportView view = starting_view(context, base, page.period, page.year);
    view.errors.add(kFileField, "Hãy chọn tệp bảng biến động (CSV hoặc Excel .xlsx).");
    return render(context, page.year, page.period, base, view, 422);
  }
  const std::string name = upload_name(file->file_name);
  const MovementsCheck check = check_movements_file(file->path, name, base.input);
  if (!check.problems.empty()) {
    ReportView view = starting_view(context, base, page.period, page.year);
    for (const InputError& problem : check.problems) view.errors.add(problem_anchor(problem, kFileField), upload_message(problem.what()));
    view.refused = &check;
    view.refused_name = name;
    return render(context, page.year, page.period, base, view, 422);
  }
  const ReportView kept = starting_view(context, base, page.period, page.year);
  ReportFolder folder(context, base.table);
  const std::string extension = table_extension(file->path, name);
  std::string copy_name = movements_file_name(page.period, extension == ".xlsx");
  if (extension == ".xls") copy_name = copy_name.substr(0, copy_name.rfind('.')) + extension;  // Excel 97-2003 keeps its kind
  folder.copy_movements(copy_name, file->path);
  const YamlText yaml = write_plan(folder, base, page.period, kept.form);
  try {
    folder.compute(page.period);
  } catch (const InputError& e) {
    ReportView view = kept;
    add_plan_problem(folder, yaml, e, view.errors);
    return render(context, page.year, page.period, base, view, 422);
  }
  VersionRecord version;
  try {
    version = save_version(context, report_kind(page.period), page.year, WorkState::Draft, folder.inputs(),
                           "Tải lên bảng biến động", opened_on(context));
  } catch (const VersionConflict& conflict) {
    ReportView view = starting_view(context, base, page.period, page.year);  // of the newer version
    view.conflict = conflict.newer();
    view.yours = "Tệp " + name + " bạn vừa tải lên chưa được lưu. Xem phiên bản mới ở trên; nếu vẫn muốn thay bằng tệp "
                 "của bạn, hãy tải lên lại.";
    add_conflict(view.errors, context, conflict.newer());
    return render(context, page.year, page.period, base, view, 409);
  }
  set_session_notice(context.db, context.who->session.token_hash,
                     "Đã lưu bảng biến động " + period_label(page.period, page.year) + " từ tệp " + name + " (phiên bản " +
                         std::to_string(version.number) + ").");
  return redirect_to(period_path(context, page.year, page.period));
}

}  // namespace

void add_report_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/bao-cao", Access::Unit, show});
  // The period's kind from ?ky= (none: the handler answers 404).
  const WorkKindOf period_kind = [](const RequestContext& context) -> std::optional<WorkKind> {
    const std::optional<Period> period = page_period(context);
    if (!period) return std::nullopt;
    return report_kind(*period);
  };
  router.add({"POST", "/don-vi/{unit}/bao-cao", Access::UnitWork, unless_approved(period_kind, post)});
  router.add({"POST", "/don-vi/{unit}/bao-cao/tai-len", Access::UnitWork, unless_approved(period_kind, upload)});
}

}  // namespace kehoach
