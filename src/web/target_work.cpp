#include "web/target_work.h"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <map>
#include <set>

#include "app/run_batch.h"
#include "compute/cascade.h"
#include "compute/household_tally.h"
#include "compute/rate.h"
#include "compute/target_assignment.h"
#include "model/input_error.h"
#include "model/unit_level.h"
#include "read/cascade_reader.h"
#include "read/unit_tree_reader.h"
#include "store/accounts.h"
#include "text/number_text.h"
#include "text/number_words.h"
#include "text/unicode.h"
#include "web/form_text.h"
#include "web/html.h"
#include "web/table_form.h"
#include "web/yaml_lines.h"

namespace kehoach {
namespace {

constexpr int kMostFixedRows = 500;
constexpr long long kMostHouseholds = 100000000;

const char* indicator_part(Indicator indicator) { return indicator == Indicator::Poor ? "ngheo" : "can-ngheo"; }
std::string kind_field(Indicator indicator) { return std::string("chi-tieu-") + indicator_part(indicator); }
std::string value_field(Indicator indicator) { return std::string("gia-tri-") + indicator_part(indicator); }
std::string row_field(std::size_t row, const std::string& part) { return "co-dinh-" + std::to_string(row + 1) + "-" + part; }
std::string row_field(std::size_t row, Indicator indicator) { return row_field(row, indicator_part(indicator)); }

const std::string& kind_of(const TargetForm& form, Indicator indicator) {
  return indicator == Indicator::Poor ? form.poor_kind : form.near_poor_kind;
}
const std::string& value_of(const TargetForm& form, Indicator indicator) {
  return indicator == Indicator::Poor ? form.poor_value : form.near_poor_value;
}
const std::string& figure_of(const FixedRowFields& row, Indicator indicator) {
  return indicator == Indicator::Poor ? row.poor : row.near_poor;
}

bool is_all_word(const std::string& value) {
  const std::string folded = fold(value);
  return folded == "all" || folded == "het" || folded == "tat ca";
}

std::string path_text(const std::vector<std::string>& path) {
  std::string text;
  for (const std::string& name : path) text += (text.empty() ? "" : " / ") + name;
  return text;
}

std::string path_key(const std::vector<std::string>& path) {
  std::string key;
  for (const std::string& name : path) key += name_key(name) + '\n';
  return key;
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw OutputError("không ghi được tệp tạm " + path + ".");
}

// ---- The units and their names ------------------------------------------------------------------------------

// The units below the province as the fixed figures name them: the province (0), its units, their villages.
struct Lookup {
  struct Node {
    std::string name;
    std::vector<int> children;
    int parent = -1;
  };
  std::vector<Node> nodes;

  explicit Lookup(const TargetSource& source) {
    nodes.push_back({source.top.full_name(), {}, -1});
    std::vector<int> node_of_unit;
    for (const SplitUnit& unit : source.units) {
      const int parent = unit.parent < 0 ? 0 : node_of_unit[static_cast<std::size_t>(unit.parent)];
      node_of_unit.push_back(add(unit.unit.full_name(), parent));
      if (unit.table && unit.table->check.statistics)
        for (const UnitStatistics& village : unit.table->check.statistics->units) add(village.name, node_of_unit.back());
    }
  }

  int add(const std::string& name, int parent) {
    nodes.push_back({name, {}, parent});
    const int node = static_cast<int>(nodes.size() - 1);
    nodes[static_cast<std::size_t>(parent)].children.push_back(node);
    return node;
  }

  // The child named `typed`: by its name as name_key compares it, else by its name without the level word when
  // only one child has that. -1: none; -2: several.
  int child(int parent, const std::string& typed) const {
    const std::string key = name_key(typed);
    const std::string place = name_key(split_level(typed).place);
    int by_place = -1, places = 0;
    for (int child : nodes[static_cast<std::size_t>(parent)].children) {
      const std::string& name = nodes[static_cast<std::size_t>(child)].name;
      if (name_key(name) == key) return child;
      if (name_key(split_level(name).place) == place) by_place = child, ++places;
    }
    return places == 1 ? by_place : places > 1 ? -2 : -1;
  }

  std::vector<std::string> path(int node) const {
    std::vector<std::string> names;
    for (; node > 0; node = nodes[static_cast<std::size_t>(node)].parent) names.insert(names.begin(), nodes[static_cast<std::size_t>(node)].name);
    return names;
  }

