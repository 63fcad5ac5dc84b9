// The start: "/" sends each account to its page; a commune's home shows its plan year and where each
// piece of its work stands (village table, plan, the four reports: once sent up, the submission's state),
// with links to their pages; a province's links its pages (Tình hình nộp, Tổng hợp) and lists its communes.
#include <string>
#include <vector>

#include "store/units.h"
#include "store/versions.h"
#include "write/deadline_words.h"
#include "write/report_labels.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/layout.h"
#include "web/plan_year.h"
#include "web/plan_work.h"
#include "web/routes.h"
#include "web/submission_work.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

Reply start(RequestContext& context) {
  if (!context.who) return redirect_to("/dang-nhap");
  const AccountRecord& account = context.who->account;
  if (account.must_change_password) return redirect_to("/doi-mat-khau");
  if (account.role == Role::Administrator) return redirect_to("/quan-tri");
  if (account.unit_id) return redirect_to(unit_path(*account.unit_id));
  return page_reply(context, {"Tài khoản chưa có đơn vị", "",
                              "<p>Tài khoản của bạn chưa được gắn với đơn vị nào. Hãy nhờ cán bộ quản trị.</p>\n", nullptr});
}

struct WorkRow {
  WorkKind kind;
  std::string link;
};

std::string work_table(const RequestContext& context, const UnitRecord& unit, int year) {
  const std::string suffix = "?nam=" + std::to_string(year);
  std::vector<WorkRow> rows{{WorkKind::VillageTable, unit_path(unit.id, "thon") + suffix},
                            {WorkKind::Plan, unit_path(unit.id, "ke-hoach") + suffix}};
  for (const ReportKind& report : report_kinds())
    rows.push_back({report.kind, unit_path(unit.id, "bao-cao") + suffix + "&ky=" + period_key(report.period)});
  std::string html =
      "<table class=\"table\">\n<caption class=\"table-caption\">Công việc năm " + std::to_string(year) +
      "</caption>\n<thead><tr><th scope=\"col\">Việc</th><th scope=\"col\">Trạng thái</th></tr></thead>\n<tbody>\n";
  for (const WorkRow& row : rows)
    html += "<tr><th scope=\"row\"><a href=\"" + escape_html(row.link) + "\">" + escape_html(work_label(row.kind, year)) +
            "</a></th><td>" + work_status_tag(context, unit.id, year, row.kind) + "</td></tr>\n";
  return html + "</tbody>\n</table>\n";
}

// The reports the year's plan asks for, with their due dates as `kehoach deadlines` prints them.
std::string deadlines(const RequestContext& context, const UnitRecord& unit, int year) {
  std::string html = "<h2>Hạn nộp báo cáo</h2>\n";
  const std::string plan_link = "<a href=\"" + escape_html(unit_path(unit.id, "ke-hoach") + year_query(year)) + "\">";
  const std::optional<YearDeadlines> found = plan_year_deadlines(context, year);
  if (!found)
    return html + "<p>Khi đã lưu " + plan_link + "kế hoạch năm " + std::to_string(year) +
           "</a>, các báo cáo kế hoạch yêu cầu và hạn nộp sẽ hiện ở đây.</p>\n";
  if (found->deadlines.empty())
    return html + "<p>Kế hoạch năm " + std::to_string(year) + " chưa ghi lịch nộp báo cáo; hãy ghi ở phần Lịch nộp báo cáo của " +
           plan_link + "kế hoạch</a>.</p>\n";
  html += "<ul class=\"deadlines\">\n";
  for (const Deadline& deadline : found->deadlines)
    html += "<li>" + escape_html("Báo cáo " + period_label(deadline.period, year) + ": hạn " + day_month_year(deadline.due) +
                                 deadline_status(deadline, found->symbol)) +
            "</li>\n";
  return html + "</ul>\n";
}

// The documents made for the year: the outputs of the latest version of each kind that has them.
std::string files_made(const RequestContext& context, const UnitRecord& unit, int year) {
  std::string html = "<h2>Tệp đã tạo</h2>\n";
  std::string found;
  std::vector<WorkKind> kinds{WorkKind::Plan};
  for (const ReportKind& report : report_kinds()) kinds.push_back(report.kind);
  for (WorkKind kind : kinds) {
    for (const VersionRecord& version : versions_of(context.db, unit.id, year, kind)) {
      const std::string links = file_links(context, version, "output");
      if (links.empty()) continue;
      found += "<h3>" + escape_html(work_label(kind, year)) + "</h3>\n<p>" + escape_html(version_line(context, version)) +
               " (<a href=\"" + escape_html(version_path(unit.id, version.id)) + "\">xem phiên bản</a>):</p>\n" + links;
      break;
    }
  }
  if (found.empty())
    return html + "<p>Chưa có tệp nào. Kế hoạch, phụ lục và báo cáo đã tạo sẽ hiện ở đây để tải về.</p>\n";
  return html + found;
}

