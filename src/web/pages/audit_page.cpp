// Nhật ký thay đổi: the audit log (store/audit.h) as the province and the administrator read it. Every change
// of data, state, target and account, newest first, with who made it (the account's login), when and from
// which address, the unit, and what changed; filtered by account, by kind of change and by days, a page of
// 50 rows at a time. The log is only ever added to: the page reads it and nothing changes it.
//
//   GET /don-vi/{unit}/nhat-ky     a province's (or a district's): its own rows and those of every unit below it
//   GET /quan-tri/nhat-ky          the administrator's: every row
//        ?tai-khoan=LOGIN &viec=ACTION (a key of audit_action_choices) &tu-ngay=DD/MM/YYYY &den-ngay=DD/MM/YYYY
//        &trang=N (from 1)
// A commune's address, or a village's, answers 404: the log of a unit is read from the level above it.
#include <algorithm>
#include <cstdio>
#include <ctime>

#include "compute/submission_status.h"
#include "model/date.h"
#include "store/audit.h"
#include "web/audit_words.h"
#include "web/form_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/routes.h"
#include "web/submission_work.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

constexpr int kRowsPerPage = 50;
constexpr std::int64_t kMostPages = 1'000'000;

// A day as typed: "05/12/2026" (or "5/12/2026"), or "2026-12-05" as a date field sends it.
std::optional<Date> parse_day(const std::string& text) {
  int day = 0, month = 0, year = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d/%d/%d%c", &day, &month, &year, &tail) != 3 &&
      std::sscanf(text.c_str(), "%d-%d-%d%c", &year, &month, &day, &tail) != 3)
    return std::nullopt;
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
    return std::nullopt;
  return Date{year, month, day};
}

// The first second of the day in Vietnam (the time the log's rows are shown in).
std::int64_t start_of(const Date& date) { return vietnam_day_end(date) - 86400 + 1; }

std::int64_t day_after(const Date& date) {
  Date next = date;
  if (++next.day > days_in_month(next.year, next.month)) {
    next.day = 1;
    if (++next.month > 12) next = {next.year + 1, 1, 1};
  }
  return start_of(next);
}

// The filter as the page's form holds it, and as the store reads it.
struct Query {
  std::string login, action, from, until;
  std::int64_t page = 1;
  AuditFilter filter;
  FormErrors errors;
};

Query read_query(const RequestContext& context) {
  Query query;
  query.login = context.query_value("tai-khoan");
  query.action = context.query_value("viec");
  query.from = context.query_value("tu-ngay");
  query.until = context.query_value("den-ngay");
  // Logins are lower case ASCII: what is typed otherwise finds nothing, and is not looked for.
  for (char& c : query.login)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (query.login.size() > 64) query.errors.add("tai-khoan", "Tên đăng nhập dài quá 64 ký tự.");
  else query.filter.login = query.login;
  bool known = false;
  for (const AuditChoice& choice : audit_action_choices()) known = known || choice.key == query.action;
  if (known) query.filter.action = query.action;
  else query.errors.add("viec", "Hãy chọn một việc trong danh sách.");
  std::optional<Date> from, until;
  if (!query.from.empty() && !(from = parse_day(query.from)))
    query.errors.add("tu-ngay", "Từ ngày: hãy ghi ngày/tháng/năm, ví dụ 01/12/2026.");
  if (!query.until.empty() && !(until = parse_day(query.until)))
    query.errors.add("den-ngay", "Đến ngày: hãy ghi ngày/tháng/năm, ví dụ 31/12/2026.");
  if (from) query.filter.from = start_of(*from);
  if (until) query.filter.until = day_after(*until);
  if (from && until && query.filter.from >= query.filter.until)
    query.errors.add("den-ngay", "Đến ngày phải từ Từ ngày trở đi.");
  const std::string page = context.query_value("trang");
  if (!page.empty() && page.size() <= 7 && page.find_first_not_of("0123456789") == std::string::npos)
    query.page = std::clamp<std::int64_t>(std::stoll(page), 1, kMostPages);
  return query;
}

// The query of a page's link: the filter as it stands, on page `page`.
std::string link_of(const RequestContext& context, const Query& query, std::int64_t page) {
  std::string link;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) link += std::string(link.empty() ? "?" : "&") + name + "=" + url_encode(value);
  };
  add("tai-khoan", query.login);
  add("viec", query.filter.action);
  add("tu-ngay", query.from);
  add("den-ngay", query.until);
  if (page > 1) add("trang", std::to_string(page));
  return context.path + link;
}

std::string filter_form(const RequestContext& context, const Query& query) {
  std::vector<Choice> choices;
  for (const AuditChoice& choice : audit_action_choices()) choices.push_back({choice.key, choice.label});
  std::string fields =
      text_field({.id = "tai-khoan", .label = "Tài khoản", .value = query.login,
                  .hint = "Tên đăng nhập của người thực hiện, ví dụ xa.anhoathinh; để trống: mọi tài khoản.",
                  .autocomplete = "off", .width_class = "input--medium"},
                 query.errors) +
      select_field({.id = "viec", .label = "Việc", .value = query.filter.action}, choices, query.errors) +
      text_field({.id = "tu-ngay", .label = "Từ ngày", .value = query.from, .hint = "Ngày/tháng/năm, ví dụ 01/12/2026.",
                  .autocomplete = "off", .width_class = "input--medium"},
                 query.errors) +
      text_field({.id = "den-ngay", .label = "Đến ngày", .value = query.until, .hint = "Ngày/tháng/năm, tính cả ngày đó.",
                  .autocomplete = "off", .width_class = "input--medium"},
                 query.errors);
  return "<form method=\"get\" action=\"" + escape_html(context.path) + "\" class=\"filter-form\">\n" +
         "<fieldset class=\"fieldset\">\n<legend class=\"fieldset-legend\">Lọc nhật ký</legend>\n" + fields +
         "<div class=\"button-group\">\n<button type=\"submit\" class=\"button button--secondary\">Lọc</button>\n<a href=\"" +
         escape_html(context.path) + "\">Bỏ lọc</a>\n</div>\n</fieldset>\n</form>\n";
}

