#include "web/plan_form.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "model/unit_level.h"
#include "read/yaml_fields.h"
#include "store/file_store.h"
#include "text/number_text.h"
#include "text/number_words.h"
#include "text/unicode.h"
#include "web/form_text.h"

namespace kehoach {
namespace {

constexpr int kMostVillages = 2000;
constexpr int kMostAgencies = 100;
constexpr int kMostSections = 40;
constexpr const char* kPeriods[] = {"q1", "6m", "9m", "year"};

std::string schedule_field(const std::string& period) { return period == "year" ? "han-nam" : "han-" + period; }

bool is_all_word(const std::string& value) {
  const std::string folded = fold(value);
  return folded == "all" || folded == "het" || folded == "tat ca";
}

const char* indicator_words(Indicator indicator) { return indicator == Indicator::Poor ? "hộ nghèo" : "hộ cận nghèo"; }
const char* indicator_part(Indicator indicator) { return indicator == Indicator::Poor ? "ngheo" : "can-ngheo"; }

const std::string& kind_of(const PlanForm& form, Indicator indicator) {
  return indicator == Indicator::Poor ? form.poor_kind : form.near_poor_kind;
}
const std::string& value_of(const PlanForm& form, Indicator indicator) {
  return indicator == Indicator::Poor ? form.poor_value : form.near_poor_value;
}
const std::string& fixed_of(const FixedFields& fixed, Indicator indicator) {
  return indicator == Indicator::Poor ? fixed.poor : fixed.near_poor;
}

void target_yaml(YamlLines& yaml, const PlanForm& form, Indicator indicator) {
  const std::string& kind = kind_of(form, indicator);
  std::string value = clean_text(value_of(form, indicator));
  if ((kind != "ty-le" && kind != "so-ho") || value.empty()) return;
  yaml.add(std::string("  ") + indicator_key(indicator) + ":", target_field(indicator));
  if (kind == "ty-le") yaml.value("    ", "end_rate", value.ends_with("%") ? value : value + "%", target_field(indicator));
  else yaml.value("    ", "reduce", value, target_field(indicator));
  bool any = false;
  for (std::size_t i = 0; i < form.fixed.size(); ++i) {
    const std::string figure = clean_text(fixed_of(form.fixed[i], indicator));
    if (figure.empty()) continue;
    if (!any) yaml.add("    fixed:", target_field(indicator));
    any = true;
    const std::string field = fixed_field(static_cast<int>(i + 1), indicator);
    yaml.add("      " + yaml_quoted(clean_text(form.fixed[i].village)) + ": " + yaml_quoted(figure), field);
  }
}

void check_text(const std::string& value, const std::string& field, FormErrors& errors) {
  if (!is_valid_utf8(value))
    errors.add(field, "Có ký tự không đọc được (không phải chữ UTF-8); hãy gõ lại ô này.");
}

}  // namespace

std::vector<Choice> template_choices() {
  return {{"xa", "Kế hoạch của Ủy ban nhân dân xã, phường (mẫu xa)"},
          {"huyen", "Kế hoạch của Ủy ban nhân dân huyện, đi qua các Dự án (mẫu huyen)"},
          {"hoi-phu-nu", "Kế hoạch của Hội Liên hiệp Phụ nữ (mẫu hoi-phu-nu)"}};
}

std::string target_field(Indicator indicator) { return std::string("gia-tri-") + indicator_part(indicator); }
std::string fixed_field(int row, Indicator indicator) {
  return "co-dinh-" + std::to_string(row) + "-" + indicator_part(indicator);
}

PlanForm starter_form(const UnitRecord& commune, const std::optional<UnitRecord>& parent,
                      const std::vector<std::string>& villages) {
  PlanForm form;
  if (parent) form.parent = "UBND " + to_upper(parent->full_name());
  form.body = "Ủy ban nhân dân";
  form.unit = in_sentence(commune.name, level_by_word(commune.level_word));
  form.place = commune.name;
  form.authority = "TM. " + to_upper(form.body);  // as the documents sign when the plan file says nothing
  form.title = "CHỦ TỊCH";
  lay_fixed_on(form, villages);
  return form;
}

PlanForm form_of_plan(const Plan& plan, const std::vector<std::string>& villages) {
  PlanForm form;
  if (plan.number) form.number = std::to_string(*plan.number);
  form.symbol = plan.symbol;
  if (plan.date)
    form.date = date_text(*plan.date);
  form.template_name = plan.text.template_name;
  form.parent = plan.parent_body;
  form.body = plan.issuing_body;
  form.unit = plan.unit;
  form.place = plan.place;
  form.poor_kind = form.near_poor_kind = "khong";
  for (const Target& target : plan.targets) {
    std::string& kind = target.indicator == Indicator::Poor ? form.poor_kind : form.near_poor_kind;
    std::string& value = target.indicator == Indicator::Poor ? form.poor_value : form.near_poor_value;
    kind = target.end_rate ? "ty-le" : "so-ho";
    value = target.end_rate ? format_rate(*target.end_rate) : std::to_string(target.reduce.value_or(0));
    for (const FixedFigure& figure : target.fixed) {
      auto found = std::find_if(form.fixed.begin(), form.fixed.end(),
                                [&](const FixedFields& f) { return name_key(f.village) == name_key(figure.unit); });
      if (found == form.fixed.end()) found = form.fixed.insert(form.fixed.end(), FixedFields{figure.unit, "", ""});
      (target.indicator == Indicator::Poor ? found->poor : found->near_poor) =
          figure.all ? "hết" : std::to_string(figure.reduction);
    }
  }
  lay_fixed_on(form, villages);
  form.appendix_title = plan.appendix_title;
  const PlanText& text = plan.text;
  form.summary = text.summary;
  form.legal_bases = joined(text.legal_bases, "\n");
  form.preamble = text.preamble;
  form.goals = joined(text.goals, "\n");
  form.recipients = joined(text.recipients, "\n");
  for (const Agency& agency : text.agencies) form.agencies.push_back({agency.name, joined(agency.tasks, "\n")});
  form.authority = text.signature.authority;
  form.deputy = text.signature.deputy;
  form.title = text.signature.title;
  form.signer = text.signature.name;
  for (const ReportDue& due : plan.reports.schedule)
    form.schedule[period_key(due.period)] = due_text(due);
  for (const auto& [key, paragraphs] : text.sections) form.sections.push_back({key, joined(paragraphs, "\n\n"), ""});
  form.reports = plan.reports;
  form.reports.schedule.clear();
  return form;
}

void lay_fixed_on(PlanForm& form, const std::vector<std::string>& villages) {
  // Each name's key made once: a commune's 60 villages against 60 typed rows would make it 3,600 times.
  std::map<std::string, const FixedFields*> typed_by_key;
  for (const FixedFields& typed : form.fixed) typed_by_key[name_key(typed.village)] = &typed;  // the last one wins
  std::vector<FixedFields> rows;
  std::set<std::string> placed;
  for (const std::string& village : villages) {
    const std::string key = name_key(village);
    const auto typed = typed_by_key.find(key);
    rows.push_back(typed == typed_by_key.end() ? FixedFields{village, "", ""}
                                               : FixedFields{village, typed->second->poor, typed->second->near_poor});
    placed.insert(key);
  }
  // A figure for a name the table does not have stays, for the reader to name it.
  for (const FixedFields& typed : form.fixed)
    if (!placed.count(name_key(typed.village)) && !(typed.poor.empty() && typed.near_poor.empty())) rows.push_back(typed);
  form.fixed = std::move(rows);
}

PlanForm posted_form(const FormData& data) {
  auto count = [&](const std::string& name, int most) {
    const CountText parsed = parse_count(data.value(name));
    return parsed.status == CountText::Status::Ok ? static_cast<int>(std::min<long long>(parsed.value, most)) : 0;
  };
  PlanForm form;
  form.number = clean_text(data.value("so-van-ban"));
  form.symbol = clean_text(data.value("ky-hieu"));
  form.date = clean_text(data.value("ngay-ban-hanh"));
  form.template_name = clean_text(data.value("mau"));
  form.parent = clean_text(data.value("co-quan-cap-tren"));
  form.body = clean_text(data.value("co-quan-ban-hanh"));
  form.unit = clean_text(data.value("ten-don-vi"));
  form.place = clean_text(data.value("dia-danh"));
  form.poor_kind = data.value("chi-tieu-ngheo");
  form.poor_value = clean_text(data.value("gia-tri-ngheo"));
  form.near_poor_kind = data.value("chi-tieu-can-ngheo");
  form.near_poor_value = clean_text(data.value("gia-tri-can-ngheo"));
  const int villages = count("so-thon", kMostVillages);
  for (int row = 1; row <= villages; ++row) {
    const std::string prefix = "co-dinh-" + std::to_string(row);
    form.fixed.push_back({clean_text(data.value(prefix + "-thon")), clean_text(data.value(prefix + "-ngheo")),
                          clean_text(data.value(prefix + "-can-ngheo"))});
  }
  form.appendix_title = clean_text(data.value("ten-phu-luc"));
  form.summary = data.value("trich-yeu");
  form.legal_bases = data.value("can-cu");
  form.preamble = clean_text(data.value("cau-dan"));
  form.goals = data.value("chi-tieu-khac");
  form.recipients = data.value("noi-nhan");
  const int agencies = count("so-co-quan", kMostAgencies);
  for (int n = 1; n <= agencies; ++n) {
    const std::string prefix = "co-quan-" + std::to_string(n);
    form.agencies.push_back({clean_text(data.value(prefix + "-ten")), data.value(prefix + "-nhiem-vu")});
  }
  form.authority = clean_text(data.value("ky-tm"));
  form.deputy = clean_text(data.value("ky-kt"));
  form.title = clean_text(data.value("chuc-vu"));
  form.signer = clean_text(data.value("nguoi-ky"));
  for (const char* period : kPeriods) {
    const std::string value = clean_text(data.value(schedule_field(period)));
    if (!value.empty()) form.schedule[period] = value;
  }
  int sections = 0;
  std::istringstream keys(data.value("cac-phan"));
  for (std::string key; std::getline(keys, key, ',');) {
    key = clean_text(key);
    if (key.empty()) continue;
    if (++sections > kMostSections) break;
    form.sections.push_back({key, data.value("phan-" + key), data.value("phan-" + key + "-goc")});
  }
  return form;
}

bool has_targets(const PlanForm& form) {
  for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
    const std::string& kind = kind_of(form, indicator);
    if ((kind == "ty-le" || kind == "so-ho") && !clean_text(value_of(form, indicator)).empty()) return true;
  }
  return false;
}

