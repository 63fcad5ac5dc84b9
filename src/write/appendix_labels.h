#pragma once
// The words of the appendix table, shared by every writer that shows it (Excel now, Word later).
#include <string>

#include "model/appendix_table.h"
#include "model/plan.h"

namespace kehoach {

// The plan's own title, or "CHỈ TIÊU GIẢM HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2022" from its indicators.
std::string appendix_title(const Plan& plan, const AppendixTable& table);

inline constexpr const char* kCountLabel = "Số hộ";
inline constexpr const char* kRateLabel = "Tỷ lệ (%)";
inline constexpr const char* kOrderLabel = "TT";
inline constexpr const char* kHouseholdsLabel = "Tổng số hộ";

}  // namespace kehoach
