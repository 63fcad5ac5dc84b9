#include "write/plan_template_data.h"

#include "compute/appendix.h"
#include "model/input_error.h"
#include "model/national_programme.h"
#include "text/unicode.h"
#include "write/appendix_labels.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

constexpr const char* kSectionPrefix = "sections.";
constexpr const char* kDefaultArchive = "Lưu: VT, LĐTBXH";

TemplateList text_items(const std::vector<std::string>& items) {
  TemplateList list;
  for (const auto& item : items) list.push_back({{"text", item}});
  return list;
}

std::string without_end_punctuation(std::string text) {
  while (!text.empty() && (text.back() == ';' || text.back() == '.' || text.back() == ',' || text.back() == ' '))
    text.pop_back();
  return text;
}

TemplateRecord header(const Plan& plan) {
  const std::string place = plan.place.empty() ? plan.unit : plan.place;
  return {{"parent", to_upper(plan.parent_body)},
          {"has_parent", !plan.parent_body.empty()},
          {"body", to_upper(plan.issuing_body)},
          {"unit", to_upper(plan.unit)},
          {"number", "Số: " + document_number(plan.number, plan.symbol)},
          {"place_date", place + ", " + document_date(plan.date, plan.year)}};
}

TemplateRecord figures_record(const IndicatorFigures& f) {
  return {{"start", format_count(f.start)},         {"start_rate", format_rate(f.start_rate)},
          {"reduction", format_count(f.reduction)}, {"reduction_rate", format_rate(f.reduction_rate)},
          {"end", format_count(f.end)},             {"end_rate", format_rate(f.end_rate)}};
}

const char* indicator_key(Indicator indicator) { return indicator == Indicator::Poor ? "poor" : "near_poor"; }

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

std::vector<std::string> recipients(const PlanText& text) {
  std::vector<std::string> items = text.recipients;
  const bool archived = !items.empty() && fold(items.back()).rfind("luu", 0) == 0;
  if (!archived) items.push_back(kDefaultArchive);
  return punctuated(items);
}

TemplateRecord signature(const Plan& plan) {
  Signature s = plan.text.signature;
  if (s.authority.empty()) s.authority = "TM. " + to_upper(plan.issuing_body);
  if (s.title.empty()) s.title = "CHỦ TỊCH";
  return {{"authority", s.authority}, {"deputy", s.deputy}, {"has_deputy", !s.deputy.empty()},
          {"title", s.title},         {"name", s.name}};
}

// Each "sections.KEY" the template uses is false (keep the template's words) or the plan's paragraphs.
TemplateRecord sections(const Plan& plan, const std::set<std::string>& names, const std::string& template_label) {
  TemplateRecord record;
  std::string keys;
  for (const auto& name : names) {
    if (name.rfind(kSectionPrefix, 0) != 0) continue;
    const std::string key = name.substr(std::string(kSectionPrefix).size());
    keys += (keys.empty() ? "" : ", ") + key;
    auto given = plan.text.sections.find(key);
    if (given == plan.text.sections.end()) record[key] = false;
    // Given but empty ("closing: ''"): the officer wants the template's words gone, not back.
    else record[key] = given->second.empty() ? TemplateList{{{"text", ""}}} : text_items(given->second);
  }
  for (const auto& [key, paragraphs] : plan.text.sections) {
    if (record.count(key)) continue;
    throw InputError(Location{plan.file, plan.text.section_lines.at(key), {}, {}},
                     "mẫu " + template_label + " không có phần \"" + key + "\" để thay; các phần thay được: " +
                         (keys.empty() ? "(không có)" : keys) + ".");
  }
  return record;
}

}  // namespace

std::vector<std::string> punctuated(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out.push_back(without_end_punctuation(items[i]) + (i + 1 == items.size() ? "." : ";"));
  return out;
}

TemplateRecord plan_template_data(const Plan& plan, const AppendixTable& table,
                                  const std::set<std::string>& template_names, const std::string& template_label) {
  const PlanText& text = plan.text;
  const std::string year = std::to_string(plan.year);
  TemplateRecord data{
      {"header", header(plan)},
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
      {"recipients", text_items(recipients(text))},
      {"signature", signature(plan)},
      {"sections", sections(plan, template_names, template_label)},
      {"appendix", appendix(plan, table)},
  };
  add_targets(data, table);
  return data;
}

}  // namespace kehoach
