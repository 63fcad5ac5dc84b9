#pragma once
// The words of a periodic results report, shared by every writer that shows it (the Excel table,
// the Word report, the JSON).
#include <string>

#include "model/plan.h"
#include "model/report.h"

namespace kehoach {

// "quý I năm 2022", "6 tháng đầu năm 2022", "9 tháng đầu năm 2022", "năm 2022".
std::string period_label(Period period, int year);

// What the report's tasks look ahead to: "quý II năm 2022", "6 tháng cuối năm 2022", "những tháng
// cuối năm 2022", "năm 2023".
std::string next_period_label(Period period, int year);

// "KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIẢM NGHÈO 6 THÁNG ĐẦU NĂM 2022".
std::string report_table_title(const Report& report);

// "(Kèm theo Báo cáo số 30/BC-UBND ngày 08 tháng 6 năm 2022 của Ủy ban nhân dân xã An Hòa Thịnh)":
// the report's own number and date from the plan file (reports: 6m: number, date), or the blanks
// of a draft, as the plan's appendix cites the plan.
std::string report_attachment_line(const Plan& plan, const Report& report);

// "Hộ nghèo" / "Hộ cận nghèo": the header over an indicator's columns.
const char* report_stage_heading(Indicator indicator);

inline constexpr const char* kReportTableLabel = "Phụ lục";
inline constexpr const char* kReportUnitLabel = "Đơn vị";
inline constexpr const char* kReportStartLabel = "Đầu năm";
inline constexpr const char* kReportEndLabel = "Hiện nay";
inline constexpr const char* kReportEndHouseholdsLabel = "Tổng số hộ hiện nay";
inline constexpr const char* kReportRateLabel = "Tỷ lệ (%)";
inline constexpr const char* kReportTargetLabel = "Chỉ tiêu giảm";
inline constexpr const char* kReportAchievedLabel = "Đã giảm";
inline constexpr const char* kReportShareLabel = "Đạt (%)";
inline constexpr const char* kReportNoteLabel = "Ghi chú";
// The annual report: units below target "chưa hoàn thành chỉ tiêu" rather than lag behind schedule.
bool is_year_end(const Report& report);

// The note beside a unit behind: "Chậm tiến độ" during the year, "Chưa hoàn thành" at its end, as the
// report's own sentences say it.
const char* report_behind_note(const Report& report);

}  // namespace kehoach
