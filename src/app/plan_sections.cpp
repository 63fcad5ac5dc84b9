#include "app/plan_sections.h"

#include "read/template_locator.h"
#include "write/plan_template_data.h"

namespace kehoach {

std::vector<SectionDefault> plan_section_defaults(const PlanInput& input) {
  Plan plan = input.plan;
  plan.text.sections.clear();
  plan.text.section_lines.clear();
  const std::string name = plan_template(plan);
  return template_section_defaults(name, plan.file, [&](const std::set<std::string>& used) {
    return plan_template_data(plan, input.table, used, name, input.analysis ? &*input.analysis : nullptr);
  });
}

}  // namespace kehoach