void check_form(const PlanForm& form, FormErrors& errors) {
  const auto templates = template_choices();
  if (std::none_of(templates.begin(), templates.end(), [&](const Choice& c) { return c.value == form.template_name; }))
    errors.add("mau", "Hãy chọn mẫu văn bản: xa, huyen hoặc hoi-phu-nu.");
  if (!form.number.empty()) {
    const CountText number = parse_count(form.number);
    if (number.status != CountText::Status::Ok || number.value < 1 || number.value > 99999)
      errors.add("so-van-ban", "Số văn bản là số nguyên từ 1 đến 99999 (ví dụ 45), không phải \"" + form.number +
                                   "\"; để trống khi kế hoạch còn là dự thảo.");
  }
  if (form.body.empty()) errors.add("co-quan-ban-hanh", "Hãy nhập cơ quan ban hành (ví dụ: Ủy ban nhân dân).");
  if (form.unit.empty()) errors.add("ten-don-vi", "Hãy nhập tên đơn vị ban hành (ví dụ: xã An Hòa Thịnh).");

  if (form.poor_kind == "khong" && form.near_poor_kind == "khong")
    errors.add("chi-tieu-ngheo", "Hãy đặt ít nhất một chỉ tiêu: giảm hộ nghèo hoặc giảm hộ cận nghèo.");
  for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
    const std::string& kind = kind_of(form, indicator);
    const std::string value = clean_text(value_of(form, indicator));
    const std::string words = indicator_words(indicator);
    const std::string kind_field = std::string("chi-tieu-") + indicator_part(indicator);
    if (kind != "ty-le" && kind != "so-ho" && kind != "khong") {
      errors.add(kind_field, "Hãy chọn cách đặt chỉ tiêu " + words + ".");
      continue;
    }
    if (kind == "ty-le") {
      const std::optional<long long> rate = parse_rate_hundredths(value);
      if (value.empty()) errors.add(target_field(indicator), "Hãy nhập tỷ lệ " + words + " cuối năm, ví dụ 4,93.");
      else if (!rate || *rate > 10000)
        errors.add(target_field(indicator), "Tỷ lệ " + words + " \"" + value +
                                                "\" không hợp lệ; hãy ghi như 4,93 (tối đa 2 chữ số thập phân, từ 0 đến 100).");
    } else if (kind == "so-ho") {
      const CountText count = parse_count(value);
      if (value.empty()) errors.add(target_field(indicator), "Hãy nhập số " + words + " giảm trong năm, ví dụ 27.");
      else if (count.status != CountText::Status::Ok || count.value > 100000000)
        errors.add(target_field(indicator), "Số " + words + " giảm phải là số hộ, ví dụ 27, không phải \"" + value + "\".");
    }
    for (std::size_t i = 0; i < form.fixed.size(); ++i) {
      const std::string figure = clean_text(fixed_of(form.fixed[i], indicator));
      if (figure.empty()) continue;
      const std::string field = fixed_field(static_cast<int>(i + 1), indicator);
      const std::string village = form.fixed[i].village;
      if (kind == "khong") {
        errors.add(field, "Chưa đặt chỉ tiêu " + words + " nên không giao số cố định cho " + village +
                              " được; hãy đặt chỉ tiêu hoặc xoá số này.");
        continue;
      }
      const CountText count = parse_count(figure);
      if (!is_all_word(figure) && (count.status != CountText::Status::Ok || count.value > 100000000))
        errors.add(field, "Số " + words + " giao cố định cho " + village + " phải là số hộ giảm (ví dụ 2) hoặc \"hết\", "
                          "không phải \"" + figure + "\".");
    }
  }
  for (std::size_t i = 0; i < form.agencies.size(); ++i)
    if (form.agencies[i].name.empty() && !typed_items(form.agencies[i].tasks).empty())
      errors.add("co-quan-" + std::to_string(i + 1) + "-ten", "Hãy nhập tên cơ quan của các nhiệm vụ này.");

  const std::vector<std::pair<std::string, const std::string*>> texts{
      {"so-van-ban", &form.number}, {"ky-hieu", &form.symbol}, {"ngay-ban-hanh", &form.date},
      {"co-quan-cap-tren", &form.parent}, {"co-quan-ban-hanh", &form.body}, {"ten-don-vi", &form.unit},
      {"dia-danh", &form.place}, {"ten-phu-luc", &form.appendix_title}, {"trich-yeu", &form.summary},
      {"can-cu", &form.legal_bases}, {"cau-dan", &form.preamble}, {"chi-tieu-khac", &form.goals},
      {"noi-nhan", &form.recipients}, {"ky-tm", &form.authority}, {"ky-kt", &form.deputy},
      {"chuc-vu", &form.title}, {"nguoi-ky", &form.signer}};
  for (const auto& [field, value] : texts) check_text(*value, field, errors);
  for (std::size_t i = 0; i < form.agencies.size(); ++i) {
    check_text(form.agencies[i].name, "co-quan-" + std::to_string(i + 1) + "-ten", errors);
    check_text(form.agencies[i].tasks, "co-quan-" + std::to_string(i + 1) + "-nhiem-vu", errors);
  }
  for (std::size_t i = 0; i < form.fixed.size(); ++i) check_text(form.fixed[i].village, fixed_field(static_cast<int>(i + 1), Indicator::Poor), errors);
  for (const SectionFields& section : form.sections) check_text(section.text, "phan-" + section.key, errors);
}