  // The unit a typed path names, or why not.
  struct Found {
    std::vector<std::string> path;  // as the units are named
    std::string problem;
  };
  Found find(const std::string& typed) const {
    const std::vector<std::string> names = split_unit_path(typed);
    if (names.empty()) return {{}, "Hãy ghi đơn vị được giao số cố định."};
    int node = 0;
    for (const std::string& name : names) {
      const int found = child(node, name);
      const std::string where = node == 0 ? nodes.front().name : path_text(path(node));
      if (found == -2)
        return {{}, "Có hai đơn vị tên \"" + name + "\" thuộc " + where + "; hãy ghi cả cấp (ví dụ \"Xã " +
                        split_level(name).place + "\")."};
      if (found < 0) {
        std::string hint;
        for (int c : nodes[static_cast<std::size_t>(node)].children)
          if (fold(nodes[static_cast<std::size_t>(c)].name) == fold(name) ||
              fold(split_level(nodes[static_cast<std::size_t>(c)].name).place) == fold(split_level(name).place))
            hint = " Có phải là \"" + nodes[static_cast<std::size_t>(c)].name + "\"?";
        return {{}, "Không có đơn vị \"" + name + "\" thuộc " + where + "." +
                        (hint.empty() ? " Ghi đường dẫn từ dưới tỉnh, các cấp cách nhau bằng \" / \" (ví dụ \"Xã An Hòa "
                                        "Thịnh / Thôn Sâm Cồn\"), hoặc chọn trong danh sách gợi ý."
                                      : hint)};
      }
      node = found;
    }
    return {path(node), ""};
  }
};

// ---- The form -----------------------------------------------------------------------------------------------

void check_targets(const TargetForm& form, FormErrors& errors) {
  if (kind_of(form, Indicator::Poor) == "khong" && kind_of(form, Indicator::NearPoor) == "khong")
    errors.add(kind_field(Indicator::Poor), "Hãy đặt ít nhất một chỉ tiêu: giảm hộ nghèo hoặc giảm hộ cận nghèo.");
  for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
    const std::string& kind = kind_of(form, indicator);
    const std::string value = clean_text(value_of(form, indicator));
    const std::string words = indicator_households(indicator);
    if (kind == "ty-le") {
      const std::optional<long long> rate = parse_rate_hundredths(value);
      if (value.empty()) errors.add(value_field(indicator), "Hãy nhập tỷ lệ " + words + " cuối năm của tỉnh, ví dụ 3,20.");
      else if (!rate || *rate > 10000)
        errors.add(value_field(indicator), "Tỷ lệ " + words + " \"" + value +
                                               "\" không hợp lệ; hãy ghi như 3,20 (tối đa 2 chữ số thập phân, từ 0 đến 100).");
    } else if (kind == "so-ho") {
      const CountText count = parse_count(value);
      if (value.empty()) errors.add(value_field(indicator), "Hãy nhập số " + words + " tỉnh giảm trong năm, ví dụ 800.");
      else if (count.status != CountText::Status::Ok || count.value > kMostHouseholds)
        errors.add(value_field(indicator), "Số " + words + " giảm phải là số hộ, ví dụ 800, không phải \"" + value + "\".");
    } else if (kind != "khong") {
      errors.add(kind_field(indicator), "Hãy chọn cách đặt chỉ tiêu " + words + ".");
    }
  }
}

// The fixed rows checked and their units found: the paths as the units name them (empty for a blank row).
std::vector<std::vector<std::string>> check_fixed(const TargetForm& form, const Lookup& lookup, FormErrors& errors) {
  std::vector<std::vector<std::string>> paths(form.fixed.size());
  std::map<std::string, std::size_t> seen;  // path key → row
  for (std::size_t i = 0; i < form.fixed.size(); ++i) {
    const FixedRowFields& row = form.fixed[i];
    if (row.blank()) continue;
    if (!is_valid_utf8(row.unit)) {
      errors.add(row_field(i, "don-vi"), "Có ký tự không đọc được (không phải chữ UTF-8); hãy gõ lại ô này.");
      continue;
    }
    bool any = false;
    for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
      const std::string figure = clean_text(figure_of(row, indicator));
      if (figure.empty()) continue;
      any = true;
      const std::string words = indicator_households(indicator);
      const std::string who = row.unit.empty() ? "đơn vị này" : row.unit;
      if (kind_of(form, indicator) == "khong") {
        errors.add(row_field(i, indicator), "Chưa đặt chỉ tiêu " + words + " của tỉnh nên không giao số cố định cho " + who +
                                                " được; hãy đặt chỉ tiêu hoặc xoá số này.");
        continue;
      }
      const CountText count = parse_count(figure);
      if (!is_all_word(figure) && (count.status != CountText::Status::Ok || count.value > kMostHouseholds))
        errors.add(row_field(i, indicator), "Số " + words + " giao cố định cho " + who +
                                                " phải là số hộ giảm (ví dụ 2) hoặc \"hết\", không phải \"" + figure + "\".");
    }
    if (!any) {
      errors.add(row_field(i, "ngheo"), "Hãy ghi số hộ nghèo hoặc hộ cận nghèo giao cố định cho " +
                                            (row.unit.empty() ? std::string("dòng này") : row.unit) + ", hoặc xoá dòng.");
      continue;
    }
    const Lookup::Found found = lookup.find(row.unit);
    if (!found.problem.empty()) {
      errors.add(row_field(i, "don-vi"), found.problem);
      continue;
    }
    const auto [previous, added] = seen.emplace(path_key(found.path), i);
    if (!added) {
      errors.add(row_field(i, "don-vi"), path_text(found.path) + " đã có ở dòng " + std::to_string(previous->second + 1) +
                                             "; mỗi đơn vị ghi một dòng.");
      continue;
    }
    paths[i] = found.path;
  }
  return paths;
}

