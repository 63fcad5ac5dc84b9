#pragma once
// The parts every administrative document shares (Nghị định 30/2020), as template data: the header
// block, recipients, signature, replaceable sections. Used by the plan and the report data.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/plan.h"
#include "template/template_value.h"

namespace kehoach {

// [{text: …}] for a template loop.
TemplateList text_items(const std::vector<std::string>& items);

// The text without its trailing ; . , and spaces.
std::string without_end_punctuation(std::string text);

// "Căn cứ …;" for every item but the last, which ends in "." (legal bases, recipients).
std::vector<std::string> punctuated(const std::vector<std::string>& items);

// header.parent/has_parent/body/unit/number/place_date for a document with this number and date.
TemplateRecord document_header(const Plan& plan, const std::optional<int>& number, const std::string& symbol,
                               const std::optional<Date>& date);

// Nơi nhận, punctuated, with "Lưu: VT, <office>." added when no "Lưu" line ends the list: `office` is
// the abbreviation of the drafting office in force on the document's date ("LĐTBXH", "KT";
// data/offices), "Lưu: VT." when empty.
TemplateList recipient_items(const std::vector<std::string>& recipients, const std::string& office);

// The names of offices in force for the plan's issuer on `date` (a draft without one: its year), by
// role; an organisation's are the general ones (data/offices).
std::map<std::string, OfficeName> issuer_offices(const Plan& plan, const std::optional<Date>& date);

// The abbreviation of the office that drafts the plan's documents on `date` (its "poverty" office in
// data/offices): "LĐTBXH" for a commune before July 2025, "KT" after; empty for an organisation.
std::string drafting_office(const Plan& plan, const std::optional<Date>& date);

// signature.authority/deputy/has_deputy/title/name with the defaults of a collective body.
TemplateRecord signature_record(const Plan& plan);

// Each "sections.KEY" the template uses is false (keep the template's words) or the given
// paragraphs. Throws InputError at `file`:line for a given section the template does not have.
TemplateRecord section_overrides(const std::map<std::string, std::vector<std::string>>& given,
                                 const std::map<std::string, int>& lines, const std::string& file,
                                 const std::set<std::string>& template_names, const std::string& template_label);

}  // namespace kehoach
