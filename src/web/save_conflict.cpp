#include "web/save_conflict.h"

#include "store/accounts.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/plan_work.h"
#include "web/report_work.h"
#include "web/village_table.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

// "Lê Thị Hoa" (who saved it), or "một cán bộ khác" when the account is gone.
std::string saved_by(const RequestContext& context, const VersionRecord& version) {
  if (version.created_by)
    if (const std::optional<AccountRecord> account = find_account(context.db, *version.created_by))
      return account->display_name;
  return "một cán bộ khác";
}

}  // namespace

std::string version_contents(const RequestContext& context, const VersionRecord& version, const std::string& heading) {
  if (version.kind == WorkKind::VillageTable) {
    const VillageTable table = village_table_of(context, version);
    if (table.check.statistics)
      return statistics_html(*table.check.statistics, "Số hộ, hộ nghèo, hộ cận nghèo đầu năm " + std::to_string(version.year));
    return "";
  }
  if (version.kind == WorkKind::Plan) {
    const std::optional<PlanInput> input = load_version_plan(context, version);
    if (!input) return "";
    const Plan& plan = input->plan;
    std::string html = "<" + heading + ">Phụ lục chỉ tiêu</" + heading + ">\n<p>" +
                       escape_html(plan.number ? "Kế hoạch số " + std::to_string(*plan.number) + "/" + plan.symbol
                                               : std::string("Dự thảo (chưa có số, ngày)")) +
                       ", " + escape_html(plan.issuing_body + " " + plan.unit) + ".</p>\n";
    return html + appendix_preview(*input);
  }
  if (const std::optional<SavedReport> saved = load_version_report(context, version))
    return "<" + heading + ">Kết quả</" + heading + ">\n" + report_results_html(saved->figures.report);
  return "";
}

std::string conflict_message(const RequestContext& context, const VersionRecord& newer) {
  return "Trong lúc bạn nhập, " + saved_by(context, newer) + " đã lưu phiên bản " + std::to_string(newer.number) + " (" +
         vietnam_time(newer.created_at) + "); phần bạn nhập chưa được lưu: xem lại rồi lưu lại.";
}

void add_conflict(FormErrors& errors, const RequestContext& context, const VersionRecord& newer) {
  errors.add(kConflictAnchor, conflict_message(context, newer));
}

std::string conflict_section(const RequestContext& context, const VersionRecord& newer, const std::string& yours,
                             bool contents, const std::string& beside) {
  const std::string link = "<a href=\"" + escape_html(version_path(newer.unit_id, newer.id)) + "\">phiên bản " +
                           std::to_string(newer.number) + "</a>";
  std::string html = "<section class=\"panel conflict\" id=\"" + std::string(kConflictAnchor) +
                     "\" aria-labelledby=\"xung-dot-tieu-de\">\n<h2 id=\"xung-dot-tieu-de\">Dữ liệu đã thay đổi trong lúc "
                     "bạn nhập</h2>\n<p>" +
                     escape_html(saved_by(context, newer)) + " đã lưu " + link + " của " +
                     escape_html(work_label(newer.kind, newer.year)) + " lúc " + escape_html(vietnam_time(newer.created_at)) +
                     ", sau khi bạn mở trang. Phần bạn nhập <strong>chưa được lưu</strong>, để không ghi đè lên phiên bản "
                     "đó mà không ai thấy.</p>\n<p>" +
                     escape_html(yours) + "</p>\n" + beside;
  if (contents) {
    const std::string held = version_contents(context, newer, "h3");
    if (!held.empty()) html += held;
  }
  return html + "</section>\n";
}

}  // namespace kehoach
