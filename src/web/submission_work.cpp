#include "web/submission_work.h"

#include "model/input_error.h"
#include "model/period.h"
#include "model/unit_level.h"
#include "store/accounts.h"
#include "store/units.h"
#include "web/access.h"
#include "text/column_letter.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/layout.h"
#include "web/plan_year.h"
#include "web/report_work.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

// "xã An Hòa Thịnh", "tỉnh Hà Tĩnh": a unit inside a sentence.
std::string in_words(const UnitRecord& unit) { return in_sentence(unit.name, level_by_word(unit.level_word)); }

// Whom the unit's work goes up to: the province above it (officers are the province's), else its parent.
std::optional<UnitRecord> unit_above(const RequestContext& context, const UnitRecord& unit) {
  std::optional<UnitRecord> parent;
  if (unit.parent_id) parent = find_unit(context.db, *unit.parent_id);
  for (std::optional<UnitRecord> at = parent; at; at = at->parent_id ? find_unit(context.db, *at->parent_id) : std::nullopt)
    if (at->tier == Tier::Province) return at;
  return parent;
}

// "12/05/2026": the day of a time, in the server's local time.
std::string local_day(std::int64_t seconds) { return vietnam_time(seconds).substr(0, 10); }

// "Nguyễn Văn Bình, tỉnh Hà Tĩnh": an account and its unit, or "" when it is gone.
std::string account_words(const RequestContext& context, const std::optional<std::int64_t>& id) {
  if (!id) return "";
  const std::optional<AccountRecord> account = find_account(context.db, *id);
  if (!account) return "";
  if (account->unit_id)
    if (const std::optional<UnitRecord> unit = find_unit(context.db, *account->unit_id))
      return account->display_name + ", " + in_words(*unit);
  return account->display_name;
}

// The latest version of the kind, when it can be sent: a plan or a report with its documents made.
struct Sendable {
  std::optional<VersionRecord> version;
  std::string why_not;  // when there is none
};

Sendable sendable_version(const RequestContext& context, WorkKind kind, int year) {
  const std::optional<VersionRecord> latest = latest_version(context.db, context.unit->id, year, kind);
  if (!latest) return {std::nullopt, "Chưa có phiên bản nào để gửi: hãy lưu trước."};
  if (kind != WorkKind::VillageTable && latest->state != WorkState::Done)
    return {std::nullopt, "Phiên bản mới nhất (" + std::to_string(latest->number) +
                              ") là bản nháp: bấm Tạo văn bản để có văn bản rồi mới gửi."};
  return {latest, ""};
}

std::string version_link(const RequestContext& context, std::int64_t id) {
  const std::optional<VersionRecord> version = find_version(context.db, id);
  if (!version) return "";
  return "<a href=\"" + escape_html(version_path(version->unit_id, version->id)) + "\">phiên bản " +
         std::to_string(version->number) + "</a>";
}

std::string by_whom(const RequestContext& context, const SubmissionRecord& record) {
  const std::string who = account_words(context, record.changed_by);
  return who.empty() ? "" : " (" + escape_html(who) + ")";
}

