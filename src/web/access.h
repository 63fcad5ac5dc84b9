#pragma once
// Who may see which unit, in one place: the server applies it to every {unit} route, and handlers that
// look up a record by id (a version, a file) check that it belongs to the route's unit. What an account
// may not see is answered with 404, as if it did not exist: guessing ids tells nothing.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

#include "store/accounts.h"
#include "store/units.h"

namespace kehoach {

// An administrator: every unit. A province officer: their province and what lies below it. A commune
// officer: their commune and its villages. A disabled account or one without a unit: none.
bool may_see_unit(Poco::Data::Session& db, const AccountRecord& account, const UnitRecord& unit);

// Who may change a unit's village table, plan and reports: the officers of that unit only. A province
// officer or an administrator who sees a commune reads its work but does not write it in its name (the
// level above returns or approves what is sent to it in the section "Gửi và duyệt": web/submission_work.h).
bool may_change_unit_work(const AccountRecord& account, const UnitRecord& unit);

// What the others are told, on the refused POST (403) and above the unit's work they read (without its forms).
inline constexpr const char* kOnlyTheUnitChanges =
    "Chỉ cán bộ của đơn vị này lập và sửa bảng số liệu thôn, kế hoạch và báo cáo của đơn vị; "
    "tài khoản của bạn không sửa được. Cấp trên trực tiếp trả lại hoặc duyệt ở mục Gửi và duyệt.";

// An id as a URL carries it: 1 to 18 digits, no sign, no leading zero; nullopt for anything else.
std::optional<std::int64_t> parse_id(const std::string& text);

}  // namespace kehoach
