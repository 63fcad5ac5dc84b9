#include "write/appendix_labels.h"

#include "compute/appendix.h"
#include "text/unicode.h"

namespace kehoach {

std::string appendix_title(const Plan& plan, const AppendixTable& table) {
  if (!plan.appendix_title.empty()) return plan.appendix_title;
  std::string subjects;
  for (const auto& target : table.indicators)
    subjects += (subjects.empty() ? "" : ", ") + std::string(indicator_households(target.indicator));
  return to_upper("Chỉ tiêu giảm " + subjects + " năm " + std::to_string(table.year));
}

std::string group_label(Indicator indicator, Column column, int year) {
  const std::string kind = indicator == Indicator::Poor ? "nghèo" : "cận nghèo";
  const std::string year_text = std::to_string(year);
  switch (column) {
    case Column::Start: return "Hộ " + kind + " đầu năm " + year_text;
    case Column::Reduction: return "Giảm hộ " + kind + " trong năm " + year_text;
    case Column::End: break;
  }
  return "Hộ " + kind + " cuối năm " + year_text;
}

}  // namespace kehoach