// "Kế hoạch năm 2026, phiên bản 3: …": the work, a link to its version, and the detail.
std::string what_changed(const AuditRow& row) {
  const AuditEntry& entry = row.entry;
  std::string html;
  if (const std::optional<WorkKind> kind = work_kind_from_key(entry.kind); kind && entry.plan_year != 0)
    html += escape_html(submission_work_label(*kind, entry.plan_year));
  if (entry.version_id != 0 && entry.unit_id != 0 && row.version_number != 0)
    html += std::string(html.empty() ? "" : ", ") + "<a href=\"" + escape_html(version_path(entry.unit_id, entry.version_id)) +
            "\">phiên bản " + std::to_string(row.version_number) + "</a>";
  if (!entry.detail.empty()) html += (html.empty() ? "" : ": ") + escape_html(entry.detail);
  return html;
}

std::string log_table(const AuditPage& page) {
  std::string html = scroll_box("Nhật ký thay đổi") +
                     "<table class=\"table audit-table\">\n<caption class=\"visually-hidden\">Nhật ký thay đổi, mới nhất "
                     "trước</caption>\n<thead><tr><th scope=\"col\">Thời gian</th><th scope=\"col\">Người thực hiện</th>"
                     "<th scope=\"col\">Địa chỉ máy</th><th scope=\"col\">Đơn vị</th><th scope=\"col\">Việc</th>"
                     "<th scope=\"col\">Nội dung</th></tr></thead>\n<tbody>\n";
  for (const AuditRow& row : page.rows) {
    const std::string who = row.entry.account_id == 0 ? "Dòng lệnh trên máy chủ" : row.login;
    html += "<tr><td>" + escape_html(vietnam_time(row.entry.at)) + "</td><th scope=\"row\">" + escape_html(who) + "</th><td>" +
            escape_html(row.entry.client_address.empty() ? "—" : row.entry.client_address) + "</td><td>" +
            escape_html(row.unit_name.empty() ? "—" : row.unit_name) + "</td><td>" +
            escape_html(audit_action_label(row.entry.action)) + "</td><td>" + what_changed(row) + "</td></tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n";
}

std::string pager(const RequestContext& context, const Query& query, const AuditPage& page) {
  const std::int64_t pages = std::max<std::int64_t>(1, (page.total + kRowsPerPage - 1) / kRowsPerPage);
  if (pages <= 1) return "";
  std::string html = "<nav class=\"pager\" aria-label=\"Các trang nhật ký\">\n<p>Trang " + std::to_string(query.page) +
                     " / " + std::to_string(pages) + "</p>\n<ul>\n";
  if (query.page > 1)
    html += "<li><a href=\"" + escape_html(link_of(context, query, query.page - 1)) + "\" rel=\"prev\">Trang trước (mới hơn)</a></li>\n";
  if (query.page < pages)
    html += "<li><a href=\"" + escape_html(link_of(context, query, query.page + 1)) + "\" rel=\"next\">Trang sau (cũ hơn)</a></li>\n";
  return html + "</ul>\n</nav>\n";
}

Reply log_page(RequestContext& context, std::optional<std::int64_t> within, const std::string& whose,
               const std::string& caption) {
  Query query = read_query(context);
  query.filter.within_unit = within;
  const AuditPage page = read_audit(context.db, query.filter, (query.page - 1) * kRowsPerPage, kRowsPerPage);
  std::string body = "<p>Mọi thay đổi số liệu, trạng thái, chỉ tiêu và tài khoản " + escape_html(whose) +
                     ": ai làm, lúc nào, từ máy nào. Nhật ký chỉ được ghi thêm; không ai sửa hay xoá được. Nhật ký không "
                     "ghi số liệu hay thông tin hộ gia đình, chỉ ghi tên đăng nhập và đơn vị.</p>\n";
  body += filter_form(context, query);
  if (page.rows.empty()) {
    body += query.page > 1 && page.total > 0 ? "<p>Trang này không có dòng nào; <a href=\"" +
                                                   escape_html(link_of(context, query, 1)) + "\">về trang đầu</a>.</p>\n"
                                             : "<p>Không có thay đổi nào khớp với điều kiện lọc.</p>\n";
  } else {
    body += "<p>" + std::to_string(page.total) + " dòng, mới nhất trước.</p>\n" + log_table(page) + pager(context, query, page);
  }
  return page_reply(context, {"Nhật ký thay đổi", caption, body, &query.errors}, query.errors.empty() ? 200 : 422);
}

Reply unit_log(RequestContext& context) {
  const UnitRecord& unit = *context.unit;
  if (unit.tier != Tier::Province && unit.tier != Tier::District) return error_page(context, 404);
  return log_page(context, unit.id, "của " + unit.full_name() + " và các đơn vị trực thuộc", unit.full_name());
}

Reply admin_log(RequestContext& context) {
  return log_page(context, std::nullopt, "của mọi đơn vị và tài khoản", "Quản trị");
}

}  // namespace

void add_audit_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/nhat-ky", Access::Unit, unit_log});
  router.add({"GET", "/quan-tri/nhat-ky", Access::Administrator, admin_log});
}

}  // namespace kehoach
