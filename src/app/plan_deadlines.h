#pragma once
// Use case: the reports a plan file asks for, their due dates, and how each stands on a given day.
#include <string>
#include <vector>

#include "compute/deadlines.h"
#include "model/plan.h"

namespace kehoach {

struct PlanDeadlines {
  Plan plan;
  std::vector<Deadline> deadlines;  // in date order; none when the plan gives no schedule
};

// Throws InputError.
PlanDeadlines plan_deadlines(const std::string& plan_file, const Date& today);

}  // namespace kehoach
