#include <doctest/doctest.h>

#include "compute/records_census.h"
#include "model/input_error.h"
#include "test_support.h"

using namespace kehoach;

namespace {

using C = Classification;
using Seven = std::array<long long, kMovementCount>;

Household household(const std::string& code, const std::string& commune, const std::string& village, int members = 3,
                    const std::string& origin = "") {
  Household h;
  h.code = code;
  h.units = {commune, village};
  h.members = members;
  h.origin = origin;
  return h;
}

const std::vector<std::string> kLevels{"Xã", "Thôn"};

// The node of a unit by its path, in a tree the matcher built.
int node_of(const UnitTree& tree, const std::string& commune, const std::string& village) {
  for (int node : tree.at_level(1)) {
    const UnitNode& unit = tree.nodes[static_cast<std::size_t>(node)];
    if (unit.name == village && tree.nodes[static_cast<std::size_t>(unit.parent)].name == commune) return node;
  }
  FAIL("no unit " << commune << " / " << village);
  return -1;
}

}  // namespace

TEST_CASE("two lists fed one household at a time give every unit's movements, rolled up") {
  ListMatcher matcher;
  matcher.add_earlier(household("H5", "Xã A", "Thôn 1"), C::Poor);  // poor two years ago: re-poor when poor again
  matcher.add_start(household("H1", "Xã A", "Thôn 1"), C::Poor, "dau.csv");      // exits to near-poor
  matcher.add_start(household("H2", "Xã A", "Thôn 1"), C::NearPoor, "dau.csv");  // moves to Thôn 2, still near-poor
  matcher.add_start(household("H3", "Xã A", "Thôn 2"), C::Poor, "dau.csv");      // gone from the end list
  matcher.add_start(household("H5", "Xã A", "Thôn 1"), C::Other, "dau.csv");     // falls back into poverty
  matcher.add_end(household("H1", "xã a", "THÔN 1"), C::NearPoor, "cuoi.csv");   // names match whatever the case
  matcher.add_end(household("H2", "Xã A", "Thôn 2"), C::NearPoor, "cuoi.csv");
  matcher.add_end(household("H5", "Xã A", "Thôn 1"), C::Poor, "cuoi.csv");
  matcher.add_end(household("H6", "Xã A", "Thôn 2", 2, "Tách từ hộ H2"), C::Poor, "cuoi.csv");  // split off: arrived
  matcher.add_end(household("H7", "Xã A", "Thôn 2"), C::NearPoor, "cuoi.csv");                  // newly near-poor
  const RecordMovements m = matcher.finish(kLevels);

  CHECK((m.matched == 3 && m.left == 1 && m.arrived == 1 && m.new_households == 1));
  const auto one = static_cast<std::size_t>(node_of(m.units, "Xã A", "Thôn 1"));
  const auto two = static_cast<std::size_t>(node_of(m.units, "Xã A", "Thôn 2"));
  // Thôn 1: H1 poor → near-poor; H2 left (other decrease of the near-poor); H5 re-poor.
  CHECK(m.moves[one].poor == Seven{1, 0, 0, 0, 1, 0, 0});
  CHECK(m.moves[one].near_poor == Seven{0, 0, 1, 1, 0, 0, 0});
  // Thôn 2: H3 left (other decrease of the poor); H6 arrived poor (other increase); H2 arrived near-poor
  // (other increase); H7 newly near-poor.
  CHECK(m.moves[two].poor == Seven{0, 0, 1, 0, 0, 0, 1});
  CHECK(m.moves[two].near_poor == Seven{0, 0, 0, 0, 0, 1, 1});
  CHECK((m.start[one].poor == 1 && m.start[one].near_poor == 1 && m.end[one].poor == 1 && m.end[one].near_poor == 1));
  // The commune and the whole are the sums of their villages.
  CHECK(m.moves[0].poor == Seven{1, 0, 1, 0, 1, 0, 1});
  CHECK((m.start[0].households == 4 && m.end[0].households == 5));
  CHECK(m.units.levels == kLevels);
}

TEST_CASE("a list summed one household at a time counts each in its lowest unit and rolls up") {
  RecordsTally tally;
  tally.add(household("H1", "Xã A", "Thôn 1", 4), C::Poor, "ho.csv");
  tally.add(household("H2", "Xã A", "Thôn 2", 2), C::NearPoor, "ho.csv");
  tally.add(household("H3", "Xã B", "Thôn 1", 5), C::Other, "ho.csv");
  const UnitTree tree = tally.finish(kLevels);
  CHECK(tree.nodes.size() == 1 + 2 + 3);
  CHECK((tree.nodes[0].tally.households == 3 && tree.nodes[0].tally.members == 11 && tree.nodes[0].tally.poor == 1));
  CHECK(tree.nodes[static_cast<std::size_t>(node_of(tree, "Xã A", "Thôn 2"))].tally.near_poor == 1);
}

TEST_CASE("a record naming fewer levels than the records before it is refused at its row") {
  ListMatcher matcher;
  matcher.add_start(household("H1", "Xã A", "Thôn 1"), C::Poor, "dau.csv");
  Household short_path = household("H2", "Xã A", "Thôn 1");
  short_path.units = {"Xã A"};
  short_path.source_row = 7;
  CHECK(testing::error_of([&] { matcher.add_end(short_path, C::Poor, "cuoi.csv"); }) ==
        "cuoi.csv:7: danh sách này ghi đơn vị theo 1 cấp, danh sách trước theo 2 cấp; các danh sách phải có cùng các "
        "cột đơn vị.");
}