bool set_aside(PlanForm& form, const std::string& field) {
  const std::map<std::string, std::string*> texts{
      {"so-van-ban", &form.number}, {"ky-hieu", &form.symbol}, {"ngay-ban-hanh", &form.date},
      {"co-quan-cap-tren", &form.parent}, {"dia-danh", &form.place}, {"ten-phu-luc", &form.appendix_title},
      {"trich-yeu", &form.summary}, {"can-cu", &form.legal_bases}, {"cau-dan", &form.preamble},
      {"chi-tieu-khac", &form.goals}, {"noi-nhan", &form.recipients}, {"ky-tm", &form.authority},
      {"ky-kt", &form.deputy}, {"chuc-vu", &form.title}, {"nguoi-ky", &form.signer}};
  if (const auto found = texts.find(field); found != texts.end()) {
    found->second->clear();
    return true;
  }
  if (field == "co-quan-ban-hanh") form.body = "Ủy ban nhân dân";
  else if (field == "ten-don-vi") form.unit = "xã";
  else if (field == "mau") form.template_name = "xa";
  else if (field == "chi-tieu-ngheo" || field == "gia-tri-ngheo") form.poor_kind = "so-ho", form.poor_value = "0";
  else if (field == "chi-tieu-can-ngheo" || field == "gia-tri-can-ngheo") form.near_poor_kind = "so-ho", form.near_poor_value = "0";
  else if (field.rfind("han-", 0) == 0) form.schedule.erase(field == "han-nam" ? "year" : field.substr(4));
  else if (field.rfind("phan-", 0) == 0) {
    for (SectionFields& section : form.sections)
      if ("phan-" + section.key == field) section.text.clear();
  } else if (field.rfind("co-dinh-", 0) == 0 || field.rfind("co-quan-", 0) == 0) {
    const std::size_t number_end = field.find('-', 8);
    const CountText number = parse_count(field.substr(8, number_end == std::string::npos ? std::string::npos : number_end - 8));
    if (number.status != CountText::Status::Ok || number.value < 1) return false;
    const std::size_t index = static_cast<std::size_t>(number.value - 1);
    if (field.rfind("co-dinh-", 0) == 0) {
      if (index >= form.fixed.size()) return false;
      form.fixed[index].poor.clear();
      form.fixed[index].near_poor.clear();
    } else {
      if (index >= form.agencies.size()) return false;
      form.agencies[index] = {};
    }
  } else {
    return false;
  }
  return true;
}

