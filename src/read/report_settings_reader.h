#pragma once
#include <yaml-cpp/yaml.h>

#include "model/report_settings.h"
#include "read/yaml_fields.h"

namespace kehoach {

// The `reports:` key of a plan file:
//   reports:
//     symbol: BC-UBND
//     addressees: [Ủy ban nhân dân huyện Hương Sơn]      # Kính gửi
//     recipients: [...]                                  # Nơi nhận (default: the plan's)
//     thresholds: { 6m: 50 }                             # % of the target expected by then
//     schedule: { 6m: 10/06, year: 10/11 }               # due dates (day/month)
//     6m: { number: 12, date: 2022-06-08, sections: { difficulties: … } }
ReportSettings read_report_settings(const YAML::Node& node, const YamlFields& fields);

}  // namespace kehoach
