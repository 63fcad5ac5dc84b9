// Targets given from above: every unit's figures of a province's split, one commune's part of it, and where a
// plan departs from that part. Figures worked out by hand below each case.
#include <doctest/doctest.h>

#include "compute/appendix.h"
#include "compute/cascade.h"
#include "compute/household_tally.h"
#include "compute/target_assignment.h"
#include "model/unit_tree_builder.h"
#include "read/cascade_reader.h"
#include "text/unicode.h"

using namespace kehoach;

namespace {

struct Village {
  std::vector<std::string> path;
  long long households, poor, near_poor;
};

UnitTree tree_of(const std::vector<Village>& villages) {
  UnitTreeBuilder builder({"Tỉnh", "Xã", "Thôn"});
  for (const auto& v : villages) {
    HouseholdTally& t = builder.tree().nodes[static_cast<std::size_t>(builder.unit_of(v.path))].tally;
    t.households = v.households;
    t.poor = v.poor;
    t.near_poor = v.near_poor;
  }
  UnitTree tree = std::move(builder.tree());
  roll_up(tree);
  return tree;
}

// Xã A: 150 households, 15 poor, 10 near-poor; Xã B: 300, 30, 10; the province 450, 45, 20.
const std::vector<Village> kProvince = {
    {{"Tỉnh P", "Xã A", "Thôn A1"}, 100, 10, 5},
    {{"Tỉnh P", "Xã A", "Thôn A2"}, 50, 5, 5},
    {{"Tỉnh P", "Xã B", "Thôn B1"}, 200, 20, 10},
    {{"Tỉnh P", "Xã B", "Thôn B2"}, 100, 10, 0},
};

// Poor: reduce 20; B2 fixed "all" (10). A 20·15/45 = 6,67 and B 13,33: 6 and 13, the one left to A (,67 > ,33):
// A 7, B 13. A's 7: A1 7·10/15 = 4,67, A2 2,33: 4 and 2, the one left to A1: 5, 2. B's 13: B2 10, B1 the 3 left.
// Near-poor: end rate 3,00% of 450 = 13,5 → 13 left, a reduction of 7. A 3,5 and B 3,5: 3 and 3, the one left
// to A (equal remainders, equal starts: the first). A's 4: A1 2, A2 2. B's 3: B1 3, B2 (none) 0.
const char* kSpec =
    "year: 2026\nunits: don-vi.csv\ntargets:\n  poor: { reduce: 20 }\n  near_poor: { end_rate: \"3,00%\" }\n"
    "fixed:\n  \"Xã B / Thôn B2\": { poor: all }\n";

AssignedFigure split(Indicator indicator, long long start, long long reduction) { return {indicator, start, reduction, FixedKind::Split}; }

}  // namespace

TEST_CASE("assigned units: every unit of the province's split from the top down, with its figures and how each was set") {
  const UnitTree tree = tree_of(kProvince);
  const CascadeSpec spec = parse_cascade(kSpec, "phan-bo.yaml");
  const std::vector<AssignedUnit> units = assigned_units(tree, split_cascade(tree, spec), spec);
  const Indicator P = Indicator::Poor, N = Indicator::NearPoor;
  const std::vector<AssignedUnit> expected{
      {{}, 450, {split(P, 45, 20), split(N, 20, 7)}},
      {{"Xã A"}, 150, {split(P, 15, 7), split(N, 10, 4)}},
      {{"Xã A", "Thôn A1"}, 100, {split(P, 10, 5), split(N, 5, 2)}},
      {{"Xã A", "Thôn A2"}, 50, {split(P, 5, 2), split(N, 5, 2)}},
      {{"Xã B"}, 300, {split(P, 30, 13), split(N, 10, 3)}},
      {{"Xã B", "Thôn B1"}, 200, {split(P, 20, 3), split(N, 10, 3)}},
      {{"Xã B", "Thôn B2"}, 100, {{P, 10, 10, FixedKind::All}, split(N, 0, 0)}},
  };
  CHECK(units == expected);
}

TEST_CASE("assigned units: a figure fixed as a count is marked a count, at a commune as at a village") {
  const UnitTree tree = tree_of(kProvince);
  // A fixed at 9: B gets the 11 left; B2 fixed at 4, B1 the 7 left.
  const CascadeSpec spec = parse_cascade(
      "year: 2026\nunits: u.csv\ntargets:\n  poor: { reduce: 20 }\nfixed:\n  \"Xã A\": { poor: 9 }\n  \"Xã B / Thôn B2\": { poor: 4 }\n",
      "phan-bo.yaml");
  const std::vector<AssignedUnit> units = assigned_units(tree, split_cascade(tree, spec), spec);
  REQUIRE(units.size() == 7);
  CHECK(units[1].figures == std::vector<AssignedFigure>{{Indicator::Poor, 15, 9, FixedKind::Count}});
  CHECK(units[4].figures == std::vector<AssignedFigure>{{Indicator::Poor, 30, 11, FixedKind::Split}});
  CHECK(units[5].figures == std::vector<AssignedFigure>{{Indicator::Poor, 20, 7, FixedKind::Split}});
  CHECK(units[6].figures == std::vector<AssignedFigure>{{Indicator::Poor, 10, 4, FixedKind::Count}});
}

