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

}  // namespace kehoach
