#include "read/report_settings_reader.h"

#include <sstream>

#include "text/number_text.h"

namespace kehoach {
namespace {

Period period_of(const YAML::Node& key, const YamlFields& f) {
  const std::string text = f.key(key);
  if (auto period = parse_period(text)) return *period;
  throw f.error(key, "kỳ báo cáo \"" + text + "\" không hợp lệ; dùng q1 (quý I), 6m (6 tháng), 9m (9 tháng) hoặc year (năm).");
}

std::map<Period, Rate> thresholds(const YAML::Node& node, const YamlFields& f) {
  if (!node.IsMap()) throw f.error(node, "\"thresholds\" ghi theo kỳ: { 6m: 50, year: 100 }.");
  std::map<Period, Rate> out;
  for (const auto& entry : node) {
    auto hundredths = entry.second.IsScalar() ? parse_rate_hundredths(entry.second.Scalar()) : std::nullopt;
    if (!hundredths || *hundredths > 10000)
      throw f.error(entry.second, "ngưỡng tiến độ phải là tỷ lệ từ 0 đến 100 (ví dụ 50).");
    out[period_of(entry.first, f)] = Rate{*hundredths};
  }
  return out;
}

std::vector<ReportDue> schedule(const YAML::Node& node, const YamlFields& f) {
  if (!node.IsMap()) throw f.error(node, "\"schedule\" ghi hạn nộp theo kỳ: { 6m: 10/06, year: 10/11 }.");
  std::vector<ReportDue> out;
  for (const auto& entry : node) {
    ReportDue due{period_of(entry.first, f), 0, 0, 0, entry.second.Mark().line + 1};
    char slash = 0;
    std::istringstream in(entry.second.IsScalar() ? entry.second.Scalar() : "");
    bool ok = (in >> due.day >> slash >> due.month) && slash == '/';
    if (ok && in.peek() == '/') ok = static_cast<bool>(in >> slash >> due.year) && due.year > 1900;  // 10/01/2023
    ok = ok && in.peek() == EOF && due.month >= 1 && due.month <= 12 && due.day >= 1 && due.day <= 31;
    if (!ok) throw f.error(entry.second, "hạn nộp ghi dạng ngày/tháng (10/06) hoặc ngày/tháng/năm (10/01/2023).");
    out.push_back(due);
  }
  return out;
}

}  // namespace

ReportSettings read_report_settings(const YAML::Node& node, const YamlFields& f) {
  if (!node.IsMap()) throw f.error(node, "\"reports\" gồm symbol, addressees, recipients, thresholds, schedule và phần riêng từng kỳ (q1, 6m, 9m, year).");
  ReportSettings settings;
  for (const auto& entry : node) {
    const std::string key = f.key(entry.first);
    const YAML::Node& value = entry.second;
    if (key == "symbol") settings.symbol = f.text(value, "symbol");
    else if (key == "addressees") settings.addressees = f.paragraphs(value, "addressees");
    else if (key == "recipients") settings.recipients = f.paragraphs(value, "recipients");
    else if (key == "thresholds") settings.thresholds = thresholds(value, f);
    else if (key == "schedule") settings.schedule = schedule(value, f);
    else if (auto period = parse_period(key)) {
      if (!value.IsMap()) throw f.error(value, "phần của kỳ " + key + " gồm number, date, sections.");
      f.allow(value, {"number", "date", "sections"});
      PeriodReport& report = settings.periods[*period];
      if (YamlFields::present(value["number"])) report.number = static_cast<int>(f.integer(value["number"], "number", 1, 99999));
      if (YamlFields::present(value["date"])) report.date = f.date(value["date"]);
      if (YamlFields::present(value["sections"])) {
        if (!value["sections"].IsMap()) throw f.error(value["sections"], "\"sections\" ghi theo tên phần.");
        for (const auto& section : value["sections"]) {
          const std::string name = f.key(section.first);
          report.sections[name] = f.paragraphs(section.second, name.c_str());
          report.section_lines[name] = section.first.Mark().line + 1;
        }
      }
    } else {
      throw f.error(entry.first, "khóa \"" + key + "\" không có trong phần reports; các khóa dùng được: symbol, addressees, "
                                 "recipients, thresholds, schedule, q1, 6m, 9m, year.");
    }
  }
  return settings;
}

}  // namespace kehoach