TEST_CASE("unit targets: a commune's own figures and its villages', found by a name written another way") {
  const UnitTree tree = tree_of(kProvince);
  const CascadeSpec spec = parse_cascade(kSpec, "phan-bo.yaml");
  const std::vector<AssignedUnit> units = assigned_units(tree, split_cascade(tree, spec), spec);
  const std::optional<UnitTargets> b = unit_targets(units, {"xa\xCC\x83 b"});  // decomposed, lower case
  REQUIRE(b);
  CHECK(b->households == 300);
  CHECK(b->own == std::vector<AssignedFigure>{split(Indicator::Poor, 30, 13), split(Indicator::NearPoor, 10, 3)});
  REQUIRE(b->parts.size() == 2);
  CHECK(b->parts[0].name == "Thôn B1");
  CHECK(b->parts[1] == UnitTargets::Part{"Thôn B2", 100, {{Indicator::Poor, 10, 10, FixedKind::All}, split(Indicator::NearPoor, 0, 0)}});
  CHECK_FALSE(unit_targets(units, {"Xã C"}));
  CHECK_FALSE(unit_targets(units, {"Xã A", "Thôn A1", "Xóm"}));
}

namespace {

// Xã A's plan: its two villages, the targets given as the plan file gives them.
UnitTargets plan_of(const std::vector<Target>& targets) {
  Statistics statistics;
  statistics.source = "thon.csv";
  statistics.unit_column = "Thôn";
  statistics.units = {{"Thôn A1", 100, 10, 5, std::nullopt, 2}, {"Thôn A2", 50, 5, 5, std::nullopt, 3}};
  Plan plan;
  plan.file = "ke-hoach.yaml";
  plan.year = 2026;
  plan.unit = "xã A";
  plan.targets = targets;
  return planned_targets(plan, build_appendix(plan, statistics));
}

Target reduce(Indicator indicator, long long count, std::vector<FixedFigure> fixed = {}) {
  Target target;
  target.indicator = indicator;
  target.reduce = count;
  target.fixed = std::move(fixed);
  return target;
}

}  // namespace

TEST_CASE("target differences: none when the plan splits the assigned reduction the same way") {
  const UnitTree tree = tree_of(kProvince);
  const CascadeSpec spec = parse_cascade(kSpec, "phan-bo.yaml");
  const UnitTargets assigned = *unit_targets(assigned_units(tree, split_cascade(tree, spec), spec), {"Xã A"});
  const UnitTargets planned = plan_of({reduce(Indicator::Poor, 7), reduce(Indicator::NearPoor, 4)});
  CHECK(planned.own == std::vector<AssignedFigure>{split(Indicator::Poor, 15, 7), split(Indicator::NearPoor, 10, 4)});
  CHECK(target_differences(assigned, planned).empty());
  // The same poor figures reached with a village fixed by hand: no difference there, and the fixing kept. The
  // near-poor 5 with A1 fixed "all" (its 5): A1 5 and A2 0 where 2 and 2 were assigned.
  const UnitTargets fixed = plan_of({reduce(Indicator::Poor, 7, {{"Thôn A2", false, 2}}), reduce(Indicator::NearPoor, 5, {{"Thôn A1", true, 0}})});
  CHECK(fixed.parts[1].figures[0] == AssignedFigure{Indicator::Poor, 5, 2, FixedKind::Count});
  CHECK(fixed.parts[0].figures[1] == AssignedFigure{Indicator::NearPoor, 5, 5, FixedKind::All});
  CHECK(target_differences(assigned, fixed) == std::vector<TargetDifference>{{"", Indicator::NearPoor, 4, 5},
                                                                             {"Thôn A1", Indicator::NearPoor, 2, 5},
                                                                             {"Thôn A2", Indicator::NearPoor, 2, 0}});
}

TEST_CASE("target differences: the unit's own reduction, each village that differs, a village the assignment lacks, "
          "an indicator left out") {
  const UnitTree tree = tree_of(kProvince);
  const CascadeSpec spec = parse_cascade(kSpec, "phan-bo.yaml");
  UnitTargets assigned = *unit_targets(assigned_units(tree, split_cascade(tree, spec), spec), {"Xã A"});
  // Poor 8 instead of 7: A1 8·10/15 = 5,33 → 5, A2 2,67 → 2, the one left to A2: 5 and 3. No near-poor target.
  const UnitTargets planned = plan_of({reduce(Indicator::Poor, 8)});
  CHECK(target_differences(assigned, planned) ==
        std::vector<TargetDifference>{{"", Indicator::Poor, 7, 8},
                                      {"Thôn A2", Indicator::Poor, 2, 3},
                                      {"", Indicator::NearPoor, 4, std::nullopt}});
  // The same total split otherwise: only the villages differ.
  const UnitTargets moved = plan_of({reduce(Indicator::Poor, 7, {{"Thôn A1", false, 4}}), reduce(Indicator::NearPoor, 4)});
  CHECK(target_differences(assigned, moved) ==
        std::vector<TargetDifference>{{"Thôn A1", Indicator::Poor, 5, 4}, {"Thôn A2", Indicator::Poor, 2, 3}});
  // A village the assignment does not have (the table has one more since): told when the plan gives it a
  // reduction, and an assigned village the plan's table no longer has, when it was to reduce something.
  assigned.parts[1].name = "Thôn A9";
  CHECK(target_differences(assigned, plan_of({reduce(Indicator::Poor, 7), reduce(Indicator::NearPoor, 4)})) ==
        std::vector<TargetDifference>{{"Thôn A9", Indicator::Poor, 2, std::nullopt},
                                      {"Thôn A2", Indicator::Poor, std::nullopt, 2},
                                      {"Thôn A9", Indicator::NearPoor, 2, std::nullopt},
                                      {"Thôn A2", Indicator::NearPoor, std::nullopt, 2}});
  // An indicator the assignment does not have is the commune's own to set.
  UnitTargets poor_only = *unit_targets(assigned_units(tree, split_cascade(tree, spec), spec), {"Xã A"});
  poor_only.own.pop_back();
  for (auto& part : poor_only.parts) part.figures.pop_back();
  CHECK(target_differences(poor_only, plan_of({reduce(Indicator::Poor, 7), reduce(Indicator::NearPoor, 1)})).empty());
}
