#pragma once
// The sentences of a report's narrative that depend on its figures, written the way an officer
// writes them: categories with no household are left out, the year-end report speaks of targets
// completed or not and compares the rate reached with the rate targeted, a mid-year report of
// progress. Pure functions of the computed report (compute/report.h).
#include <string>
#include <vector>

#include "model/plan.h"
#include "model/report.h"

namespace kehoach {

// "Trong 6 tháng đầu năm 2022, số hộ nghèo giảm 19 hộ (thoát nghèo 17 hộ, trong đó 15 hộ thành hộ
// cận nghèo và 2 hộ vượt chuẩn cận nghèo; giảm khác 2 hộ) và tăng 3 hộ (hộ cận nghèo rơi xuống nghèo
// 1 hộ, tái nghèo 1 hộ, phát sinh mới 1 hộ)."
std::string movements_sentence(const Report& report, const ReportFigures& figures, Indicator indicator);

// Mid-year: "Đến nay còn 112 hộ nghèo, chiếm tỷ lệ 5,47%; giảm được 16/27 hộ theo chỉ tiêu năm, đạt
// 59,26% kế hoạch." The year: "Đến cuối năm 2022 còn 102 hộ nghèo, tỷ lệ hộ nghèo còn 4,99%, so với
// chỉ tiêu 4,93% là chưa đạt; giảm được 26/27 hộ theo chỉ tiêu năm, đạt 96,30% kế hoạch."
std::string outcome_sentence(const Report& report, const ReportFigures& figures, Indicator indicator);

// The line before the list of units behind: "Các thôn đạt dưới 50% chỉ tiêu năm, chậm so với tiến
// độ:" or, at the year's end, "Các thôn chưa hoàn thành chỉ tiêu năm 2022:".
std::string behind_intro(const Report& report, const std::string& unit_label);

// When no unit is behind: "Tất cả các thôn đều đạt từ 50% chỉ tiêu năm trở lên, bảo đảm tiến độ đề
// ra." or "Tất cả các thôn đều hoàn thành chỉ tiêu năm 2022."
std::string none_behind(const Report& report, const std::string& unit_label);

// "thôn Thiên Nhẫn", "các thôn Nậy, Thiên Nhẫn": the units behind, for a sentence.
std::string behind_units(const Report& report, const std::string& unit_label);

// The shortcomings the figures show (section II, "Tồn tại, hạn chế"): units behind, a total below
// its target or its progress, the rate above its target at the year's end, households that fell
// (back) into poverty or near-poverty. Empty when the figures show none.
std::vector<std::string> shortcomings(const Report& report, const std::string& unit_label);

}  // namespace kehoach
