// Giao chỉ tiêu: a province's targets of a plan year split down to every unit and village below it, with the
// cascade of `kehoach batch` (web/target_work.h), previewed before they are given; each time they are given a
// new version, kept with the two files `kehoach batch` splits the same way; the versions listed and any one
// shown; and the communes' requests for other figures (Đề nghị điều chỉnh), which the province agrees to or
// refuses here. Reading: anyone who may see the province (Access::Unit); giving targets and answering requests:
// the province's own officers (Access::UnitWork). A unit that is no province: 404.
//
//   GET  /don-vi/{unit}/giao-chi-tieu?nam=YYYY[&phien-ban=N]   the page, version N shown (else the latest)
//   POST /don-vi/{unit}/giao-chi-tieu?nam=YYYY                 the form (web/target_work.h has its fields) and
//        hanh-dong: xem-truoc (the split shown, nothing saved) or giao (saved as a new version)
//   GET  /don-vi/{unit}/giao-chi-tieu/{assignment}/{file}      phan-bo.yaml or don-vi.csv of a version
//   POST /don-vi/{unit}/giao-chi-tieu/de-nghi/{request}?nam=YYYY   hanh-dong: dong-y | tu-choi, ghi-chu-ID (the
//        note; required to refuse)
#include <fstream>
#include <iterator>

#include "compute/target_assignment.h"
#include "model/input_error.h"
#include "read/cascade_reader.h"
#include "store/audit.h"
#include "store/database.h"
#include "store/sessions.h"
#include "store/target_assignments.h"
#include "text/number_words.h"
#include "web/access.h"
#include "web/audit_words.h"
#include "web/form_text.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/plan_year.h"
#include "web/routes.h"
#include "web/submission_work.h"
#include "web/target_work.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

constexpr int kBlankRows = 3;

std::string page_path(const RequestContext& context, int year) {
  return unit_path(context.unit->id, "giao-chi-tieu") + year_query(year);
}

std::string file_path(std::int64_t unit, std::int64_t assignment, const std::string& name) {
  return unit_path(unit, "giao-chi-tieu/" + std::to_string(assignment) + "/" + name);
}

std::string decision_path(std::int64_t unit, std::int64_t request, int year) {
  return unit_path(unit, "giao-chi-tieu/de-nghi/" + std::to_string(request)) + year_query(year);
}

bool is_province(const RequestContext& context) { return context.unit->tier == Tier::Province; }

bool may_give(const RequestContext& context) {
  return context.who && may_change_unit_work(context.who->account, *context.unit);
}

struct TargetView {
  TargetForm form;
  FormErrors errors;
  std::optional<std::vector<AssignmentRow>> preview;  // the split of the form just posted, not saved
};

// ---- The form ---------------------------------------------------------------------------------------------

std::string target_fields(const TargetForm& form, const FormErrors& errors, Indicator indicator) {
  const bool poor = indicator == Indicator::Poor;
  const std::string words = indicator_households(indicator);
  return select_field({.id = poor ? "chi-tieu-ngheo" : "chi-tieu-can-ngheo",
                       .label = poor ? "Chỉ tiêu hộ nghèo của tỉnh" : "Chỉ tiêu hộ cận nghèo của tỉnh",
                       .value = poor ? form.poor_kind : form.near_poor_kind},
                      {{"ty-le", "Giảm tỷ lệ " + words + " còn (%)"},
                       {"so-ho", "Giảm số " + words + " (hộ)"},
                       {"khong", "Không giao chỉ tiêu " + words}},
                      errors) +
         text_field({.id = poor ? "gia-tri-ngheo" : "gia-tri-can-ngheo",
                     .label = poor ? "Tỷ lệ hoặc số hộ nghèo" : "Tỷ lệ hoặc số hộ cận nghèo",
                     .value = poor ? form.poor_value : form.near_poor_value,
                     .hint = "Tỷ lệ cuối năm của cả tỉnh, ví dụ 3,20; hoặc số hộ giảm trong năm, ví dụ 800.",
                     .autocomplete = "off",
                     .width_class = "input--short"},
                    errors);
}

