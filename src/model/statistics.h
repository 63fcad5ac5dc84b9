#pragma once
// Per-unit household counts at the start of the plan year: the input of every target split.
#include <optional>
#include <string>
#include <vector>

namespace kehoach {

struct UnitStatistics {
  std::string name;                // NFC, as written in the file
  long long households = 0;        // all households of the unit (the base of every rate)
  long long poor = 0;              // poor households at the start
  long long near_poor = 0;         // near-poor households at the start
  std::optional<long long> members;  // khẩu, when the file has them
  int source_row = 0;
};

struct Statistics {
  std::string source;               // file name, for messages
  std::string unit_column;          // the unit column's header as written ("Thôn", "Đơn vị")
  std::vector<UnitStatistics> units;  // input order: official tables keep the unit's order
};

}  // namespace kehoach
