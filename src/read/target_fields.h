#pragma once
// Targets as plan files and cascade files write them ("poor: { end_rate: 4,93% }",
// "near_poor: { reduce: 75, fixed: { Tứ Hiệp: all } }"), read one way for both.
#include <yaml-cpp/yaml.h>

#include "model/plan.h"
#include "read/yaml_fields.h"

namespace kehoach {

// One indicator's target: reduce or end_rate, and, when `allow_fixed`, the fixed figures by unit name.
Target read_target(const YAML::Node& node, Indicator indicator, const YamlFields& f, bool allow_fixed);

// A fixed figure's value: "all" ("hết", "tất cả") or a number of households.
void read_fixed_value(const YAML::Node& node, const YamlFields& f, FixedFigure& figure);

}  // namespace kehoach
