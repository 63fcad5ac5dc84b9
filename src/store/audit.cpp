#include "store/audit.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <algorithm>
#include <ctime>

#include "store/database.h"
#include "store/ids.h"
#include "store/optional_id.h"
#include "store/units.h"

namespace kehoach {
namespace {

using namespace Poco::Data::Keywords;

OptionalId nullable(std::int64_t id) { return id != 0 ? OptionalId(id) : OptionalId(); }

// "/1/12/": the unit's ancestors from the top down, and itself; "" for none. A province reads the rows whose
// path starts with its own, which are those of every unit below it, at any depth.
std::string unit_path(Poco::Data::Session& session, std::int64_t unit) {
  if (unit == 0) return "";
  std::vector<std::int64_t> chain;
  constexpr int kDeepest = 64;  // a tree is a few levels deep; a loop in it stops here
  for (std::optional<std::int64_t> at = unit; at && static_cast<int>(chain.size()) < kDeepest;) {
    chain.push_back(*at);
    std::vector<OptionalId> parents;
    session << sql(session, "SELECT parent_id FROM units WHERE id = ?"), bind(static_cast<Poco::Int64>(*at)), into(parents),
        now;
    if (parents.empty()) throw StoreError("nhật ký: không có đơn vị mã " + std::to_string(*at) + ".");
    at = parents.front().isNull() ? std::nullopt : std::optional<std::int64_t>(parents.front().value());
  }
  std::string path = "/";
  for (auto id = chain.rbegin(); id != chain.rend(); ++id) path += std::to_string(*id) + "/";
  return path;
}

// What a reader binds, in the order of its placeholders.
struct Conditions {
  std::string where = " WHERE 1 = 1";
  std::vector<std::string> texts;  // bound in order, then…
  std::vector<Poco::Int64> numbers;
  std::vector<bool> is_text;  // …each placeholder's kind, in order
  void text(const std::string& clause, const std::string& value) {
    where += clause;
    texts.push_back(value);
    is_text.push_back(true);
  }
  void number(const std::string& clause, Poco::Int64 value) {
    where += clause;
    numbers.push_back(value);
    is_text.push_back(false);
  }
  void bind_to(Poco::Data::Statement& statement) const {
    std::size_t text_at = 0, number_at = 0;
    for (bool text : is_text) {
      if (text) statement, bind(texts[text_at++]);
      else statement, bind(numbers[number_at++]);
    }
  }
};

Conditions conditions_of(Poco::Data::Session& session, const AuditFilter& filter) {
  Conditions conditions;
  if (filter.within_unit) conditions.text(" AND a.unit_path LIKE ?", unit_path(session, *filter.within_unit) + "%");
  if (!filter.login.empty()) conditions.text(" AND ac.login = ?", filter.login);
  if (!filter.action.empty()) {
    // A family ("account."): its keys are letters, '.' and '_', of which only '_' means something to LIKE.
    if (filter.action.back() == '.' && filter.action.find_first_of("%_") == std::string::npos)
      conditions.text(" AND a.action LIKE ?", filter.action + "%");
    else
      conditions.text(" AND a.action = ?", filter.action);
  }
  if (filter.from != 0) conditions.number(" AND a.acted_at >= ?", filter.from);
  if (filter.until != 0) conditions.number(" AND a.acted_at < ?", filter.until);
  return conditions;
}

constexpr const char* kFrom =
    " FROM audit_log a LEFT JOIN accounts ac ON ac.id = a.account_id LEFT JOIN units u ON u.id = a.unit_id"
    " LEFT JOIN versions v ON v.id = a.version_id";

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, std::string,
                        std::string, std::string, std::string, Poco::Int64, Poco::Int64, Poco::Int64, std::string>;

}  // namespace

AuditEntry audit_entry(const AuditActor& actor, const std::string& action) {
  AuditEntry entry;
  entry.account_id = actor.account_id;
  entry.client_address = actor.client_address;
  entry.action = action;
  entry.at = actor.at;
  return entry;
}

void append_audit(Poco::Data::Session& session, const AuditEntry& entry) {
  const std::string path = unit_path(session, entry.unit_id);
  const std::int64_t id = next_id(session, "audit_log");
  const std::int64_t at = entry.at != 0 ? entry.at : static_cast<std::int64_t>(std::time(nullptr));
  session << sql(session, "INSERT INTO audit_log (id, acted_at, account_id, client_address, unit_id, unit_path, action, kind, "
                          "plan_year, version_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      bind(static_cast<Poco::Int64>(id)), bind(static_cast<Poco::Int64>(at)), bind(nullable(entry.account_id)),
      bind(entry.client_address.substr(0, 100)), bind(nullable(entry.unit_id)), bind(path), bind(entry.action),
      bind(entry.kind), bind(static_cast<Poco::Int64>(entry.plan_year)), bind(nullable(entry.version_id)),
      bind(entry.detail), now;
}

AuditPage read_audit(Poco::Data::Session& session, const AuditFilter& filter, std::int64_t offset, int limit) {
  const Conditions conditions = conditions_of(session, filter);
  AuditPage page;
  {
    Poco::Data::Statement count(session);
    count << sql(session, std::string("SELECT COUNT(*)") + kFrom + conditions.where);
    conditions.bind_to(count);
    Poco::Int64 total = 0;
    count, into(total);
    count.execute();
    page.total = total;
  }
  Poco::Data::Statement select(session);
  select << sql(session, std::string("SELECT a.id, a.acted_at, COALESCE(a.account_id, 0), COALESCE(ac.login, ''), "
                                     "a.client_address, COALESCE(a.unit_id, 0), COALESCE(u.level_word, ''), "
                                     "COALESCE(u.name, ''), a.action, a.kind, a.plan_year, COALESCE(a.version_id, 0), "
                                     "COALESCE(v.number, 0), a.detail") +
                             kFrom + conditions.where + " ORDER BY a.acted_at DESC, a.id DESC LIMIT ? OFFSET ?");
  conditions.bind_to(select);
  std::vector<Row> rows;
  select, bind(static_cast<Poco::Int64>(std::max(limit, 0))), bind(static_cast<Poco::Int64>(std::max<std::int64_t>(offset, 0))),
      into(rows);
  select.execute();
  for (const Row& row : rows) {
    AuditRow read;
    read.id = row.get<0>();
    read.entry.at = row.get<1>();
    read.entry.account_id = row.get<2>();
    read.login = row.get<3>();
    read.entry.client_address = row.get<4>();
    read.entry.unit_id = row.get<5>();
    if (read.entry.unit_id != 0) read.unit_name = UnitRecord{0, std::nullopt, Tier::Commune, row.get<6>(), row.get<7>(), 0}.full_name();
    read.entry.action = row.get<8>();
    read.entry.kind = row.get<9>();
    read.entry.plan_year = static_cast<int>(row.get<10>());
    read.entry.version_id = row.get<11>();
    read.version_number = static_cast<int>(row.get<12>());
    read.entry.detail = row.get<13>();
    page.rows.push_back(std::move(read));
  }
  return page;
}

}  // namespace kehoach
