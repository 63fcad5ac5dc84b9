#include "write/plan_template_data.h"

#include "compute/appendix.h"
#include "model/input_error.h"
#include "model/unit_level.h"
#include "text/unicode.h"
#include "write/appendix_labels.h"
#include "write/document_data.h"
#include "write/records_notes.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

constexpr const char* kToBeFilled = "(bổ sung nội dung)";

constexpr const char* kFigureNames[] = {"start", "start_rate", "reduction", "reduction_rate", "end", "end_rate"};

TemplateRecord figures_record(const IndicatorFigures& f) {
  return {{"start", format_count(f.start)},         {"start_rate", format_rate(f.start_rate)},
          {"reduction", format_count(f.reduction)}, {"reduction_rate", format_rate(f.reduction_rate)},
          {"end", format_count(f.end)},             {"end_rate", format_rate(f.end_rate)}};
}

void add_figures(std::vector<std::string>& texts, const IndicatorFigures& f) {
  texts.push_back(format_count(f.start));
  texts.push_back(format_rate(f.start_rate));
  texts.push_back(format_count(f.reduction));
  texts.push_back(format_rate(f.reduction_rate));
  texts.push_back(format_count(f.end));
  texts.push_back(format_rate(f.end_rate));
}

TemplateRecord row_record(const AppendixRow& row, const AppendixTable& table, const std::string& order) {
  TemplateRecord record{{"order", order}, {"name", row.name}, {"households", format_count(row.households)}};
  for (std::size_t k = 0; k < table.indicators.size(); ++k)
    record[indicator_key(table.indicators[k].indicator)] = figures_record(row.figures[k]);
  return record;
}

// The villages' rows as a table: order, name, households, and for each indicator of the table a record of
// its figures (poor.start, poor.start_rate, …), the names row_record gives the total.
TemplateTable rows_table(const AppendixTable& table) {
  auto columns = std::make_shared<TemplateColumns>();
  int text = 0;
  for (const char* name : {"order", "name", "households"}) columns->columns.push_back({name, text++, nullptr});
  for (const auto& target : table.indicators) {
    auto figures = std::make_shared<TemplateColumns>();
    for (const char* name : kFigureNames) figures->columns.push_back({name, text++, nullptr});
    columns->columns.push_back({indicator_key(target.indicator), -1, std::move(figures)});
  }
  TemplateTable rows;
  rows.width = static_cast<std::size_t>(text);
  rows.columns = std::move(columns);
  rows.texts.reserve(rows.width * table.rows.size());
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const AppendixRow& row = table.rows[i];
    rows.texts.push_back(std::to_string(i + 1));
    rows.texts.push_back(row.name);
    rows.texts.push_back(format_count(row.households));
    for (std::size_t k = 0; k < table.indicators.size(); ++k) add_figures(rows.texts, row.figures[k]);
  }
  return rows;
}

TemplateRecord appendix(const Plan& plan, const AppendixTable& table) {
  const bool poor = table.indicators.front().indicator == Indicator::Poor;
  const bool both = table.indicators.size() == 2;
  TemplateRecord record;
  record.emplace("label", plan.appendix_label);
  record.emplace("title", appendix_title(plan, table));
  record.emplace("attachment", attachment_line(plan));
  record.emplace("unit_label", table.unit_label);
  record.emplace("both", both);
  record.emplace("poor_only", !both && poor);
  record.emplace("near_poor_only", !both && !poor);
  record.emplace("total", row_record(table.total, table, ""));
  for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
    const std::string key = indicator_key(indicator);
    record.emplace(key + "_start_label", stage_heading(indicator, Stage::Start, table.year));
    record.emplace(key + "_reduction_label", stage_heading(indicator, Stage::Reduction, table.year));
    record.emplace(key + "_end_label", stage_heading(indicator, Stage::End, table.year));
  }
  record.emplace("rows", rows_table(table));
  record.emplace("notes", text_items(records_notes(table.notes)));  // under the table: the list it comes from, the standard
  return record;
}