// The cascade file of the form, each line remembering its field.
YamlText cascade_yaml(const TargetForm& form, const std::vector<std::vector<std::string>>& paths, int year) {
  YamlLines yaml;
  yaml.add("# Chỉ tiêu giảm nghèo giao trên trang web của kehoach (kehoach serve). Chia lại, lập dự thảo kế hoạch");
  yaml.add("# của mọi xã bằng dòng lệnh, với bảng đơn vị " + std::string(kUnitsFile) + " bên cạnh:");
  yaml.add("#   kehoach batch " + std::string(kCascadeFile) + " -o THU-MUC");
  yaml.add("year: " + std::to_string(year));
  yaml.add(std::string("units: ") + kUnitsFile);
  yaml.add("targets:", kind_field(Indicator::Poor));
  for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
    const std::string& kind = kind_of(form, indicator);
    const std::string value = clean_text(value_of(form, indicator));
    if (kind != "ty-le" && kind != "so-ho") continue;
    yaml.add(std::string("  ") + indicator_key(indicator) + ":", value_field(indicator));
    if (kind == "ty-le") yaml.value("    ", "end_rate", value.ends_with("%") ? value : value + "%", value_field(indicator));
    else yaml.value("    ", "reduce", value, value_field(indicator));
  }
  bool any = false;
  for (std::size_t i = 0; i < form.fixed.size(); ++i) {
    if (paths[i].empty()) continue;
    if (!any) yaml.add("fixed:", row_field(i, "don-vi"));
    any = true;
    yaml.add("  " + yaml_quoted(path_text(paths[i])) + ":", row_field(i, "don-vi"));
    for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
      const std::string figure = clean_text(figure_of(form.fixed[i], indicator));
      if (!figure.empty()) yaml.value("    ", indicator_key(indicator), figure, row_field(i, indicator));
    }
  }
  return yaml.done();
}

// ---- The units table ---------------------------------------------------------------------------------------

// Each unit's names from below the province, and the depth of the communes.
std::vector<std::vector<std::string>> split_paths(const TargetSource& source) {
  std::vector<std::vector<std::string>> paths;
  for (const SplitUnit& unit : source.units) {
    std::vector<std::string> path = unit.parent < 0 ? std::vector<std::string>{} : paths[static_cast<std::size_t>(unit.parent)];
    path.push_back(unit.unit.full_name());
    paths.push_back(std::move(path));
  }
  return paths;
}

// don-vi.csv: a row per village with its units above it, as `kehoach batch` reads a units table.
std::string units_csv(const TargetSource& source) {
  const std::vector<std::vector<std::string>> paths = split_paths(source);
  std::size_t depth = 0;
  for (std::size_t i = 0; i < source.units.size(); ++i)
    if (source.units[i].table) depth = paths[i].size();
  std::string csv = "Tỉnh";
  for (std::size_t level = 1; level < depth; ++level) csv += ",Huyện";
  csv += ",Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n";
  for (std::size_t i = 0; i < source.units.size(); ++i) {
    const SplitUnit& unit = source.units[i];
    if (!unit.table || !unit.table->check.statistics) continue;
    std::string above = csv_cell(source.top.full_name());
    for (const std::string& name : paths[i]) above += "," + csv_cell(name);
    for (const UnitStatistics& village : unit.table->check.statistics->units)
      csv += above + "," + csv_cell(village.name) + "," + std::to_string(village.households) + "," +
             std::to_string(village.poor) + "," + std::to_string(village.near_poor) + "\n";
  }
  return csv;
}

// ---- Problems of the split --------------------------------------------------------------------------------------

// Where a target that cannot be met goes on the form: the figures fixed among the children of the unit where
// the split failed (the one the message quotes, else the first), else the figure fixed for that unit itself, else
// the target.
std::string split_problem_field(const std::string& problem, Indicator indicator, const TargetForm& form,
                                const std::vector<std::vector<std::string>>& paths) {
  std::vector<std::string> at;  // the unit whose children's table failed; empty for the province
  const std::string prefix = "khi chia chỉ tiêu của ";
  if (const std::size_t start = problem.find(prefix); start != std::string::npos) {
    const std::size_t end = problem.find(" cho các đơn vị cấp dưới", start);
    if (end != std::string::npos) at = split_unit_path(problem.substr(start + prefix.size(), end - start - prefix.size()));
  }
  const std::string at_key = path_key(at);
  std::string first, quoted, own;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (paths[i].empty() || clean_text(figure_of(form.fixed[i], indicator)).empty()) continue;
    const std::vector<std::string>& path = paths[i];
    if (path_key(path) == at_key) own = row_field(i, indicator);
    if (path.size() != at.size() + 1 || path_key({path.begin(), path.end() - 1}) != at_key) continue;
    if (first.empty()) first = row_field(i, indicator);
    if (quoted.empty() && problem.find("\"" + path.back() + "\"") != std::string::npos) quoted = row_field(i, indicator);
  }
  if (!quoted.empty()) return quoted;
  if (!first.empty()) return first;
  if (!own.empty()) return own;
  return value_field(indicator);
}