std::string cell(const std::string& id, const std::string& label, const std::string& value, const FormErrors& errors,
                 bool number, const std::string& list = "") {
  const std::string message = errors.message_for(id);
  std::string html = std::string("<td") + (message.empty() ? "" : " class=\"cell--error\"") +
                     "><label class=\"visually-hidden\" for=\"" + id + "\">" + escape_html(label) + "</label>";
  if (!message.empty())
    html += "<span class=\"cell-error\" id=\"" + id + "-loi\"><span class=\"visually-hidden\">Lỗi: </span>" +
            escape_html(message) + "</span>";
  return html + "<input class=\"input" + (number ? " input--number" : " input--wide") + "\" type=\"text\" id=\"" + id +
         "\" name=\"" + id + "\" value=\"" + escape_html(value) + "\" autocomplete=\"off\" spellcheck=\"false\"" +
         (list.empty() ? "" : " list=\"" + list + "\"") + " aria-describedby=\"co-dinh-goi-y" +
         (message.empty() ? "\"" : " " + id + "-loi\" aria-invalid=\"true\"") + "></td>";
}

std::string fixed_rows(const TargetForm& form, const FormErrors& errors, const std::vector<std::string>& paths) {
  std::vector<FixedRowFields> rows;
  for (const FixedRowFields& row : form.fixed)
    if (!row.blank()) rows.push_back(row);
  rows.resize(rows.size() + kBlankRows);
  std::string html =
      "<p class=\"field-hint\" id=\"co-dinh-goi-y\">Số đã thống nhất riêng cho một đơn vị, ở bất kỳ cấp nào (không bắt "
      "buộc): ghi đơn vị từ dưới tỉnh, các cấp cách nhau bằng \" / \" (ví dụ <strong>Xã An Hòa Thịnh / Thôn Tân "
      "Thịnh</strong>), rồi số hộ đơn vị đó giảm, hoặc <strong>hết</strong> để không còn hộ nào. Các đơn vị khác được "
      "chia theo tỷ lệ số hộ. Cần thêm dòng: bấm Xem trước.</p>\n"
      "<div class=\"table-scroll\">\n<table class=\"table fixed-table\">\n<caption class=\"table-caption\">Các số giao "
      "cố định</caption>\n<thead><tr><th scope=\"col\">Đơn vị</th><th scope=\"col\">Hộ nghèo giảm</th><th scope=\"col\">Hộ cận "
      "nghèo giảm</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    html += "<tr>" + cell("co-dinh-" + n + "-don-vi", "Đơn vị, dòng " + n, rows[i].unit, errors, false, "cac-don-vi") +
            cell("co-dinh-" + n + "-ngheo", "Hộ nghèo giảm, dòng " + n, rows[i].poor, errors, true) +
            cell("co-dinh-" + n + "-can-ngheo", "Hộ cận nghèo giảm, dòng " + n, rows[i].near_poor, errors, true) + "</tr>\n";
  }
  html += "</tbody>\n</table>\n</div>\n<input type=\"hidden\" name=\"so-co-dinh\" value=\"" + std::to_string(rows.size()) +
          "\">\n<datalist id=\"cac-don-vi\">\n";
  for (const std::string& path : paths) html += "<option value=\"" + escape_html(path) + "\">\n";
  return html + "</datalist>\n";
}

