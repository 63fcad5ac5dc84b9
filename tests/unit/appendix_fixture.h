#pragma once
// A small plan and its computed appendix, shared by the writer tests.
#include "compute/appendix.h"
#include "model/plan.h"
#include "model/statistics.h"

namespace kehoach::testing {

inline Plan small_plan() {
  Plan plan;
  plan.file = "ke-hoach.yaml";
  plan.year = 2023;
  plan.issuing_body = "Ủy ban nhân dân";
  plan.unit = "huyện Thanh Trì";
  plan.number = 90;
  plan.date = Date{2023, 2, 23};
  plan.targets = {Target{Indicator::NearPoor, 12, std::nullopt, {{"Tứ Hiệp", true, 0}}}};
  return plan;
}

inline Statistics small_statistics() {
  Statistics s;
  s.source = "xa.csv";
  s.unit_column = "Đơn vị";
  s.units = {{"Đại Áng", 3483, 0, 62, std::nullopt, 2},
             {"Tứ Hiệp", 7300, 0, 3, std::nullopt, 3},
             {"Yên Mỹ", 2023, 0, 17, std::nullopt, 4}};
  return s;
}

inline AppendixTable small_table() { return build_appendix(small_plan(), small_statistics()); }

}  // namespace kehoach::testing
