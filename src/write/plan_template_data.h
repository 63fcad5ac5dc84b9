#pragma once
// The plan as the data a Word template is filled with (templates/README.md lists every name).
// Every number, rate, date and piece of punctuation is settled here, so templates only place text.
#include <set>
#include <string>

#include "model/appendix_table.h"
#include "model/plan.h"
#include "model/unit_tree.h"
#include "template/template_value.h"

namespace kehoach {

// `template_names` are the tag names the chosen template uses: its "sections.KEY" names say which
// sections a plan file may replace. Throws InputError (at the plan file's line) for a plan section
// the template does not have, and for projects under a template without "projects". `analysis`, when
// the plan has household records, fills the groups of section II (members, households with and
// without labour, social protection, …). The units are named by their levels (unit_level), the
// offices by the names in force on the plan's date (plan.offices).
TemplateRecord plan_template_data(const Plan& plan, const AppendixTable& table,
                                  const std::set<std::string>& template_names, const std::string& template_label,
                                  const HouseholdTally* analysis = nullptr);

}  // namespace kehoach