std::string form_html(const RequestContext& context, int year, const TargetView& view, const TargetSource& source) {
  std::string inner = "<fieldset class=\"fieldset\">\n<legend class=\"fieldset-legend\">Chỉ tiêu năm " + std::to_string(year) +
                      " của " + escape_html(context.unit->full_name()) + "</legend>\n" +
                      target_fields(view.form, view.errors, Indicator::Poor) +
                      target_fields(view.form, view.errors, Indicator::NearPoor) + "</fieldset>\n";
  // The form keeps the fixed rows of the form, not the rows of the source: a path the form names stays as typed.
  inner += "<fieldset class=\"fieldset\">\n<legend class=\"fieldset-legend\">Giao cố định</legend>\n" +
           fixed_rows(view.form, view.errors, unit_paths(source)) + "</fieldset>\n";
  inner += "<div class=\"button-group\">\n" + action_button("Xem trước", "hanh-dong", "xem-truoc", "button button--secondary") +
           action_button("Giao chỉ tiêu", "hanh-dong", "giao") + "</div>\n";
  return "<h2 id=\"nhap-chi-tieu\">Chỉ tiêu của tỉnh</h2>\n<p>Bấm <strong>Xem trước</strong> để thấy chỉ tiêu chia cho từng "
         "đơn vị và từng thôn (chưa lưu), <strong>Giao chỉ tiêu</strong> để lưu thành một phiên bản mới: các xã thấy ngay "
         "chỉ tiêu của mình trên trang Kế hoạch.</p>\n" +
         post_form(page_path(context, year), context.csrf(), inner, false, "target-form");
}

// ---- What is shown --------------------------------------------------------------------------------------------

std::string not_ready(const RequestContext& context, const TargetSource& source, int year) {
  std::string html;
  if (source.units.empty())
    return "<div class=\"panel\"><p>Chưa có xã, phường nào thuộc " + escape_html(context.unit->full_name()) +
           " trong danh sách đơn vị; hãy nhờ cán bộ quản trị thêm.</p></div>\n";
  if (!source.without_table.empty()) {
    html += "<div class=\"panel\" id=\"chua-co-bang\"><p>Chưa chia được chỉ tiêu năm " + std::to_string(year) + ": " +
            std::to_string(source.without_table.size()) + " đơn vị chưa có bảng số liệu thôn năm " + std::to_string(year) +
            " (số hộ đầu năm của mỗi xã tính từ bảng này):</p>\n<ul>\n";
    for (const UnitRecord& unit : source.without_table)
      html += "<li><a href=\"" + escape_html(unit_path(unit.id, "thon") + year_query(year)) + "\">" +
              escape_html(unit.full_name()) + "</a></li>\n";
    html += "</ul>\n</div>\n";
  }
  if (!source.uneven.empty()) {
    html += "<div class=\"panel\"><p>Chưa chia được chỉ tiêu: các xã, phường phải ở cùng một cấp (cùng thuộc tỉnh, hoặc cùng "
            "thuộc huyện), các đơn vị sau ở cấp khác:</p>\n<ul>\n";
    for (const UnitRecord& unit : source.uneven) html += "<li>" + escape_html(unit.full_name()) + "</li>\n";
    html += "</ul>\n</div>\n";
  }
  return html;
}

std::string version_heading(const RequestContext& context, const AssignmentRecord& assignment) {
  const std::string who = account_name(context, assignment.created_by);
  return "Phiên bản " + std::to_string(assignment.number) + ", giao lúc " + vietnam_time(assignment.created_at) +
         (who.empty() ? "" : " (" + who + ")");
}

std::string shown_version(const RequestContext& context, const AssignmentRecord& assignment, bool latest) {
  std::string html = "<h2 id=\"phien-ban\">" + escape_html(version_heading(context, assignment)) + "</h2>\n";
  if (!latest)
    html += "<p>Đây là một phiên bản cũ; các xã dùng <a href=\"" + escape_html(page_path(context, assignment.year)) +
            "\">phiên bản mới nhất</a>.</p>\n";
  html += "<p>Chia từ hai tệp, mà lệnh <code>kehoach batch " + std::string(kCascadeFile) +
          "</code> chia lại đúng như vậy: <a href=\"" +
          escape_html(file_path(context.unit->id, assignment.id, kCascadeFile)) + "\">" + kCascadeFile + "</a>, <a href=\"" +
          escape_html(file_path(context.unit->id, assignment.id, kUnitsFile)) + "\">" + kUnitsFile + "</a>.</p>\n";
  return html + split_html(assignment_rows(context.db, assignment.id), assignment.year, "phien-ban");
}