// The split's problem at its field: each indicator split alone to find which one fails.
void add_split_problem(const InputError& error, const TargetSplit& split, const TargetForm& form,
                       const std::vector<std::vector<std::string>>& paths, FormErrors& errors) {
  try {
    const CascadeSpec spec = read_cascade(split.cascade_path);
    UnitTree tree = read_unit_tree(split.units_path);
    roll_up(tree);
    for (const Target& target : spec.targets) {
      CascadeSpec alone = spec;
      alone.targets = {target};
      alone.fixed.clear();
      for (const CascadeFixed& fixed : spec.fixed)
        if (fixed.indicator == target.indicator) alone.fixed.push_back(fixed);
      try {
        split_cascade(tree, alone);
      } catch (const InputError& e) {
        errors.add(split_problem_field(e.problem(), target.indicator, form, paths), e.problem());
        return;
      }
    }
  } catch (const InputError&) {  // not the split but the files that failed: the message as it came, at the target
  }
  errors.add(value_field(kind_of(form, Indicator::Poor) == "khong" ? Indicator::NearPoor : Indicator::Poor), error.problem());
}

// ---- The rows of a split ----------------------------------------------------------------------------------

std::vector<AssignmentRow> rows_of(const CascadeFigures& figures, const TargetSource& source) {
  const std::vector<std::vector<std::string>> paths = split_paths(source);
  std::map<std::string, std::size_t> unit_of;  // path key → index of source.units
  for (std::size_t i = 0; i < paths.size(); ++i) unit_of.emplace(path_key(paths[i]), i);
  std::map<std::string, int> position_of;
  std::vector<AssignmentRow> rows;
  for (const AssignedUnit& unit : assigned_units(figures.tree, figures.cascade, figures.spec)) {
    AssignmentRow row;
    row.position = static_cast<int>(rows.size());
    row.households = unit.households;
    row.figures = unit.figures;
    if (unit.path.empty()) {
      row.unit_id = source.top.id;
      row.name = source.top.full_name();
    } else {
      row.name = unit.path.back();
      row.parent = position_of.at(path_key({unit.path.begin(), unit.path.end() - 1}));
      if (const auto found = unit_of.find(path_key(unit.path)); found != unit_of.end()) {
        const SplitUnit& split_unit = source.units[found->second];
        row.unit_id = split_unit.unit.id;
        if (split_unit.table) row.table_version = split_unit.table->version.id;
      }
    }
    position_of.emplace(path_key(unit.path), row.position);
    rows.push_back(std::move(row));
  }
  return rows;
}

// ---- HTML -------------------------------------------------------------------------------------------------

std::string count_cell(long long count) { return "<td class=\"number\">" + format_count(count) + "</td>"; }
std::string rate_cell(long long count, long long total) {
  return "<td class=\"number\">" + format_rate(rate_of(count, total)) + "</td>";
}

std::string figure_cells(const AssignmentRow& row) {
  std::string cells;
  for (const AssignedFigure& f : row.figures)
    cells += count_cell(f.start) + rate_cell(f.start, row.households) + "<td class=\"number\">" + format_count(f.reduction) +
             (f.fixed == FixedKind::Split ? "" : "<abbr title=\"giao cố định\">*</abbr>") + "</td>" +
             count_cell(f.start - f.reduction) + rate_cell(f.start - f.reduction, row.households);
  return cells;
}

std::string table_head(const std::vector<AssignedFigure>& figures, int year, const std::string& unit_label) {
  std::string head = "<thead>\n<tr><th scope=\"col\" rowspan=\"2\">TT</th><th scope=\"col\" rowspan=\"2\">" +
                     escape_html(unit_label) + "</th><th scope=\"col\" rowspan=\"2\" class=\"number\">Tổng số hộ</th>";
  std::string second;
  for (const AssignedFigure& f : figures) {
    head += "<th scope=\"colgroup\" colspan=\"2\">" + escape_html(stage_heading(f.indicator, Stage::Start, year)) +
            "</th><th scope=\"col\" rowspan=\"2\" class=\"number\">" +
            escape_html(stage_heading(f.indicator, Stage::Reduction, year)) + "</th><th scope=\"colgroup\" colspan=\"2\">" +
            escape_html(stage_heading(f.indicator, Stage::End, year)) + "</th>";
    second += "<th scope=\"col\" class=\"number\">Số hộ</th><th scope=\"col\" class=\"number\">Tỷ lệ (%)</th>"
              "<th scope=\"col\" class=\"number\">Số hộ</th><th scope=\"col\" class=\"number\">Tỷ lệ (%)</th>";
  }
  return head + "</tr>\n<tr>" + second + "</tr>\n</thead>\n";
}

