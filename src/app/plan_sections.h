#pragma once
// Use case: the parts of a plan's template that a plan file may replace (`sections:`, templates/README.md),
// each with the text the document prints when the plan file does not replace it: the template's own
// default wording, with this plan's figures and names in it. A form shows them to be edited in place.
#include <vector>

#include "app/plan_input.h"
#include "app/template_sections.h"

namespace kehoach {

// The sections of the plan's template in the order the document has them. The plan's own `sections` are
// not applied (each default is the template's). Throws InputError (the template cannot be found or read)
// and TemplateError.
std::vector<SectionDefault> plan_section_defaults(const PlanInput& input);

}  // namespace kehoach
