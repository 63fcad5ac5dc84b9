#pragma once
// What a plan file says about its reports (the `reports:` key): when they are due, to whom they
// go, and, per period, the report's own number, date and narrative.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/period.h"
#include "text/rate.h"

namespace kehoach {

struct ReportDue {
  Period period;
  int day = 0, month = 0;
  int year = 0;             // 0: the plan's year
  int source_line = 0;
};

struct PeriodReport {
  std::optional<int> number;
  std::optional<Date> date;
  std::map<std::string, std::vector<std::string>> sections;  // key -> paragraphs
  std::map<std::string, int> section_lines;
};

struct ReportSettings {
  std::string symbol = "BC-UBND";
  std::vector<std::string> addressees;      // Kính gửi
  std::vector<std::string> recipients;      // Nơi nhận; empty: the plan's
  std::map<Period, Rate> thresholds;        // share of the target expected by each period
  std::vector<ReportDue> schedule;
  std::map<Period, PeriodReport> periods;
};

}  // namespace kehoach
