#pragma once
// A periodic report as the data of the report template (templates/README.md, "mẫu báo cáo").
#include <set>
#include <string>

#include "model/plan.h"
#include "model/report.h"
#include "template/template_value.h"

namespace kehoach {

TemplateRecord report_template_data(const Plan& plan, const Report& report, const std::set<std::string>& template_names,
                                    const std::string& template_label);

// "hộ nghèo đạt 33,33% chỉ tiêu (giảm 1/3 hộ)" for each indicator of a unit behind schedule.
std::string behind_details(const Report& report, const ReportRow& row);

}  // namespace kehoach
