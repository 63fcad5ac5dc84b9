#include "write/plan_template_data.h"

#include "compute/appendix.h"
#include "model/input_error.h"
#include "model/national_programme.h"
#include "text/unicode.h"
#include "write/appendix_labels.h"
#include "write/document_data.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

TemplateRecord figures_record(const IndicatorFigures& f) {
  return {{"start", format_count(f.start)},         {"start_rate", format_rate(f.start_rate)},
          {"reduction", format_count(f.reduction)}, {"reduction_rate", format_rate(f.reduction_rate)},
          {"end", format_count(f.end)},             {"end_rate", format_rate(f.end_rate)}};
}

TemplateRecord row_record(const AppendixRow& row, const AppendixTable& table, const std::string& order) {
  TemplateRecord record{{"order", order}, {"name", row.name}, {"households", format_count(row.households)}};
  for (std::size_t k = 0; k < table.indicators.size(); ++k)
    record[indicator_key(table.indicators[k].indicator)] = figures_record(row.figures[k]);
  return record;
}

TemplateRecord appendix(const Plan& plan, const AppendixTable& table) {
  const bool poor = table.indicators.front().indicator == Indicator::Poor;
  const bool both = table.indicators.size() == 2;
  TemplateRecord record{{"label", plan.appendix_label},
                        {"title", appendix_title(plan, table)},
                        {"attachment", attachment_line(plan)},
                        {"unit_label", table.unit_label},
                        {"both", both},
                        {"poor_only", !both && poor},
                        {"near_poor_only", !both && !poor},
                        {"total", row_record(table.total, table, "")}};
  for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
    const std::string key = indicator_key(indicator);
    record[key + "_start_label"] = group_label(indicator, Column::Start, table.year);
    record[key + "_reduction_label"] = group_label(indicator, Column::Reduction, table.year);
    record[key + "_end_label"] = group_label(indicator, Column::End, table.year);
  }
  TemplateList rows;
  for (std::size_t i = 0; i < table.rows.size(); ++i) rows.push_back(row_record(table.rows[i], table, std::to_string(i + 1)));
  record["rows"] = rows;
  record["notes"] = text_items(table.notes);  // under the table: the list it comes from, the standard
  return record;
}

void add_targets(TemplateRecord& data, const AppendixTable& table) {
  data["has_poor"] = false;
  data["has_near_poor"] = false;
  for (const char* key : {"poor", "near_poor"}) data[key] = TemplateRecord{};
  for (std::size_t k = 0; k < table.indicators.size(); ++k) {
    const IndicatorTarget& target = table.indicators[k];
    const std::string key = indicator_key(target.indicator);
    TemplateRecord figures = figures_record(table.total.figures[k]);
    figures["target_rate"] = format_rate(target.from_rate ? target.requested_end_rate : table.total.figures[k].end_rate);
    data[key] = figures;
    data["has_" + key] = true;
  }
}

TemplateList agencies(const PlanText& text) {
  TemplateList list;
  for (std::size_t i = 0; i < text.agencies.size(); ++i)
    list.push_back({{"number", std::to_string(i + 1)}, {"name", text.agencies[i].name},
                    {"tasks", text_items(text.agencies[i].tasks)}});
  return list;
}

TemplateRecord project_record(const std::string& heading, const ProjectText* text) {
  const std::string note = text && !text->note.empty() ? "(" + without_end_punctuation(text->note) + ")." : "";
  return {{"heading", heading}, {"note", note}, {"has_note", !note.empty()},
          {"paragraphs", text_items(text ? text->paragraphs : std::vector<std::string>{})}};
}

TemplateList projects(const PlanText& text) {
  static const char* kLetters = "abcdefghi";
  TemplateList list;
  for (const auto& project : national_programme_2021_2025()) {
    auto given = text.projects.find(project.number);
    const ProjectText* project_text = given == text.projects.end() ? nullptr : &given->second;
    const std::string n = std::to_string(project.number);
    TemplateRecord record = project_record(n + ". Dự án " + n + ": " + project.name + ".", project_text);
    TemplateList subprojects;
    for (std::size_t i = 0; i < project.subprojects.size(); ++i) {
      const ProjectText* sub = nullptr;
      if (project_text) {
        auto found = project_text->subprojects.find(static_cast<int>(i + 1));
        if (found != project_text->subprojects.end()) sub = &found->second;
      }
      subprojects.push_back(project_record(std::string(1, kLetters[i]) + ") Tiểu dự án " + std::to_string(i + 1) +
                                               ": " + project.subprojects[i] + ".", sub));
    }
    record["subprojects"] = subprojects;
    list.push_back(record);
  }
  return list;
}

// Section II's groups, as the An Hòa Thịnh plan words them; counts only, never a household.
TemplateRecord analysis_record(const HouseholdTally& t) {
  return {{"poor_members", format_count(t.poor_members)},
          {"near_poor_members", format_count(t.near_poor_members)},
          {"poor_with_labour", format_count(t.poor_with_labour)},
          {"poor_without_labour", format_count(t.poor_without_labour)},
          {"poor_social_protection", format_count(t.poor_social_protection)},
          {"poor_ethnic_minority", format_count(t.poor_ethnic_minority)},
          {"poor_merit", format_count(t.poor_merit)},
          {"middle_income", format_count(t.middle_income)},
          {"members", format_count(t.members)}};
}

}  // namespace

TemplateRecord plan_template_data(const Plan& plan, const AppendixTable& table,
                                  const std::set<std::string>& template_names, const std::string& template_label,
                                  const HouseholdTally* analysis) {
  const PlanText& text = plan.text;
  const std::string year = std::to_string(plan.year);
  TemplateRecord data{
      {"header", document_header(plan, plan.number, plan.symbol, plan.date)},
      {"title", text.title},
      {"summary", text.summary.empty() ? "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm " + year
                                       : text.summary},
      {"legal_bases", text_items(punctuated(text.legal_bases))},
      {"preamble", text.preamble.empty() ? issuer_name(plan) + " xây dựng Kế hoạch thực hiện Chương trình mục tiêu "
                                           "quốc gia giảm nghèo bền vững năm " + year + " như sau:"
                                         : text.preamble},
      {"year", year},
      {"previous_year", std::to_string(plan.year - 1)},
      {"unit_name", plan.unit},
      {"issuer", issuer_name(plan)},
      {"households", format_count(table.total.households)},
      {"units_count", std::to_string(table.rows.size())},
      {"unit_label", name_key(table.unit_label)},
      {"goals", text_items(text.goals)},
      {"agencies", agencies(text)},
      {"projects", projects(text)},
      {"reporting", text_items(text.reporting)},
      {"recipients", recipient_items(text.recipients)},
      {"signature", signature_record(plan)},
      {"sections", section_overrides(text.sections, text.section_lines, plan.file, template_names, template_label)},
      {"appendix", appendix(plan, table)},
  };
  add_targets(data, table);
  data["has_records"] = analysis != nullptr;
  data["records"] = analysis ? analysis_record(*analysis) : TemplateRecord{};
  return data;
}

}  // namespace kehoach