std::string figures_table(const std::string& caption, const std::string& unit_label, const std::vector<const AssignmentRow*>& rows,
                          const AssignmentRow& total, int year) {
  std::string html = scroll_box(caption) + "<table class=\"table table--figures appendix-preview\">\n"
                     "<caption class=\"table-caption\">" + escape_html(caption) + "</caption>\n" +
                     table_head(total.figures, year, unit_label) + "<tbody>\n";
  int order = 0;
  for (const AssignmentRow* row : rows)
    html += "<tr><td>" + std::to_string(++order) + "</td><th scope=\"row\">" + escape_html(row->name) + "</th>" +
            count_cell(row->households) + figure_cells(*row) + "</tr>\n";
  return html + "</tbody>\n<tfoot><tr class=\"total\"><td></td><th scope=\"row\">" + escape_html(total.name) + "</th>" +
         count_cell(total.households) + figure_cells(total) + "</tr></tfoot>\n</table>\n</div>\n";
}

std::string figure_words(const AssignedFigure& figure) {
  return "giảm " + format_count(figure.reduction) + " " + indicator_households(figure.indicator);
}

std::string adjustment_state(const AdjustmentRecord& adjustment) {
  if (!adjustment.decision) return "<strong class=\"tag tag--submitted\">Chờ tỉnh trả lời</strong>";
  return adjustment.decision->agreed ? "<strong class=\"tag tag--approved\">Đã đồng ý</strong>"
                                     : "<strong class=\"tag tag--returned\">Không đồng ý</strong>";
}

}  // namespace

// ---- The province's side ------------------------------------------------------------------------------------

TargetSource target_source(const RequestContext& context, int year) {
  TargetSource source;
  source.top = *context.unit;
  std::optional<std::size_t> depth;
  // Depth first, each unit before the units below it; a district is kept only when communes are below it.
  auto walk = [&](auto& self, std::int64_t parent_id, int parent, std::size_t level) -> bool {
    bool any = false;
    for (const UnitRecord& child : child_units(context.db, parent_id)) {
      if (child.tier == Tier::Commune) {
        SplitUnit unit{child, parent, std::nullopt};
        if (const std::optional<VersionRecord> version = latest_version(context.db, child.id, year, WorkKind::VillageTable)) {
          VillageTable table = village_table_of(context, *version);
          if (table.check.statistics && !table.check.statistics->units.empty()) unit.table = std::move(table);
        }
        if (!unit.table) source.without_table.push_back(child);
        if (!depth) depth = level;
        else if (*depth != level) source.uneven.push_back(child);
        source.units.push_back(std::move(unit));
        any = true;
      } else if (child.tier == Tier::District) {
        source.units.push_back({child, parent, std::nullopt});
        const int index = static_cast<int>(source.units.size() - 1);
        if (self(self, child.id, index, level + 1)) any = true;
        else source.units.pop_back();
      }
    }
    return any;
  };
  walk(walk, source.top.id, -1, 1);
  return source;
}

TargetForm posted_target_form(const FormData& data) {
  TargetForm form;
  form.poor_kind = data.value("chi-tieu-ngheo");
  form.poor_value = clean_text(data.value("gia-tri-ngheo"));
  form.near_poor_kind = data.value("chi-tieu-can-ngheo");
  form.near_poor_value = clean_text(data.value("gia-tri-can-ngheo"));
  const CountText rows = parse_count(data.value("so-co-dinh"));
  const long long count = rows.status == CountText::Status::Ok ? std::min<long long>(rows.value, kMostFixedRows) : 0;
  for (long long i = 0; i < count; ++i) {
    const std::string prefix = "co-dinh-" + std::to_string(i + 1);
    form.fixed.push_back({clean_text(data.value(prefix + "-don-vi")), clean_text(data.value(prefix + "-ngheo")),
                          clean_text(data.value(prefix + "-can-ngheo"))});
  }
  return form;
}

