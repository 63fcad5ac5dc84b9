#include "app/plan_deadlines.h"

#include "read/plan_reader.h"

namespace kehoach {

PlanDeadlines plan_deadlines(const std::string& plan_file, const Date& today) {
  PlanDeadlines result{read_plan(plan_file), {}};
  result.deadlines = report_deadlines(result.plan.reports, result.plan.year, today);
  return result;
}

}  // namespace kehoach
