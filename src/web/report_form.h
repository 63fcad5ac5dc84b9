#pragma once
// The report's own fields for one period, as the officer types them, and the plan file they make: the
// year's plan file with its `reports:` key written again, this period's number, date and section texts from
// the form, Kính gửi, Nơi nhận, the symbol and this period's progress threshold from the form, the rest
// (the schedule of every report, the other periods' parts and thresholds) as the plan has them. `kehoach
// report` reads that file like any other; its messages about a line go back to the field that made it.
//
// Field names: so-van-ban, ky-hieu, ngay-ban-hanh, kinh-gui, noi-nhan (lists: one item a line), nguong,
// cac-phan, phan-KEY, phan-KEY-goc (KEY: results, difficulties, next_tasks, proposals; the section's text
// and the hash of the default it was shown with, as on the plan form).
#include <string>
#include <vector>

#include "app/template_sections.h"
#include "model/period.h"
#include "model/report_settings.h"
#include "web/form_data.h"
#include "web/form_view.h"
#include "web/plan_form.h"
#include "web/yaml_lines.h"

namespace kehoach {

// The "field" of the lines of the plan's own text: a message about one of them is the plan's, not the form's.
inline constexpr const char* kPlanTextField = "ke-hoach";

struct ReportForm {
  std::string number, symbol = "BC-UBND", date;
  std::string addressees, recipients;  // one a line
  std::string threshold;               // "50": % of the year's target expected by the period's end
  std::vector<SectionFields> sections; // the period's own texts
};

// The form of a period as a plan file's reports settings have it (the plan's, or a saved report's): its
// threshold, else the period's default.
ReportForm report_form_of(const ReportSettings& settings, Period period);

// The form as posted.
ReportForm posted_report_form(const FormData& form);

// What can be told from the fields alone (a number that is not one, a threshold that is no rate, text that
// is not UTF-8): to `errors` by field. The rest is the plan reader's.
void check_report_form(const ReportForm& form, FormErrors& errors);

// The plan file of the report: `plan_text` (the year's plan file) without its `reports:` key, then the
// reports key of `kept` (the plan's settings) with the form's fields for `period`. Only the sections named in
// `section_keys` are written (those of the report's template), and only those that differ from the default
// shown (SectionFields, web/plan_form.h). Lines of the plan's own text have the field kPlanTextField.
YamlText report_plan_yaml(const std::string& plan_text, const ReportSettings& kept, Period period, const ReportForm& form,
                          const std::vector<std::string>& section_keys);

// A plan file's text without its top-level `reports:` key: what the plan says, whatever its reports say.
std::string without_reports(const std::string& plan_text);

// The form's sections made those of the report's template (`defaults`, app/report_sections.h), in its order:
// a text the officer changed stays, one left as the default shown (its figures perhaps changed since) is
// shown again as the template has it now; a section of no such name is left out.
void lay_report_sections(ReportForm& form, const std::vector<SectionDefault>& defaults);

// The keys of the form's sections, in order.
std::vector<std::string> report_section_keys(const ReportForm& form);

// What the error summary calls a field of the form ("Số báo cáo"; a section's name).
std::string report_field_label(const std::string& field);

// A section's name on the form: "Khó khăn, vướng mắc" for difficulties; the key itself for a user's own.
std::string report_section_label(const std::string& key);

}  // namespace kehoach
