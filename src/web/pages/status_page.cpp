// Tình hình nộp: the page of a unit above the communes (a province; a district, read by its province's
// officers) showing every commune below it, at any depth, with where its submission of a year and kind
// stands (web/submission_overview.h), the counts and percentages at the top, a filter by state (a GET form:
// no script), a link to each commune's submission, the workbook of it all, and the deadline that the unit's
// own officers set or change for that year and kind (migration 5; compute/submission_status.h says which
// deadline holds).
//
//   GET  /don-vi/{unit}/tinh-hinh-nop?nam=YYYY&ky=thon|ke-hoach|bao-cao-q1|…&trang-thai=…
//   GET  /don-vi/{unit}/tinh-hinh-nop/tai-ve.xlsx?nam=&ky=&trang-thai=   the same as a workbook
//   POST /don-vi/{unit}/tinh-hinh-nop/han-nop?nam=&ky=                   han-nop (a day; empty or
//        hanh-dong=bo takes the deadline away): the unit's own officers only (403 for the others)
#include <fstream>
#include <sstream>
#include <map>
#include <set>

#include "compute/rate.h"
#include "store/audit.h"
#include "store/sessions.h"
#include "store/submission_deadlines.h"
#include "store/units.h"
#include "text/number_words.h"
#include "text/unicode.h"
#include "web/access.h"
#include "web/audit_words.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/plan_year.h"
#include "web/report_work.h"
#include "web/routes.h"
#include "web/submission_overview.h"
#include "web/submission_work.h"
#include "web/work_versions.h"
#include "web/work_versions.h"
#include "package/atomic_file.h"
#include "write/submission_status_workbook.h"

