#include <doctest/doctest.h>

#include "compute/household_tally.h"
#include "model/unit_tree_builder.h"

using namespace kehoach;

namespace {

Household member_of(std::vector<std::string> units, int members) {
  Household h;
  h.units = std::move(units);
  h.members = members;
  return h;
}

// Every unit's tally equals the sum of its children's, at every level.
void check_sums(const UnitTree& tree) {
  for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
    const UnitNode& node = tree.nodes[i];
    if (node.children.empty()) continue;
    HouseholdTally sum;
    for (int child : node.children) sum += tree.nodes[static_cast<std::size_t>(child)].tally;
    CHECK_MESSAGE(sum == node.tally, node.name);
  }
}

}  // namespace

TEST_CASE("a poor household counts in its members, its groups and each indicator it lacks") {
  HouseholdTally t;
  Household h = member_of({"Thôn 1"}, 4);
  h.deprived[0] = h.deprived[6] = h.deprived[11] = true;
  h.able_to_work = true;
  h.social_protection = true;
  h.merit = true;
  count_household(t, h, Classification::Poor);
  h.able_to_work = false;
  h.members = 2;
  count_household(t, h, Classification::Poor);
  count_household(t, h, Classification::NearPoor);
  count_household(t, h, Classification::MiddleIncome);
  count_household(t, h, Classification::Other);
  CHECK(t.households == 5);
  CHECK(t.members == 12);
  CHECK(t.poor == 2);
  CHECK(t.poor_members == 6);
  CHECK(t.near_poor == 1);
  CHECK(t.near_poor_members == 2);
  CHECK(t.middle_income == 1);
  CHECK(t.poor_with_labour == 1);
  CHECK(t.poor_without_labour == 1);
  CHECK(t.poor_social_protection == 2);
  CHECK(t.poor_ethnic_minority == 0);
  CHECK(t.poor_merit == 2);
  CHECK(t.poor_deprived[0] == 2);
  CHECK(t.poor_deprived[1] == 0);
  CHECK(t.poor_deprived[11] == 2);
  CHECK(t.near_poor_deprived[6] == 1);
}

TEST_CASE("units are matched by name whatever the case and Unicode form, the same village name under two communes is two units") {
  UnitTreeBuilder builder({"Xã", "Thôn"});
  const int a = builder.unit_of({"Xã Tân Thịnh", "Thôn 1"});
  CHECK(builder.unit_of({"XÃ TÂN THỊNH", "thôn 1"}) == a);
  CHECK(builder.unit_of({"Xa\xCC\x83 Ta\xCC\x82n Thi\xCC\xA3nh", "Thôn 1"}) == a);  // decomposed
  const int b = builder.unit_of({"Xã Trung Mỹ", "Thôn 1"});
  CHECK(b != a);
  const UnitTree& tree = builder.tree();
  REQUIRE(tree.nodes.size() == 5);  // root, two communes, two villages
  CHECK(tree.nodes[1].name == "Xã Tân Thịnh");  // the first spelling is kept
  CHECK(tree.nodes[static_cast<std::size_t>(a)].level == 1);
  CHECK(tree.preorder() == std::vector<int>{1, 2, 3, 4});
  CHECK(tree.at_level(1) == std::vector<int>{2, 4});
}

TEST_CASE("a four-level tree (province, district, commune, village) sums at every level") {
  UnitTreeBuilder builder({"Tỉnh", "Huyện", "Xã", "Thôn"});
  struct Record {
    std::vector<std::string> units;
    Classification c;
    int members;
  };
  const std::vector<Record> records = {
      {{"Hà Tĩnh", "Hương Sơn", "An Hòa Thịnh", "Sâm Cồn"}, Classification::Poor, 3},
      {{"Hà Tĩnh", "Hương Sơn", "An Hòa Thịnh", "Sâm Cồn"}, Classification::NearPoor, 2},
      {{"Hà Tĩnh", "Hương Sơn", "An Hòa Thịnh", "Nậy"}, Classification::Other, 5},
      {{"Hà Tĩnh", "Hương Sơn", "Sơn Tây", "Thôn 1"}, Classification::Poor, 1},
      {{"Hà Tĩnh", "Can Lộc", "Thiên Lộc", "Thôn 1"}, Classification::MiddleIncome, 4},
      {{"Nghệ An", "Anh Sơn", "Thọ Sơn", "Bản Mộ"}, Classification::Poor, 6},
  };
  for (const auto& r : records) {
    const Household h = member_of(r.units, r.members);
    count_household(builder.tree().nodes[static_cast<std::size_t>(builder.unit_of(h.units))].tally, h, r.c);
  }
  UnitTree& tree = builder.tree();
  roll_up(tree);
  check_sums(tree);
  const HouseholdTally& all = tree.nodes[0].tally;
  CHECK(all.households == 6);
  CHECK(all.members == 21);
  CHECK(all.poor == 3);
  CHECK(all.near_poor == 1);
  CHECK(all.middle_income == 1);
  const UnitNode& ha_tinh = tree.nodes[1];
  CHECK(ha_tinh.name == "Hà Tĩnh");
  CHECK(ha_tinh.tally.households == 5);
  CHECK(ha_tinh.tally.poor == 2);
  CHECK(tree.at_level(3).size() == 5);
  CHECK(tree.at_level(2).size() == 4);
}

TEST_CASE("a path met after others takes from the one before only the units written the same, whatever it shares by key") {
  UnitTreeBuilder builder({"Tỉnh", "Xã", "Thôn"});
  const int one = builder.unit_of({"Tỉnh A", "Xã B", "Thôn 1"});
  const int two = builder.unit_of({"Tỉnh A", "Xã B", "Thôn 2"});          // the commune of the path before
  const int other = builder.unit_of({"Tỉnh A", "Xã C", "Thôn 1"});        // same village name, another commune
  const int spelled = builder.unit_of({"TỈNH A", "xã b", "Thôn 3"});       // the same commune, spelled otherwise
  const int elsewhere = builder.unit_of({"Tỉnh D", "Xã B", "Thôn 1"});    // same commune name, another province
  CHECK(builder.unit_of({"Tỉnh A", "Xã B", "thôn 1"}) == one);            // by key, after other paths
  const UnitTree& tree = builder.tree();
  const auto parent = [&](int node) { return tree.nodes[static_cast<std::size_t>(node)].parent; };
  CHECK(parent(two) == parent(one));
  CHECK(parent(spelled) == parent(one));
  CHECK(parent(other) != parent(one));
  CHECK(parent(parent(other)) == parent(parent(one)));
  CHECK(parent(parent(elsewhere)) != parent(parent(one)));
  CHECK(tree.nodes.size() == 1 + 2 + 3 + 5);  // root, two provinces, three communes, five villages
}
