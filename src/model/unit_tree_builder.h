#pragma once
// A unit tree built as rows arrive (household records, a units table): each row names its units from
// the highest level down, and every unit is created once, wherever it is first met.
#include <string>
#include <unordered_map>
#include <vector>

#include "model/unit_tree.h"

namespace kehoach {

// Builds the unit tree as records arrive. Units are matched by name whatever the case and Unicode
// form ("Thôn 1" under two communes are two units); the first spelling met is kept.
class UnitTreeBuilder {
 public:
  explicit UnitTreeBuilder(std::vector<std::string> levels);
  // The lowest unit of `path` (one name per level, highest first), created when new.
  int unit_of(const std::vector<std::string>& path);
  // Room for `units` units, made at once (a table that says how many rows it has).
  void reserve(std::size_t units);
  UnitTree& tree() { return tree_; }

 private:
  int child(int parent, const std::string& name);

  UnitTree tree_;
  std::vector<std::unordered_map<std::string, int>> children_by_key_;  // per node
  std::unordered_map<std::string, int> by_written_path_;               // the path as written → unit
  std::vector<std::string> last_path_;  // the path last looked up by key, as written,
  std::vector<int> last_nodes_;         // and its units
  std::string path_key_;
};

}  // namespace kehoach
