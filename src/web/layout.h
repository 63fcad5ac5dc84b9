#pragma once
// The frame of every page: <html lang="vi">, the skip link, the header with the site's name and who is
// signed in (with "Đổi mật khẩu" and the sign-out button), the navigation of their role, the notice left
// for this page, the error summary of a form, the heading, and the page's own content.
#include <string>

#include "web/context.h"
#include "web/form_view.h"
#include "web/reply.h"

namespace kehoach {

struct PageContent {
  std::string title = "";             // the <h1> and the <title>
  std::string caption = "";           // a line above the heading ("Xã An Hòa Thịnh"), or ""
  std::string body = "";              // the HTML under the heading, every value escaped by its page
  const FormErrors* errors = nullptr; // a form's errors: summary at the top, "Lỗi: " in the title
  bool unit_work = false;             // a page of the unit's own work: others are told they only read it
  std::string nav_path = "";          // the path the navigation marks current, when not the page's own
};

std::string render_page(const RequestContext& context, const PageContent& content);

// The page as a reply (status 200 unless said).
Reply page_reply(const RequestContext& context, const PageContent& content, int status = 200);

// Paths of a unit's pages, in one place: "/don-vi/12", "/don-vi/12/thon".
std::string unit_path(std::int64_t unit, const std::string& page = "");

}  // namespace kehoach
