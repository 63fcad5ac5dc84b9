#pragma once
// The national poverty standard of 2022–2025 (per month) as the household tests build it by hand, so
// that they do not depend on the shipped data/standards file.
#include "model/poverty_standard.h"

namespace kehoach::testing {

inline PovertyStandard national_2022() {
  PovertyStandard s;
  s.name = "Chuẩn nghèo đa chiều giai đoạn 2022–2025";
  s.first_year = 2022;
  s.last_year = 2026;
  s.rural = AreaLines{1'500'000, {}, 2'250'000, 140, {}};
  s.urban = AreaLines{2'000'000, {}, 3'000'000, 175, {}};
  return s;
}

}  // namespace kehoach::testing