// Where the submission stands, in a sentence or two, for whoever reads the page.
std::string state_html(const RequestContext& context, const SubmissionRecord& record, SubmissionActor actor,
                       const SubmissionFacts& facts) {
  std::string html = "<p>Trạng thái duyệt: " + submission_tag(record.state) + "</p>\n";
  const std::string day = escape_html(local_day(record.changed_at));
  const std::string sent = record.version_id ? version_link(context, *record.version_id) : "";
  const bool own = actor == SubmissionActor::OwnOfficer;
  switch (record.state) {
    case SubmissionState::Entering:
      if (record.id == 0) return html + "<p>Chưa gửi lên " + escape_html(facts.above) + ".</p>\n";
      return html + "<div class=\"panel\"><p>Đã được mở lại ngày " + day + by_whom(context, record) +
             ". Lý do: " + escape_html(record.reason) + "</p>" +
             (own ? "<p>Sửa rồi gửi lại; phiên bản đã duyệt trước đó vẫn xem được.</p>" : "") + "</div>\n";
    case SubmissionState::Submitted:
      return html + "<p>Đã gửi " + sent + " ngày " + day + by_whom(context, record) + "; đang chờ " +
             escape_html(facts.above) + " xem và duyệt.</p>\n";
    case SubmissionState::Returned:
      return html + "<div class=\"panel\"><p>Bị trả lại ngày " + day + by_whom(context, record) + ". Lý do: <strong>" +
             escape_html(record.reason) + "</strong></p>" +
             (own ? "<p>Sửa theo lý do trên, lưu, rồi bấm Gửi để gửi lại.</p>" : "") + "</div>\n";
    case SubmissionState::Approved:
      if (own) return html + "<div class=\"notice\" role=\"note\"><p>" + escape_html(locked_refusal(facts)) + "</p></div>\n";
      return html + "<p>Đã duyệt " + sent + " ngày " + day + by_whom(context, record) + ".</p>\n";
  }
  return html;
}

// The unit's explanation of what `check` found, as the unit and the level above read it.
std::string explanation_html(const SubmissionRecord& record, SubmissionActor actor, const SubmissionFacts& facts) {
  if (record.explanation.empty()) return "";
  const std::string whose = actor == SubmissionActor::OwnOfficer ? "Giải trình đã gửi kèm" : "Giải trình của " + facts.unit;
  return "<p>" + escape_html(whose) + ": <strong>" + escape_html(record.explanation) + "</strong></p>\n";
}

// A version saved after the one sent is not what the level above reads: said on both sides.
std::string newer_than_sent(const RequestContext& context, const SubmissionRecord& record) {
  if (!record.version_id) return "";
  const std::optional<VersionRecord> latest = latest_version(context.db, record.unit_id, record.year, record.kind);
  const std::optional<VersionRecord> sent = find_version(context.db, *record.version_id);
  if (!latest || !sent || latest->id == sent->id) return "";
  return "<p>Sau phiên bản đã gửi (" + std::to_string(sent->number) + "), " + escape_html(in_words(*context.unit)) +
         " đã lưu phiên bản " + std::to_string(latest->number) + ", chưa gửi.</p>\n";
}

std::string version_field(std::int64_t id) {
  return "<input type=\"hidden\" name=\"phien-ban\" value=\"" + std::to_string(id) + "\">\n";
}

// The unit's officer: the latest version, what `check` finds in it, and "Gửi".
std::string send_form(const RequestContext& context, WorkKind kind, int year, const SubmissionFacts& facts,
                      const SubmissionTyped& typed, const FormErrors& errors) {
  const Sendable sendable = sendable_version(context, kind, year);
  if (!sendable.version) return "<p>" + escape_html(sendable.why_not) + "</p>\n";
  const VersionRecord& version = *sendable.version;
  std::string inner = version_field(version.id);
  std::string html;
  if (kind == WorkKind::VillageTable) {
    const TableFindings findings = village_table_findings(context, version);
    html += findings_html(findings);
    // Sent again after a return: the explanation sent before, to be kept or rewritten.
    const SubmissionRecord record = find_submission(context.db, context.unit->id, year, kind);
    const std::string explanation = typed.errors || record.state != SubmissionState::Returned ? typed.explanation
                                                                                             : record.explanation;
    if (findings.count() > 0)
      inner += text_area({.id = "giai-trinh",
                          .label = "Giải trình",
                          .value = explanation,
                          .hint = "Sửa bảng rồi lưu lại, hoặc giải trình vì sao số liệu vẫn đúng; " + facts.above +
                                  " đọc được giải trình này."},
                         errors, 4);
  }
  inner += submit_button("Gửi phiên bản " + std::to_string(version.number) + " lên " + facts.above);
  return html + post_form(submission_path(context.unit->id, kind, year, "gui"), context.csrf(), inner);
}

