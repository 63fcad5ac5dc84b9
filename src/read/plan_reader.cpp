#include "read/plan_reader.h"

#include <algorithm>
#include <filesystem>

#include "model/date.h"
#include "model/input_error.h"
#include "package/file_bytes.h"
#include "read/plan_text_reader.h"
#include "read/report_settings_reader.h"
#include "read/target_fields.h"
#include "read/yaml_fields.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

class PlanParser : private YamlFields {
 public:
  explicit PlanParser(const std::string& path) : YamlFields(path, "tệp kế hoạch") {}

  Plan parse(const YAML::Node& root) {
    if (!root.IsMap()) throw error(root, "tệp kế hoạch phải là danh sách khóa: giá trị (xem ví dụ trong README).");
    allow(root, {"year", "issuer", "document", "statistics", "records", "appendix", "targets", "template", "title", "summary",
                 "legal_bases", "preamble", "goals", "agencies", "reporting", "recipients", "signature", "sections",
                 "projects", "reports"});
    Plan plan;
    plan.file = path();
    plan.year = integer(required(root, "year"), "year", 1900, 2200);
    read_issuer(required(root, "issuer"), plan);
    if (present(root["document"])) read_document(root["document"], plan);
    read_start_counts(root, plan);
    if (present(root["appendix"])) read_appendix(root["appendix"], plan);
    read_targets(required(root, "targets"), plan);
    plan.text = read_plan_text(root, *this);
    if (present(root["reports"])) plan.reports = read_report_settings(root["reports"], *this);
    check_schedule_days(plan);
    return plan;
  }

 private:
  // A due date that is not in the calendar ("31/06", "29/02" of 2023) is named here, at its line, since
  // the date arithmetic that comes later cannot use it.
  void check_schedule_days(const Plan& plan) const {
    for (const ReportDue& due : plan.reports.schedule) {
      const int year = due.year ? due.year : plan.year;
      if (due.day <= days_in_month(year, due.month)) continue;
      auto two_digits = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
      throw InputError(Location{path(), due.source_line, {}, {}},
                       "hạn nộp " + two_digits(due.day) + "/" + two_digits(due.month) + " không có trong năm " +
                           std::to_string(year) + ": tháng " + std::to_string(due.month) + " có " +
                           std::to_string(days_in_month(year, due.month)) + " ngày.");
    }
  }

  void read_issuer(const YAML::Node& node, Plan& plan) const {
    if (!node.IsMap()) throw error(node, "\"issuer\" phải gồm các khóa parent, body, unit, place.");
    allow(node, {"parent", "body", "unit", "place"});
    // Names, as unit names are: printed in messages and on the documents' first lines.
    if (node["parent"]) plan.parent_body = unit_name(node["parent"], "parent");
    plan.issuing_body = unit_name(required(node, "body"), "body");
    plan.unit = unit_name(required(node, "unit"), "unit");
    plan.issuer_line = node["unit"].Mark().line + 1;
    plan.place = node["place"] ? unit_name(node["place"], "place") : "";
  }

  void read_document(const YAML::Node& node, Plan& plan) const {
    if (!node.IsMap()) throw error(node, "\"document\" phải gồm các khóa number, symbol, date.");
    allow(node, {"number", "symbol", "date"});
    if (node["number"] && !node["number"].IsNull()) plan.number = static_cast<int>(integer(node["number"], "number", 1, 99999));
    if (node["symbol"]) plan.symbol = text(node["symbol"], "symbol");
    if (node["date"] && !node["date"].IsNull()) plan.date = date(node["date"]);
  }

  // The start of the year: a statistics table, or the household records to compute it from.
  void read_start_counts(const YAML::Node& root, Plan& plan) const {
    if (present(root["statistics"]) && present(root["records"]))
      throw error(root["records"], "chỉ ghi một trong hai: statistics (bảng số liệu thôn) hoặc records (danh sách hộ).");
    if (present(root["records"])) return read_records(root["records"], plan);
    if (!present(root["statistics"]))
      throw error(root, "thiếu khóa \"statistics\" (bảng số liệu thôn) hoặc \"records\" (danh sách hộ rà soát).");
    read_statistics(root["statistics"], plan);
  }

  std::string beside_plan(const std::string& file) const {
    return (std::filesystem::path(path()).parent_path() / file).lexically_normal().string();
  }

  void read_records(const YAML::Node& node, Plan& plan) const {
    RecordsSource records;
    if (node.IsMap()) {
      allow(node, {"file", "sheet", "standard", "skip_bad_rows"});
      records.path = beside_plan(text(required(node, "file"), "file"));
      if (present(node["sheet"])) records.sheet = text(node["sheet"], "sheet");
      if (present(node["standard"])) records.standard = beside_plan(text(node["standard"], "standard"));
      if (present(node["skip_bad_rows"])) records.skip_bad_rows = flag(node["skip_bad_rows"], "skip_bad_rows");
    } else {
      records.path = beside_plan(text(node, "records"));
    }
    plan.records = records;
  }

  bool flag(const YAML::Node& node, const char* key) const {
    const std::string value = node.IsScalar() ? fold(node.Scalar()) : "";
    if (value == "true" || value == "yes" || value == "co") return true;
    if (value == "false" || value == "no" || value == "khong") return false;
    throw error(node, std::string("\"") + key + "\" phải là true (có) hoặc false (không).");
  }

  void read_statistics(const YAML::Node& node, Plan& plan) const {
    std::string file;
    if (node.IsMap()) {
      allow(node, {"file", "sheet"});
      file = text(required(node, "file"), "file");
      if (node["sheet"]) plan.statistics_sheet = text(node["sheet"], "sheet");
    } else {
      file = text(node, "statistics");
    }
    const std::filesystem::path folder = std::filesystem::path(path()).parent_path();
    plan.statistics_path = (folder / file).lexically_normal().string();
  }

  void read_appendix(const YAML::Node& node, Plan& plan) const {
    if (!node.IsMap()) throw error(node, "\"appendix\" phải gồm các khóa label, title, unit_label.");
    allow(node, {"label", "title", "unit_label"});
    if (node["label"]) plan.appendix_label = text(node["label"], "label");
    if (node["title"]) plan.appendix_title = text(node["title"], "title");
    if (node["unit_label"]) plan.unit_label = text(node["unit_label"], "unit_label");
  }

  void read_targets(const YAML::Node& node, Plan& plan) const {
    if (!node.IsMap()) throw error(node, "\"targets\" phải gồm poor (hộ nghèo) và/hoặc near_poor (hộ cận nghèo).");
    allow(node, {"poor", "near_poor"});
    if (node["poor"]) plan.targets.push_back(target(node["poor"], Indicator::Poor));
    if (node["near_poor"]) plan.targets.push_back(target(node["near_poor"], Indicator::NearPoor));
    if (plan.targets.empty()) throw error(node, "chưa có chỉ tiêu nào; hãy ghi poor hoặc near_poor.");
  }

  Target target(const YAML::Node& node, Indicator indicator) const { return read_target(node, indicator, *this, true); }
};

}  // namespace

Plan parse_plan(const std::string& yaml, const std::string& path) {
  return parse_yaml(yaml, path, [&](const YAML::Node& root) { return PlanParser(path).parse(root); });
}

Plan read_plan(const std::string& path) { return parse_plan(read_file_bytes(path, InputKind::Yaml), path); }

}  // namespace kehoach
