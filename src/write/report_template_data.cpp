#include "write/report_template_data.h"

#include "compute/appendix.h"
#include "text/unicode.h"
#include "write/document_data.h"
#include "write/report_labels.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

std::string share_text(const ReportFigures& f) { return f.share ? format_rate(*f.share) : "-"; }

long long signed_sum(const ReportFigures& f, Indicator indicator, int sign) {
  long long sum = 0;
  for (std::size_t m = 0; m < kMovementCount; ++m)
    if (movement_columns(indicator)[m].sign == sign) sum += f.movements[m];
  return sum;
}

// Decreases and increases are known only from movements; a unit that gave its end count alone
// shows the net change as a decrease (or an increase).
TemplateRecord figures_record(const ReportFigures& f, Indicator indicator) {
  const long long decreases = f.movements_known ? signed_sum(f, indicator, -1) : std::max(0LL, f.start - f.end);
  const long long increases = f.movements_known ? signed_sum(f, indicator, +1) : std::max(0LL, f.end - f.start);
  TemplateRecord record{{"start", format_count(f.start)},       {"start_rate", format_rate(f.start_rate)},
                        {"end", format_count(f.end)},           {"end_rate", format_rate(f.end_rate)},
                        {"target", format_count(f.target)},     {"achieved", format_count(f.achieved)},
                        {"share", share_text(f)},               {"decreases", format_count(decreases)},
                        {"increases", format_count(increases)}};
  const auto& columns = movement_columns(indicator);
  for (std::size_t m = 0; m < kMovementCount; ++m) record[columns[m].key] = format_count(f.movements[m]);
  // Exited: for the poor, became near-poor and rose above the line; for the near-poor, rose above it.
  record["exited"] = format_count(indicator == Indicator::Poor ? f.movements[0] + f.movements[1] : f.movements[0]);
  return record;
}

TemplateRecord row_record(const Report& report, const ReportRow& row, const std::string& order) {
  TemplateRecord record{{"order", order}, {"name", row.name}, {"households", format_count(row.households)}};
  for (std::size_t k = 0; k < report.indicators.size(); ++k)
    record[indicator_key(report.indicators[k])] = figures_record(row.figures[k], report.indicators[k]);
  return record;
}

TemplateRecord table_record(const Report& report) {
  const bool both = report.indicators.size() == 2;
  const bool poor = report.indicators.front() == Indicator::Poor;
  TemplateList rows;
  for (std::size_t i = 0; i < report.rows.size(); ++i) rows.push_back(row_record(report, report.rows[i], std::to_string(i + 1)));
  return {{"label", kReportTableLabel}, {"title", report_table_title(report)},
          {"both", both},               {"poor_only", !both && poor},
          {"near_poor_only", !both && !poor}, {"rows", rows},
          {"total", row_record(report, report.total, "")}};
}

TemplateRecord addressees(const std::vector<std::string>& names) {
  const std::vector<std::string> items = punctuated(names);
  return {{"single", names.size() == 1}, {"line", items.empty() ? "" : items.front()}, {"items", text_items(items)}};
}

std::string plan_reference(const Plan& plan) {
  return "Kế hoạch số " + document_number(plan.number, plan.symbol) + " " + document_date(plan.date, plan.year) +
         " của " + issuer_name(plan);
}

}  // namespace

std::string behind_details(const Report& report, const ReportRow& row) {
  std::string details;
  for (std::size_t k = 0; k < report.indicators.size(); ++k) {
    const ReportFigures& f = row.figures[k];
    if (!f.share || !(*f.share < report.threshold)) continue;
    details += (details.empty() ? "" : "; ") + std::string(indicator_households(report.indicators[k])) + " đạt " +
               format_rate(*f.share) + "% chỉ tiêu (giảm " + std::to_string(f.achieved) + "/" + std::to_string(f.target) + " hộ)";
  }
  return details;
}

TemplateRecord report_template_data(const Plan& plan, const Report& report, const std::set<std::string>& template_names,
                                    const std::string& template_label) {
  const ReportSettings& settings = plan.reports;
  auto own = settings.periods.find(report.period);
  const PeriodReport period_text = own == settings.periods.end() ? PeriodReport{} : own->second;
  const std::string label = period_label(report.period, report.year);

  TemplateList behind;
  for (const auto& row : report.rows)
    if (row.behind) behind.push_back({{"name", row.name}, {"details", behind_details(report, row)}});

  TemplateRecord data{
      {"header", document_header(plan, period_text.number, settings.symbol, period_text.date)},
      {"title", "BÁO CÁO"},
      {"summary", "Kết quả thực hiện Kế hoạch giảm nghèo " + label},
      {"period_label", label},
      {"plan_reference", plan_reference(plan)},
      {"has_addressees", !settings.addressees.empty()},
      {"addressees", addressees(settings.addressees)},
      {"year", std::to_string(report.year)},
      {"unit_name", plan.unit},
      {"issuer", issuer_name(plan)},
      {"households", format_count(report.total.households)},
      {"units_count", std::to_string(report.rows.size())},
      {"unit_label", name_key(report.unit_label)},
      {"threshold", format_rate(report.threshold)},
      {"has_behind", !behind.empty()},
      {"behind", behind},
      {"table", table_record(report)},
      {"recipients", recipient_items(settings.recipients.empty() ? plan.text.recipients : settings.recipients,
                                     drafting_office(plan, period_text.date))},
      {"signature", signature_record(plan)},
      {"sections", section_overrides(period_text.sections, period_text.section_lines, plan.file, template_names,
                                     template_label)},
      {"has_poor", false},
      {"has_near_poor", false},
      {"poor", TemplateRecord{}},
      {"near_poor", TemplateRecord{}},
  };
  for (std::size_t k = 0; k < report.indicators.size(); ++k) {
    const std::string key = indicator_key(report.indicators[k]);
    data[key] = figures_record(report.total.figures[k], report.indicators[k]);
    data["has_" + key] = true;
  }
  return data;
}

}  // namespace kehoach
