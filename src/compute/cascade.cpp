#include "compute/cascade.h"

#include <map>

#include "compute/appendix.h"
#include "model/input_error.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

class Splitter {
 public:
  Splitter(const UnitTree& tree, const CascadeSpec& spec) : tree_(tree), spec_(spec) {
    used_.assign(spec.fixed.size(), false);
  }

  CascadeResult run() {
    CascadeResult result;
    result.tables.resize(tree_.nodes.size());
    result.row_in_parent.resize(tree_.nodes.size());
    const auto& top_children = tree_.nodes.front().children;
    result.top = top_children.size() == 1 ? top_children.front() : 0;
    top_ = result.top;
    place_fixed();
    split(result, spec_.targets);
    for (std::size_t i = 0; i < used_.size(); ++i)
      if (!used_[i]) throw unknown_unit(spec_.fixed[i]);
    return result;
  }

 private:
  // A unit whose children's table is still to make, and its targets.
  struct Pending {
    int node = 0;
    std::vector<Target> targets;
  };

  // The tables of the top's children, then the tables below them, each child's reduction its target, in
  // preorder. A stack rather than recursion, and no path carried from unit to unit: however deep a tree,
  // the walk needs no more call stack and takes time in proportion to its units.
  void split(CascadeResult& result, const std::vector<Target>& targets) {
    std::vector<Pending> stack{{top_, targets}};
    while (!stack.empty()) {
      Pending pending = std::move(stack.back());
      stack.pop_back();
      const UnitNode& unit = tree_.nodes[static_cast<std::size_t>(pending.node)];
      if (unit.children.empty()) continue;
      for (Target& target : pending.targets) target.fixed = fixed_for(pending.node, target.indicator);
      Plan plan;
      plan.file = spec_.file;
      plan.year = spec_.year;
      plan.targets = pending.targets;
      const AppendixTable& table =
          *(result.tables[static_cast<std::size_t>(pending.node)] = table_of(pending.node, plan));
      for (std::size_t i = unit.children.size(); i-- > 0;) {  // the first child on top
        result.row_in_parent[static_cast<std::size_t>(unit.children[i])] = i;
        Pending child{unit.children[i], {}};
        for (std::size_t k = 0; k < table.indicators.size(); ++k) {
          Target target;
          target.indicator = table.indicators[k].indicator;
          target.reduce = table.rows[i].figures[k].reduction;
          child.targets.push_back(target);
        }
        stack.push_back(std::move(child));
      }
    }
  }

  // Each fixed figure goes to the unit whose children's table it belongs in: the unit its path names
  // without the last name, found from the top down. One not found stays unused, and is named once the
  // split is done.
  void place_fixed() {
    for (std::size_t i = 0; i < spec_.fixed.size(); ++i) {
      const std::vector<std::string>& path = spec_.fixed[i].path;
      int node = top_;
      for (std::size_t level = 0; node >= 0 && level + 1 < path.size(); ++level) node = child_named(node, path[level]);
      if (node >= 0) fixed_by_node_[node].push_back(i);
    }
  }

  int child_named(int node, const std::string& name) const {
    const std::string key = name_key(name);
    for (int child : tree_.nodes[static_cast<std::size_t>(node)].children)
      if (name_key(tree_.nodes[static_cast<std::size_t>(child)].name) == key) return child;
    return -1;
  }

  // "Xã A / Thôn 1": the unit's names below the top, for messages.
  std::string path_below_top(int node) const {
    std::vector<const std::string*> names;
    for (; node != top_ && node > 0; node = tree_.nodes[static_cast<std::size_t>(node)].parent)
      names.push_back(&tree_.nodes[static_cast<std::size_t>(node)].name);
    std::string where;
    for (auto name = names.rbegin(); name != names.rend(); ++name) where += (where.empty() ? "" : " / ") + **name;
    return where;
  }

  // The unit's split; a target that cannot be met below the top says where.
  AppendixTable table_of(int node, const Plan& plan) const {
    try {
      return build_appendix(plan, children_of(node));
    } catch (const InputError& e) {
      if (node == top_) throw;
      throw InputError(Location{spec_.file, {}, {}, {}}, "khi chia chỉ tiêu của " + path_below_top(node) +
                                                            " cho các đơn vị cấp dưới: " + e.problem());
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

  std::vector<FixedFigure> fixed_for(int node, Indicator indicator) {
    std::vector<FixedFigure> figures;
    auto found = fixed_by_node_.find(node);
    if (found == fixed_by_node_.end()) return figures;
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
  int top_ = 0;
  std::map<int, std::vector<std::size_t>> fixed_by_node_;  // unit → the fixed figures of its children's table
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
  return &tables[static_cast<std::size_t>(parent)]->rows[row_in_parent[static_cast<std::size_t>(node)]];
}

CascadeResult split_cascade(const UnitTree& tree, const CascadeSpec& spec) { return Splitter(tree, spec).run(); }

}  // namespace kehoach
