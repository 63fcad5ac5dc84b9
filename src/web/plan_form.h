#pragma once
// The plan form of a commune: every value of a plan file (README, "lập văn bản Kế hoạch") as the officer
// types it, and the plan file (YAML) it makes, which `kehoach plan` reads like any other. The form holds
// text as typed; the plan reader checks it (its messages, at the line of the value, go back to the
// field that value came from) and the figures are computed from it as for the command line.
//
// Field names (the browser tests and the page use them):
//   so-van-ban, ky-hieu, ngay-ban-hanh, mau (xa | huyen | hoi-phu-nu)
//   co-quan-cap-tren, co-quan-ban-hanh, ten-don-vi, dia-danh
//   chi-tieu-ngheo, chi-tieu-can-ngheo (ty-le | so-ho | khong), gia-tri-ngheo, gia-tri-can-ngheo
//   so-thon, co-dinh-N-thon (hidden), co-dinh-N-ngheo, co-dinh-N-can-ngheo (N from 1: a number, or "hết")
//   ten-phu-luc, trich-yeu, can-cu, cau-dan, chi-tieu-khac, noi-nhan (lists: one item a line)
//   so-co-quan, co-quan-N-ten, co-quan-N-nhiem-vu (tasks: one a line)
//   ky-tm, ky-kt, chuc-vu, nguoi-ky
//   han-q1, han-6m, han-9m, han-nam (dd/mm)
//   phan-KEY, phan-KEY-goc (the section's text; the hash of the default it was shown with)
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.h"
#include "store/units.h"
#include "web/form_data.h"
#include "web/form_view.h"
#include "web/yaml_lines.h"

namespace kehoach {

struct AgencyFields {
  std::string name, tasks;  // tasks one a line
  bool blank() const { return name.empty() && tasks.empty(); }
};

struct FixedFields {
  std::string village, poor, near_poor;  // "" (split by the rule), a count, or "hết"
};

struct SectionFields {
  std::string key;       // "general_goal"
  std::string text;      // as shown or typed: paragraphs with a blank line between
  std::string original;  // hash of the template's default it was shown with ("" when none was shown)
};

struct PlanForm {
  std::string number, symbol = "KH-UBND", date;
  std::string template_name = "xa";
  std::string parent, body, unit, place;
  std::string poor_kind = "ty-le", poor_value, near_poor_kind = "ty-le", near_poor_value;
  std::vector<FixedFields> fixed;  // one per village of the table
  std::string appendix_title;
  std::string summary, legal_bases, preamble, goals, recipients;
  std::vector<AgencyFields> agencies;
  std::string authority, deputy, title, signer;
  std::map<std::string, std::string> schedule;  // q1, 6m, 9m, year → "10/06"
  std::vector<SectionFields> sections;
  // What the form does not show of an earlier version, kept as it was: the reports' settings.
  ReportSettings reports;
};

// The shipped plan templates a form offers: xa, huyen, hoi-phu-nu, with their names.
std::vector<Choice> template_choices();

// A first form for the commune: its issuer from the unit tree (the committee of the commune, under the
// committee of the unit above) and its signature as the documents sign by default, the targets empty, the
// villages of its table.
PlanForm starter_form(const UnitRecord& commune, const std::optional<UnitRecord>& parent,
                      const std::vector<std::string>& villages);

// The form of a plan read back (a saved version), its fixed figures laid on the villages of its table.
PlanForm form_of_plan(const Plan& plan, const std::vector<std::string>& villages);

// The form as posted.
PlanForm posted_form(const FormData& form);

// The village rows laid on `villages`: the figures typed for a name kept, new names blank.
void lay_fixed_on(PlanForm& form, const std::vector<std::string>& villages);

// What can be told from the fields alone (a value missing, a count or a rate that is not one): to
// `errors` by field. The rest is the plan reader's.
void check_form(const PlanForm& form, FormErrors& errors);

// The field's value replaced by one the plan reader takes (nothing, or a neutral value where one is
// needed), so that the rest of the form can be read for problems of its own: every problem of a form is
// told at once. False when the field is not one of the form's.
bool set_aside(PlanForm& form, const std::string& field);

// The plan file the form makes. `statistics` is the table's file name beside it ("thon.csv");
// `sections` the keys of the chosen template (others are left out); `dummy_target` writes a target of
// no households when the form has none yet (to show a template's defaults before targets are typed).
using PlanYaml = YamlText;  // and the field each line came from
PlanYaml plan_yaml(const PlanForm& form, int year, const std::string& statistics,
                   const std::vector<std::string>& sections, bool dummy_target = false);

// Whether the form names any target: a way chosen and its value typed.
bool has_targets(const PlanForm& form);

// A section's text as compared with its default: paragraphs as the plan reader splits them, a blank
// line between two.
std::string normal_section_text(const std::string& text);
// The hash a form keeps of a default it showed.
std::string section_hash(const std::string& text);
// The text of a section the plan file should carry: "" when it is left to the template's default (unchanged
// from the default shown, or emptied).
std::string section_override(const SectionFields& section);

// The field of a target's value and of a village's fixed figure: "gia-tri-ngheo", "co-dinh-3-can-ngheo".
std::string target_field(Indicator indicator);
std::string fixed_field(int row, Indicator indicator);

}  // namespace kehoach
