#pragma once
// Household records counted into a unit tree as they arrive, one at a time, with no file in sight: a
// list summed per unit (RecordsTally), and two lists matched by household code into the movements of
// the period (ListMatcher). The readers feed them; a million records need the memory of the units and
// of one entry per start household, never of the records.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/household.h"
#include "model/poverty_standard.h"
#include "model/record_movements.h"
#include "model/unit_tree.h"
#include "model/unit_tree_builder.h"

namespace kehoach {

// The units the records name. Their columns are known only once a file's header is read, so the tree
// is begun with the first record; every later record, of any list, must name as many levels (an
// InputError at the record's row in `source` otherwise).
class RecordUnits {
 public:
  int unit_of(const Household& household, const std::string& source);
  // The tree, its levels named by `levels`; the builder is spent.
  UnitTree take(const std::vector<std::string>& levels);

 private:
  std::unique_ptr<UnitTreeBuilder> builder_;
};

// One list summed per unit: each household counted once in its lowest unit, then rolled up.
class RecordsTally {
 public:
  void add(const Household& household, Classification classification, const std::string& source);
  UnitTree finish(const std::vector<std::string>& levels);

 private:
  RecordUnits units_;
  std::vector<HouseholdTally> tallies_;  // per node
};

// Two lists (and optionally an earlier one) matched by household code: the start list is added first,
// then the end list, each household's change counted into the columns of the units it left and is in
// (compute/record_movements' count_change). finish() counts the start households not found again as
// having left, and rolls every unit up.
class ListMatcher {
 public:
  // Earlier list: only whether a household was poor or near-poor then matters (re-poor, re-near-poor).
  void add_earlier(const Household& household, Classification classification);
  void add_start(const Household& household, Classification classification, const std::string& source);
  void add_end(const Household& household, Classification classification, const std::string& source);
  RecordMovements finish(const std::vector<std::string>& levels);

 private:
  struct StartEntry {
    int unit = 0;
    Classification classification = Classification::Other;
    bool seen = false;  // found again in the end list
  };

  RecordUnits units_;
  RecordMovements movements_;
  std::unordered_map<std::string, Classification> earlier_;  // poor and near-poor households only
  std::unordered_map<std::string, StartEntry> start_;
};

}  // namespace kehoach