std::string villages(const RequestContext& context, const UnitRecord& unit) {
  const std::vector<UnitRecord> below = child_units(context.db, unit.id);
  std::string html = "<h2>Thôn, tổ dân phố</h2>\n";
  if (below.empty())
    return html + "<p>Chưa có thôn, tổ dân phố nào trong danh sách đơn vị. Hãy nhờ cán bộ quản trị thêm.</p>\n";
  html += "<p>" + std::to_string(below.size()) + " đơn vị:</p>\n<ul class=\"columns\">\n";
  for (const UnitRecord& village : below) html += "<li>" + escape_html(village.full_name()) + "</li>\n";
  return html + "</ul>\n";
}

Reply commune_home(RequestContext& context, const UnitRecord& unit) {
  const int year = page_year(context);
  std::string caption;
  if (unit.parent_id)
    if (const std::optional<UnitRecord> parent = find_unit(context.db, *unit.parent_id)) caption = parent->full_name();
  std::string body = year_form(context, year) + work_table(context, unit, year);
  body += deadlines(context, unit, year);
  body += files_made(context, unit, year);
  body += villages(context, unit);
  return page_reply(context, {unit.full_name(), caption, body, nullptr});
}

// The pages of the level above the communes for the year: the targets it gives (a province), where the
// submissions stand, and what was approved added up.
std::string province_pages(const RequestContext& context, const UnitRecord& unit) {
  const int year = page_year(context);
  const std::string query = year_query(year) + "&ky=ke-hoach";
  std::string links;
  if (unit.tier == Tier::Province)
    links += "<li><a href=\"" + escape_html(unit_path(unit.id, "giao-chi-tieu") + year_query(year)) +
             "\">Giao chỉ tiêu</a>: chia chỉ tiêu của tỉnh cho từng xã, phường và từng thôn; đề nghị điều chỉnh của "
             "các xã</li>\n";
  links += "<li><a href=\"" + escape_html(unit_path(unit.id, "tinh-hinh-nop") + query) +
           "\">Tình hình nộp</a>: các xã, phường đã gửi, bị trả lại, đã duyệt; đúng hạn hay muộn; xuất Excel</li>\n"
           "<li><a href=\"" + escape_html(unit_path(unit.id, "tong-hop") + query) +
           "\">Tổng hợp</a>: phụ lục tổng hợp từ các kế hoạch đã duyệt; tải mọi tệp của các xã, phường</li>\n";
  return year_form(context, year) + "<h2>Việc năm " + std::to_string(year) + "</h2>\n<ul class=\"link-list\">\n" +
         links + "</ul>\n";
}

Reply province_home(RequestContext& context, const UnitRecord& unit) {
  const std::vector<UnitRecord> below = child_units(context.db, unit.id);
  std::string body = province_pages(context, unit) + "<h2>Các đơn vị trực thuộc</h2>\n";
  if (below.empty()) body += "<p>Chưa có đơn vị nào thuộc " + escape_html(unit.full_name()) + ".</p>\n";
  else {
    body += "<ul class=\"unit-list\">\n";
    for (const UnitRecord& child : below) {
      const bool linked = child.tier == Tier::Commune || child.tier == Tier::District;
      body += "<li>" + (linked ? "<a href=\"" + unit_path(child.id) + "\">" + escape_html(child.full_name()) + "</a>"
                               : escape_html(child.full_name())) +
              "</li>\n";
    }
    body += "</ul>\n";
  }
  body += "<h2>Nhật ký thay đổi</h2>\n<p><a href=\"" + escape_html(unit_path(unit.id, "nhat-ky")) +
          "\">Nhật ký thay đổi</a> của " + escape_html(unit.full_name()) +
          " và các đơn vị trực thuộc: ai lưu, gửi, duyệt, đổi gì, lúc nào, từ máy nào.</p>\n";
  return page_reply(context, {unit.full_name(), "", body, nullptr});
}

Reply unit_home(RequestContext& context) {
  const UnitRecord& unit = *context.unit;
  if (unit.tier == Tier::Commune) return commune_home(context, unit);
  if (unit.tier == Tier::Province || unit.tier == Tier::District) return province_home(context, unit);
  return error_page(context, 404);
}

}  // namespace

void add_home_routes(Router& router) {
  router.add({"GET", "/", Access::Public, start});
  router.add({"GET", "/don-vi/{unit}", Access::Unit, unit_home});
}

}  // namespace kehoach
