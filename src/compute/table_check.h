#pragma once
// The check of a received target table: every figure that does not follow from the others.
#include <string>
#include <vector>

#include "model/received_table.h"

namespace kehoach {

struct Finding {
  int row = 0;               // source row
  std::string unit;          // the row's unit as written ("Trùa", "Tổng cộng"): officers read names, not rows
  int column = -1;           // 0-based column index
  std::string column_name;
  std::string stated;        // as written
  std::string expected;      // what it should be, in Vietnamese number style
  std::string reason;        // how the expected value follows ("2/105 hộ", "171 - 50", "tổng các dòng 5-23")
};

// Findings, by row then column: a rate that is neither the exact rate rounded nor truncated to
// the decimals it shows; an end count that is not start - reduction; a total that is not the sum
// of its column; a count or rate cell that is not a number.
std::vector<Finding> check_table(const ReceivedTable& table);

}  // namespace kehoach
