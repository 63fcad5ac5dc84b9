#include "write/cascade_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <ostream>
#include <string>
#include <vector>

#include "model/indicator.h"

namespace kehoach {

// Every unit's figures, the top first: its own table's total, then each unit's row in its parent's.
void write_cascade_json(std::ostream& out, const UnitTree& tree, const CascadeResult& cascade) {
  const auto& indicators = cascade.tables[static_cast<std::size_t>(cascade.top)]->indicators;
  out << "{\"units\": [";
  bool first = true;
  for (int node : cascade.units_from_top(tree)) {
    const AppendixRow* row = cascade.row_of(tree, node);
    if (!row) continue;  // not below the top
    std::vector<std::string> path;
    for (int n = node; n > 0 && n != cascade.top; n = tree.nodes[static_cast<std::size_t>(n)].parent)
      path.insert(path.begin(), tree.nodes[static_cast<std::size_t>(n)].name);
    Poco::JSON::Object unit(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Array names;
    for (const auto& name : path) names.add(name);
    unit.set("path", names);
    unit.set("name", node == 0 ? std::string(kTotalLabel) : tree.nodes[static_cast<std::size_t>(node)].name);
    unit.set("households", row->households);
    for (std::size_t k = 0; k < indicators.size(); ++k) {
      Poco::JSON::Object figures(Poco::JSON_PRESERVE_KEY_ORDER);
      figures.set("start", row->figures[k].start);
      figures.set("reduction", row->figures[k].reduction);
      figures.set("end", row->figures[k].end);
      unit.set(indicator_key(indicators[k].indicator), figures);
    }
    out << (first ? "\n  " : ",\n  ");
    unit.stringify(out);
    first = false;
  }
  out << "\n]}\n";
}

}  // namespace kehoach
