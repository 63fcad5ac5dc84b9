#pragma once
// The split of a cascade as JSON (`kehoach batch --json`): every unit's households and, per indicator,
// its start, reduction and end, the top first.
#include <iosfwd>

#include "compute/cascade.h"
#include "model/unit_tree.h"

namespace kehoach {

// Written unit by unit: a country's 130.000 villages as one JSON document in memory would take GBs.
void write_cascade_json(std::ostream& out, const UnitTree& tree, const CascadeResult& cascade);

}  // namespace kehoach
