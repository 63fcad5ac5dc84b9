#include "compute/cascade.h"

#include <algorithm>
#include <map>

#include "compute/appendix.h"
#include "model/input_error.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

std::string path_key(const std::vector<std::string>& names) {
  std::string key;
  for (const auto& name : names) key += name_key(name) + '\x1f';
  return key;
}

class Splitter {
 public:
  Splitter(const UnitTree& tree, const CascadeSpec& spec) : tree_(tree), spec_(spec) {
    for (std::size_t i = 0; i < spec.fixed.size(); ++i) {
      std::vector<std::string> parent(spec.fixed[i].path.begin(), spec.fixed[i].path.end() - 1);
      fixed_by_parent_[path_key(parent)].push_back(i);
    }
    used_.assign(spec.fixed.size(), false);
  }

  CascadeResult run() {
    CascadeResult result;
    result.tables.resize(tree_.nodes.size());
    const auto& top_children = tree_.nodes.front().children;
    result.top = top_children.size() == 1 ? top_children.front() : 0;
    split(result, result.top, {}, spec_.targets);
    for (std::size_t i = 0; i < used_.size(); ++i)
      if (!used_[i]) throw unknown_unit(spec_.fixed[i]);
    return result;
  }

 private:
  // The table of `node`'s children, then the tables below them, each child's reduction its target.
  void split(CascadeResult& result, int node, const std::vector<std::string>& path, std::vector<Target> targets) {
    const UnitNode& unit = tree_.nodes[static_cast<std::size_t>(node)];
    if (unit.children.empty()) return;
    const std::string key = path_key(path);
    for (Target& target : targets) target.fixed = fixed_for(key, target.indicator);
    Plan plan;
    plan.file = spec_.file;
    plan.year = spec_.year;
    plan.targets = targets;
    const AppendixTable& table = *(result.tables[static_cast<std::size_t>(node)] = table_of(node, path, plan));
    for (std::size_t i = 0; i < unit.children.size(); ++i) {
      std::vector<Target> below;
      for (std::size_t k = 0; k < table.indicators.size(); ++k) {
        Target target;
        target.indicator = table.indicators[k].indicator;
        target.reduce = table.rows[i].figures[k].reduction;
        below.push_back(target);
      }
      std::vector<std::string> child_path = path;
      child_path.push_back(tree_.nodes[static_cast<std::size_t>(unit.children[i])].name);
      split(result, unit.children[i], child_path, below);
    }
  }

  // The unit's split; a target that cannot be met below the top says where.
  AppendixTable table_of(int node, const std::vector<std::string>& path, const Plan& plan) const {
    try {
      return build_appendix(plan, children_of(node));
    } catch (const InputError& e) {
      if (path.empty()) throw;
      std::string where;
      for (const auto& name : path) where += (where.empty() ? "" : " / ") + name;
      throw InputError(Location{spec_.file, {}, {}, {}}, "khi chia chỉ tiêu của " + where + " cho các đơn vị cấp dưới: " +
                                                            e.problem());
    }
  }

  Statistics children_of(int node) const {
    const UnitNode& unit = tree_.nodes[static_cast<std::size_t>(node)];
    Statistics statistics;
    statistics.source = spec_.units_path.empty() && spec_.records ? spec_.records->path : spec_.units_path;
    const int level = unit.level + 1;
    statistics.unit_column = level < static_cast<int>(tree_.levels.size()) ? tree_.levels[static_cast<std::size_t>(level)] : "";
    for (int child : unit.children) {
      const UnitNode& c = tree_.nodes[static_cast<std::size_t>(child)];
      statistics.units.push_back(UnitStatistics{c.name, c.tally.households, c.tally.poor, c.tally.near_poor,
                                                c.tally.members ? std::optional<long long>(c.tally.members) : std::nullopt, 0});
    }
    return statistics;
  }

  std::vector<FixedFigure> fixed_for(const std::string& parent_key, Indicator indicator) {
    std::vector<FixedFigure> figures;
    auto found = fixed_by_parent_.find(parent_key);
    if (found == fixed_by_parent_.end()) return figures;
    for (std::size_t i : found->second) {
      if (spec_.fixed[i].indicator != indicator) continue;
      figures.push_back(spec_.fixed[i].figure);
      used_[i] = true;
    }
    return figures;
  }

  InputError unknown_unit(const CascadeFixed& fixed) const {
    std::string written;
    for (const auto& name : fixed.path) written += (written.empty() ? "" : " / ") + name;
    return InputError(Location{spec_.file, fixed.line, {}, {}},
                      "fixed: không có đơn vị \"" + written + "\" trong tệp đơn vị; ghi đường dẫn từ dưới đơn vị "
                      "cao nhất, các cấp cách nhau bằng \" / \" (ví dụ \"Xã An Hòa Thịnh / Thôn Sâm Cồn\").");
  }

  const UnitTree& tree_;
  const CascadeSpec& spec_;
  std::map<std::string, std::vector<std::size_t>> fixed_by_parent_;
  std::vector<bool> used_;
};

}  // namespace

std::vector<int> CascadeResult::units_from_top(const UnitTree& tree) const {
  // The top is the root, or the root's only child: either way every other unit is below it.
  std::vector<int> units{top};
  for (int node : tree.preorder())
    if (node != top) units.push_back(node);
  return units;
}

const AppendixRow* CascadeResult::row_of(const UnitTree& tree, int node) const {
  if (node == top) return tables[static_cast<std::size_t>(top)] ? &tables[static_cast<std::size_t>(top)]->total : nullptr;
  const int parent = tree.nodes[static_cast<std::size_t>(node)].parent;
  if (parent < 0 || !tables[static_cast<std::size_t>(parent)]) return nullptr;
  const auto& siblings = tree.nodes[static_cast<std::size_t>(parent)].children;
  const auto index = static_cast<std::size_t>(std::find(siblings.begin(), siblings.end(), node) - siblings.begin());
  return &tables[static_cast<std::size_t>(parent)]->rows[index];
}

CascadeResult split_cascade(const UnitTree& tree, const CascadeSpec& spec) { return Splitter(tree, spec).run(); }

}  // namespace kehoach
