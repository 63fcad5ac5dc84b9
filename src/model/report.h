#pragma once
// A periodic results report: the plan's units with what happened since the start of the year,
// against their targets. Built once by compute/report, shown by the Word report, the Excel table
// and the JSON.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/movements.h"
#include "model/period.h"
#include "model/plan.h"
#include "model/table_notes.h"
#include "text/rate.h"

namespace kehoach {


struct ReportFigures {
  long long start = 0;                                  // at the start of the year (the plan's statistics)
  std::array<long long, kMovementCount> movements{};    // cumulative since the start of the year
  bool movements_known = false;                         // false: only the end count was given
  long long end = 0;
  long long target = 0;                                 // the year's planned reduction for the unit
  long long achieved = 0;                               // start - end (negative: the count grew)
  std::optional<Rate> share;                            // achieved / target, none when the target is 0
  bool behind = false;                                  // share below the period's threshold
  Rate start_rate;                                      // over the unit's households at the start
  Rate end_rate;                                        // over its households at the end, when known (see ReportRow)
  Rate target_rate;                                     // the rate the plan aims at by the year's end: its
                                                        // end-rate target, or the rate of the planned end count
};

struct ReportRow {
  std::string name;
  long long households = 0;                 // at the start of the year (the plan's statistics)
  std::vector<ReportFigures> figures;  // parallel to Report::indicators
  bool behind = false;                 // some indicator's share is below the period's threshold
  // Households at the end of the period, when the movements give them (a review list does): the end
  // rate is a share of these, as the review's own tables count it; otherwise of those at the start.
  std::optional<long long> end_households;
};

struct Report {
  int year = 0;
  Period period = Period::H1;
  Rate threshold;                      // share of the target expected by now
  std::string unit_label;              // "Thôn", "Đơn vị": the plan's unit column
  std::vector<Indicator> indicators;   // those the plan has targets for
  std::vector<ReportRow> rows;         // the plan's units, in its order
  ReportRow total;                     // "Tổng cộng"
  TableNotes notes;                    // under the table: the lists compared, rows skipped, the standard
};

}  // namespace kehoach