// A request's figures beside those assigned: the unit's own, then the villages where they differ.
std::string request_figures(const RequestContext& context, const AdjustmentRecord& request,
                            const std::vector<AssignmentRow>& commune_rows) {
  UnitTargets assigned;
  if (!commune_rows.empty()) {
    assigned.own = commune_rows.front().figures;
    for (std::size_t i = 1; i < commune_rows.size(); ++i)
      assigned.parts.push_back({commune_rows[i].name, commune_rows[i].households, commune_rows[i].figures});
  }
  const UnitTargets asked = adjustment_figures(context.db, request.id);
  std::string html = "<p>" + escape_html("Đề nghị: " + reductions_text(asked.own) + " (giao: " + reductions_text(assigned.own) + ").") +
                     "</p>\n";
  const std::vector<TargetDifference> differences = target_differences(assigned, asked);
  std::string items;
  for (const TargetDifference& d : differences) {
    if (d.part.empty()) continue;
    items += "<li>" + escape_html(d.part + ", " + indicator_households(d.indicator) + ": giao " +
                                  (d.assigned ? format_count(*d.assigned) : std::string("—")) + ", đề nghị " +
                                  (d.planned ? format_count(*d.planned) : std::string("—"))) +
             "</li>\n";
  }
  if (!items.empty()) html += "<p>Các thôn khác số giao:</p>\n<ul>\n" + items + "</ul>\n";
  return html;
}

std::string requests_section(const RequestContext& context, const AssignmentRecord& latest, const FormErrors& errors) {
  const std::vector<AdjustmentRecord> requests = adjustments_of(context.db, latest.id);
  std::string html = "<h2 id=\"de-nghi\">Đề nghị điều chỉnh</h2>\n";
  if (requests.empty())
    return html + "<p>Chưa có xã nào đề nghị điều chỉnh chỉ tiêu của phiên bản " + std::to_string(latest.number) + ".</p>\n";
  for (const AdjustmentRecord& request : requests) {
    const std::optional<UnitRecord> unit = find_unit(context.db, request.unit_id);
    const std::string name = unit ? unit->full_name() : "";
    html += "<div class=\"group\" id=\"de-nghi-" + std::to_string(request.id) + "\">\n<h3>" + escape_html(name) + "</h3>\n<p>" +
            (request.decision ? (request.decision->agreed ? std::string("<strong class=\"tag tag--approved\">Đã đồng ý</strong>")
                                                          : std::string("<strong class=\"tag tag--returned\">Không đồng ý</strong>"))
                              : std::string("<strong class=\"tag tag--submitted\">Chờ tỉnh trả lời</strong>")) +
            " " + escape_html("Gửi lúc " + vietnam_time(request.asked_at) + " (" + account_name(context, request.asked_by) + ").") +
            "</p>\n<p>" + escape_html("Lý do: " + request.reason) + "</p>\n" +
            request_figures(context, request, assignment_rows_of_unit(context.db, latest.id, request.unit_id));
    if (request.decision) {
      html += "<p>" + escape_html((request.decision->agreed ? "Đồng ý" : "Không đồng ý") + std::string(" lúc ") +
                                  vietnam_time(request.decision->at) + " (" + account_name(context, request.decision->by) + ")" +
                                  (request.decision->note.empty() ? "." : ": " + request.decision->note)) +
              "</p>\n";
    } else if (may_give(context)) {
      const std::string note = "ghi-chu-" + std::to_string(request.id);
      html += post_form(decision_path(context.unit->id, request.id, latest.year), context.csrf(),
                        text_area({.id = note, .label = "Ý kiến của tỉnh", .hint = "Bắt buộc khi không đồng ý."}, errors, 2) +
                            "<div class=\"button-group\">\n" + action_button("Đồng ý", "hanh-dong", "dong-y") +
                            action_button("Không đồng ý", "hanh-dong", "tu-choi", "button button--secondary") + "</div>\n");
    }
    html += "</div>\n";
  }
  return html;
}

