// The administrator's overview: how many units and accounts there are, and where to make them.
#include <Poco/Data/Statement.h>

#include "store/accounts.h"
#include "store/units.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/layout.h"
#include "web/routes.h"

namespace kehoach {
namespace {

Reply overview(RequestContext& context) {
  const std::vector<UnitRecord> units = unit_tree_list(context.db);
  const std::vector<AccountRecord> accounts = all_accounts(context.db);
  int by_tier[4] = {0, 0, 0, 0};
  for (const UnitRecord& unit : units) ++by_tier[static_cast<int>(unit.tier)];
  std::string body = "<h2>Đơn vị</h2>\n<ul>\n";
  for (Tier tier : {Tier::Province, Tier::District, Tier::Commune, Tier::Village})
    if (by_tier[static_cast<int>(tier)] > 0 || tier != Tier::District)
      body += "<li>" + escape_html(tier_label(tier)) + ": " + std::to_string(by_tier[static_cast<int>(tier)]) + "</li>\n";
  body += "</ul>\n<p><a href=\"/quan-tri/don-vi\">Xem và thêm đơn vị</a></p>\n";
  int disabled = 0;
  for (const AccountRecord& account : accounts) disabled += account.disabled;
  body += "<h2>Tài khoản</h2>\n<p>" + std::to_string(accounts.size()) + " tài khoản" +
          (disabled ? ", " + std::to_string(disabled) + " đã khóa" : "") +
          ".</p>\n<p><a href=\"/quan-tri/tai-khoan\">Xem và tạo tài khoản</a></p>\n";
  body += "<h2>Nhật ký thay đổi</h2>\n<p>Mọi thay đổi số liệu, trạng thái, chỉ tiêu và tài khoản: ai làm, lúc nào, từ máy "
          "nào.</p>\n<p><a href=\"/quan-tri/nhat-ky\">Xem nhật ký thay đổi</a></p>\n";
  return page_reply(context, {"Quản trị", "", body, nullptr});
}

}  // namespace

void add_admin_routes(Router& router) { router.add({"GET", "/quan-tri", Access::Administrator, overview}); }

}  // namespace kehoach
