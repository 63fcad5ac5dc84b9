#include "write/report_template_data.h"

#include "compute/appendix.h"
#include "text/unicode.h"
#include "write/document_data.h"
#include "write/report_addressees.h"
#include "write/report_labels.h"
#include "write/report_sentences.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

std::string share_text(const ReportFigures& f) { return f.share ? format_share(*f.share) : "-"; }

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
                        {"increases", format_count(increases)}, {"target_rate", format_rate(f.target_rate)}};
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

TemplateRecord table_record(const Plan& plan, const Report& report) {
  const bool both = report.indicators.size() == 2;
  const bool poor = report.indicators.front() == Indicator::Poor;
  TemplateList rows;
  for (std::size_t i = 0; i < report.rows.size(); ++i) rows.push_back(row_record(report, report.rows[i], std::to_string(i + 1)));
  return {{"label", kReportTableLabel},     {"title", report_table_title(report)},
          {"unit_label", report.unit_label.empty() ? kReportUnitLabel : report.unit_label},
          {"attachment", report_attachment_line(plan, report)},
          {"both", both},                   {"poor_only", !both && poor},
          {"near_poor_only", !both && !poor}, {"rows", rows},
          {"total", row_record(report, report.total, "")}};
}

// Kính gửi: `line` and `items` (every addressee) as before; `first` goes on the line of "Kính gửi:",
// `rest` under it.
TemplateRecord addressees(const std::vector<std::string>& names) {
  const std::vector<std::string> items = punctuated(names);
  TemplateList rest = text_items(items);
  if (!rest.empty()) rest.erase(rest.begin());
  return {{"single", names.size() == 1}, {"line", items.empty() ? "" : items.front()}, {"items", text_items(items)},
          {"first", items.empty() ? "" : items.front()}, {"rest", rest}};
}

// Nơi nhận of a report: the addressees ("Như trên"), the report's own recipients, and the plan's
// "Lưu" line when the report gives none (recipient_items adds the default otherwise).
TemplateList report_recipients(const Plan& plan, const std::string& office) {
  const auto is_archive = [](const std::string& item) { return fold(item).rfind("luu", 0) == 0; };
  std::vector<std::string> items{"Như trên"};
  for (const auto& item : plan.reports.recipients)
    if (fold(item) != "nhu tren") items.push_back(item);
  const std::vector<std::string>& plan_items = plan.text.recipients;
  if (!is_archive(items.back()) && !plan_items.empty() && is_archive(plan_items.back())) items.push_back(plan_items.back());
  return recipient_items(items, office);
}

std::string plan_reference(const Plan& plan) {
  return document_citation("Kế hoạch", plan.number, plan.symbol, plan.date, plan.year) + " của " + issuer_name(plan);
}

std::string roman(int n) {
  static const char* numerals[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  return n >= 1 && n <= 10 ? numerals[n - 1] : std::to_string(n);
}

bool has_text(const PeriodReport& period, const std::string& key) {
  auto found = period.sections.find(key);
  if (found == period.sections.end()) return false;
  for (const auto& paragraph : found->second)
    if (!clean_text(paragraph).empty()) return true;
  return false;
}

// The sections shown and their numbers: a section with neither figures nor words from the plan
// file is left out (templates/README.md), and those after it move up.
TemplateRecord section_plan(const Report& report, const PeriodReport& period, bool has_shortcomings,
                            TemplateRecord& numbers) {
  const bool results = has_text(period, "results");
  const bool problems = has_shortcomings || has_text(period, "difficulties");
  const bool proposals = has_text(period, "proposals");
  int sub = 0;
  for (Indicator indicator : report.indicators) numbers[indicator_key(indicator)] = std::to_string(++sub);
  numbers["progress"] = std::to_string(++sub);
  numbers["results"] = results ? std::to_string(++sub) : "";
  int part = 1;  // I. Kết quả thực hiện
  numbers["problems"] = problems ? roman(++part) : "";
  numbers["tasks"] = roman(++part);
  numbers["proposals"] = proposals ? roman(++part) : "";
  return {{"results", results}, {"problems", problems}, {"proposals", proposals}};
}

}  // namespace

