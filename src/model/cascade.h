#pragma once
// A cascade: one unit's targets split down its whole hierarchy (province → communes → villages, or
// country → provinces → communes → villages), and the plans its units at one level issue.
#include <optional>
#include <string>
#include <vector>

#include "model/plan.h"

namespace kehoach {

// A figure fixed for a unit anywhere below the top, by its path ("Xã An Hòa Thịnh / Thôn Sâm Cồn").
struct CascadeFixed {
  std::vector<std::string> path;
  Indicator indicator = Indicator::Poor;
  FixedFigure figure;   // figure.unit is the path's last name
  int line = 0;         // in the cascade file, for messages
};

struct CascadeSpec {
  std::string file;                   // the cascade file, for messages
  int year = 0;
  std::string units_path;             // resolved against the cascade file's folder
  std::string units_sheet;
  std::optional<RecordsSource> records;  // household records instead of the units table
  std::vector<Target> targets;        // the top unit's, without fixed figures
  std::vector<CascadeFixed> fixed;
  std::string plan_level;             // the level whose units issue plans ("Xã"); default the one above the lowest
  std::string template_name;          // empty: the one written for the plan level's units
  std::string issuing_body = "Ủy ban nhân dân";
  std::optional<Date> date;           // the plans' date when given; numbers are each commune's own, left blank
};

}  // namespace kehoach
