#include "write/report_labels.h"

#include "text/unicode.h"
#include "write/vietnamese_format.h"

namespace kehoach {

std::string period_label(Period period, int year) {
  const std::string year_text = "năm " + std::to_string(year);
  switch (period) {
    case Period::Q1: return "quý I " + year_text;
    case Period::H1: return "6 tháng đầu " + year_text;
    case Period::Q3: return "9 tháng đầu " + year_text;
    case Period::Year: break;
  }
  return year_text;
}

std::string next_period_label(Period period, int year) {
  const std::string year_text = "năm " + std::to_string(year);
  switch (period) {
    case Period::Q1: return "quý II " + year_text;
    case Period::H1: return "6 tháng cuối " + year_text;
    case Period::Q3: return "những tháng cuối " + year_text;
    case Period::Year: break;
  }
  return "năm " + std::to_string(year + 1);
}

std::string report_table_title(const Report& report) {
  return "KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIẢM NGHÈO " + to_upper(period_label(report.period, report.year));
}

std::string report_attachment_line(const Plan& plan, const Report& report) {
  auto own = plan.reports.periods.find(report.period);
  const PeriodReport issued = own == plan.reports.periods.end() ? PeriodReport{} : own->second;
  return "(Kèm theo " + document_citation("Báo cáo", issued.number, plan.reports.symbol, issued.date, report.year) +
         " của " + issuer_name(plan) + ")";
}

const char* report_stage_heading(Indicator indicator) {
  return indicator_heading(indicator);
}

bool is_year_end(const Report& report) { return report.period == Period::Year; }

const char* report_behind_note(const Report& report) { return is_year_end(report) ? "Chưa hoàn thành" : "Chậm tiến độ"; }

}  // namespace kehoach