// An officer above: the version sent, its findings and explanation, "Duyệt" and "Trả lại" with a reason.
std::string review_forms(const RequestContext& context, WorkKind kind, int year, const SubmissionRecord& record,
                         const SubmissionTyped& typed, const FormErrors& errors) {
  const std::string version = record.version_id ? version_field(*record.version_id) : "";
  std::string html = "<div class=\"button-group\">\n" +
                     post_form(submission_path(context.unit->id, kind, year, "duyet"), context.csrf(),
                               version + submit_button("Duyệt"), false, "inline-form") +
                     "</div>\n";
  html += post_form(submission_path(context.unit->id, kind, year, "tra-lai"), context.csrf(),
                    version +
                        text_area({.id = "ly-do",
                                   .label = "Lý do trả lại",
                                   .value = typed.reason,
                                   .hint = "Đơn vị đọc được lý do này trên trang của mình: ghi rõ cần sửa gì."},
                                  errors, 3) +
                        submit_button("Trả lại", "button button--secondary"));
  return html;
}

std::string reopen_form(const RequestContext& context, WorkKind kind, int year, const SubmissionTyped& typed,
                        const FormErrors& errors) {
  return post_form(submission_path(context.unit->id, kind, year, "mo-lai"), context.csrf(),
                   text_area({.id = "ly-do",
                              .label = "Lý do mở lại",
                              .value = typed.reason,
                              .hint = "Mở lại để đơn vị sửa và gửi lại; đơn vị đọc được lý do này."},
                             errors, 3) +
                       submit_button("Mở lại", "button button--secondary"));
}

// Files of the version sent, for an officer above to read before deciding.
std::string sent_files(const RequestContext& context, const SubmissionRecord& record) {
  if (!record.version_id) return "";
  const std::optional<VersionRecord> version = find_version(context.db, *record.version_id);
  if (!version) return "";
  return file_links(context, *version, "");
}

bool allowed(const SubmissionRecord& record, SubmissionAction action, SubmissionActor actor, const SubmissionFacts& facts) {
  return decide_submission(record.state, action, actor, facts).allowed();
}

}  // namespace

std::string submission_slug(WorkKind kind) {
  if (kind == WorkKind::VillageTable) return "thon";
  if (kind == WorkKind::Plan) return "ke-hoach";
  const std::optional<Period> period = report_period(kind);
  return std::string("bao-cao-") + (period ? period_key(*period) : "");
}

std::optional<WorkKind> submission_kind_from_slug(const std::string& slug) {
  for (WorkKind kind : {WorkKind::VillageTable, WorkKind::Plan, WorkKind::ReportQ1, WorkKind::Report6m,
                        WorkKind::Report9m, WorkKind::ReportYear})
    if (slug == submission_slug(kind)) return kind;
  return std::nullopt;
}

std::string submission_path(std::int64_t unit, WorkKind kind, int year, const std::string& action) {
  return unit_path(unit, "nop/" + submission_slug(kind) + (action.empty() ? "" : "/" + action)) + year_query(year);
}

std::string work_page_path(std::int64_t unit, WorkKind kind, int year) {
  if (kind == WorkKind::VillageTable) return unit_path(unit, "thon") + year_query(year);
  if (kind == WorkKind::Plan) return unit_path(unit, "ke-hoach") + year_query(year);
  const std::optional<Period> period = report_period(kind);
  return unit_path(unit, "bao-cao") + year_query(year) + (period ? std::string("&ky=") + period_key(*period) : "");
}

std::string submission_work_label(WorkKind kind, int year) {
  if (kind == WorkKind::VillageTable) return work_label(kind, year) + " năm " + std::to_string(year);
  return work_label(kind, year);
}