TargetForm form_of_cascade(const CascadeSpec& spec) {
  TargetForm form;
  form.poor_kind = form.near_poor_kind = "khong";
  for (const Target& target : spec.targets) {
    std::string& kind = target.indicator == Indicator::Poor ? form.poor_kind : form.near_poor_kind;
    std::string& value = target.indicator == Indicator::Poor ? form.poor_value : form.near_poor_value;
    kind = target.end_rate ? "ty-le" : "so-ho";
    value = target.end_rate ? format_rate(*target.end_rate) : std::to_string(target.reduce.value_or(0));
  }
  std::map<std::string, std::size_t> row_of;
  for (const CascadeFixed& fixed : spec.fixed) {
    const std::string text = path_text(fixed.path);
    auto [found, added] = row_of.emplace(path_key(fixed.path), form.fixed.size());
    if (added) form.fixed.push_back({text, "", ""});
    (fixed.indicator == Indicator::Poor ? form.fixed[found->second].poor : form.fixed[found->second].near_poor) =
        fixed.figure.all ? "hết" : std::to_string(fixed.figure.reduction);
  }
  return form;
}

std::optional<TargetSplit> split_targets(const TargetSource& source, TargetForm& form, int year, const WorkFolder& folder,
                                         FormErrors& errors) {
  const Lookup lookup(source);
  check_targets(form, errors);
  const std::vector<std::vector<std::string>> paths = check_fixed(form, lookup, errors);
  if (!errors.empty()) return std::nullopt;
  TargetSplit split{{}, folder.file(kCascadeFile), folder.file(kUnitsFile)};
  const YamlText yaml = cascade_yaml(form, paths, year);
  write_text(split.cascade_path, yaml.text);
  write_text(split.units_path, units_csv(source));
  try {
    const CascadeFigures figures = split_cascade_file(split.cascade_path);
    split.rows = rows_of(figures, source);
    return split;
  } catch (const InputError& e) {
    const std::string field = e.where().source == split.cascade_path && e.where().row ? yaml.field_of_line(*e.where().row) : "";
    if (!field.empty()) errors.add(field, e.problem());
    else add_split_problem(e, split, form, paths, errors);
    return std::nullopt;
  }
}

std::vector<std::string> unit_paths(const TargetSource& source) {
  std::vector<std::string> list;
  const std::vector<std::vector<std::string>> paths = split_paths(source);
  for (std::size_t i = 0; i < source.units.size(); ++i) {
    const std::string base = path_text(paths[i]);
    list.push_back(base);
    if (source.units[i].table && source.units[i].table->check.statistics)
      for (const UnitStatistics& village : source.units[i].table->check.statistics->units)
        list.push_back(base + " / " + village.name);
  }
  return list;
}

std::string split_html(const std::vector<AssignmentRow>& rows, int year, const std::string& heading_id) {
  if (rows.empty()) return "";
  std::map<int, std::vector<const AssignmentRow*>> children;
  for (const AssignmentRow& row : rows)
    if (row.parent) children[*row.parent].push_back(&row);
  std::vector<const AssignmentRow*> units;  // every unit of the units table below the top
  for (const AssignmentRow& row : rows)
    if (row.parent && row.unit_id) units.push_back(&row);
  const AssignmentRow& top = rows.front();
  AssignmentRow total = top;
  total.name = kTotalLabel;
  std::string html = "<h3 id=\"" + heading_id + "-don-vi\">" + escape_html(top.name) + " và các đơn vị trực thuộc</h3>\n" +
                     figures_table("Chỉ tiêu năm " + std::to_string(year) + " của các đơn vị thuộc " + top.name, "Đơn vị",
                                   units, total, year);
  html += "<p class=\"hint\"><abbr title=\"giao cố định\">*</abbr> số giao cố định; các số khác chia theo tỷ lệ số hộ đầu "
          "năm, làm tròn theo phần dư lớn nhất để cộng lại đúng chỉ tiêu của đơn vị cấp trên.</p>\n";
  for (const AssignmentRow& row : rows) {
    if (!row.table_version) continue;
    AssignmentRow commune_total = row;
    commune_total.name = kTotalLabel;
    html += "<h3 id=\"" + heading_id + "-" + std::to_string(row.position) + "\">" + escape_html(row.name) + "</h3>\n" +
            figures_table("Chỉ tiêu năm " + std::to_string(year) + " của các thôn, tổ dân phố thuộc " + row.name, "Thôn, tổ dân phố",
                          children[row.position], commune_total, year);
  }
  return html;
}

// ---- The commune's side ------------------------------------------------------------------------------------

std::string reductions_text(const std::vector<AssignedFigure>& figures) {
  std::string text;
  for (const AssignedFigure& figure : figures) text += (text.empty() ? "" : ", ") + figure_words(figure);
  return text;
}

std::string day_of(std::int64_t seconds) { return vietnam_time(seconds).substr(0, 10); }

std::string account_name(const RequestContext& context, const std::optional<std::int64_t>& id) {
  if (!id) return "";
  const std::optional<AccountRecord> account = find_account(context.db, *id);
  return account ? account->display_name : "";
}