std::string versions_list(const RequestContext& context, const std::vector<AssignmentRecord>& versions, int year) {
  std::string html = "<h2 id=\"cac-phien-ban\">Các phiên bản</h2>\n";
  if (versions.empty()) return html + "<p>Chưa giao chỉ tiêu năm " + std::to_string(year) + ".</p>\n";
  html += "<table class=\"table\">\n<caption class=\"visually-hidden\">Các phiên bản chỉ tiêu đã giao</caption>\n<thead><tr>"
          "<th scope=\"col\">Phiên bản</th><th scope=\"col\">Giao lúc</th><th scope=\"col\">Người giao</th><th scope=\"col\">"
          "Chỉ tiêu của tỉnh</th></tr></thead>\n<tbody>\n";
  for (const AssignmentRecord& version : versions) {
    const std::vector<AssignmentRow> top = assignment_rows_of_unit(context.db, version.id, version.unit_id);
    html += "<tr><th scope=\"row\"><a href=\"" +
            escape_html(page_path(context, year) + "&phien-ban=" + std::to_string(version.number)) + "#phien-ban\">Phiên bản " +
            std::to_string(version.number) + "</a></th><td>" + escape_html(vietnam_time(version.created_at)) + "</td><td>" +
            escape_html(account_name(context, version.created_by)) + "</td><td>" +
            escape_html(top.empty() ? std::string() : reductions_text(top.front().figures)) + "</td></tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

// The version ?phien-ban=N names, else the latest; nullopt when there is none (or N is none of them).
std::optional<AssignmentRecord> shown_assignment(const RequestContext& context, const std::vector<AssignmentRecord>& versions) {
  const std::string wanted = context.query_value("phien-ban");
  for (const AssignmentRecord& version : versions)
    if (wanted.empty() || wanted == std::to_string(version.number)) return version;
  return std::nullopt;
}

Reply render(RequestContext& context, int year, const TargetView& view, const FormErrors& decision_errors, int status) {
  const TargetSource source = target_source(context, year);
  const std::vector<AssignmentRecord> versions = assignments_of(context.db, context.unit->id, year);
  std::string body;
  if (!may_give(context))
    body += "<div class=\"notice\" role=\"note\"><p>" +
            escape_html("Chỉ cán bộ của " + context.unit->full_name() +
                        " giao chỉ tiêu và trả lời đề nghị điều chỉnh; tài khoản của bạn chỉ xem được.") +
            "</p></div>\n";
  body += year_form(context, year);
  body += "<p>Chỉ tiêu giảm nghèo của " + escape_html(context.unit->full_name()) + " năm " + std::to_string(year) +
          " chia xuống từng xã, phường và từng thôn, tổ dân phố theo tỷ lệ số hộ đầu năm trong bảng số liệu thôn mới nhất "
          "của mỗi xã, đúng như lệnh <code>kehoach batch</code> chia, sau các số giao cố định.</p>\n";
  if (!source.ready()) body += not_ready(context, source, year);
  if (view.preview) {
    body += "<h2 id=\"xem-truoc\">Xem trước</h2>\n<p>Chia từ các ô đang nhập dưới đây; <strong>chưa lưu</strong>: bấm Giao "
            "chỉ tiêu để các xã nhận.</p>\n" + split_html(*view.preview, year, "xem-truoc");
  }
  // The requests first (they wait for an answer), then the form, the versions, and the split of the one shown,
  // which for a province is a hundred tables.
  if (!versions.empty()) body += requests_section(context, versions.front(), decision_errors);
  if (source.ready() && may_give(context)) body += form_html(context, year, view, source);
  body += versions_list(context, versions, year);
  if (const std::optional<AssignmentRecord> shown = shown_assignment(context, versions))
    body += shown_version(context, *shown, shown->id == versions.front().id);
  const FormErrors* errors = !view.errors.empty() ? &view.errors : !decision_errors.empty() ? &decision_errors : nullptr;
  return page_reply(context, {"Giao chỉ tiêu năm " + std::to_string(year), context.unit->full_name(), body, errors}, status);
}

// ---- Handlers ----------------------------------------------------------------------------------------------

Reply show(RequestContext& context) {
  if (!is_province(context)) return error_page(context, 404);
  const int year = page_year(context);
  TargetView view;
  const std::vector<AssignmentRecord> versions = assignments_of(context.db, context.unit->id, year);
  if (!context.query_value("phien-ban").empty() && !shown_assignment(context, versions)) return error_page(context, 404);
  // The form starts from the version shown: giving targets again is changing what was given.
  if (const std::optional<AssignmentRecord> shown = shown_assignment(context, versions)) {
    try {
      std::ifstream in(context.site.files().path_of(shown->cascade_sha256), std::ios::binary);
      view.form = form_of_cascade(parse_cascade(std::string(std::istreambuf_iterator<char>(in), {}), kCascadeFile));
    } catch (const InputError&) {  // a file a later kehoach reads otherwise: the form starts blank
    }
  }
  return render(context, year, view, {}, 200);
}

Reply give(RequestContext& context) {
  if (!is_province(context)) return error_page(context, 404);
  const int year = page_year(context);
  const TargetSource source = target_source(context, year);
  TargetView view;
  view.form = posted_target_form(context.posted());
  if (!source.ready()) {
    view.errors.add("chua-co-bang", "Chưa chia được chỉ tiêu năm " + std::to_string(year) +
                                         ": còn xã chưa có bảng số liệu thôn (xem danh sách ở trên).");
    return render(context, year, view, {}, 409);
  }
  const WorkFolder folder(context.site);
  std::optional<TargetSplit> split = split_targets(source, view.form, year, folder, view.errors);
  if (!split) return render(context, year, view, {}, 422);
  if (context.posted().value("hanh-dong") != "giao") {
    view.preview = std::move(split->rows);
    return render(context, year, view, {}, 200);
  }
  Site& site = context.site;
  const StoredFile cascade = site.files().put_file(split->cascade_path);
  const StoredFile units = site.files().put_file(split->units_path);
  Transaction transaction(site.database(), context.db);
  record_stored_file(context.db, cascade.sha256, static_cast<std::int64_t>(cascade.size), context.now);
  record_stored_file(context.db, units.sha256, static_cast<std::int64_t>(units.size), context.now);
  AssignmentRecord assignment{0,           context.unit->id,        year,          0, cascade.sha256, units.sha256,
                              context.now, context.who->account.id, context.client_address};
  assignment = add_assignment(context.db, assignment, split->rows);
  // In the audit log with the version given, not its figures (they are on this page and in its files).
  AuditEntry entry = audit_entry(audit_actor(context), "target.assign");
  entry.unit_id = context.unit->id;
  entry.plan_year = year;
  entry.detail = "Giao chỉ tiêu năm " + std::to_string(year) + " (phiên bản " + std::to_string(assignment.number) +
                 ") cho các đơn vị trực thuộc.";
  append_audit(context.db, entry);
  transaction.commit();
  set_session_notice(context.db, context.who->session.token_hash,
                     "Đã giao chỉ tiêu năm " + std::to_string(year) + " (phiên bản " + std::to_string(assignment.number) +
                         "): " + reductions_text(split->rows.front().figures) + ". Các xã thấy chỉ tiêu của mình trên trang Kế hoạch.");
  return redirect_to(page_path(context, year));
}

Reply download(RequestContext& context) {
  if (!is_province(context)) return error_page(context, 404);
  const std::optional<std::int64_t> id = parse_id(context.param("assignment"));
  const std::optional<AssignmentRecord> assignment = id ? find_assignment(context.db, *id) : std::nullopt;
  const std::string name = context.param("file");
  if (!assignment || assignment->unit_id != context.unit->id || (name != kCascadeFile && name != kUnitsFile))
    return error_page(context, 404);
  const std::string& sha256 = name == kCascadeFile ? assignment->cascade_sha256 : assignment->units_sha256;
  if (!context.site.files().contains(sha256)) return error_page(context, 404);
  Reply reply;
  reply.file = context.site.files().path_of(sha256);
  reply.content_type = name == kCascadeFile ? "application/yaml; charset=utf-8" : "text/csv; charset=utf-8";
  reply.download_name = name;
  return reply;
}

Reply decide(RequestContext& context) {
  if (!is_province(context)) return error_page(context, 404);
  const std::optional<std::int64_t> id = parse_id(context.param("request"));
  const std::optional<AdjustmentRecord> request = id ? find_adjustment(context.db, *id) : std::nullopt;
  const std::optional<AssignmentRecord> assignment = request ? find_assignment(context.db, request->assignment_id) : std::nullopt;
  if (!assignment || assignment->unit_id != context.unit->id) return error_page(context, 404);
  const int year = assignment->year;
  const std::string back = page_path(context, year) + "#de-nghi";
  const std::string action = context.posted().value("hanh-dong");
  const std::string field = "ghi-chu-" + std::to_string(request->id);
  const std::string note = typed_text(context.posted().value(field));
  FormErrors errors;
  if (action != "dong-y" && action != "tu-choi") errors.add(field, "Hãy bấm Đồng ý hoặc Không đồng ý.");
  if (const std::string problem = text_problem(note, "Ý kiến"); !problem.empty()) errors.add(field, problem);
  if (action == "tu-choi" && note.empty()) errors.add(field, "Hãy ghi lý do không đồng ý để xã biết.");
  if (!errors.empty()) return render(context, year, {}, errors, 422);
  const std::optional<UnitRecord> commune = find_unit(context.db, request->unit_id);
  const std::string name = commune ? commune->full_name() : "xã";
  // Checked again under the lock: another officer may have answered since the page was read, or new targets given.
  Transaction transaction(context.site.database(), context.db);
  lock_adjustments(context.db);
  const std::optional<AdjustmentRecord> now = find_adjustment(context.db, request->id);
  if (now->decision)
    return refusal_page(context, 409, "Đề nghị của " + name + " đã được trả lời lúc " + vietnam_time(now->decision->at) + ".", back);
  const std::vector<AssignmentRecord> versions = assignments_of(context.db, context.unit->id, year);
  if (versions.empty() || versions.front().id != assignment->id)
    return refusal_page(context, 409,
                        "Đề nghị của " + name + " theo chỉ tiêu giao phiên bản " + std::to_string(assignment->number) +
                            ", nay đã có phiên bản mới hơn; xã cần xem chỉ tiêu mới và đề nghị lại nếu vẫn cần.",
                        back);
  add_adjustment_decision(context.db, request->id,
                          {action == "dong-y", note, context.now, context.who->account.id, context.client_address});
  AuditEntry entry = audit_entry(audit_actor(context), action == "dong-y" ? "target.agree" : "target.refuse");
  entry.unit_id = request->unit_id;  // the commune's request: read under the commune
  entry.plan_year = year;
  entry.detail = std::string(action == "dong-y" ? "Đồng ý" : "Không đồng ý") + " đề nghị điều chỉnh chỉ tiêu năm " +
                 std::to_string(year) + " của " + name + "." + (note.empty() ? "" : " Ý kiến: " + note);
  append_audit(context.db, entry);
  transaction.commit();
  set_session_notice(context.db, context.who->session.token_hash,
                     action == "dong-y" ? "Đã đồng ý đề nghị điều chỉnh của " + name + "; xã lập kế hoạch với số đề nghị."
                                        : "Đã không đồng ý đề nghị điều chỉnh của " + name + "; xã thấy ý kiến của tỉnh.");
  return redirect_to(back);
}

}  // namespace

void add_target_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/giao-chi-tieu", Access::Unit, show});
  router.add({"POST", "/don-vi/{unit}/giao-chi-tieu", Access::UnitWork, give});
  router.add({"GET", "/don-vi/{unit}/giao-chi-tieu/{assignment}/{file}", Access::Unit, download});
  router.add({"POST", "/don-vi/{unit}/giao-chi-tieu/de-nghi/{request}", Access::UnitWork, decide});
}

}  // namespace kehoach
