#include "web/report_form.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "text/hidden_characters.h"
#include "text/number_text.h"
#include "text/number_words.h"
#include "text/unicode.h"
#include "web/form_text.h"

namespace kehoach {
namespace {

constexpr int kMostSections = 40;

bool is_section_key(const std::string& key) {
  return !key.empty() && key.size() <= 40 &&
         std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// A textarea's text as browsers send it (lines ended by CR LF) with its lines ended by LF, as typed.
std::string typed_lines(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
  }
  return out;
}

// A value with a character nobody sees (a control, a bidi override, a byte that is no UTF-8) would reach the
// report as it is: refused at its field. Line breaks are the lines of a list or the paragraphs of a section.
void check_text(const std::string& value, const std::string& field, FormErrors& errors) {
  const std::optional<HiddenCharacter> hidden = first_hidden_character(value, true);
  if (!hidden) return;
  errors.add(field, report_field_label(field) + ": " +
                        (hidden->not_utf8 ? std::string("có ký tự không đọc được (không phải chữ UTF-8)")
                                          : "có ký tự ẩn " + code_point_label(hidden->code_point) +
                                                " (ký tự điều khiển, đổi chiều chữ hoặc không có độ rộng)") +
                        "; hãy gõ lại ô này.");
}

// Another period's part of the reports key, as the plan's settings have it: its number, date and sections.
void period_yaml(YamlLines& yaml, Period period, const PeriodReport& report) {
  if (!report.number && !report.date && report.sections.empty()) return;
  yaml.add(std::string("  ") + period_key(period) + ":");
  if (report.number) yaml.add("    number: " + std::to_string(*report.number));
  if (report.date) yaml.value("    ", "date", date_text(*report.date), "");
  if (report.sections.empty()) return;
  yaml.add("    sections:");
  for (const auto& [key, paragraphs] : report.sections) yaml.value("      ", key, joined(paragraphs, "\n\n"), "");
}

// The form's period's part: its number, date and the sections that differ from the default shown, each line of
// the field it came from.
void form_period_yaml(YamlLines& yaml, Period period, const ReportForm& form, const std::vector<std::string>& section_keys) {
  std::vector<const SectionFields*> sections;
  for (const SectionFields& section : form.sections)
    if (std::find(section_keys.begin(), section_keys.end(), section.key) != section_keys.end() &&
        !section_override(section).empty())
      sections.push_back(&section);
  if (form.number.empty() && form.date.empty() && sections.empty()) return;
  yaml.add(std::string("  ") + period_key(period) + ":", "so-van-ban");
  if (!form.number.empty()) yaml.value("    ", "number", form.number, "so-van-ban");
  if (!form.date.empty()) yaml.value("    ", "date", form.date, "ngay-ban-hanh");
  if (sections.empty()) return;
  yaml.add("    sections:", "phan-" + sections.front()->key);
  for (const SectionFields* section : sections)
    yaml.value("      ", section->key, section_override(*section), "phan-" + section->key);
}

}  // namespace

// The lines from "reports:" up to the next line that starts a key of its own (a blank line, a comment or an
// indented line belongs to the block) are left out.
std::string without_reports(const std::string& text) {
  std::string out;
  bool inside = false;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const bool top = !line.empty() && line[0] != ' ' && line[0] != '\t' && line[0] != '#' && line[0] != '\r';
    if (top) inside = line.rfind("reports:", 0) == 0;
    if (!inside) out += line + "\n";
  }
  return out;
}

ReportForm report_form_of(const ReportSettings& settings, Period period) {
  ReportForm form;
  form.symbol = settings.symbol;
  form.addressees = joined(settings.addressees, "\n");
  form.recipients = joined(settings.recipients, "\n");
  const auto threshold = settings.thresholds.find(period);
  form.threshold = format_share(threshold == settings.thresholds.end() ? default_threshold(period) : threshold->second);
  const auto own = settings.periods.find(period);
  if (own == settings.periods.end()) return form;
  const PeriodReport& report = own->second;
  if (report.number) form.number = std::to_string(*report.number);
  if (report.date) form.date = date_text(*report.date);
  for (const auto& [key, paragraphs] : report.sections) form.sections.push_back({key, joined(paragraphs, "\n\n"), ""});
  return form;
}

ReportForm posted_report_form(const FormData& data) {
  ReportForm form;
  form.number = clean_text(data.value("so-van-ban"));
  form.symbol = clean_text(data.value("ky-hieu"));
  form.date = clean_text(data.value("ngay-ban-hanh"));
  form.addressees = typed_lines(data.value("kinh-gui"));
  form.recipients = typed_lines(data.value("noi-nhan"));
  form.threshold = clean_text(data.value("nguong"));
  int sections = 0;
  std::istringstream keys(data.value("cac-phan"));
  for (std::string key; std::getline(keys, key, ',');) {
    key = clean_text(key);
    if (!is_section_key(key)) continue;
    if (++sections > kMostSections) break;
    form.sections.push_back({key, typed_lines(data.value("phan-" + key)), data.value("phan-" + key + "-goc")});
  }
  return form;
}

