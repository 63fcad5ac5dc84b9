#include "store/target_assignments.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <algorithm>
#include <map>

#include "store/database.h"
#include "store/ids.h"
#include "store/optional_id.h"

namespace kehoach {
namespace {

using namespace Poco::Data::Keywords;

Indicator indicator_of(const std::string& key) {
  if (key == indicator_key(Indicator::Poor)) return Indicator::Poor;
  if (key == indicator_key(Indicator::NearPoor)) return Indicator::NearPoor;
  throw StoreError("bảng chỉ tiêu được giao có chỉ tiêu \"" + key + "\" không rõ.");
}

FixedKind fixed_of(const std::string& key) {
  const std::optional<FixedKind> kind = fixed_kind_from_key(key);
  if (!kind) throw StoreError("bảng chỉ tiêu được giao có cách giao \"" + key + "\" không rõ.");
  return *kind;
}

// One statement prepared once and run for every figure: a province's split has a few thousand.
class FigureInserter {
 public:
  FigureInserter(Poco::Data::Session& session, const std::string& statement, Poco::Int64 owner)
      : owner_(owner), insert_(session) {
    insert_ << sql(session, statement), use(owner_), use(position_), use(indicator_), use(start_), use(reduction_),
        use(fixed_);
  }
  void add(int position, const AssignedFigure& figure) {
    position_ = position;
    indicator_ = indicator_key(figure.indicator);
    start_ = figure.start;
    reduction_ = figure.reduction;
    fixed_ = fixed_kind_key(figure.fixed);
    insert_.execute();
  }

