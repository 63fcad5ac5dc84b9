#pragma once
// The words pages use for the stored keys: roles, states of work, kinds of work, tiers of units.
#include <optional>
#include <string>

#include "model/period.h"
#include "model/unit_level.h"
#include "store/accounts.h"
#include "store/versions.h"

namespace kehoach {

// "Cán bộ xã", "Cán bộ tỉnh", "Quản trị".
std::string role_label(Role role);
// "Chưa bắt đầu", "Đang nhập", "Đã hoàn thành".
std::string state_label(WorkState state);
// "Bảng số liệu thôn", "Kế hoạch năm 2026", "Báo cáo quý I năm 2026", "Báo cáo 6 tháng đầu năm 2026", …
std::string work_label(WorkKind kind, int year);
// "Tỉnh", "Huyện", "Xã, phường", "Thôn, tổ dân phố": a tier as a form offers it.
std::string tier_label(Tier tier);

// The report kinds, in the order of the year, with their periods.
struct ReportKind {
  WorkKind kind;
  Period period;
};
const ReportKind (&report_kinds())[4];

}  // namespace kehoach
