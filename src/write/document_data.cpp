#include "write/document_data.h"

#include "model/input_error.h"
#include "model/issuer_kind.h"
#include "model/unit_level.h"
#include "text/unicode.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

constexpr const char* kSectionPrefix = "sections.";

}  // namespace

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

std::vector<std::string> punctuated(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out.push_back(without_end_punctuation(items[i]) + (i + 1 == items.size() ? "." : ";"));
  return out;
}

TemplateRecord document_header(const Plan& plan, const std::optional<int>& number, const std::string& symbol,
                               const std::optional<Date>& date) {
  // Without a place of its own, the date line names the issuer's locality without its level word, as
  // officials write it: "Bắc Hồng, ngày …" for "phường Bắc Hồng", "Hóc Môn" for "Hội LHPN huyện Hóc Môn".
  const std::string place = plan.place.empty() ? split_level(area_of(plan.unit)).place : plan.place;
  return {{"parent", to_upper(plan.parent_body)},
          {"has_parent", !plan.parent_body.empty()},
          {"body", to_upper(plan.issuing_body)},
          {"unit", to_upper(plan.unit)},
          {"number", "Số: " + document_number(number, symbol)},
          {"place_date", place + ", " + document_date(date, plan.year)}};
}

TemplateList recipient_items(const std::vector<std::string>& recipients, const std::string& office) {
  std::vector<std::string> items = recipients;
  const bool archived = !items.empty() && fold(items.back()).rfind("luu", 0) == 0;
  if (!archived) items.push_back(office.empty() ? "Lưu: VT" : "Lưu: VT, " + office);
  return text_items(punctuated(items));
}

std::map<std::string, OfficeName> issuer_offices(const Plan& plan, const std::optional<Date>& date) {
  if (!plan.offices) return {};
  // An organisation has none of a committee's offices, whatever the level of its area.
  const IssuerKind kind = issuer_kind(plan.issuing_body, plan.unit, plan.parent_body);
  const UnitLevel* level = split_level(area_of(plan.unit)).level;
  const bool organisation = kind == IssuerKind::WomenUnion || kind == IssuerKind::Organisation;
  return offices_in_force(*plan.offices, organisation || !level ? "" : level->word, naming_date(date, plan.year));
}

std::string drafting_office(const Plan& plan, const std::optional<Date>& date) {
  const auto offices = issuer_offices(plan, date);
  auto poverty = offices.find("poverty");
  return poverty == offices.end() ? "" : poverty->second.abbreviation;
}

TemplateRecord signature_record(const Plan& plan) {
  Signature s = plan.text.signature;
  if (s.authority.empty()) s.authority = "TM. " + to_upper(plan.issuing_body);
  if (s.title.empty()) s.title = "CHỦ TỊCH";
  return {{"authority", s.authority}, {"deputy", s.deputy}, {"has_deputy", !s.deputy.empty()},
          {"title", s.title},         {"name", s.name}};
}

TemplateRecord section_overrides(const std::map<std::string, std::vector<std::string>>& given,
                                 const std::map<std::string, int>& lines, const std::string& file,
                                 const std::set<std::string>& template_names, const std::string& template_label) {
  TemplateRecord record;
  std::string keys;
  for (const auto& name : template_names) {
    if (name.rfind(kSectionPrefix, 0) != 0) continue;
    const std::string key = name.substr(std::string(kSectionPrefix).size());
    keys += (keys.empty() ? "" : ", ") + key;
    auto found = given.find(key);
    if (found == given.end()) record[key] = false;
    // Given but empty ("closing: ''"): the officer wants the template's words gone, not back.
    else record[key] = found->second.empty() ? TemplateList{{{"text", ""}}} : text_items(found->second);
  }
  for (const auto& [key, paragraphs] : given) {
    if (record.count(key)) continue;
    auto line = lines.find(key);
    throw InputError(Location{file, line == lines.end() ? std::optional<int>() : line->second, {}, {}},
                     "mẫu " + template_label + " không có phần \"" + key + "\" để thay; các phần thay được: " +
                         (keys.empty() ? "(không có)" : keys) + ".");
  }
  return record;
}

}  // namespace kehoach
