#pragma once
// The audit log (store/audit.h) as the web application writes and shows it: who acts in a request (the
// signed-in account, the browser's address, the request's time), and the words of each action.
#include <string>
#include <vector>

#include "store/audit.h"
#include "web/context.h"

namespace kehoach {

// The signed-in account (none when nobody is), the browser's address and the request's time.
AuditActor audit_actor(const RequestContext& context);

// "Lưu phiên bản", "Gửi", "Khóa tài khoản", …: an action key as the Nhật ký names it; the key itself for
// one this kehoach has no words for.
std::string audit_action_label(const std::string& action);

// The choices of the Nhật ký's filter: a family of actions ("account.") or one action, with its words.
struct AuditChoice {
  std::string key;
  std::string label;
};
const std::vector<AuditChoice>& audit_action_choices();

}  // namespace kehoach
