// The start: "/" sends each account to its page; a commune's home shows its plan year and where each
// piece of its work stands (village table, plan, the four reports), with links to their pages; a
// province's lists its communes.
#include <string>
#include <vector>

#include "store/units.h"
#include "store/versions.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/layout.h"
#include "web/routes.h"

namespace kehoach {
namespace {

constexpr int kFirstYear = 2000, kLastYear = 2100;

Reply start(RequestContext& context) {
  if (!context.who) return redirect_to("/dang-nhap");
  const AccountRecord& account = context.who->account;
  if (account.must_change_password) return redirect_to("/doi-mat-khau");
  if (account.role == Role::Administrator) return redirect_to("/quan-tri");
  if (account.unit_id) return redirect_to(unit_path(*account.unit_id));
  return page_reply(context, {"Tài khoản chưa có đơn vị", "",
                              "<p>Tài khoản của bạn chưa được gắn với đơn vị nào. Hãy nhờ cán bộ quản trị.</p>\n", nullptr});
}

// The plan year of the page: ?nam=2025 when it is a year, else this year.
int page_year(const RequestContext& context) {
  const std::string text = context.query_value("nam");
  if (text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos) {
    const int year = std::stoi(text);
    if (year >= kFirstYear && year <= kLastYear) return year;
  }
  return context.site.current_year();
}

std::string state_tag(WorkState state) {
  return std::string("<strong class=\"tag tag--") + work_state_key(state) + "\">" + escape_html(state_label(state)) +
         "</strong>";
}

std::string year_form(const RequestContext& context, int year) {
  const int now = context.site.current_year();
  std::vector<int> years;
  for (int y = now + 1; y >= now - 3; --y) years.push_back(y);
  if (year > now + 1 || year < now - 3) years.insert(years.begin(), year);
  std::string html = "<form method=\"get\" action=\"" + escape_html(context.path) +
                     "\" class=\"year-form\">\n<label for=\"nam\">Năm kế hoạch</label>\n<select class=\"select\" id=\"nam\" "
                     "name=\"nam\">\n";
  for (int y : years)
    html += "<option value=\"" + std::to_string(y) + "\"" + (y == year ? " selected" : "") + ">" + std::to_string(y) +
            "</option>\n";
  return html + "</select>\n<button type=\"submit\" class=\"button button--secondary\">Xem</button>\n</form>\n";
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
            "</a></th><td>" + state_tag(work_state(context.db, unit.id, year, row.kind)) + "</td></tr>\n";
  return html + "</tbody>\n</table>\n";
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
  body += "<h2>Hạn nộp báo cáo</h2>\n<p>Khi đã có kế hoạch năm " + std::to_string(year) +
          ", các báo cáo kế hoạch yêu cầu và hạn nộp sẽ hiện ở đây.</p>\n";
  body += "<h2>Tệp đã tạo</h2>\n<p>Chưa có tệp nào. Kế hoạch, phụ lục và báo cáo đã tạo sẽ hiện ở đây để tải về.</p>\n";
  body += villages(context, unit);
  return page_reply(context, {unit.full_name(), caption, body, nullptr});
}

Reply province_home(RequestContext& context, const UnitRecord& unit) {
  const std::vector<UnitRecord> below = child_units(context.db, unit.id);
  std::string body;
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
