#pragma once
// The columns of a household review file (rà soát), recognised by their headers as officers
// write them ("Mã hộ", "Thôn", "Số khẩu", "Thu nhập bình quân", "Việc làm", … "Người có công"), with or
// without diacritics, in any case, or by English keys. README.md lists every name.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/grid.h"
#include "model/household.h"

namespace kehoach {

struct RecordLayout {
  int header_row = 0;               // source row of the header
  std::vector<std::string> names;   // header text per column
  int code = -1;
  std::vector<int> levels;          // unit columns, left to right = highest level first
  int area = -1;
  int members = -1;
  int income = -1;                  // income per person, or the review's score when `scored`
  bool scored = false;
  std::array<int, kDeprivationCount> deprivations{};
  int able_to_work = -1, social_protection = -1, ethnic_minority = -1, merit = -1;  // optional groups
  int origin = -1;                  // optional: split from / moved in (end-of-period lists)
  std::vector<std::string> level_names() const;
};

// "Tên thôn", "Thôn/Tổ dân phố", "Xã, phường", "Tỉnh": a header (folded, see fold()) naming a level
// of the unit hierarchy.
bool is_level_header(std::string folded);

// What `row` says if it is the header of a records file: nullopt when it has no household-code
// column or fewer than three other recognised columns (a title or a blank row).
std::optional<RecordLayout> record_layout(const GridRow& row);

// Columns a records file must have, missing from `layout`: the names to ask for ("Số khẩu", …).
std::vector<std::string> missing_record_columns(const RecordLayout& layout);

}  // namespace kehoach
