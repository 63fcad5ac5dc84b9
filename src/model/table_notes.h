#pragma once
// What a table says under it about where its figures come from, as data: the household lists it was
// counted from and the poverty standard that classified them. write/records_notes words it, and every
// writer of a table (Excel, Word, JSON) prints those words, so no sentence is made before the writers.
#include <optional>
#include <vector>

#include "model/period.h"
#include "model/poverty_standard.h"

namespace kehoach {

// One household list behind a table. Never its file: official documents do not cite files.
struct NotedList {
  enum class Role {
    Only,         // the one list: "Số liệu tính từ danh sách hộ rà soát cuối năm 2021"
    YearStart,    // a report's start: "Số liệu đầu năm tính từ danh sách hộ rà soát cuối năm 2021"
    Now,          // a report's end: "Số liệu hiện nay tính từ danh sách hộ rà soát cuối năm 2022"
    PeriodStart,  // a review's list at the start of its period: "Danh sách hộ rà soát đầu kỳ"
    PeriodEnd,    // a review's list at the end: "Danh sách hộ rà soát cuối năm 2022"
  };
  Role role = Role::Only;
  int year = 0;                  // the review it is: the list at the end of that year
  std::optional<Period> update;  // Now: an update for a report of this period, not a year-end review
  long long households = 0;
  long long skipped_rows = 0;    // rows left out for bad values
};

struct TableNotes {
  std::vector<NotedList> lists;             // in the order the notes name them
  std::optional<PovertyStandard> standard;  // that classified the lists; alone, one not yet confirmed

  bool empty() const { return lists.empty() && (!standard || standard->confirmed); }
};

}  // namespace kehoach