// "xã Tứ Hiệp và thị trấn Văn Điển": the units given a fixed figure that leaves them none (a fixed
// "all"), named as a sentence names them, so that the text says what the table shows.
std::string cleared_units(const AppendixTable& table, std::size_t k) {
  std::vector<std::string> names;
  for (const auto& row : table.rows) {
    const IndicatorFigures& f = row.figures[k];
    if (f.fixed && f.start > 0 && f.end == 0) names.push_back(in_sentence(row.name, level_by_word(row.level)));
  }
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " và " : ", ") + names[i];
  return text;
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
    figures["cleared"] = cleared_units(table, k);
    figures["has_cleared"] = !std::get<std::string>(figures["cleared"].value).empty();
    data[key] = std::move(figures);
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

bool has_content(const ProjectText* text) {
  if (!text) return false;
  if (!text->note.empty() || !text->paragraphs.empty()) return true;
  for (const auto& [number, sub] : text->subprojects)
    if (has_content(&sub)) return true;
  return false;
}

// A project or subproject with its note in brackets; one the plan file says nothing about is marked
// for the officer to fill in (a draft only: an issued plan leaves it out before coming here).
TemplateRecord project_record(const std::string& heading, const ProjectText* text) {
  const std::string note = !has_content(text)        ? std::string(kToBeFilled)
                           : !text->note.empty()     ? "(" + without_end_punctuation(text->note) + ")."
                                                     : "";
  return {{"heading", heading}, {"note", note}, {"has_note", !note.empty()},
          {"paragraphs", text_items(text ? text->paragraphs : std::vector<std::string>{})}};
}

const ProjectText* given(const std::map<int, ProjectText>& texts, int number) {
  auto found = texts.find(number);
  return found == texts.end() ? nullptr : &found->second;
}

