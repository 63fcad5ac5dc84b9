#include "web/labels.h"

#include "write/report_labels.h"

namespace kehoach {

std::string role_label(Role role) {
  switch (role) {
    case Role::CommuneOfficer: return "Cán bộ xã";
    case Role::ProvinceOfficer: return "Cán bộ tỉnh";
    case Role::Administrator: return "Quản trị";
  }
  return "";
}

std::string state_label(WorkState state) {
  switch (state) {
    case WorkState::NotStarted: return "Chưa bắt đầu";
    case WorkState::Draft: return "Đang nhập";
    case WorkState::Done: return "Đã hoàn thành";
  }
  return "";
}

const ReportKind (&report_kinds())[4] {
  static const ReportKind kinds[4] = {{WorkKind::ReportQ1, Period::Q1},
                                      {WorkKind::Report6m, Period::H1},
                                      {WorkKind::Report9m, Period::Q3},
                                      {WorkKind::ReportYear, Period::Year}};
  return kinds;
}

std::string work_label(WorkKind kind, int year) {
  if (kind == WorkKind::VillageTable) return "Bảng số liệu thôn";
  if (kind == WorkKind::Plan) return "Kế hoạch năm " + std::to_string(year);
  for (const ReportKind& report : report_kinds())
    if (report.kind == kind) return "Báo cáo " + period_label(report.period, year);
  return "";
}

std::string tier_label(Tier tier) {
  switch (tier) {
    case Tier::Province: return "Tỉnh";
    case Tier::District: return "Huyện";
    case Tier::Commune: return "Xã, phường";
    case Tier::Village: return "Thôn, tổ dân phố";
  }
  return "";
}

}  // namespace kehoach