std::string behind_details(const Report& report, const ReportRow& row) {
  std::string details;
  for (std::size_t k = 0; k < report.indicators.size(); ++k) {
    const ReportFigures& f = row.figures[k];
    if (!f.share || !(*f.share < report.threshold)) continue;
    const std::string kind = indicator_households(report.indicators[k]);
    // A count that grew has no share to speak of: say it grew, against the reduction asked.
    details += (details.empty() ? "" : "; ") +
               (f.achieved < 0 ? kind + " tăng " + format_count(-f.achieved) + " hộ (chỉ tiêu giảm " +
                                     format_count(f.target) + " hộ)"
                               : kind + " đạt " + format_share(*f.share) + "% chỉ tiêu (giảm " + format_count(f.achieved) +
                                     "/" + format_count(f.target) + " hộ)");
  }
  return details;
}

TemplateRecord report_template_data(const Plan& plan, const Report& report, const std::set<std::string>& template_names,
                                    const std::string& template_label) {
  const ReportSettings& settings = plan.reports;
  auto own = settings.periods.find(report.period);
  const PeriodReport period_text = own == settings.periods.end() ? PeriodReport{} : own->second;
  const std::string label = period_label(report.period, report.year);
  const std::string unit_label = name_key(report.unit_label);

  TemplateList behind;
  for (const auto& row : report.rows)
    if (row.behind) behind.push_back({{"name", row.name}, {"details", behind_details(report, row)}});
  const std::vector<std::string> problems = shortcomings(report, unit_label);
  TemplateRecord numbers;
  const TemplateRecord show = section_plan(report, period_text, !problems.empty(), numbers);

  TemplateRecord data{
      {"header", document_header(plan, period_text.number, settings.symbol, period_text.date)},
      {"title", "BÁO CÁO"},
      {"summary", "Kết quả thực hiện Kế hoạch giảm nghèo " + label},
      {"period_label", label},
      {"next_period", next_period_label(report.period, report.year)},
      {"is_year", is_year_end(report)},
      {"plan_reference", plan_reference(plan)},
      {"has_addressees", true},
      {"addressees", addressees(report_addressees(plan).names)},
      {"year", std::to_string(report.year)},
      {"unit_name", plan.unit},
      {"issuer", issuer_name(plan)},
      {"households", format_count(report.total.households)},
      {"units_count", std::to_string(report.rows.size())},
      {"unit_label", unit_label},
      {"threshold", format_share(report.threshold)},
      {"has_behind", !behind.empty()},
      {"behind", behind},
      {"behind_units", behind_units(report, unit_label)},
      {"progress", TemplateRecord{{"title", std::string(is_year_end(report) ? "Kết quả" : "Tiến độ") +
                                                " thực hiện chỉ tiêu ở các " + unit_label},
                                  {"behind_intro", behind_intro(report, unit_label)},
                                  {"none_behind", none_behind(report, unit_label)}}},
      {"problems", text_items(problems)},
      {"show", show},
      {"numbers", numbers},
      {"table", table_record(plan, report)},
      {"recipients", report_recipients(plan, drafting_office(plan, period_text.date))},
      {"signature", signature_record(plan)},
      {"sections", section_overrides(period_text.sections, period_text.section_lines, plan.file, template_names,
                                     template_label)},
      {"has_poor", false},
      {"has_near_poor", false},
      {"poor", TemplateRecord{}},
      {"near_poor", TemplateRecord{}},
  };
  for (std::size_t k = 0; k < report.indicators.size(); ++k) {
    const Indicator indicator = report.indicators[k];
    const std::string key = indicator_key(indicator);
    TemplateRecord figures = figures_record(report.total.figures[k], indicator);
    figures["movements_text"] = movements_sentence(report, report.total.figures[k], indicator);
    figures["outcome_text"] = outcome_sentence(report, report.total.figures[k], indicator);
    data[key] = figures;
    data["has_" + key] = true;
  }
  return data;
}

}  // namespace kehoach
