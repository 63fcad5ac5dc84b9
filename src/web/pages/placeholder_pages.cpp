// The pages of a commune's work that later parts build: each says so and links back, so that the
// home's links lead somewhere and the access rule of {unit} routes is in force for them already.
// A part that builds one replaces its route here (or calls Router::replace) with the real page.
#include "web/html.h"
#include "web/layout.h"
#include "web/routes.h"

namespace kehoach {
namespace {

Handler placeholder(const std::string& title, const std::string& what) {
  return [title, what](RequestContext& context) {
    const UnitRecord& unit = *context.unit;
    if (unit.tier != Tier::Commune) return error_page(context, 404);
    const std::string body = "<p>" + escape_html(what) + "</p>\n<p>Trang này đang được xây dựng.</p>\n<p><a href=\"" +
                             unit_path(unit.id) + "\">Về trang chính của " + escape_html(unit.full_name()) + "</a></p>\n";
    return page_reply(context, {title, unit.full_name(), body, nullptr});
  };
}

}  // namespace

void add_placeholder_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/bao-cao", Access::Unit,
              placeholder("Báo cáo", "Nhập biến động hộ nghèo, hộ cận nghèo và lập Báo cáo kết quả từng kỳ.")});
}

}  // namespace kehoach
