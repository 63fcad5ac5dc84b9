// A commune's submission of a kind of work for a year (web/submission_work.h): its page, with where it stands,
// the forms of the signed-in account and the history of every change; and the four actions, POSTs on the
// commune's own address. Who may do what in which state is compute/submission_flow.h's table: the commune's
// officers send, the officers of the province above return, approve and reopen; a refusal answers 403 (the
// account may never do it, or the work is locked) or 409 (not in this state), with the table's reason. An
// account outside the commune's tree gets 404 (Access::Unit).
//
//   GET  /don-vi/{unit}/nop/{kind}?nam=YYYY            kind: thon, ke-hoach, bao-cao-q1|6m|9m|year
//   POST /don-vi/{unit}/nop/{kind}/gui?nam=YYYY        Gửi: phien-ban (the latest version), giai-trinh (the
//        explanation, required when `kehoach check` finds something in a village table)
//   POST /don-vi/{unit}/nop/{kind}/tra-lai?nam=YYYY    Trả lại: phien-ban (the version read), ly-do (required)
//   POST /don-vi/{unit}/nop/{kind}/duyet?nam=YYYY      Duyệt: phien-ban (the version read)
//   POST /don-vi/{unit}/nop/{kind}/mo-lai?nam=YYYY     Mở lại: ly-do (required)
#include <algorithm>

#include "store/accounts.h"
#include "store/sessions.h"
#include "text/unicode.h"
#include "web/access.h"
#include "web/form_text.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/plan_year.h"
#include "web/routes.h"
#include "web/submission_work.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

struct Target {
  WorkKind kind = WorkKind::Plan;
  int year = 0;
};

std::optional<Target> target_of(const RequestContext& context) {
  if (context.unit->tier != Tier::Commune) return std::nullopt;
  const std::optional<WorkKind> kind = submission_kind_from_slug(context.param("kind"));
  if (!kind) return std::nullopt;
  return Target{*kind, page_year(context)};
}

std::string account_name(const RequestContext& context, const std::optional<std::int64_t>& id) {
  if (!id) return "";
  const std::optional<AccountRecord> account = find_account(context.db, *id);
  return account ? account->display_name : "";
}

