#pragma once
// How households moved during a period, per unit, as the review forms count them (domain.md
// section 5): for each indicator, three decreases and four increases.
//   poor at end = poor at start − became near-poor − rose above the near-poor line − other decreases
//               + near-poor who became poor + re-poor + newly poor + other increases
// and the near-poor table mirrors it.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.h"

namespace kehoach {

inline constexpr std::size_t kMovementCount = 7;

struct MovementColumn {
  const char* key;     // "re_poor": JSON and English headers
  const char* label;   // "Tái nghèo": the form's column
  int sign;            // -1 decrease, +1 increase
};

// The seven columns of an indicator's movement table, decreases first, in the forms' order.
const std::array<MovementColumn, kMovementCount>& movement_columns(Indicator indicator);

struct IndicatorMovements {
  std::optional<std::array<long long, kMovementCount>> counts;  // none: only the end count is known
  std::optional<long long> stated_end;                          // an end count written in the file
};

struct UnitMovements {
  std::string name;
  int source_row = 0;
  IndicatorMovements poor, near_poor;
  std::optional<long long> end_households;  // all households at the end of the period, when known
  const IndicatorMovements& of(Indicator indicator) const { return indicator == Indicator::Poor ? poor : near_poor; }
};

struct Movements {
  std::string source;
  std::vector<UnitMovements> units;
};

}  // namespace kehoach
