#include "web/access.h"

namespace kehoach {

bool may_see_unit(Poco::Data::Session& db, const AccountRecord& account, const UnitRecord& unit) {
  if (account.disabled) return false;
  if (account.role == Role::Administrator) return true;
  if (!account.unit_id) return false;
  return unit_within(db, unit.id, *account.unit_id);
}

bool may_change_unit_work(const AccountRecord& account, const UnitRecord& unit) {
  return !account.disabled && account.unit_id == unit.id;
}

std::optional<std::int64_t> parse_id(const std::string& text) {
  if (text.empty() || text.size() > 18 || text[0] == '0') return std::nullopt;
  std::int64_t id = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

}  // namespace kehoach
