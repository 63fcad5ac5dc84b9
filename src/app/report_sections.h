#pragma once
// Use case: the parts of the report's template that a plan file may replace for one period (`reports:
// PERIOD: sections:`, templates/README.md: results, difficulties, next_tasks, proposals), each with the text
// the report prints when the plan file does not replace it, with this report's figures and names in it
// (the tasks name the villages behind). A form shows them to be edited in place.
#include <string>
#include <vector>

#include "app/make_report.h"
#include "app/template_sections.h"

namespace kehoach {

// The sections of the report template in the order the document has them; the period's own sections in
// the plan file are not applied. A section printed only when the plan file gives it has no paragraphs.
// Throws InputError and TemplateError.
std::vector<SectionDefault> report_section_defaults(const ReportFiguresResult& figures,
                                                    const std::string& template_name = "bao-cao");

}  // namespace kehoach