std::optional<CommuneTargets> commune_targets(const RequestContext& context, int year) {
  if (context.unit->tier != Tier::Commune) return std::nullopt;
  UnitRecord top = *context.unit;
  for (int steps = 0; top.parent_id && steps < 16; ++steps) {
    const std::optional<UnitRecord> parent = find_unit(context.db, *top.parent_id);
    if (!parent) return std::nullopt;
    top = *parent;
  }
  const std::vector<AssignmentRecord> assignments = assignments_of(context.db, top.id, year);
  if (assignments.empty()) return std::nullopt;
  const std::vector<AssignmentRow> rows = assignment_rows_of_unit(context.db, assignments.front().id, context.unit->id);
  if (rows.empty()) return std::nullopt;
  CommuneTargets targets{top, assignments.front(), {}, rows.front().table_version, {}, std::nullopt, std::nullopt, {}};
  targets.assigned.households = rows.front().households;
  targets.assigned.own = rows.front().figures;
  for (std::size_t i = 1; i < rows.size(); ++i) targets.assigned.parts.push_back({rows[i].name, rows[i].households, rows[i].figures});
  targets.requests = adjustments_of(context.db, targets.assignment.id, context.unit->id);
  for (const AdjustmentRecord& request : targets.requests) {
    if (!request.decision && !targets.pending && !targets.agreed) targets.pending = request;
    if (request.decision && request.decision->agreed && !targets.agreed) targets.agreed = request;
  }
  targets.in_force = targets.agreed ? adjustment_figures(context.db, targets.agreed->id) : targets.assigned;
  return targets;
}

void lay_targets_on(PlanForm& form, const CommuneTargets& targets, bool table_changed) {
  for (const AssignedFigure& own : targets.in_force.own) {
    (own.indicator == Indicator::Poor ? form.poor_kind : form.near_poor_kind) = "so-ho";
    (own.indicator == Indicator::Poor ? form.poor_value : form.near_poor_value) = std::to_string(own.reduction);
    for (FixedFields& fixed : form.fixed) (own.indicator == Indicator::Poor ? fixed.poor : fixed.near_poor).clear();
  }
  for (const UnitTargets::Part& part : targets.in_force.parts) {
    const std::string key = name_key(part.name);
    auto row = std::find_if(form.fixed.begin(), form.fixed.end(), [&](const FixedFields& f) { return name_key(f.village) == key; });
    for (const AssignedFigure& figure : part.figures) {
      if (figure.fixed == FixedKind::Split && !table_changed) continue;
      if (row == form.fixed.end()) row = form.fixed.insert(form.fixed.end(), FixedFields{part.name, "", ""});
      (figure.indicator == Indicator::Poor ? row->poor : row->near_poor) =
          figure.fixed == FixedKind::All ? "hết" : std::to_string(figure.reduction);
    }
  }
}

namespace {

std::string source_words(const CommuneTargets& targets) {
  if (targets.agreed)
    return "theo đề nghị điều chỉnh " + targets.province.full_name() + " đồng ý ngày " +
           day_of(targets.agreed->decision->at) + " (chỉ tiêu giao phiên bản " + std::to_string(targets.assignment.number) + ")";
  return "do " + targets.province.full_name() + " giao (phiên bản " + std::to_string(targets.assignment.number) + ", ngày " +
         day_of(targets.assignment.created_at) + ")";
}

std::string difference_words(const TargetDifference& d, const std::string& unit_words) {
  const std::string words = indicator_households(d.indicator);
  const std::string who = d.part.empty() ? unit_words : d.part;
  if (!d.planned) return who + ": chỉ tiêu là giảm " + format_count(*d.assigned) + " " + words + " nhưng kế hoạch " +
                         (d.part.empty() ? "không đặt chỉ tiêu " + words : std::string("không có đơn vị này"));
  if (!d.assigned) return who + " không có trong chỉ tiêu được giao nhưng kế hoạch giao giảm " + format_count(*d.planned) + " " + words;
  return who + ": chỉ tiêu là giảm " + format_count(*d.assigned) + " " + words + ", kế hoạch ghi giảm " +
         format_count(*d.planned);
}

}  // namespace

void add_target_errors(const CommuneTargets& targets, const std::vector<TargetDifference>& differences,
                       const PlanForm& form, FormErrors& errors) {
  for (const TargetDifference& d : differences) {
    // Another total of the indicator moves its villages too: the total alone is the error to fix.
    if (!d.part.empty() && std::any_of(differences.begin(), differences.end(), [&](const TargetDifference& own) {
          return own.part.empty() && own.indicator == d.indicator;
        }))
      continue;
    std::string field = target_field(d.indicator);
    for (std::size_t i = 0; i < form.fixed.size() && !d.part.empty(); ++i)
      if (name_key(form.fixed[i].village) == name_key(d.part)) field = fixed_field(static_cast<int>(i + 1), d.indicator);
    errors.add(field, difference_words(d, "Toàn xã") + ". Kế hoạch phải dùng chỉ tiêu " + source_words(targets) +
                          ". Muốn dùng số khác, hãy ghi lý do ở mục Đề nghị điều chỉnh rồi bấm Gửi đề nghị điều chỉnh; "
                          "khi tỉnh đồng ý, kế hoạch với số đề nghị lưu được.");
  }
}

