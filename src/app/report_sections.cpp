#include "app/report_sections.h"

#include "write/report_template_data.h"

namespace kehoach {

std::vector<SectionDefault> report_section_defaults(const ReportFiguresResult& figures, const std::string& template_name) {
  Plan plan = figures.input.plan;
  const Report& report = figures.report;
  if (auto own = plan.reports.periods.find(report.period); own != plan.reports.periods.end()) {
    own->second.sections.clear();
    own->second.section_lines.clear();
  }
  return template_section_defaults(template_name, plan.file, [&](const std::set<std::string>& used) {
    return report_template_data(plan, report, used, template_name);
  });
}

}  // namespace kehoach