PlanYaml plan_yaml(const PlanForm& form, int year, const std::string& statistics,
                   const std::vector<std::string>& sections, bool dummy_target) {
  YamlLines yaml;
  yaml.add("# Kế hoạch lập trên trang web của kehoach (kehoach serve); kehoach plan đọc được như mọi tệp kế hoạch.");
  yaml.add("year: " + std::to_string(year));
  yaml.add("issuer:", "co-quan-cap-tren");
  if (!form.parent.empty()) yaml.value("  ", "parent", form.parent, "co-quan-cap-tren");
  yaml.value("  ", "body", form.body, "co-quan-ban-hanh");
  yaml.value("  ", "unit", form.unit, "ten-don-vi");
  if (!form.place.empty()) yaml.value("  ", "place", form.place, "dia-danh");
  yaml.add("document:", "so-van-ban");
  if (!form.symbol.empty()) yaml.value("  ", "symbol", form.symbol, "ky-hieu");
  if (!form.number.empty()) yaml.value("  ", "number", form.number, "so-van-ban");
  if (!form.date.empty()) yaml.value("  ", "date", form.date, "ngay-ban-hanh");
  yaml.value("", "statistics", statistics, "");
  if (!form.appendix_title.empty()) {
    yaml.add("appendix:", "ten-phu-luc");
    yaml.value("  ", "title", form.appendix_title, "ten-phu-luc");
  }
  yaml.add("targets:", "chi-tieu-ngheo");
  if (dummy_target && !has_targets(form)) {
    yaml.add("  poor:", "chi-tieu-ngheo");
    yaml.add("    reduce: 0", "chi-tieu-ngheo");
    yaml.add("  near_poor:", "chi-tieu-can-ngheo");
    yaml.add("    reduce: 0", "chi-tieu-can-ngheo");
  }
  target_yaml(yaml, form, Indicator::Poor);
  target_yaml(yaml, form, Indicator::NearPoor);
  yaml.value("", "template", form.template_name, "mau");
  const std::vector<std::string> summary = typed_items(form.summary);
  if (!summary.empty()) yaml.value("", "summary", joined(summary, "\n"), "trich-yeu");
  if (const auto items = typed_items(form.legal_bases); !items.empty()) {
    yaml.add("legal_bases:", "can-cu");
    yaml.list("  ", items, "can-cu");
  }
  if (!form.preamble.empty()) yaml.value("", "preamble", form.preamble, "cau-dan");
  if (const auto items = typed_items(form.goals); !items.empty()) {
    yaml.add("goals:", "chi-tieu-khac");
    yaml.list("  ", items, "chi-tieu-khac");
  }
  bool agencies = false;
  for (std::size_t i = 0; i < form.agencies.size(); ++i) {
    const AgencyFields& agency = form.agencies[i];
    if (agency.name.empty()) continue;
    const std::string prefix = "co-quan-" + std::to_string(i + 1);
    if (!agencies) yaml.add("agencies:", prefix + "-ten");
    agencies = true;
    yaml.add("  - name: " + yaml_quoted(agency.name), prefix + "-ten");
    if (const auto tasks = typed_items(agency.tasks); !tasks.empty()) {
      yaml.add("    tasks:", prefix + "-nhiem-vu");
      yaml.list("      ", tasks, prefix + "-nhiem-vu");
    }
  }
  if (const auto items = typed_items(form.recipients); !items.empty()) {
    yaml.add("recipients:", "noi-nhan");
    yaml.list("  ", items, "noi-nhan");
  }
  if (!(form.authority.empty() && form.deputy.empty() && form.title.empty() && form.signer.empty())) {
    yaml.add("signature:", "ky-tm");
    if (!form.authority.empty()) yaml.value("  ", "authority", form.authority, "ky-tm");
    if (!form.deputy.empty()) yaml.value("  ", "deputy", form.deputy, "ky-kt");
    if (!form.title.empty()) yaml.value("  ", "title", form.title, "chuc-vu");
    if (!form.signer.empty()) yaml.value("  ", "name", form.signer, "nguoi-ky");
  }
  bool any_section = false;
  for (const SectionFields& section : form.sections) {
    if (std::find(sections.begin(), sections.end(), section.key) == sections.end()) continue;
    const std::string text = section_override(section);
    if (text.empty()) continue;
    if (!any_section) yaml.add("sections:", "phan-" + section.key);
    any_section = true;
    yaml.value("  ", section.key, text, "phan-" + section.key);
  }
  const ReportSettings& reports = form.reports;
  const bool reports_given = !form.schedule.empty() || reports.symbol != ReportSettings{}.symbol ||
                             !reports.addressees.empty() || !reports.recipients.empty() || !reports.thresholds.empty();
  if (reports_given) {
    yaml.add("reports:", "han-6m");
    if (reports.symbol != ReportSettings{}.symbol) yaml.value("  ", "symbol", reports.symbol, "");
    if (!reports.addressees.empty()) {
      yaml.add("  addressees:");
      yaml.list("    ", reports.addressees, "");
    }
    if (!reports.recipients.empty()) {
      yaml.add("  recipients:");
      yaml.list("    ", reports.recipients, "");
    }
    if (!reports.thresholds.empty()) {
      yaml.add("  thresholds:");
      for (const auto& [period, rate] : reports.thresholds) yaml.value("    ", period_key(period), format_rate(rate), "");
    }
    if (!form.schedule.empty()) {
      yaml.add("  schedule:", "han-6m");
      for (const char* period : kPeriods)
        if (const auto found = form.schedule.find(period); found != form.schedule.end())
          yaml.value("    ", period, found->second, schedule_field(period));
    }
  }
  return yaml.done();
}

std::string normal_section_text(const std::string& text) { return joined(split_paragraphs(text), "\n\n"); }

std::string section_hash(const std::string& text) { return sha256_of_bytes(normal_section_text(text)); }

std::string section_override(const SectionFields& section) {
  const std::string text = normal_section_text(section.text);
  if (text.empty() || sha256_of_bytes(text) == section.original) return "";
  return text;
}

}  // namespace kehoach
