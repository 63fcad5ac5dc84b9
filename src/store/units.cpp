#include "store/units.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <algorithm>
#include <map>

#include "store/database.h"
#include "store/ids.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

using namespace Poco::Data::Keywords;
using Row = Poco::Tuple<Poco::Int64, Poco::Nullable<Poco::Int64>, std::string, std::string, std::string, Poco::Int64>;
constexpr const char* kColumns = "SELECT id, parent_id, tier, level_word, name, created_at FROM units";

UnitRecord record(const Row& row) {
  UnitRecord unit;
  unit.id = row.get<0>();
  if (!row.get<1>().isNull()) unit.parent_id = row.get<1>().value();
  const std::optional<Tier> tier = tier_from_key(row.get<2>());
  if (!tier) throw StoreError("bảng đơn vị có cấp \"" + row.get<2>() + "\" không rõ.");
  unit.tier = *tier;
  unit.level_word = row.get<3>();
  unit.name = row.get<4>();
  unit.created_at = row.get<5>();
  return unit;
}

std::vector<UnitRecord> records(const std::vector<Row>& rows) {
  std::vector<UnitRecord> units;
  units.reserve(rows.size());
  for (const Row& row : rows) units.push_back(record(row));
  return units;
}

Poco::Nullable<Poco::Int64> nullable(std::optional<std::int64_t> id) {
  return id ? Poco::Nullable<Poco::Int64>(*id) : Poco::Nullable<Poco::Int64>();
}

// Siblings in the order they were made: a units table's order (villages by their number), kept.
bool by_id(const UnitRecord& a, const UnitRecord& b) { return a.id < b.id; }

}  // namespace

std::string UnitRecord::full_name() const { return level_word.empty() ? name : level_word + " " + name; }

const char* tier_key(Tier tier) {
  switch (tier) {
    case Tier::Province: return "province";
    case Tier::District: return "district";
    case Tier::Commune: return "commune";
    case Tier::Village: return "village";
  }
  return "commune";
}

std::optional<Tier> tier_from_key(const std::string& key) {
  for (Tier tier : {Tier::Province, Tier::District, Tier::Commune, Tier::Village})
    if (key == tier_key(tier)) return tier;
  return std::nullopt;
}

UnitRecord add_unit(Poco::Data::Session& session, UnitRecord unit) {
  unit.id = next_id(session, "units");
  session << sql(session, "INSERT INTO units (id, parent_id, tier, level_word, name, name_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      bind(static_cast<Poco::Int64>(unit.id)), bind(nullable(unit.parent_id)), bind(std::string(tier_key(unit.tier))),
      bind(unit.level_word), bind(unit.name), bind(name_key(unit.full_name())), bind(static_cast<Poco::Int64>(unit.created_at)),
      now;
  return unit;
}

std::optional<UnitRecord> find_unit(Poco::Data::Session& session, std::int64_t id) {
  std::vector<Row> rows;
  session << sql(session, std::string(kColumns) + " WHERE id = ?"), bind(static_cast<Poco::Int64>(id)), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return record(rows.front());
}

std::optional<UnitRecord> find_child_unit(Poco::Data::Session& session, std::optional<std::int64_t> parent,
                                          const std::string& full_name) {
  std::vector<Row> rows;
  const std::string key = name_key(full_name);
  if (parent)
    session << sql(session, std::string(kColumns) + " WHERE parent_id = ? AND name_key = ?"), bind(static_cast<Poco::Int64>(*parent)),
        bind(key), into(rows), now;
  else
    session << sql(session, std::string(kColumns) + " WHERE parent_id IS NULL AND name_key = ?"), bind(key), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return record(rows.front());
}

std::vector<UnitRecord> child_units(Poco::Data::Session& session, std::optional<std::int64_t> parent) {
  std::vector<Row> rows;
  if (parent)
    session << sql(session, std::string(kColumns) + " WHERE parent_id = ?"), bind(static_cast<Poco::Int64>(*parent)), into(rows), now;
  else
    session << sql(session, std::string(kColumns) + " WHERE parent_id IS NULL"), into(rows), now;
  std::vector<UnitRecord> units = records(rows);
  std::sort(units.begin(), units.end(), by_id);
  return units;
}

std::vector<UnitRecord> unit_tree_list(Poco::Data::Session& session) {
  std::vector<Row> rows;
  session << sql(session, std::string(kColumns)), into(rows), now;
  std::vector<UnitRecord> all = records(rows);
  std::sort(all.begin(), all.end(), by_id);
  std::map<std::int64_t, std::vector<const UnitRecord*>> children;
  std::vector<const UnitRecord*> tops;
  for (const UnitRecord& unit : all) (unit.parent_id ? children[*unit.parent_id] : tops).push_back(&unit);
  std::vector<UnitRecord> listed;
  listed.reserve(all.size());
  // Depth first without recursion: a tree is at most a few levels deep, but a table is data.
  std::vector<const UnitRecord*> stack(tops.rbegin(), tops.rend());
  while (!stack.empty()) {
    const UnitRecord* unit = stack.back();
    stack.pop_back();
    listed.push_back(*unit);
    const auto& below = children[unit->id];
    stack.insert(stack.end(), below.rbegin(), below.rend());
  }
  return listed;
}

bool unit_within(Poco::Data::Session& session, std::int64_t unit, std::int64_t ancestor) {
  std::optional<std::int64_t> current = unit;
  // A tree has at most kMostUnitLevels levels; more steps than that would be a cycle in bad data.
  for (int step = 0; current && step < 16; ++step) {
    if (*current == ancestor) return true;
    Poco::Nullable<Poco::Int64> parent;
    Poco::Data::Statement select(session);
    select << sql(session, "SELECT parent_id FROM units WHERE id = ?"), bind(static_cast<Poco::Int64>(*current)), into(parent);
    if (select.execute() == 0 || parent.isNull()) return false;
    current = parent.value();
  }
  return false;
}

}  // namespace kehoach