namespace kehoach {
namespace {

struct Filter {
  StatusFilter filter;
  const char* slug;
  const char* label;
};

constexpr Filter kFilters[] = {
    {StatusFilter::All, "tat-ca", "Tất cả"},
    {StatusFilter::Entering, "dang-nhap", "Đang nhập, chưa gửi"},
    {StatusFilter::Submitted, "da-gui", "Đã gửi, chờ duyệt"},
    {StatusFilter::Returned, "bi-tra-lai", "Bị trả lại"},
    {StatusFilter::Approved, "da-duyet", "Đã duyệt"},
    {StatusFilter::Overdue, "qua-han", "Quá hạn, chưa gửi"},
    {StatusFilter::Late, "nop-muon", "Nộp muộn"},
};

const Filter& page_filter(const RequestContext& context) {
  const std::string slug = context.query_value("trang-thai");
  for (const Filter& filter : kFilters)
    if (slug == filter.slug) return filter;
  return kFilters[0];
}

// A small file made for this request, whole (it is removed with its folder before the reply is sent).
std::string file_bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool may_set_deadline(const RequestContext& context) {
  return context.who && may_change_unit_work(context.who->account, *context.unit);
}

std::string path_with(const RequestContext& context, const std::string& page, int year, WorkKind kind,
                      const Filter& filter) {
  std::string path = unit_path(context.unit->id, page) + year_query(year) + "&ky=" + submission_slug(kind);
  if (filter.filter != StatusFilter::All) path += std::string("&trang-thai=") + filter.slug;
  return path;
}

// The GET form that chooses year, work and state: the page itself, without a script.
std::string choice_form(const RequestContext& context, int year, WorkKind kind, const Filter& filter) {
  static const FormErrors kNone;
  std::vector<Choice> years;
  const int now = context.site.current_year();
  for (int y = now + 1; y >= now - 3; --y) years.push_back({std::to_string(y), std::to_string(y)});
  if (year > now + 1 || year < now - 3) years.insert(years.begin(), {std::to_string(year), std::to_string(year)});
  std::vector<Choice> kinds;
  for (WorkKind k : kOverviewKinds) kinds.push_back({submission_slug(k), work_kind_words(k)});
  std::vector<Choice> states;
  for (const Filter& f : kFilters) states.push_back({f.slug, f.label});
  return "<form method=\"get\" action=\"" + escape_html(context.path) + "\" class=\"choice-form\">\n" +
         select_field({.id = "nam", .label = "Năm", .value = std::to_string(year)}, years, kNone) +
         select_field({.id = "ky", .label = "Việc", .value = submission_slug(kind)}, kinds, kNone) +
         select_field({.id = "trang-thai", .label = "Trạng thái", .value = filter.slug}, states, kNone) +
         "<button type=\"submit\" class=\"button button--secondary\">Xem</button>\n</form>\n";
}

// The deadline that holds, grouped: one sentence when every commune has the same, else a line per deadline.
std::string deadlines_html(const RequestContext& context, const Overview& overview) {
  struct Group {
    std::string words;
    int units = 0;
  };
  std::map<std::string, Group> groups;  // by their words, which say the day and where it comes from
  int without = 0;
  std::map<std::int64_t, std::string> names;
  for (const OverviewLine& line : overview.lines) {
    if (!line.deadline) {
      ++without;
      continue;
    }
    if (!names.count(line.deadline_unit))
      if (const std::optional<UnitRecord> unit = find_unit(context.db, line.deadline_unit))
        names[line.deadline_unit] = unit->full_name();
    Group& group = groups[deadline_words(*line.deadline, names[line.deadline_unit], overview.year)];
    group.words = deadline_words(*line.deadline, names[line.deadline_unit], overview.year);
    ++group.units;
  }
  std::string html = "<h2 id=\"han-nop-tieu-de\">Hạn nộp</h2>\n";
  if (groups.empty())
    return html + "<p>Chưa có hạn nộp cho " + escape_html(lower_first(work_kind_words(overview.kind))) + " năm " +
           std::to_string(overview.year) + (report_period(overview.kind) ? ": đặt ở đây, hoặc ghi lịch nộp báo cáo trong kế hoạch của cấp trên." : ": đặt ở đây.") +
           " Không có hạn thì không tính đúng hạn hay muộn.</p>\n";
  if (groups.size() == 1 && without == 0) return html + "<p>" + escape_html(groups.begin()->second.words) + ".</p>\n";
  html += "<ul>\n";
  for (const auto& [key, group] : groups)
    html += "<li>" + escape_html(group.words) + ": " + std::to_string(group.units) + " đơn vị</li>\n";
  if (without > 0) html += "<li>Không có hạn nộp: " + std::to_string(without) + " đơn vị</li>\n";
  return html + "</ul>\n";
}

// The form of the unit's own officers: set, change or take away the deadline of this year and kind.
std::string deadline_form(const RequestContext& context, int year, WorkKind kind, const std::string& typed,
                          const FormErrors& errors) {
  if (!may_set_deadline(context))
    return "<p class=\"hint\">Hạn nộp do cán bộ của " + escape_html(context.unit->full_name()) + " đặt.</p>\n";
  const std::optional<DeadlineRecord> own = find_deadline(context.db, context.unit->id, year, kind);
  const std::string value = errors.empty() ? (own ? iso_date(own->due) : "") : typed;
  std::string hint = "Ngày cuối cùng các đơn vị phải gửi (hết ngày đó, giờ Việt Nam)";
  if (report_period(kind)) hint += "; đặt ở đây thì dùng ngày này thay cho lịch nộp báo cáo trong kế hoạch";
  std::string inner = text_field({.id = "han-nop",
                                  .label = own ? "Đổi hạn nộp" : "Đặt hạn nộp",
                                  .value = value,
                                  .hint = hint + ".",
                                  .type = "date",
                                  .width_class = "input--medium"},
                                 errors);
  inner += "<div class=\"button-group\">\n" + action_button("Lưu hạn nộp", "hanh-dong", "luu");
  if (own) inner += action_button("Bỏ hạn nộp", "hanh-dong", "bo", "button button--secondary");
  inner += "</div>\n";
  return post_form(unit_path(context.unit->id, "tinh-hinh-nop/han-nop") + year_query(year) + "&ky=" + submission_slug(kind),
                   context.csrf(), inner);
}

std::string share_text(const std::optional<Rate>& share) { return share ? format_rate(*share) + "%" : "—"; }

// The counts at the top: how many should send, have sent, are approved, sent on time.
std::string counts_html(const Overview& overview) {
  const StatusCounts& c = overview.counts;
  const std::string of = "/" + std::to_string(c.expected);
  std::string html = "<ul class=\"stats\" aria-label=\"Tóm tắt\">\n";
  html += "<li><span class=\"stat-number\">" + std::to_string(c.sent) + of + "</span> đã gửi <span class=\"stat-share\">" +
          share_text(c.sent_share) + "</span></li>\n";
  html += "<li><span class=\"stat-number\">" + std::to_string(c.approved) + of +
          "</span> đã duyệt <span class=\"stat-share\">" + share_text(c.approved_share) + "</span></li>\n";
  html += "<li><span class=\"stat-number\">" + std::to_string(c.on_time) + "/" + std::to_string(c.judged) +
          "</span> gửi đúng hạn <span class=\"stat-share\">" + share_text(c.on_time_share) + "</span></li>\n";
  html += "<li><span class=\"stat-number\">" + std::to_string(c.overdue) + "</span> quá hạn, chưa gửi</li>\n";
  html += "</ul>\n";
  html += "<table class=\"table table--compact\">\n<caption class=\"table-caption\">Số đơn vị theo trạng thái</caption>\n"
          "<thead><tr><th scope=\"col\">Trạng thái</th><th scope=\"col\" class=\"number\">Số đơn vị</th>"
          "<th scope=\"col\" class=\"number\">Tỷ lệ</th></tr></thead>\n<tbody>\n";
  auto row = [&](const std::string& label, int count) {
    html += "<tr><th scope=\"row\">" + escape_html(label) + "</th><td class=\"number\">" + std::to_string(count) +
            "</td><td class=\"number\">" + (c.expected ? format_rate(rate_of(count, c.expected)) + "%" : "—") + "</td></tr>\n";
  };
  row("Đang nhập, chưa gửi", c.entering);
  row("Đã gửi, chờ duyệt", c.submitted);
  row("Bị trả lại", c.returned);
  row("Đã duyệt", c.approved);
  html += "</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\">Số đơn vị phải nộp</th><td class=\"number\">" +
          std::to_string(c.expected) + "</td><td></td></tr></tfoot>\n</table>\n";
  return html;
}

std::string units_table(const RequestContext& context, const Overview& overview, const Filter& filter) {
  // The heading above says it; the caption names the table for a screen reader's list of tables.
  std::string html = scroll_box("Các đơn vị") + "<table class=\"table status-table\">\n<caption class=\"visually-hidden\">" +
                     escape_html(filter.filter == StatusFilter::All ? std::string("Các đơn vị")
                                                                    : std::string("Các đơn vị: ") + filter.label) +
                     "</caption>\n<thead><tr><th scope=\"col\">TT</th><th scope=\"col\">Đơn vị</th>";
  if (overview.any_within) html += "<th scope=\"col\">Thuộc</th>";
  html += "<th scope=\"col\">Trạng thái</th><th scope=\"col\">Gửi lần đầu</th><th scope=\"col\">Thay đổi lần cuối</th>"
          "<th scope=\"col\">Hạn nộp</th><th scope=\"col\">Đúng hạn</th></tr></thead>\n<tbody>\n";
  int order = 0;
  for (const OverviewLine& line : overview.lines) {
    if (!status_matches(filter.filter, line.status, context.now)) continue;
    const Timeliness judged = timeliness(line.status.deadline, line.status.first_sent, context.now);
    html += "<tr><td>" + std::to_string(++order) + "</td><th scope=\"row\"><a href=\"" +
            escape_html(submission_path(line.unit.id, overview.kind, overview.year)) + "\">" +
            escape_html(line.unit.full_name()) + "</a></th>";
    if (overview.any_within) html += "<td>" + escape_html(line.within) + "</td>";
    html += "<td>" + state_tag_html(line) + "</td><td>" +
            (line.status.first_sent ? escape_html(vietnam_time(*line.status.first_sent)) : "") + "</td><td>" +
            (line.last_changed ? escape_html(vietnam_time(*line.last_changed)) : "") + "</td><td>" +
            (line.status.deadline ? escape_html(day_text(*line.status.deadline)) : "") + "</td><td>" +
            timeliness_tag(judged) + "</td></tr>\n";
  }
  if (order == 0)
    html += "<tr><td colspan=\"" + std::string(overview.any_within ? "8" : "7") + "\">Không có đơn vị nào " +
            (filter.filter == StatusFilter::All ? "thuộc " + escape_html(context.unit->full_name())
                                                : std::string("ở trạng thái này")) +
            ".</td></tr>\n";
  return html + "</tbody>\n</table>\n</div>\n";
}

Reply render(RequestContext& context, const std::string& typed, const FormErrors* errors, int status) {
  static const FormErrors kNone;
  const int year = page_year(context);
  const WorkKind kind = page_overview_kind(context);
  const Filter& filter = page_filter(context);
  const Overview overview = submission_overview(context, *context.unit, year, kind);
  std::string body = choice_form(context, year, kind, filter);
  body += "<h2 class=\"visually-hidden\">Tóm tắt</h2>\n<p>" + escape_html(submission_work_label(kind, year)) + " của các đơn vị thuộc " +
          escape_html(context.unit->full_name()) + ", đến " + escape_html(vietnam_time(context.now)) + " (giờ Việt Nam).</p>\n";
  body += counts_html(overview);
  body += deadlines_html(context, overview) + deadline_form(context, year, kind, typed, errors ? *errors : kNone);
  body += "<h2>Các đơn vị" + (filter.filter == StatusFilter::All ? std::string() : std::string(": ") + filter.label) +
          "</h2>\n<p class=\"button-group\"><a class=\"button button--secondary\" href=\"" +
          escape_html(path_with(context, "tinh-hinh-nop/tai-ve.xlsx", year, kind, filter)) +
          "\" download>Xuất Excel</a> <a href=\"" +
          escape_html(unit_path(context.unit->id, "tong-hop") + year_query(year) + "&ky=" + submission_slug(kind)) +
          "\">Tổng hợp các bản đã duyệt</a></p>\n";
  body += units_table(context, overview, filter);
  return page_reply(context, {"Tình hình nộp", context.unit->full_name(), body, errors}, status);
}

bool above_communes(const RequestContext& context) {
  return context.unit->tier == Tier::Province || context.unit->tier == Tier::District;
}

Reply show(RequestContext& context) {
  if (!above_communes(context)) return error_page(context, 404);
  return render(context, "", nullptr, 200);
}

Reply workbook(RequestContext& context) {
  if (!above_communes(context)) return error_page(context, 404);
  const int year = page_year(context);
  const WorkKind kind = page_overview_kind(context);
  const Filter& filter = page_filter(context);
  const Overview overview = submission_overview(context, *context.unit, year, kind);
  StatusSheet sheet;
  sheet.title = to_upper("Tình hình nộp " + lower_first(submission_work_label(kind, year)));
  sheet.unit = context.unit->full_name();
  sheet.as_of = "Số liệu đến " + vietnam_time(context.now) + " (giờ Việt Nam)";
  sheet.deadline = deadline_summary(context, overview);
  if (filter.filter != StatusFilter::All) sheet.filter = std::string("Chỉ các đơn vị: ") + filter.label + ".";
  sheet.counts = overview.counts;
  sheet.with_within = overview.any_within;
  for (const OverviewLine& line : overview.lines) {
    if (!status_matches(filter.filter, line.status, context.now)) continue;
    sheet.rows.push_back({line.unit.full_name(), line.within, state_words(line),
                          line.status.first_sent ? vietnam_time(*line.status.first_sent) : "",
                          line.last_changed ? vietnam_time(*line.last_changed) : "",
                          line.status.deadline ? day_text(*line.status.deadline) : "",
                          timeliness_label(timeliness(line.status.deadline, line.status.first_sent, context.now))});
  }
  const WorkFolder folder(context.site);
  const std::string path = folder.file("tinh-hinh-nop.xlsx");
  {
    AtomicFile file(path);
    write_status_workbook(sheet, context.now, file);
    file.commit();
  }
  Reply reply;
  reply.body = file_bytes_of(path);
  reply.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  reply.download_name = "tinh-hinh-nop-" + submission_slug(kind) + "-" + std::to_string(year) + ".xlsx";
  return reply;
}

// "10/06/2026", "2026-06-10" (what a date field sends) → the day; nullopt for anything else.
std::optional<Date> typed_day(const std::string& text) {
  if (const std::optional<Date> iso = date_from_iso(text)) return iso;
  if (text.size() == 10 && text[2] == '/' && text[5] == '/')
    return date_from_iso(text.substr(6, 4) + "-" + text.substr(3, 2) + "-" + text.substr(0, 2));
  return std::nullopt;
}

Reply set_deadline(RequestContext& context) {
  if (!above_communes(context)) return error_page(context, 404);
  if (!may_set_deadline(context)) return error_page(context, 403, "Chỉ cán bộ của " + context.unit->full_name() + " đặt hạn nộp.");
  const int year = page_year(context);
  const WorkKind kind = page_overview_kind(context);
  const bool remove = context.posted().value("hanh-dong") == "bo";
  const std::string typed = clean_text(context.posted().value("han-nop"));
  std::optional<Date> due;
  if (!remove) {
    FormErrors errors;
    if (typed.empty()) errors.add("han-nop", "Hãy nhập ngày hạn nộp, dạng 10/06/" + std::to_string(year) + ".");
    else if (!(due = typed_day(typed)) || due->year < year - 1 || due->year > year + 1)
      errors.add("han-nop", "Ngày \"" + typed + "\" không dùng được: hãy nhập một ngày của năm " + std::to_string(year) +
                                " hoặc năm kề đó, dạng 10/06/" + std::to_string(year) + ".");
    if (!errors.empty()) return render(context, typed, &errors, 422);
  }
  const std::string work = submission_work_label(kind, year);
  // The change in the audit log, in its transaction (nothing written when it changes nothing).
  const auto audited = [&](Poco::Data::Session& db, const std::optional<DeadlineRecord>& before) {
    AuditEntry entry = audit_entry(audit_actor(context), due ? "deadline.set" : "deadline.remove");
    entry.unit_id = context.unit->id;
    entry.kind = work_kind_key(kind);
    entry.plan_year = year;
    entry.detail = (due ? "Đặt hạn nộp: " + day_text(*due) : std::string("Bỏ hạn nộp")) +
                   (before ? " (trước đó: " + day_text(before->due) + ")." : ".");
    append_audit(db, entry);
  };
  change_deadline(context.site.database(), context.db,
                  DeadlineChange{context.unit->id, year, kind, due, context.now, context.who->account.id}, audited);
  set_session_notice(context.db, context.who->session.token_hash,
                     due ? "Đã đặt hạn nộp " + lower_first(work) + ": " + day_text(*due) + "."
                         : "Đã bỏ hạn nộp " + lower_first(work) + ".");
  return redirect_to(unit_path(context.unit->id, "tinh-hinh-nop") + year_query(year) + "&ky=" + submission_slug(kind));
}

}  // namespace

void add_status_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/tinh-hinh-nop", Access::Unit, show});
  router.add({"GET", "/don-vi/{unit}/tinh-hinh-nop/tai-ve.xlsx", Access::Unit, workbook});
  router.add({"POST", "/don-vi/{unit}/tinh-hinh-nop/han-nop", Access::Unit, set_deadline});
}

}  // namespace kehoach
