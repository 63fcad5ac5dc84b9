#include "write/households_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "compute/rate.h"

namespace kehoach {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr new_object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

double percent(long long count, long long total) { return static_cast<double>(rate_of(count, total).hundredths) / 100.0; }

template <typename Values>
Array::Ptr array_of(const Values& values) {
  Array::Ptr list = new Array;
  for (auto value : values) list->add(value);
  return list;
}

void add_tally(Object::Ptr o, const HouseholdTally& t) {
  o->set("households", t.households);
  o->set("members", t.members);
  o->set("poor", t.poor);
  o->set("poor_rate", percent(t.poor, t.households));
  o->set("near_poor", t.near_poor);
  o->set("near_poor_rate", percent(t.near_poor, t.households));
  o->set("middle_income", t.middle_income);
  o->set("poor_members", t.poor_members);
  o->set("near_poor_members", t.near_poor_members);
  o->set("poor_with_labour", t.poor_with_labour);
  o->set("poor_without_labour", t.poor_without_labour);
  o->set("poor_social_protection", t.poor_social_protection);
  o->set("poor_ethnic_minority", t.poor_ethnic_minority);
  o->set("poor_merit", t.poor_merit);
  Object::Ptr deprivations = new_object();
  deprivations->set("poor", array_of(t.poor_deprived));
  deprivations->set("near_poor", array_of(t.near_poor_deprived));
  o->set("deprivations", deprivations);
}

Object::Ptr movement_json(const RecordMovements& m, std::size_t node, Indicator indicator) {
  const bool poor = indicator == Indicator::Poor;
  Object::Ptr o = new_object();
  o->set("start", poor ? m.start[node].poor : m.start[node].near_poor);
  const auto& counts = poor ? m.moves[node].poor : m.moves[node].near_poor;
  const auto& columns = movement_columns(indicator);
  for (std::size_t k = 0; k < kMovementCount; ++k) o->set(columns[k].key, counts[k]);
  o->set("end", poor ? m.end[node].poor : m.end[node].near_poor);
  return o;
}

Array::Ptr path_of(const UnitTree& tree, int node) {
  std::vector<std::string> names;
  for (; node > 0; node = tree.nodes[static_cast<std::size_t>(node)].parent)
    names.insert(names.begin(), tree.nodes[static_cast<std::size_t>(node)].name);
  return array_of(names);
}

Object::Ptr unit_json(const UnitTree& tree, int node) {
  const UnitNode& unit = tree.nodes[static_cast<std::size_t>(node)];
  Object::Ptr o = new_object();
  o->set("path", path_of(tree, node));
  o->set("name", unit.name);
  o->set("level", unit.level < 0 ? std::string(kTotalLabel) : tree.levels[static_cast<std::size_t>(unit.level)]);
  return o;
}

Object::Ptr records_json(const RecordsSummary& records) {
  Object::Ptr o = new_object();
  o->set("file", records.source);
  o->set("read", records.households);
  o->set("skipped_rows", records.skipped_rows);
  return o;
}

}  // namespace

std::string households_json(const HouseholdsReport& r) {
  Object::Ptr root = new_object();
  Object::Ptr standard = new_object();
  standard->set("name", r.standard.name);
  standard->set("document", r.standard.document);
  standard->set("confirmed", r.standard.confirmed);
  standard->set("first_year", r.standard.first_year);
  standard->set("last_year", r.standard.last_year);
  root->set("standard", standard);
  root->set("records", records_json(r.records));
  root->set("levels", array_of(r.units.levels));
  Array::Ptr units = new Array;
  for (int node : r.units.listed()) {
    Object::Ptr o = unit_json(r.units, node);
    add_tally(o, r.units.nodes[static_cast<std::size_t>(node)].tally);
    units->add(o);
  }
  root->set("units", units);
  if (r.movements) {
    const RecordMovements& m = *r.movements;
    Object::Ptr movements = new_object();
    movements->set("start_records", records_json(*r.start_records));
    movements->set("matched", m.matched);
    movements->set("left", m.left);
    movements->set("arrived", m.arrived);
    movements->set("new_households", m.new_households);
    Array::Ptr list = new Array;
    for (int node : m.units.listed()) {
      Object::Ptr o = unit_json(m.units, node);
      o->set("poor", movement_json(m, static_cast<std::size_t>(node), Indicator::Poor));
      o->set("near_poor", movement_json(m, static_cast<std::size_t>(node), Indicator::NearPoor));
      list->add(o);
    }
    movements->set("units", list);
    root->set("movements", movements);
  }
  root->set("notes", array_of(households_notes(r)));
  std::ostringstream out;
  root->stringify(out, 2);
  out << '\n';
  return out.str();
}

}  // namespace kehoach