 private:
  Poco::Int64 owner_;
  Poco::Int64 position_ = 0, start_ = 0, reduction_ = 0;
  std::string indicator_, fixed_;
  Poco::Data::Statement insert_;
};

using FigureRow = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, Poco::Int64, std::string>;

// position → its figures, in the order poor, near-poor.
std::map<int, std::vector<AssignedFigure>> figures_by_position(const std::vector<FigureRow>& rows) {
  std::map<int, std::vector<AssignedFigure>> figures;
  for (const FigureRow& row : rows)
    figures[static_cast<int>(row.get<0>())].push_back(
        {indicator_of(row.get<1>()), row.get<2>(), row.get<3>(), fixed_of(row.get<4>())});
  for (auto& [position, list] : figures)
    std::stable_sort(list.begin(), list.end(), [](const AssignedFigure& a, const AssignedFigure& b) {
      return a.indicator == Indicator::Poor && b.indicator != Indicator::Poor;
    });
  return figures;
}

using AssignmentTuple = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string,
                                    Poco::Int64, OptionalId, std::string>;
constexpr const char* kAssignmentColumns =
    "SELECT id, unit_id, plan_year, number, cascade_sha256, units_sha256, created_at, created_by, client_address "
    "FROM target_assignments";

AssignmentRecord assignment_of(const AssignmentTuple& row) {
  return {row.get<0>(), row.get<1>(), static_cast<int>(row.get<2>()), static_cast<int>(row.get<3>()), row.get<4>(),
          row.get<5>(), row.get<6>(), optional(row.get<7>()), row.get<8>()};
}

using UnitTuple = Poco::Tuple<Poco::Int64, Poco::Nullable<Poco::Int64>, OptionalId, std::string, Poco::Int64, OptionalId>;
constexpr const char* kUnitColumns =
    "SELECT position, parent_position, unit_id, name, households, table_version_id FROM assignment_units";

std::vector<AssignmentRow> rows_of(const std::vector<UnitTuple>& units, std::map<int, std::vector<AssignedFigure>> figures) {
  std::vector<AssignmentRow> rows;
  rows.reserve(units.size());
  for (const UnitTuple& unit : units) {
    AssignmentRow row;
    row.position = static_cast<int>(unit.get<0>());
    if (!unit.get<1>().isNull()) row.parent = static_cast<int>(unit.get<1>().value());
    row.unit_id = optional(unit.get<2>());
    row.name = unit.get<3>();
    row.households = unit.get<4>();
    row.table_version = optional(unit.get<5>());
    row.figures = std::move(figures[row.position]);
    rows.push_back(std::move(row));
  }
  return rows;
}

using AdjustmentTuple = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, std::string, OptionalId, Poco::Int64,
                                    OptionalId, std::string>;
constexpr const char* kAdjustmentColumns =
    "SELECT id, assignment_id, unit_id, plan_year, reason, table_version_id, asked_at, asked_by, client_address "
    "FROM target_adjustments";

std::optional<AdjustmentDecision> decision_of(Poco::Data::Session& session, std::int64_t adjustment) {
  std::vector<Poco::Tuple<Poco::Int64, std::string, Poco::Int64, OptionalId, std::string>> rows;
  session << sql(session, "SELECT agreed, note, decided_at, decided_by, client_address FROM adjustment_decisions "
                          "WHERE adjustment_id = ?"),
      bind(static_cast<Poco::Int64>(adjustment)), into(rows), now;
  if (rows.empty()) return std::nullopt;
  const auto& row = rows.front();
  return AdjustmentDecision{row.get<0>() != 0, row.get<1>(), row.get<2>(), optional(row.get<3>()), row.get<4>()};
}

std::vector<AdjustmentRecord> adjustments(Poco::Data::Session& session, const std::vector<AdjustmentTuple>& rows) {
  std::vector<AdjustmentRecord> records;
  for (const AdjustmentTuple& row : rows) {
    AdjustmentRecord record{row.get<0>(), row.get<1>(), row.get<2>(), static_cast<int>(row.get<3>()), row.get<4>(),
                            optional(row.get<5>()), row.get<6>(), optional(row.get<7>()), row.get<8>(), std::nullopt};
    record.decision = decision_of(session, record.id);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

AssignmentRecord add_assignment(Poco::Data::Session& session, AssignmentRecord assignment,
                                const std::vector<AssignmentRow>& rows) {
  assignment.id = next_id(session, "target_assignments");  // and the counter's lock: one new version at a time
  Poco::Nullable<Poco::Int64> last;
  session << sql(session, "SELECT MAX(number) FROM target_assignments WHERE unit_id = ? AND plan_year = ?"),
      bind(static_cast<Poco::Int64>(assignment.unit_id)), bind(static_cast<Poco::Int64>(assignment.year)), into(last), now;
  assignment.number = last.isNull() ? 1 : static_cast<int>(last.value()) + 1;
  session << sql(session, "INSERT INTO target_assignments (id, unit_id, plan_year, number, cascade_sha256, units_sha256, "
                          "created_at, created_by, client_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      bind(static_cast<Poco::Int64>(assignment.id)), bind(static_cast<Poco::Int64>(assignment.unit_id)),
      bind(static_cast<Poco::Int64>(assignment.year)), bind(static_cast<Poco::Int64>(assignment.number)),
      bind(assignment.cascade_sha256), bind(assignment.units_sha256), bind(static_cast<Poco::Int64>(assignment.created_at)),
      bind(nullable(assignment.created_by)), bind(assignment.client_address), now;
  Poco::Int64 owner = assignment.id, position = 0, households = 0;
  Poco::Nullable<Poco::Int64> parent;
  OptionalId unit, table;
  std::string name;
  Poco::Data::Statement insert(session);
  insert << sql(session, "INSERT INTO assignment_units (assignment_id, position, parent_position, unit_id, name, households, "
                         "table_version_id) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      use(owner), use(position), use(parent), use(unit), use(name), use(households), use(table);
  FigureInserter figures(session,
                         "INSERT INTO assignment_figures (assignment_id, position, indicator, start_count, reduction, "
                         "fixed_kind) VALUES (?, ?, ?, ?, ?, ?)",
                         assignment.id);
  for (const AssignmentRow& row : rows) {
    position = row.position;
    parent = row.parent ? Poco::Nullable<Poco::Int64>(*row.parent) : Poco::Nullable<Poco::Int64>();
    unit = nullable(row.unit_id);
    name = row.name;
    households = row.households;
    table = nullable(row.table_version);
    insert.execute();
    for (const AssignedFigure& figure : row.figures) figures.add(row.position, figure);
  }
  return assignment;
}

std::optional<AssignmentRecord> find_assignment(Poco::Data::Session& session, std::int64_t id) {
  std::vector<AssignmentTuple> rows;
  session << sql(session, std::string(kAssignmentColumns) + " WHERE id = ?"), bind(static_cast<Poco::Int64>(id)), into(rows),
      now;
  if (rows.empty()) return std::nullopt;
  return assignment_of(rows.front());
}

std::vector<AssignmentRecord> assignments_of(Poco::Data::Session& session, std::int64_t unit, int year) {
  std::vector<AssignmentTuple> rows;
  session << sql(session, std::string(kAssignmentColumns) + " WHERE unit_id = ? AND plan_year = ? ORDER BY number DESC"),
      bind(static_cast<Poco::Int64>(unit)), bind(static_cast<Poco::Int64>(year)), into(rows), now;
  std::vector<AssignmentRecord> records;
  for (const AssignmentTuple& row : rows) records.push_back(assignment_of(row));
  return records;
}

std::vector<AssignmentRow> assignment_rows(Poco::Data::Session& session, std::int64_t assignment) {
  std::vector<UnitTuple> units;
  session << sql(session, std::string(kUnitColumns) + " WHERE assignment_id = ? ORDER BY position"),
      bind(static_cast<Poco::Int64>(assignment)), into(units), now;
  std::vector<FigureRow> figures;
  session << sql(session, "SELECT position, indicator, start_count, reduction, fixed_kind FROM assignment_figures "
                          "WHERE assignment_id = ?"),
      bind(static_cast<Poco::Int64>(assignment)), into(figures), now;
  return rows_of(units, figures_by_position(figures));
}

std::vector<AssignmentRow> assignment_rows_of_unit(Poco::Data::Session& session, std::int64_t assignment, std::int64_t unit) {
  std::vector<UnitTuple> own;
  session << sql(session, std::string(kUnitColumns) + " WHERE assignment_id = ? AND unit_id = ?"),
      bind(static_cast<Poco::Int64>(assignment)), bind(static_cast<Poco::Int64>(unit)), into(own), now;
  if (own.empty()) return {};
  const Poco::Int64 position = own.front().get<0>();
  std::vector<UnitTuple> children;
  session << sql(session, std::string(kUnitColumns) + " WHERE assignment_id = ? AND parent_position = ? ORDER BY position"),
      bind(static_cast<Poco::Int64>(assignment)), bind(position), into(children), now;
  std::vector<UnitTuple> units = own;
  units.insert(units.end(), children.begin(), children.end());
  std::vector<FigureRow> figures;
  session << sql(session, "SELECT f.position, f.indicator, f.start_count, f.reduction, f.fixed_kind FROM assignment_figures f "
                          "JOIN assignment_units u ON u.assignment_id = f.assignment_id AND u.position = f.position "
                          "WHERE f.assignment_id = ? AND (u.position = ? OR u.parent_position = ?)"),
      bind(static_cast<Poco::Int64>(assignment)), bind(position), bind(position), into(figures), now;
  return rows_of(units, figures_by_position(figures));
}

void lock_adjustments(Poco::Data::Session& session) { lock_table(session, "target_adjustments"); }

AdjustmentRecord add_adjustment(Poco::Data::Session& session, AdjustmentRecord adjustment, const UnitTargets& figures) {
  adjustment.id = next_id(session, "target_adjustments");
  adjustment.decision.reset();
  session << sql(session, "INSERT INTO target_adjustments (id, assignment_id, unit_id, plan_year, reason, table_version_id, "
                          "asked_at, asked_by, client_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      bind(static_cast<Poco::Int64>(adjustment.id)), bind(static_cast<Poco::Int64>(adjustment.assignment_id)),
      bind(static_cast<Poco::Int64>(adjustment.unit_id)), bind(static_cast<Poco::Int64>(adjustment.year)),
      bind(adjustment.reason), bind(nullable(adjustment.table_version)), bind(static_cast<Poco::Int64>(adjustment.asked_at)),
      bind(nullable(adjustment.asked_by)), bind(adjustment.client_address), now;
  Poco::Int64 owner = adjustment.id, position = 0, households = 0, start = 0, reduction = 0;
  std::string name, indicator, fixed;
  Poco::Data::Statement insert(session);
  insert << sql(session, "INSERT INTO adjustment_figures (adjustment_id, position, name, households, indicator, start_count, "
                         "reduction, fixed_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
      use(owner), use(position), use(name), use(households), use(indicator), use(start), use(reduction), use(fixed);
  auto add = [&](int at, const std::string& part, long long part_households, const std::vector<AssignedFigure>& list) {
    for (const AssignedFigure& figure : list) {
      position = at;
      name = part;
      households = part_households;
      indicator = indicator_key(figure.indicator);
      start = figure.start;
      reduction = figure.reduction;
      fixed = fixed_kind_key(figure.fixed);
      insert.execute();
    }
  };
  add(0, "", figures.households, figures.own);
  for (std::size_t i = 0; i < figures.parts.size(); ++i)
    add(static_cast<int>(i + 1), figures.parts[i].name, figures.parts[i].households, figures.parts[i].figures);
  return adjustment;
}

std::optional<AdjustmentRecord> find_adjustment(Poco::Data::Session& session, std::int64_t id) {
  std::vector<AdjustmentTuple> rows;
  session << sql(session, std::string(kAdjustmentColumns) + " WHERE id = ?"), bind(static_cast<Poco::Int64>(id)), into(rows),
      now;
  std::vector<AdjustmentRecord> records = adjustments(session, rows);
  if (records.empty()) return std::nullopt;
  return records.front();
}

std::vector<AdjustmentRecord> adjustments_of(Poco::Data::Session& session, std::int64_t assignment,
                                             std::optional<std::int64_t> unit) {
  std::vector<AdjustmentTuple> rows;
  if (unit)
    session << sql(session, std::string(kAdjustmentColumns) + " WHERE assignment_id = ? AND unit_id = ? ORDER BY id DESC"),
        bind(static_cast<Poco::Int64>(assignment)), bind(static_cast<Poco::Int64>(*unit)), into(rows), now;
  else
    session << sql(session, std::string(kAdjustmentColumns) + " WHERE assignment_id = ? ORDER BY id DESC"),
        bind(static_cast<Poco::Int64>(assignment)), into(rows), now;
  return adjustments(session, rows);
}

UnitTargets adjustment_figures(Poco::Data::Session& session, std::int64_t adjustment) {
  std::vector<Poco::Tuple<Poco::Int64, std::string, Poco::Int64, std::string, Poco::Int64, Poco::Int64, std::string>> rows;
  session << sql(session, "SELECT position, name, households, indicator, start_count, reduction, fixed_kind "
                          "FROM adjustment_figures WHERE adjustment_id = ? ORDER BY position"),
      bind(static_cast<Poco::Int64>(adjustment)), into(rows), now;
  UnitTargets targets;
  std::map<int, std::size_t> part_of;  // position → index in parts
  for (const auto& row : rows) {
    const int position = static_cast<int>(row.get<0>());
    const AssignedFigure figure{indicator_of(row.get<3>()), row.get<4>(), row.get<5>(), fixed_of(row.get<6>())};
    if (position == 0) {
      targets.households = row.get<2>();
      targets.own.push_back(figure);
      continue;
    }
    auto [found, added] = part_of.emplace(position, targets.parts.size());
    if (added) targets.parts.push_back({row.get<1>(), row.get<2>(), {}});
    targets.parts[found->second].figures.push_back(figure);
  }
  auto poor_first = [](std::vector<AssignedFigure>& list) {
    std::stable_sort(list.begin(), list.end(), [](const AssignedFigure& a, const AssignedFigure& b) {
      return a.indicator == Indicator::Poor && b.indicator != Indicator::Poor;
    });
  };
  poor_first(targets.own);
  for (auto& part : targets.parts) poor_first(part.figures);
  return targets;
}

void add_adjustment_decision(Poco::Data::Session& session, std::int64_t adjustment, const AdjustmentDecision& decision) {
  session << sql(session, "INSERT INTO adjustment_decisions (adjustment_id, agreed, note, decided_at, decided_by, "
                          "client_address) VALUES (?, ?, ?, ?, ?, ?)"),
      bind(static_cast<Poco::Int64>(adjustment)), bind(static_cast<Poco::Int64>(decision.agreed ? 1 : 0)), bind(decision.note),
      bind(static_cast<Poco::Int64>(decision.at)), bind(nullable(decision.by)), bind(decision.client_address), now;
}

}  // namespace kehoach
