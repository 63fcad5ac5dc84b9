#pragma once
// What a plan file says: who issues it, for which year, from which statistics, with which
// targets. Plain data; read by read/plan_reader, used by compute/appendix.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/indicator.h"
#include "model/national_programme.h"
#include "model/office_names.h"
#include "model/plan_text.h"
#include "model/report_settings.h"
#include "text/rate.h"

namespace kehoach {

struct FixedFigure {
  std::string unit;          // unit name as written in the plan file
  bool all = false;          // "all": the unit reduces to zero ("không còn hộ cận nghèo")
  long long reduction = 0;   // when !all
};

struct Target {
  Indicator indicator = Indicator::Poor;
  std::optional<long long> reduce;   // "reduce by N households"
  std::optional<Rate> end_rate;      // "reach an end rate of x,xx%"
  std::vector<FixedFigure> fixed;    // figures officials chose for named units
};


// Household review records in place of a statistics table: the start counts are computed from them.
struct RecordsSource {
  std::string path;           // resolved against the plan file's folder
  std::string sheet;          // XLSX sheet, empty for the first
  std::string standard;       // a poverty standard file; empty: the shipped one valid in the plan's year
  bool skip_bad_rows = false;
};

struct Plan {
  std::string file;                  // the plan file, for messages
  int year = 0;
  std::string parent_body;           // "UBND HUYỆN HƯƠNG SƠN" (header line above the issuer)
  std::string issuing_body;          // "Ủy ban nhân dân"
  std::string unit;                  // "xã An Hòa Thịnh"
  int issuer_line = 0;               // plan file line of the issuer's unit, for messages
  std::string place;                 // "An Hòa Thịnh" (the place in the date line)
  std::optional<int> number;         // document number; none: a draft
  std::string symbol = "KH-UBND";    // document type symbol after the number
  std::optional<Date> date;          // none: a draft
  std::string statistics_path;       // resolved against the plan file's folder
  std::string statistics_sheet;      // XLSX sheet name, empty for the first
  std::optional<RecordsSource> records;  // instead of statistics_path
  std::string unit_label;            // appendix unit column header; default from the statistics
  std::string appendix_label = "Phụ lục";
  std::string appendix_title;        // default built from year and indicators
  std::vector<Target> targets;       // in the order poor, near-poor; at least one
  PlanText text;                     // the words of the plan document
  ReportSettings reports;            // its periodic reports
  std::shared_ptr<const OfficeBook> offices;  // names of offices by date (data/offices); none: no names
  std::shared_ptr<const NationalProgramme> programme;  // the one of its year (data/chuong-trinh); none: no projects
};

// A draft leaves its number or its date (or the day of it) blank.
inline bool is_draft(const Plan& plan) { return !plan.number || !plan.date || plan.date->day == 0; }

}  // namespace kehoach