std::optional<SubmissionActor> submission_actor(const RequestContext& context) {
  if (!context.who || !context.unit) return std::nullopt;
  const AccountRecord& account = context.who->account;
  if (account.disabled) return std::nullopt;
  if (account.role == Role::Administrator) return SubmissionActor::Administrator;
  if (!account.unit_id) return std::nullopt;
  if (*account.unit_id == context.unit->id) return SubmissionActor::OwnOfficer;
  if (unit_within(context.db, context.unit->id, *account.unit_id)) return SubmissionActor::AncestorOfficer;
  return std::nullopt;
}

SubmissionFacts submission_facts(const RequestContext& context, const SubmissionRecord& record) {
  const UnitRecord& unit = *context.unit;
  const std::optional<UnitRecord> above = unit_above(context, unit);
  SubmissionFacts facts;
  facts.work = submission_work_label(record.kind, record.year);
  facts.unit = in_words(unit);
  facts.above = above ? in_words(*above) : "cấp trên";
  if (record.id != 0) facts.since = local_day(record.changed_at);
  if (record.state == SubmissionState::Approved) facts.contact = account_words(context, record.changed_by);
  return facts;
}

std::string submission_tag(SubmissionState state) {
  return std::string("<strong class=\"tag tag--") + submission_state_key(state) + "\">" +
         escape_html(submission_state_label(state)) + "</strong>";
}

std::string work_status_tag(const RequestContext& context, std::int64_t unit, int year, WorkKind kind) {
  const SubmissionRecord record = find_submission(context.db, unit, year, kind);
  if (record.id != 0) return submission_tag(record.state);
  return state_tag(work_state(context.db, unit, year, kind));
}

bool work_approved(const RequestContext& context, WorkKind kind, int year) {
  return context.unit &&
         find_submission(context.db, context.unit->id, year, kind).state == SubmissionState::Approved;
}

bool work_forms_shown(const RequestContext& context, WorkKind kind, int year) {
  return context.unit && context.who && may_change_unit_work(context.who->account, *context.unit) &&
         !work_approved(context, kind, year);
}

void check_not_locked(const RequestContext& context, WorkKind kind, int year) {
  const SubmissionRecord record = find_submission(context.db, context.unit->id, year, kind);
  if (record.state == SubmissionState::Approved) throw WorkLocked(locked_refusal(submission_facts(context, record)));
}

Reply refusal_page(const RequestContext& context, int status, const std::string& reason, const std::string& back) {
  const std::string body = "<div class=\"panel\" role=\"alert\"><p>" + escape_html(reason) +
                           "</p></div>\n<p>Không có gì được lưu hay thay đổi.</p>\n<p><a href=\"" + escape_html(back) +
                           "\">Quay lại trang trước</a></p>\n";
  return page_reply(context, {"Yêu cầu bị từ chối", context.unit ? context.unit->full_name() : "", body, nullptr}, status);
}

Handler unless_approved(WorkKindOf kind_of, Handler handler) {
  return [kind_of = std::move(kind_of), handler = std::move(handler)](RequestContext& context) -> Reply {
    const std::optional<WorkKind> kind = kind_of(context);
    if (!kind || context.unit->tier != Tier::Commune) return handler(context);
    const int year = page_year(context);
    const std::string back = work_page_path(context.unit->id, *kind, year);
    try {
      check_not_locked(context, *kind, year);
      return handler(context);
    } catch (const WorkLocked& locked) {
      return refusal_page(context, 403, locked.what(), back);
    }
  };
}

TableFindings village_table_findings(const RequestContext& context, const VersionRecord& version) {
  TableFindings findings;
  for (const VersionFile& file : version_files(context.db, version.id)) {
    if (file.role != "input") continue;
    const WorkFolder folder(context.site);
    try {
      findings.checked = check_table_file(copy_to(context, file, folder), "");
    } catch (const InputError& e) {
      findings.unreadable = e.problem();
    }
    break;
  }
  return findings;
}