std::string history(const RequestContext& context, const SubmissionRecord& record) {
  std::string html = "<h2 id=\"lich-su\">Lịch sử</h2>\n";
  if (record.id == 0) return html + "<p>Chưa gửi lần nào.</p>\n";
  html += scroll_box("Lịch sử gửi và duyệt") +
          "<table class=\"table\">\n<caption class=\"visually-hidden\">Lịch sử gửi và duyệt</caption>\n<thead><tr>"
          "<th scope=\"col\">Lúc</th><th scope=\"col\">Việc</th><th scope=\"col\">Người làm</th><th scope=\"col\">Phiên bản</th>"
          "<th scope=\"col\">Trạng thái sau</th><th scope=\"col\">Lý do, giải trình</th></tr></thead>\n<tbody>\n";
  for (const SubmissionEvent& event : submission_events(context.db, record.id)) {
    std::string version;
    if (event.version_id)
      if (const std::optional<VersionRecord> found = find_version(context.db, *event.version_id))
        version = "<a href=\"" + escape_html(version_path(found->unit_id, found->id)) + "\">" +
                  std::to_string(found->number) + "</a>";
    const std::string note = event.reason.empty() ? event.explanation : event.reason;
    html += "<tr><td>" + escape_html(vietnam_time(event.at)) + "</td><th scope=\"row\">" +
            escape_html(submission_action_label(event.action)) + "</th><td>" + escape_html(account_name(context, event.by)) +
            "</td><td>" + version + "</td><td>" + submission_tag(event.to) + "</td><td>" + escape_html(note) + "</td></tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n";
}

Reply render(RequestContext& context, const Target& target, SubmissionTyped typed, int status) {
  typed.own_page = true;
  const SubmissionRecord record = find_submission(context.db, context.unit->id, target.year, target.kind);
  const std::string label = submission_work_label(target.kind, target.year);
  std::string body = "<p><a href=\"" + escape_html(work_page_path(context.unit->id, target.kind, target.year)) + "\">Về trang " +
                     escape_html(label) + "</a></p>\n";
  body += submission_section(context, target.kind, target.year, typed);
  body += history(context, record);
  // The navigation marks the work's page ("Bảng số liệu thôn", "Kế hoạch", "Báo cáo"): this page is part of it.
  const std::string work = work_page_path(context.unit->id, target.kind, target.year);
  return page_reply(context, {label + ": gửi và duyệt", context.unit->full_name(), body, typed.errors, false,
                              work.substr(0, work.find('?'))},
                    status);
}

Reply show(RequestContext& context) {
  const std::optional<Target> target = target_of(context);
  if (!target) return error_page(context, 404);
  return render(context, *target, {}, 200);
}

// A refusal of the table: 403 when the account may never do it (or the work is locked), 409 when the
// submission is not in the state for it.
int refusal_status(Refusal refusal) {
  switch (refusal) {
    case Refusal::OnlyAboveDecides:
    case Refusal::OnlyUnitSubmits:
    case Refusal::AdministratorTakesNoPart:
    case Refusal::ApprovedLocked: return 403;
    default: return 409;
  }
}

// "Đã gửi Kế hoạch năm 2026 (phiên bản 3) lên tỉnh Hà Tĩnh.": what the page says after the change.
std::string done_notice(SubmissionAction action, const SubmissionFacts& facts, const SubmissionRecord& record,
                        const RequestContext& context) {
  std::string version;
  if (record.version_id)
    if (const std::optional<VersionRecord> found = find_version(context.db, *record.version_id))
      version = " (phiên bản " + std::to_string(found->number) + ")";
  switch (action) {
    case SubmissionAction::Submit: return "Đã gửi " + facts.work + version + " lên " + facts.above + ".";
    case SubmissionAction::Return:
      return "Đã trả lại " + facts.work + " của " + facts.unit + "; đơn vị thấy lý do trên trang của mình.";
    case SubmissionAction::Approve: return "Đã duyệt " + facts.work + version + " của " + facts.unit + ".";
    case SubmissionAction::Reopen:
      return "Đã mở lại " + facts.work + " của " + facts.unit + "; đơn vị sửa và gửi lại được.";
  }
  return "";
}

struct Posted {
  SubmissionTyped typed;
  FormErrors errors;
  std::optional<std::int64_t> version;  // phien-ban, when it names one of the unit's versions
};

// The unit's officer sends its latest version; a village table with `check` findings needs an explanation.
void check_send(const RequestContext& context, const Target& target, Posted& posted) {
  const std::optional<VersionRecord> version = version_of_unit(context, context.posted().value("phien-ban"));
  const std::optional<VersionRecord> latest = latest_version(context.db, context.unit->id, target.year, target.kind);
  if (!latest) {
    posted.errors.add("gui-va-duyet", "Chưa có phiên bản nào để gửi: hãy lưu trước.");
    return;
  }
  if (!version || version->id != latest->id || version->kind != target.kind || version->year != target.year) {
    posted.errors.add("gui-va-duyet", "Đã có phiên bản mới hơn (phiên bản " + std::to_string(latest->number) +
                                          ") từ khi mở trang; hãy xem lại rồi gửi.");
    return;
  }
  if (target.kind != WorkKind::VillageTable && latest->state != WorkState::Done) {
    posted.errors.add("gui-va-duyet", "Phiên bản mới nhất (" + std::to_string(latest->number) +
                                          ") là bản nháp: bấm Tạo văn bản để có văn bản rồi mới gửi.");
    return;
  }
  posted.version = latest->id;
  if (target.kind != WorkKind::VillageTable) return;
  const TableFindings findings = village_table_findings(context, *latest);
  if (findings.count() > 0 && posted.typed.explanation.empty())
    posted.errors.add("giai-trinh", "Bảng có " + std::to_string(findings.count()) +
                                        " chỗ kehoach check tìm thấy: hãy giải trình trước khi gửi, hoặc sửa bảng rồi lưu lại.");
  if (findings.count() == 0) posted.typed.explanation.clear();  // nothing to explain
}

Posted read_posted(const RequestContext& context, const Target& target, SubmissionAction action) {
  Posted posted;
  posted.typed.explanation = typed_text(context.posted().value("giai-trinh"));
  posted.typed.reason = typed_text(context.posted().value("ly-do"));
  if (const std::string problem = text_problem(posted.typed.explanation, "Giải trình"); !problem.empty())
    posted.errors.add("giai-trinh", problem);
  if (const std::string problem = text_problem(posted.typed.reason, "Lý do"); !problem.empty())
    posted.errors.add("ly-do", problem);
  if (action == SubmissionAction::Submit) check_send(context, target, posted);
  if (action_needs_reason(action) && posted.typed.reason.empty())
    posted.errors.add("ly-do", action == SubmissionAction::Return ? "Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."
                                                                  : "Hãy ghi lý do mở lại.");
  if (action == SubmissionAction::Return || action == SubmissionAction::Approve)
    if (const std::optional<std::int64_t> id = parse_id(context.posted().value("phien-ban"))) posted.version = *id;
  return posted;
}

Reply act(RequestContext& context, SubmissionAction action) {
  const std::optional<Target> target = target_of(context);
  if (!target) return error_page(context, 404);
  const std::optional<SubmissionActor> actor = submission_actor(context);
  if (!actor) return error_page(context, 404);
  const std::string back = work_page_path(context.unit->id, target->kind, target->year);
  // Refused by the table as things stand: said at once, whatever the form holds.
  const SubmissionRecord current = find_submission(context.db, context.unit->id, target->year, target->kind);
  const SubmissionDecision first = decide_submission(current.state, action, *actor, submission_facts(context, current));
  if (!first.allowed())
    return refusal_page(context, refusal_status(first.why), first.refusal, back);
  Posted posted = read_posted(context, *target, action);
  if (!posted.errors.empty()) {
    posted.typed.errors = &posted.errors;
    return render(context, *target, posted.typed, 422);
  }
  SubmissionChange change{context.unit->id, target->year, target->kind, action,
                          action == SubmissionAction::Submit ? posted.version : std::nullopt,
                          action_needs_reason(action) ? posted.typed.reason : "",
                          action == SubmissionAction::Submit ? posted.typed.explanation : "",
                          context.now, context.who->account.id, context.client_address};
  // Decided again under the lock, on the state as it is now: another officer may have acted since the page
  // was read. Returning or approving is of the version read: one sent since is read first.
  bool stale = false;
  int status = 409;
  const SubmissionResult result = change_submission(
      context.site.database(), context.db, change, [&](const SubmissionRecord& now) -> SubmissionVerdict {
        const SubmissionFacts facts = submission_facts(context, now);
        const SubmissionDecision decision = decide_submission(now.state, action, *actor, facts);
        if (!decision.allowed()) {
          status = refusal_status(decision.why);
          return {std::nullopt, decision.refusal};
        }
        if ((action == SubmissionAction::Return || action == SubmissionAction::Approve) && now.version_id != posted.version) {
          stale = true;
          return {std::nullopt, context.unit->full_name() +
                                    " đã gửi phiên bản khác từ khi bạn mở trang; hãy xem lại trước khi trả lại hay duyệt."};
        }
        return {decision.next, ""};
      });
  if (!result.verdict.next) return refusal_page(context, stale ? 409 : status, result.verdict.refusal, back);
  set_session_notice(context.db, context.who->session.token_hash,
                     done_notice(action, submission_facts(context, result.record), result.record, context));
  return redirect_to(back);
}

Reply send(RequestContext& context) { return act(context, SubmissionAction::Submit); }
Reply give_back(RequestContext& context) { return act(context, SubmissionAction::Return); }
Reply approve(RequestContext& context) { return act(context, SubmissionAction::Approve); }
Reply reopen(RequestContext& context) { return act(context, SubmissionAction::Reopen); }

}  // namespace

void add_submission_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/nop/{kind}", Access::Unit, show});
  router.add({"POST", "/don-vi/{unit}/nop/{kind}/gui", Access::Unit, send});
  router.add({"POST", "/don-vi/{unit}/nop/{kind}/tra-lai", Access::Unit, give_back});
  router.add({"POST", "/don-vi/{unit}/nop/{kind}/duyet", Access::Unit, approve});
  router.add({"POST", "/don-vi/{unit}/nop/{kind}/mo-lai", Access::Unit, reopen});
}

}  // namespace kehoach
