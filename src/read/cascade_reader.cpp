#include "read/cascade_reader.h"

#include <filesystem>

#include "model/input_error.h"
#include "model/unit_limits.h"
#include "package/file_bytes.h"
#include "read/target_fields.h"
#include "read/yaml_fields.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

class CascadeParser : private YamlFields {
 public:
  explicit CascadeParser(const std::string& path) : YamlFields(path, "tệp phân bổ") {}

  CascadeSpec parse(const YAML::Node& root) const {
    if (!root.IsMap()) throw error(root, "tệp phân bổ phải là danh sách khóa: giá trị (xem README, mục \"Cả tỉnh một lần\").");
    allow(root, {"year", "units", "records", "targets", "fixed", "plans"});
    CascadeSpec spec;
    spec.file = path();
    spec.year = static_cast<int>(integer(required(root, "year"), "year", 1900, 2200));
    read_units(root, spec);
    read_targets(required(root, "targets"), spec);
    if (present(root["fixed"])) read_fixed(root["fixed"], spec);
    if (present(root["plans"])) read_plans(root["plans"], spec);
    return spec;
  }

 private:
  std::string beside(const std::string& file) const {
    return (std::filesystem::path(path()).parent_path() / file).lexically_normal().string();
  }

  void read_units(const YAML::Node& root, CascadeSpec& spec) const {
    if (present(root["units"]) == present(root["records"]))
      throw error(root, "ghi một trong hai: units (bảng đơn vị có số hộ từng thôn) hoặc records (danh sách hộ).");
    if (present(root["records"])) {
      const YAML::Node node = root["records"];
      RecordsSource records;
      if (node.IsMap()) {
        allow(node, {"file", "sheet", "standard"});
        records.path = beside(text(required(node, "file"), "file"));
        if (present(node["sheet"])) records.sheet = text(node["sheet"], "sheet");
        if (present(node["standard"])) records.standard = beside(text(node["standard"], "standard"));
      } else {
        records.path = beside(text(node, "records"));
      }
      spec.records = records;
      return;
    }
    const YAML::Node node = root["units"];
    if (node.IsMap()) {
      allow(node, {"file", "sheet"});
      spec.units_path = beside(text(required(node, "file"), "file"));
      if (present(node["sheet"])) spec.units_sheet = text(node["sheet"], "sheet");
    } else {
      spec.units_path = beside(text(node, "units"));
    }
  }

  void read_targets(const YAML::Node& node, CascadeSpec& spec) const {
    if (!node.IsMap()) throw error(node, "\"targets\" phải gồm poor (hộ nghèo) và/hoặc near_poor (hộ cận nghèo).");
    allow(node, {"poor", "near_poor"});
    if (present(node["poor"])) spec.targets.push_back(read_target(node["poor"], Indicator::Poor, *this, false));
    if (present(node["near_poor"])) spec.targets.push_back(read_target(node["near_poor"], Indicator::NearPoor, *this, false));
    if (spec.targets.empty()) throw error(node, "chưa có chỉ tiêu nào; hãy ghi poor hoặc near_poor.");
  }

  // fixed: { "Xã A / Thôn 1": { poor: 2, near_poor: all } }
  void read_fixed(const YAML::Node& node, CascadeSpec& spec) const {
    if (!node.IsMap()) throw error(node, "\"fixed\" phải là danh sách \"đơn vị: { poor: số hộ, near_poor: all }\".");
    for (const auto& entry : node) {
      const std::string written = key(entry.first);
      const std::vector<std::string> unit_path = split_unit_path(written);
      if (unit_path.empty()) throw error(entry.first, "thiếu tên đơn vị.");
      if (unit_path.size() > kMostUnitLevels)
        throw error(entry.first, "đường dẫn đơn vị có " + std::to_string(unit_path.size()) + " cấp; kehoach nhận tối đa " +
                                     std::to_string(kMostUnitLevels) + " cấp.");
      for (const auto& name : unit_path) checked_unit_name(entry.first, name);
      if (!entry.second.IsMap())
        throw error(entry.second, "số cố định của \"" + written + "\" phải ghi như { poor: 3 } hoặc { near_poor: all }.");
      allow(entry.second, {"poor", "near_poor"});
      for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
        const YAML::Node value = entry.second[indicator_key(indicator)];
        if (!present(value)) continue;
        CascadeFixed fixed{unit_path, indicator, {}, value.Mark().line + 1};
        fixed.figure.unit = unit_path.back();
        read_fixed_value(value, *this, fixed.figure);
        spec.fixed.push_back(fixed);
      }
    }
  }

  void read_plans(const YAML::Node& node, CascadeSpec& spec) const {
    if (!node.IsMap()) throw error(node, "\"plans\" phải gồm level (cấp lập kế hoạch), template (mẫu).");
    allow(node, {"level", "template", "body", "date"});
    if (present(node["date"])) spec.date = date(node["date"]);
    if (present(node["level"])) spec.plan_level = text(node["level"], "level");
    if (present(node["template"])) spec.template_name = text(node["template"], "template");
    if (present(node["body"])) spec.issuing_body = unit_name(node["body"], "body");
  }
};

}  // namespace

std::vector<std::string> split_unit_path(const std::string& text) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t slash = std::min(text.find(" / ", start), text.size());
    const std::string name = clean_text(text.substr(start, slash - start));
    if (!name.empty()) names.push_back(name);
    start = slash + 3;
  }
  return names;
}

CascadeSpec parse_cascade(const std::string& yaml, const std::string& path) {
  return parse_yaml(yaml, path, [&](const YAML::Node& root) { return CascadeParser(path).parse(root); });
}

CascadeSpec read_cascade(const std::string& path) { return parse_cascade(read_file_bytes(path, InputKind::Yaml), path); }

}  // namespace kehoach
