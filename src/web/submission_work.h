#pragma once
// A commune's submissions (model/submission.h) as its pages show them and act on them: who the signed-in
// account is to the unit (its own officer, an officer above it, an administrator), the words the refusals
// of compute/submission_flow.h name, the section "Gửi và duyệt" of the village table, plan and report
// pages (the state, the reason of a return, the version sent, what `kehoach check` finds in a village table
// with the unit's explanation, and the forms the account may use), and the lock: once a kind is approved
// the unit's forms give way to a notice and its POSTs that would change the kind are refused (403) with
// the reason, checked again under the submissions' lock inside the transaction that would save.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/check_table.h"
#include "compute/submission_flow.h"
#include "store/submissions.h"
#include "store/versions.h"
#include "web/context.h"
#include "web/form_view.h"
#include "web/reply.h"
#include "web/router.h"

namespace kehoach {

// The kinds as URLs name them: "thon", "ke-hoach", "bao-cao-q1", "bao-cao-6m", "bao-cao-9m", "bao-cao-year";
// and back (nullopt for another word).
std::string submission_slug(WorkKind kind);
std::optional<WorkKind> submission_kind_from_slug(const std::string& slug);

// "/don-vi/12/nop/ke-hoach?nam=2026" (the submission's page) and "/don-vi/12/nop/ke-hoach/gui?nam=2026" (an
// action: gui, tra-lai, duyet, mo-lai).
std::string submission_path(std::int64_t unit, WorkKind kind, int year, const std::string& action = "");

// The page of the kind's work: "/don-vi/12/thon?nam=2026", "/don-vi/12/bao-cao?nam=2026&ky=6m".
std::string work_page_path(std::int64_t unit, WorkKind kind, int year);

// "Bảng số liệu thôn năm 2026", "Kế hoạch năm 2026", "Báo cáo 6 tháng đầu năm 2026".
std::string submission_work_label(WorkKind kind, int year);

// How the signed-in account stands to the route's unit; nullopt when it stands in none of the three ways.
std::optional<SubmissionActor> submission_actor(const RequestContext& context);

// What the refusals name for the route's unit's submission: the work, the unit and the province above it
// in sentence form, the day of the present state, who approved it.
SubmissionFacts submission_facts(const RequestContext& context, const SubmissionRecord& record);

// The submission's state as a coloured tag: "Đang nhập", "Đã gửi", "Bị trả lại", "Đã duyệt".
std::string submission_tag(SubmissionState state);

// The tag of where a kind of the unit's work stands, for a list of them: the submission's state once it was
// sent, else the work's own (Chưa bắt đầu, Đang nhập, Đã hoàn thành).
std::string work_status_tag(const RequestContext& context, std::int64_t unit, int year, WorkKind kind);

// Whether the route's unit's work of that kind and year is approved: its forms give way to the notice.
bool work_approved(const RequestContext& context, WorkKind kind, int year);

// Whether the route's unit's work of that kind and year shows its forms: to the unit's own officers while it is
// not approved. Others (the level above, an administrator) read it: the notice above says who changes it.
bool work_forms_shown(const RequestContext& context, WorkKind kind, int year);

// Thrown by save_version when the work it would save is approved; what() is the refusal to show.
class WorkLocked : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws WorkLocked when the route's unit's work of that kind and year is approved. Inside the transaction
// that would save, after lock_submissions, so that an approval and a save never cross.
void check_not_locked(const RequestContext& context, WorkKind kind, int year);

// The POST handler of a page that changes a kind of work (the kind read from the request: the report's
// from ?ky=), refused while that kind is approved: the 403 page with the reason, before the handler runs,
// and when the handler's save meets the lock (WorkLocked).
using WorkKindOf = std::function<std::optional<WorkKind>(const RequestContext&)>;
Handler unless_approved(WorkKindOf kind_of, Handler handler);

// The page a refused action answers with: `status` (403: the account may not, or the work is locked; 409:
// not in this state), the reason, and a link back to the work's page. Nothing was saved.
Reply refusal_page(const RequestContext& context, int status, const std::string& reason, const std::string& back);

// What `kehoach check` finds in a version of the village table (app/check_table.h), for both sides.
struct TableFindings {
  std::optional<CheckedTable> checked;  // nullopt when `check` does not read the table as a target table
  std::string unreadable;               // then why (shown as a note, not a finding)
  std::size_t count() const { return checked ? checked->findings.size() : 0; }
};
TableFindings village_table_findings(const RequestContext& context, const VersionRecord& version);

// The findings as a table: row, unit, column, what is written, what it should be and why.
std::string findings_html(const TableFindings& findings);

// What a form of the section brings back when refused (the text typed and the messages), and where the
// section is shown.
struct SubmissionTyped {
  std::string explanation = "";  // giai-trinh
  std::string reason = "";       // ly-do
  const FormErrors* errors = nullptr;
  bool own_page = false;  // on the submission's own page, under its history's heading: no link to itself
};

// The section "Gửi và duyệt" of a work page (and of the submission's page): where the submission stands, and
// the forms the signed-in account may use in that state (Gửi with its explanation for the unit's officer;
// Trả lại with its reason, Duyệt, Mở lại with its reason for an officer above). "" for a unit that is no
// commune.
std::string submission_section(const RequestContext& context, WorkKind kind, int year, const SubmissionTyped& typed = {});

}  // namespace kehoach
