#pragma once
// The computed appendix: every figure the Excel sheet, the JSON and (later) the Word table show.
// Built once by compute/appendix, so no two outputs can disagree.
#include <string>
#include <vector>

#include "model/plan.h"
#include "model/table_notes.h"
#include "text/rate.h"

namespace kehoach {

struct IndicatorFigures {
  long long start = 0, reduction = 0, end = 0;
  Rate start_rate, reduction_rate, end_rate;
  bool fixed = false;  // the reduction was set in the plan for this unit, not allocated
};

struct AppendixRow {
  std::string name;
  std::string level;       // its level word ("Thôn", "Tổ dân phố", "Xã"): from the name, else the
                           // column, else the issuer's usual units; empty when none says
  long long households = 0;
  std::vector<IndicatorFigures> figures;  // parallel to AppendixTable::indicators
};

struct IndicatorTarget {
  Indicator indicator;
  long long target_reduction = 0;  // what the plan asks of the whole unit
  bool from_rate = false;          // derived from an end-rate target
  Rate requested_end_rate;         // when from_rate
};

struct AppendixTable {
  int year = 0;
  std::string unit_label;            // the unit column's header: "Thôn", "Tổ dân phố", "Xã, phường", "Đơn vị"
  std::vector<IndicatorTarget> indicators;
  std::vector<AppendixRow> rows;     // input order
  AppendixRow total;                 // name "Tổng cộng"
  TableNotes notes;                  // under the table: where the start counts came from
};

}  // namespace kehoach
