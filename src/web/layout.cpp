#include "web/layout.h"

#include <utility>
#include <vector>

#include "web/access.h"
#include "web/html.h"
#include "web/labels.h"

namespace kehoach {
namespace {

using NavItem = std::pair<std::string, std::string>;  // path, label

std::vector<NavItem> navigation(const RequestContext& context) {
  if (!context.who || context.who->account.must_change_password) return {};
  const AccountRecord& account = context.who->account;
  if (account.role == Role::Administrator)
    return {{"/quan-tri", "Tổng quan"}, {"/quan-tri/don-vi", "Đơn vị"}, {"/quan-tri/tai-khoan", "Tài khoản"},
            {"/quan-tri/nhat-ky", "Nhật ký"}};
  if (!account.unit_id) return {};
  const std::int64_t unit = *account.unit_id;
  if (account.role == Role::ProvinceOfficer) return {{unit_path(unit), "Các xã, phường"}};
  return {{unit_path(unit), "Trang chính"},
          {unit_path(unit, "thon"), "Bảng số liệu thôn"},
          {unit_path(unit, "ke-hoach"), "Kế hoạch"},
          {unit_path(unit, "bao-cao"), "Báo cáo"}};
}

std::string header(const RequestContext& context, const std::string& page_path) {
  std::string html =
      "<header class=\"site-header\">\n<div class=\"site-header-inner\">\n"
      "<a class=\"site-name\" href=\"/\">kehoach <span class=\"site-tagline\">Kế hoạch và báo cáo giảm nghèo</span></a>\n";
  if (context.who) {
    const AccountRecord& account = context.who->account;
    // The first administrator's name is its role's ("Quản trị"): said once.
    const std::string role = role_label(account.role);
    const std::string who = account.display_name == role ? role : account.display_name + " (" + role + ")";
    html += "<div class=\"account\">\n<span class=\"account-name\">" + escape_html(who) + "</span>\n"
            "<a class=\"account-link\" href=\"/doi-mat-khau\">Đổi mật khẩu</a>\n" +
            post_form("/dang-xuat", context.csrf(), submit_button("Đăng xuất", "link-button"), false, "inline-form") +
            "</div>\n";
  }
  html += "</div>\n";
  const std::vector<NavItem> items = navigation(context);
  // The current item: the longest whose path is the page's or above it ("Kế hoạch" on its sub-pages).
  std::string current_path;
  for (const auto& item : items) {
    const std::string& path = item.first;
    const bool above = page_path == path || page_path.rfind(path + "/", 0) == 0;
    if (above && path.size() > current_path.size()) current_path = path;
  }
  if (!items.empty()) {
    html += "<nav class=\"site-nav\" aria-label=\"Điều hướng chính\">\n<ul>\n";
    for (const auto& [path, label] : items) {
      const bool current = path == current_path;
      html += std::string("<li><a href=\"") + escape_html(path) + "\"" + (current ? " aria-current=\"page\"" : "") + ">" +
              escape_html(label) + "</a></li>\n";
    }
    html += "</ul>\n</nav>\n";
  }
  return html + "</header>\n";
}

// A province officer or an administrator looking at a commune's work: its forms would be refused (403).
std::string read_only_box(const RequestContext& context, const PageContent& content) {
  if (!content.unit_work || !context.unit || !context.who || may_change_unit_work(context.who->account, *context.unit))
    return "";
  return "<div class=\"notice\" role=\"note\"><p>" + escape_html(kOnlyTheUnitChanges) + "</p></div>\n";
}

}  // namespace

std::string unit_path(std::int64_t unit, const std::string& page) {
  return "/don-vi/" + std::to_string(unit) + (page.empty() ? "" : "/" + page);
}

std::string render_page(const RequestContext& context, const PageContent& content) {
  const bool errors = content.errors && !content.errors->empty();
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      std::string(errors ? "Lỗi: " : "") + escape_html(content.title) +
      " – kehoach</title>\n<link rel=\"stylesheet\" href=\"/static/kehoach.css\">\n</head>\n<body>\n"
      "<a class=\"skip-link\" href=\"#noi-dung\">Bỏ qua, đến nội dung chính</a>\n" +
      header(context, content.nav_path.empty() ? context.path : content.nav_path) + "<main id=\"noi-dung\" class=\"main\" tabindex=\"-1\">\n" + notice_box(context.notice) +
      (errors ? error_summary(*content.errors) : "") + read_only_box(context, content);
  if (!content.caption.empty()) html += "<p class=\"caption\">" + escape_html(content.caption) + "</p>\n";
  html += "<h1>" + escape_html(content.title) + "</h1>\n" + content.body +
          "</main>\n<footer class=\"site-footer\"><p>kehoach: phần mềm tự do lập kế hoạch và báo cáo giảm nghèo.</p>"
          "</footer>\n</body>\n</html>\n";
  return html;
}

Reply page_reply(const RequestContext& context, const PageContent& content, int status) {
  Reply reply;
  reply.status = status;
  reply.body = render_page(context, content);
  return reply;
}

}  // namespace kehoach
