#include "model/office_names.h"

#include <algorithm>
#include <tuple>

namespace kehoach {
namespace {

bool not_after(const Date& a, const Date& b) {
  return std::tie(a.year, a.month, a.day) <= std::tie(b.year, b.month, b.day);
}

bool serves(const OfficeName& office, const std::string& level) {
  return std::find(office.levels.begin(), office.levels.end(), level) != office.levels.end();
}

}  // namespace

std::map<std::string, OfficeName> offices_in_force(const OfficeBook& book, const std::string& level, const Date& date) {
  std::map<std::string, OfficeName> specific, general, other;
  for (const auto& office : book.names) {
    if (!not_after(office.from, date)) continue;
    const bool own_level = !level.empty() && serves(office, level);
    auto& chosen = own_level ? specific : office.levels.empty() ? general : other;
    auto found = chosen.find(office.role);
    if (found == chosen.end() || not_after(found->second.from, office.from)) chosen[office.role] = office;
  }
  // A level's own names first, then the names for any level, then another level's (a commune that
  // fills the district template still gets a name for every office it mentions).
  for (auto& [role, office] : general) specific.emplace(role, office);
  for (auto& [role, office] : other) specific.emplace(role, office);
  for (auto& [role, office] : specific)
    if (office.mention.empty()) office.mention = office.name;
  return specific;
}

Date naming_date(const std::optional<Date>& document_date, int year) {
  if (!document_date) return Date{year, 1, 1};
  Date date = *document_date;
  if (date.day == 0) date.day = 1;
  return date;
}

}  // namespace kehoach
