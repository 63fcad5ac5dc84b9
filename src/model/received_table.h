#pragma once
// A target table received from below, as read: which column holds what, and the rows as text.
// The check works on the text so that it can report exactly what was written.
#include <optional>
#include <string>
#include <vector>

#include "model/indicator.h"

namespace kehoach {

struct ReceivedColumn {
  int index = -1;
  std::string header;
};

struct ReceivedCountColumn {
  ReceivedColumn count;
  std::optional<ReceivedColumn> rate;  // the "Tỷ lệ %" column that follows it
  std::optional<Indicator> indicator;
  Stage stage = Stage::Unspecified;
};

struct ReceivedRow {
  int source_row = 0;
  std::string name;
  std::vector<std::string> cells;
};

struct ReceivedTable {
  std::string source;
  std::optional<ReceivedColumn> households;
  std::vector<ReceivedCountColumn> counts;
  std::vector<ReceivedRow> units;
  std::optional<ReceivedRow> total;
};

}  // namespace kehoach