void check_report_form(const ReportForm& form, FormErrors& errors) {
  const std::vector<std::pair<std::string, const std::string*>> texts{
      {"so-van-ban", &form.number}, {"ky-hieu", &form.symbol}, {"ngay-ban-hanh", &form.date},
      {"kinh-gui", &form.addressees}, {"noi-nhan", &form.recipients}, {"nguong", &form.threshold}};
  for (const auto& [field, value] : texts) check_text(*value, field, errors);
  for (const SectionFields& section : form.sections) check_text(section.text, "phan-" + section.key, errors);
  if (!errors.empty()) return;
  if (!form.number.empty()) {
    const CountText number = parse_count(form.number);
    if (number.status != CountText::Status::Ok || number.value < 1 || number.value > 99999)
      errors.add("so-van-ban", "Số báo cáo là số nguyên từ 1 đến 99999 (ví dụ 30), không phải \"" + form.number +
                                   "\"; để trống khi báo cáo còn là dự thảo.");
  }
  if (form.symbol.empty()) errors.add("ky-hieu", "Hãy nhập ký hiệu của báo cáo (ví dụ BC-UBND).");
  const std::optional<long long> threshold = parse_rate_hundredths(form.threshold);
  if (form.threshold.empty())
    errors.add("nguong", "Hãy nhập ngưỡng tiến độ: phần trăm chỉ tiêu năm phải đạt đến kỳ này, ví dụ 50.");
  else if (!threshold || *threshold > 10000)
    errors.add("nguong", "Ngưỡng tiến độ \"" + form.threshold + "\" không hợp lệ; hãy ghi tỷ lệ từ 0 đến 100, ví dụ 50.");
}

YamlText report_plan_yaml(const std::string& plan_text, const ReportSettings& kept, Period period, const ReportForm& form,
                          const std::vector<std::string>& section_keys) {
  YamlLines yaml;
  yaml.text(without_reports(plan_text), kPlanTextField);
  yaml.add("reports:", "ky-hieu");
  yaml.value("  ", "symbol", form.symbol, "ky-hieu");
  if (const auto items = typed_items(form.addressees); !items.empty()) {
    yaml.add("  addressees:", "kinh-gui");
    yaml.list("    ", items, "kinh-gui");
  }
  if (const auto items = typed_items(form.recipients); !items.empty()) {
    yaml.add("  recipients:", "noi-nhan");
    yaml.list("    ", items, "noi-nhan");
  }
  yaml.add("  thresholds:", "nguong");
  for (const auto& [other, rate] : kept.thresholds)
    if (other != period) yaml.value("    ", period_key(other), format_rate(rate), "");
  yaml.value("    ", period_key(period), form.threshold, "nguong");
  if (!kept.schedule.empty()) {
    yaml.add("  schedule:");
    for (const ReportDue& due : kept.schedule)
      yaml.value("    ", period_key(due.period), due_text(due), "");
  }
  for (const auto& [other, report] : kept.periods)
    if (other != period) period_yaml(yaml, other, report);
  form_period_yaml(yaml, period, form, section_keys);
  return yaml.done();
}

void lay_report_sections(ReportForm& form, const std::vector<SectionDefault>& defaults) {
  std::vector<SectionFields> sections;
  for (const SectionDefault& section : defaults) {
    const std::string text = joined(section.paragraphs, "\n\n");
    const auto given = std::find_if(form.sections.begin(), form.sections.end(),
                                    [&](const SectionFields& s) { return s.key == section.key; });
    const bool typed = given != form.sections.end() && !section_override(*given).empty();
    sections.push_back({section.key, typed ? given->text : text, section_hash(text)});
  }
  form.sections = std::move(sections);
}

std::vector<std::string> report_section_keys(const ReportForm& form) {
  std::vector<std::string> keys;
  for (const SectionFields& section : form.sections) keys.push_back(section.key);
  return keys;
}

std::string report_section_label(const std::string& key) {
  static const std::map<std::string, std::string> labels{
      {"results", "Thực hiện các chính sách giảm nghèo (mục I)"},
      {"difficulties", "Tồn tại, hạn chế và nguyên nhân"},
      {"next_tasks", "Nhiệm vụ, giải pháp kỳ tới"},
      {"proposals", "Kiến nghị, đề xuất"},
  };
  const auto found = labels.find(key);
  return found == labels.end() ? "Phần " + key : found->second;
}

std::string report_field_label(const std::string& field) {
  static const std::map<std::string, std::string> labels{
      {"so-van-ban", "Số báo cáo"}, {"ky-hieu", "Ký hiệu"}, {"ngay-ban-hanh", "Ngày ban hành"},
      {"kinh-gui", "Kính gửi"}, {"noi-nhan", "Nơi nhận"}, {"nguong", "Ngưỡng tiến độ"}};
  if (const auto found = labels.find(field); found != labels.end()) return found->second;
  if (field.rfind("phan-", 0) == 0) return report_section_label(field.substr(5));
  return "";
}

}  // namespace kehoach
