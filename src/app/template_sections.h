#pragma once
// What a document template prints for each part that a plan file may replace (`sections.KEY`,
// templates/README.md): its default stretch ({{^sections.KEY}} … {{/sections.KEY}}) rendered with the
// document's own data, so that a form can show the default to be edited in place. Shared by the plan's
// sections (app/plan_sections.h) and the report's (app/report_sections.h).
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "template/template_value.h"

namespace kehoach {

struct SectionDefault {
  std::string key;                      // "general_goal", "next_tasks": the name after "sections."
  std::vector<std::string> paragraphs;  // as the document prints them; empty when the template has none
};

// The sections of the template `name` (found as the plan file `plan_file` would find it), in the order
// the document has them, each with its default rendered with `data_for(the tags the template uses)`. A
// section the template uses without a default of its own (printed only when given, or written inline)
// is listed with no paragraphs. Throws InputError (the template cannot be found or read) and TemplateError.
std::vector<SectionDefault> template_section_defaults(
    const std::string& name, const std::string& plan_file,
    const std::function<TemplateRecord(const std::set<std::string>& used)>& data_for);

}  // namespace kehoach
