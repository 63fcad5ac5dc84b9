#pragma once
#include <yaml-cpp/yaml.h>

#include "model/plan_text.h"
#include "read/yaml_fields.h"

namespace kehoach {

// The document keys of a plan file (template, title, summary, legal_bases, preamble, goals,
// agencies, reporting, recipients, signature, sections, projects). Absent keys keep PlanText's
// defaults; wrong shapes are InputErrors with the line.
PlanText read_plan_text(const YAML::Node& root, const YamlFields& fields);

}  // namespace kehoach