std::string findings_html(const TableFindings& findings) {
  std::string html = "<h3>Kiểm tra bảng (như <code>kehoach check</code>)</h3>\n";
  if (!findings.checked)
    return html + "<p>Không kiểm tra được bảng này" +
           (findings.unreadable.empty() ? "" : ": " + escape_html(findings.unreadable)) + "</p>\n";
  const CheckedTable& checked = *findings.checked;
  if (checked.findings.empty()) return html + "<p>Không thấy chỗ sai nào.</p>\n";
  html += "<p><strong>" + std::to_string(checked.findings.size()) +
          " chỗ sai</strong>: số đã ghi không khớp với số tính từ các ô khác.</p>\n" + scroll_box("Các chỗ sai") +
          "<table class=\"table\">\n<caption class=\"visually-hidden\">Các chỗ kehoach check tìm thấy</caption>\n"
          "<thead><tr><th scope=\"col\">Dòng</th><th scope=\"col\">Đơn vị</th><th scope=\"col\">Cột</th>"
          "<th scope=\"col\">Đã ghi</th><th scope=\"col\">Đúng là</th><th scope=\"col\">Vì</th></tr></thead>\n<tbody>\n";
  for (const Finding& finding : checked.findings)
    html += "<tr><td>" + std::to_string(finding.row) + "</td><th scope=\"row\">" + escape_html(finding.unit) + "</th><td>" +
            escape_html(column_letter(finding.column) + " (" + finding.column_name + ")") + "</td><td>" +
            escape_html(finding.stated.empty() ? "ô trống" : finding.stated) + "</td><td>" + escape_html(finding.expected) +
            "</td><td>" + escape_html(finding.reason) + "</td></tr>\n";
  return html + "</tbody>\n</table>\n</div>\n";
}

std::string submission_section(const RequestContext& context, WorkKind kind, int year, const SubmissionTyped& typed) {
  if (!context.unit || context.unit->tier != Tier::Commune) return "";
  const std::optional<SubmissionActor> actor = submission_actor(context);
  if (!actor) return "";
  static const FormErrors kNoErrors;
  const FormErrors& errors = typed.errors ? *typed.errors : kNoErrors;
  const SubmissionRecord record = find_submission(context.db, context.unit->id, year, kind);
  const SubmissionFacts facts = submission_facts(context, record);
  std::string html = "<section class=\"submission\" aria-labelledby=\"gui-va-duyet\">\n<h2 id=\"gui-va-duyet\">" +
                     std::string(typed.own_page ? "Hiện nay" : "Gửi và duyệt") + "</h2>\n" +
                     state_html(context, record, *actor, facts);
  if (record.state == SubmissionState::Submitted || record.state == SubmissionState::Returned)
    html += newer_than_sent(context, record);
  if (*actor == SubmissionActor::OwnOfficer) {
    if (record.state == SubmissionState::Returned || record.state == SubmissionState::Submitted)
      html += explanation_html(record, *actor, facts);
    if (allowed(record, SubmissionAction::Submit, *actor, facts)) html += send_form(context, kind, year, facts, typed, errors);
  } else if (*actor == SubmissionActor::AncestorOfficer && record.state != SubmissionState::Entering) {
    html += sent_files(context, record);
    if (kind == WorkKind::VillageTable && record.version_id)
      if (const std::optional<VersionRecord> sent = find_version(context.db, *record.version_id))
        html += findings_html(village_table_findings(context, *sent));
    html += explanation_html(record, *actor, facts);
    if (allowed(record, SubmissionAction::Approve, *actor, facts)) html += review_forms(context, kind, year, record, typed, errors);
    if (allowed(record, SubmissionAction::Reopen, *actor, facts)) html += reopen_form(context, kind, year, typed, errors);
  }
  if (!typed.own_page)
    html += "<p><a href=\"" + escape_html(submission_path(context.unit->id, kind, year)) + "\">Lịch sử gửi và duyệt</a></p>\n";
  return html + "</section>\n";
}

}  // namespace kehoach
