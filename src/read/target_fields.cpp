#include "read/target_fields.h"

#include <set>

#include "text/number_text.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

Rate rate(const YAML::Node& node, const YamlFields& f) {
  auto hundredths = node.IsScalar() ? parse_rate_hundredths(node.Scalar()) : std::nullopt;
  if (!hundredths || *hundredths > 10000)
    throw f.error(node, "tỷ lệ \"" + (node.IsScalar() ? node.Scalar() : std::string()) +
                            "\" không hợp lệ; hãy ghi như 4,93% (tối đa 2 chữ số thập phân, từ 0 đến 100).");
  return Rate{*hundredths};
}

std::vector<FixedFigure> fixed_figures(const YAML::Node& node, const YamlFields& f) {
  if (!node.IsMap()) throw f.error(node, "\"fixed\" phải là danh sách \"tên đơn vị: số hộ\" hoặc \"tên đơn vị: all\".");
  std::vector<FixedFigure> figures;
  std::set<std::string> seen;
  for (const auto& entry : node) {
    FixedFigure figure;
    figure.unit = f.checked_unit_name(entry.first, clean_text(f.key(entry.first)));
    if (!seen.insert(name_key(figure.unit)).second)
      throw f.error(entry.first, "\"" + figure.unit + "\" được ghi hai lần trong fixed.");
    read_fixed_value(entry.second, f, figure);
    figures.push_back(figure);
  }
  return figures;
}

}  // namespace

void read_fixed_value(const YAML::Node& node, const YamlFields& f, FixedFigure& figure) {
  const std::string value = node.IsScalar() ? fold(node.Scalar()) : "";
  if (value == "all" || value == "het" || value == "tat ca") figure.all = true;
  else figure.reduction = f.integer(node, "fixed", 0, 100000000);
}

Target read_target(const YAML::Node& node, Indicator indicator, const YamlFields& f, bool allow_fixed) {
  if (!node.IsMap()) throw f.error(node, "chỉ tiêu phải ghi bằng reduce (số hộ giảm) hoặc end_rate (tỷ lệ cuối năm).");
  if (allow_fixed) f.allow(node, {"reduce", "end_rate", "fixed"});
  else f.allow(node, {"reduce", "end_rate"});
  Target t;
  t.indicator = indicator;
  if (node["reduce"] && node["end_rate"])
    throw f.error(node, "chỉ ghi một trong hai: reduce (số hộ giảm) hoặc end_rate (tỷ lệ cuối năm), không ghi cả hai.");
  if (node["reduce"]) t.reduce = f.integer(node["reduce"], "reduce", 0, 100000000);
  else if (node["end_rate"]) t.end_rate = rate(node["end_rate"], f);
  else throw f.error(node, "thiếu reduce (số hộ giảm, ví dụ reduce: 27) hoặc end_rate (tỷ lệ cuối năm, ví dụ end_rate: 4,93%).");
  if (allow_fixed && node["fixed"]) t.fixed = fixed_figures(node["fixed"], f);
  return t;
}

}  // namespace kehoach