// The programme's projects the plan has something to say about, numbered in order; in a draft every
// project, those without content marked "(bổ sung nội dung)". A project with a note ("không thực
// hiện…") speaks for its subprojects; otherwise a subproject without content is left out or marked too.
TemplateList projects(const Plan& plan, bool draft) {
  static const char* kLetters = "abcdefghi";
  TemplateList list;
  if (!plan.programme) return list;
  const PlanText& text = plan.text;
  for (const auto& project : plan.programme->projects) {
    const ProjectText* project_text = given(text.projects, project.number);
    if (!draft && !has_content(project_text)) continue;
    const std::string n = std::to_string(project.number);
    TemplateRecord record = project_record(std::to_string(list.size() + 1) + ". Dự án " + n + ": " + project.name + ".",
                                           project_text);
    TemplateList subprojects;
    const bool covered = !has_content(project_text) || !project_text->note.empty();
    for (std::size_t i = 0; i < project.subprojects.size(); ++i) {
      const ProjectText* sub = project_text ? given(project_text->subprojects, static_cast<int>(i + 1)) : nullptr;
      if (!has_content(sub) && (covered || !draft)) continue;
      subprojects.push_back(project_record(std::string(1, kLetters[subprojects.size()]) + ") Tiểu dự án " +
                                               std::to_string(i + 1) + ": " + project.subprojects[i] + ".", sub));
    }
    record["subprojects"] = std::move(subprojects);
    list.push_back(std::move(record));
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

// The levels of the table's units; empty when one of them is not known.
std::vector<const UnitLevel*> row_levels(const AppendixTable& table) {
  std::vector<const UnitLevel*> levels;
  for (const auto& row : table.rows) {
    const UnitLevel* level = level_by_word(row.level);
    if (!level) return {};
    levels.push_back(level);
  }
  return levels;
}

// How the text names the units: "thôn", "tổ dân phố", "thôn, tổ dân phố", "xã, thị trấn"; the
// column's own words when the units' levels are not all known ("đơn vị").
std::string units_phrase(const AppendixTable& table) {
  const std::vector<const UnitLevel*> levels = row_levels(table);
  if (!levels.empty()) return levels_phrase(levels, false);
  const std::vector<const UnitLevel*> named = header_levels(table.unit_label);
  return named.empty() ? name_key(table.unit_label) : levels_phrase(named, false);
}

// Who leads them: "Trưởng thôn", "Tổ trưởng tổ dân phố".
std::string unit_heads(const AppendixTable& table) {
  std::vector<const UnitLevel*> levels = row_levels(table);
  if (levels.empty()) levels = header_levels(table.unit_label);
  return levels.empty() ? "Trưởng các " + units_phrase(table) : heads_phrase(levels);
}

// "xã", "phường", "huyện", "quận": how the text says the issuer's own level ("Ban Chỉ đạo giảm nghèo
// phường", "Bảo hiểm xã hội quận").
std::string issuer_level(const Plan& plan) {
  const UnitLevel* level = split_level(area_of(plan.unit)).level;
  return level ? level->lower : "địa phương";
}

// offices.ROLE.name/mention/abbreviation: the names in force on the document's date.
TemplateRecord offices_record(const std::map<std::string, OfficeName>& offices) {
  TemplateRecord record;
  for (const auto& [role, office] : offices)
    record[role] = TemplateRecord{{"name", office.name}, {"mention", office.mention}, {"abbreviation", office.abbreviation}};
  return record;
}

}  // namespace

TemplateRecord plan_template_data(const Plan& plan, const AppendixTable& table,
                                  const std::set<std::string>& template_names, const std::string& template_label,
                                  const HouseholdTally* analysis) {
  const PlanText& text = plan.text;
  const std::string year = std::to_string(plan.year);
  if (!text.projects.empty() && !template_names.count("projects"))
    throw InputError(Location{plan.file, text.projects_line ? std::optional<int>(text.projects_line) : std::nullopt, {}, {}},
                     "mẫu " + template_label + " không có phần Dự án, Tiểu dự án (thẻ {{#projects}}), nên nội dung "
                     "\"projects\" sẽ không được in; hãy dùng mẫu huyen (template: huyen) hoặc mẫu của bạn có thẻ "
                     "projects, hoặc chuyển nội dung này vào \"sections\".");
  const std::map<std::string, OfficeName> offices = issuer_offices(plan, plan.date);
  // Each value made in place: an initializer list would copy every one of them, the appendix's rows too.
  TemplateRecord data;
  data.emplace("header", document_header(plan, plan.number, plan.symbol, plan.date));
  data.emplace("title", text.title);
  data.emplace("summary", text.summary.empty()
                              ? "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm " + year
                              : text.summary);
  data.emplace("legal_bases", text_items(punctuated(text.legal_bases)));
  data.emplace("preamble", text.preamble.empty() ? issuer_name(plan) + " xây dựng Kế hoạch thực hiện Chương trình "
                                                      "mục tiêu quốc gia giảm nghèo bền vững năm " + year + " như sau:"
                                                : text.preamble);
  data.emplace("year", year);
  data.emplace("previous_year", std::to_string(plan.year - 1));
  data.emplace("unit_name", plan.unit);
  data.emplace("area", area_of(plan.unit));
  data.emplace("issuer", issuer_name(plan));
  data.emplace("issuer_level", issuer_level(plan));
  data.emplace("households", format_count(table.total.households));
  data.emplace("units_count", std::to_string(table.rows.size()));
  data.emplace("unit_label", units_phrase(table));
  data.emplace("unit_heads", unit_heads(table));
  data.emplace("offices", offices_record(offices));
  data.emplace("goals", text_items(text.goals));
  data.emplace("agencies", agencies(text));
  data.emplace("projects", projects(plan, is_draft(plan)));
  data.emplace("reporting", text_items(text.reporting));
  const auto poverty = offices.find("poverty");  // drafting_office's, without finding the offices again
  data.emplace("recipients",
               recipient_items(text.recipients, poverty == offices.end() ? "" : poverty->second.abbreviation));
  data.emplace("signature", signature_record(plan));
  data.emplace("sections", section_overrides(text.sections, text.section_lines, plan.file, template_names, template_label));
  data.emplace("appendix", appendix(plan, table));
  add_targets(data, table);
  data["has_records"] = analysis != nullptr;
  data["records"] = analysis ? analysis_record(*analysis) : TemplateRecord{};
  return data;
}

}  // namespace kehoach