std::string targets_box_html(const RequestContext& context, const CommuneTargets& targets,
                             const std::vector<TargetDifference>& differences, bool with_form) {
  std::string html = "<div class=\"panel assigned-targets\" id=\"chi-tieu-duoc-giao\">\n<h3>Chỉ tiêu được giao</h3>\n<p>" +
                     escape_html("Chỉ tiêu của " + context.unit->full_name() + " " + source_words(targets) + ": " +
                                 reductions_text(targets.in_force.own) + ".") +
                     "</p>\n";
  if (with_form)
    html += "<p>Các ô chỉ tiêu dưới đây đã điền theo chỉ tiêu được giao; kế hoạch phải dùng đúng các số này. Muốn số khác "
            "thì gửi <a href=\"#de-nghi-dieu-chinh\">đề nghị điều chỉnh</a> kèm lý do: khi tỉnh đồng ý mới lưu được kế "
            "hoạch với số đó.</p>\n";
  // The villages' figures in force.
  std::string head, rows;
  for (const AssignedFigure& f : targets.in_force.own)
    head += "<th scope=\"col\" class=\"number\">" +
            escape_html(stage_heading(f.indicator, Stage::Reduction, targets.assignment.year)) + "</th>";
  for (const UnitTargets::Part& part : targets.in_force.parts) {
    rows += "<tr><th scope=\"row\">" + escape_html(part.name) + "</th>";
    for (const AssignedFigure& own : targets.in_force.own) {
      const AssignedFigure* f = figure_of(part.figures, own.indicator);
      rows += "<td class=\"number\">" + (f ? format_count(f->reduction) + (f->fixed == FixedKind::All ? " (hết)" : "") : "") + "</td>";
    }
    rows += "</tr>\n";
  }
  html += scroll_box("Chỉ tiêu được giao của từng thôn") + "<table class=\"table table--figures\">\n<caption class=\"table-caption\">"
          "Chỉ tiêu được giao của từng thôn</caption>\n<thead><tr><th scope=\"col\">Thôn, tổ dân phố</th>" + head +
          "</tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n</div>\n";
  if (!differences.empty()) {
    html += "<p><strong>Kế hoạch đang nhập khác chỉ tiêu được giao:</strong></p>\n<ul class=\"differences\">\n";
    for (const TargetDifference& d : differences) html += "<li>" + escape_html(difference_words(d, "Toàn xã")) + ".</li>\n";
    html += "</ul>\n";
  }
  return html + "</div>\n";
}

std::string requests_html(const RequestContext& context, const CommuneTargets& targets, const std::string& reason,
                          const FormErrors& errors, bool with_form) {
  if (targets.requests.empty() && !with_form) return "";
  std::string html = "<div class=\"group\" id=\"de-nghi-dieu-chinh\">\n<h3>Đề nghị điều chỉnh</h3>\n";
  for (const AdjustmentRecord& request : targets.requests) {
    html += "<p>" + adjustment_state(request) + " " +
            escape_html("Gửi lúc " + vietnam_time(request.asked_at) + " (" + account_name(context, request.asked_by) + "): " +
                        reductions_text(adjustment_figures(context.db, request.id).own) + ". Lý do: " + request.reason) +
            "</p>\n";
    if (request.decision)
      html += "<p class=\"hint\">" +
              escape_html((request.decision->agreed ? "Đồng ý" : "Không đồng ý") + std::string(" lúc ") +
                          vietnam_time(request.decision->at) + " (" + account_name(context, request.decision->by) + ")" +
                          (request.decision->note.empty() ? "" : ": " + request.decision->note)) +
              "</p>\n";
  }
  if (!with_form) return html + "</div>\n";
  if (targets.pending)
    return html + "<p>Đề nghị gửi lúc " + escape_html(vietnam_time(targets.pending->asked_at)) +
           " đang chờ tỉnh trả lời; khi tỉnh đồng ý, các ô chỉ tiêu sẽ điền theo số đề nghị.</p>\n</div>\n";
  return html +
         "<p class=\"hint\">Muốn số khác chỉ tiêu được giao: nhập số muốn dùng vào các ô chỉ tiêu ở trên (bấm Xem trước để "
         "thấy phụ lục), ghi lý do rồi bấm Gửi đề nghị điều chỉnh. Tỉnh xem số đề nghị và lý do trên trang Giao chỉ tiêu "
         "của tỉnh.</p>\n" +
         text_area({.id = "ly-do-dieu-chinh", .label = "Lý do đề nghị điều chỉnh", .value = reason}, errors, 3) +
         action_button("Gửi đề nghị điều chỉnh", "hanh-dong", "de-nghi-dieu-chinh", "button button--secondary") + "</div>\n";
}

}  // namespace kehoach
