#pragma once
// Targets given from above (giao chỉ tiêu): a province's targets split down to every unit below it and every
// village by the cascade of `kehoach batch`, and what a plan unit (a commune) is then to plan: its own
// reduction of each indicator and its villages'. Plain data; compute/target_assignment makes and compares it.
#include <optional>
#include <string>
#include <vector>

#include "model/indicator.h"

namespace kehoach {

// How a unit's reduction came about: split by the rule (in proportion to the start counts, largest
// remainder), fixed by hand as a count, or fixed as "all" (the unit ends the year with none).
enum class FixedKind { Split, Count, All };

// "split", "count", "all": as stored; and back (nullopt for another word).
inline const char* fixed_kind_key(FixedKind kind) {
  return kind == FixedKind::Count ? "count" : kind == FixedKind::All ? "all" : "split";
}
inline std::optional<FixedKind> fixed_kind_from_key(const std::string& key) {
  for (FixedKind kind : {FixedKind::Split, FixedKind::Count, FixedKind::All})
    if (key == fixed_kind_key(kind)) return kind;
  return std::nullopt;
}

struct AssignedFigure {
  Indicator indicator = Indicator::Poor;
  long long start = 0;      // the households of the indicator at the start of the year
  long long reduction = 0;  // what the unit is to reduce them by in the year
  FixedKind fixed = FixedKind::Split;
  bool operator==(const AssignedFigure&) const = default;
};

// A unit of a split: its names below the top ("Xã An Hòa Thịnh", "Thôn Sâm Cồn"; none for the top itself),
// its households and one figure per target of the split, in the targets' order.
struct AssignedUnit {
  std::vector<std::string> path;
  long long households = 0;
  std::vector<AssignedFigure> figures;
  bool operator==(const AssignedUnit&) const = default;
};

// What one plan unit is to plan: its own figures (its row in its parent's table) and its villages'.
struct UnitTargets {
  struct Part {
    std::string name;  // the village as its table names it
    long long households = 0;
    std::vector<AssignedFigure> figures;
    bool operator==(const Part&) const = default;
  };
  long long households = 0;
  std::vector<AssignedFigure> own;
  std::vector<Part> parts;
  bool operator==(const UnitTargets&) const = default;
};

// Where a plan departs from its unit's targets: the unit's own reduction or a village's, with the figure
// assigned and the figure planned (none: the village is not in the assignment, or not in the plan).
struct TargetDifference {
  std::string part;  // the village's name; "" for the unit's own reduction
  Indicator indicator = Indicator::Poor;
  std::optional<long long> assigned, planned;
  bool operator==(const TargetDifference&) const = default;
};

}  // namespace kehoach
