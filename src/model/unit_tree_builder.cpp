#include "model/unit_tree_builder.h"

#include "model/indicator.h"
#include "text/unicode.h"

namespace kehoach {

UnitTreeBuilder::UnitTreeBuilder(std::vector<std::string> levels) {
  tree_.levels = std::move(levels);
  tree_.nodes.push_back(UnitNode{kTotalLabel, -1, -1, {}, {}});
  children_by_key_.emplace_back();
}

// The written path is looked up first: a million records name a few thousand units, so the
// Unicode work of name_key is done once per spelling, not once per record. A path not met yet (each
// row of a units table names a village of its own) starts, most often, with the units of the path
// met before it (the village's commune and province): those are taken from it, compared as written,
// and only the units after them are looked up by their key.
int UnitTreeBuilder::unit_of(const std::vector<std::string>& path) {
  path_key_.clear();
  for (const auto& name : path) {
    path_key_ += name;
    path_key_ += '\x1f';
  }
  if (auto found = by_written_path_.find(path_key_); found != by_written_path_.end()) return found->second;
  std::size_t shared = 0;
  while (shared < path.size() && shared < last_path_.size() && path[shared] == last_path_[shared]) ++shared;
  int node = shared == 0 ? 0 : last_nodes_[shared - 1];
  last_path_.resize(path.size());
  last_nodes_.resize(path.size());
  for (std::size_t level = shared; level < path.size(); ++level) {
    node = child(node, path[level]);
    last_path_[level] = path[level];
    last_nodes_[level] = node;
  }
  by_written_path_.emplace(path_key_, node);
  return node;
}

void UnitTreeBuilder::reserve(std::size_t units) {
  tree_.nodes.reserve(units + 1);
  children_by_key_.reserve(units + 1);
}

int UnitTreeBuilder::child(int parent, const std::string& name) {
  const int node = static_cast<int>(tree_.nodes.size());
  auto [found, inserted] = children_by_key_[static_cast<std::size_t>(parent)].emplace(name_key(name), node);
  if (!inserted) return found->second;
  const int level = tree_.nodes[static_cast<std::size_t>(parent)].level + 1;
  tree_.nodes.push_back(UnitNode{name, level, parent, {}, {}});
  tree_.nodes[static_cast<std::size_t>(parent)].children.push_back(node);
  children_by_key_.emplace_back();  // after the lookup above: this may move the maps
  return node;
}

}  // namespace kehoach
