#include <doctest/doctest.h>

#include <numeric>

#include "compute/allocation.h"
#include "test_support.h"

using kehoach::allocate_reduction;
using kehoach::AllocationUnit;

namespace {

// The Thanh Trì 2023 near-poor table: start counts per commune, in the plan's order.
std::vector<AllocationUnit> thanh_tri() {
  const std::vector<std::pair<const char*, long long>> starts = {
      {"Đại Áng", 62}, {"Đông Mỹ", 5},      {"Duyên Hà", 11},  {"Hữu Hòa", 59},     {"Liên Ninh", 34}, {"Ngọc Hồi", 56},
      {"Ngũ Hiệp", 35}, {"Tam Hiệp", 25},   {"Thanh Liệt", 5}, {"Tân Triều", 6},    {"Tả Thanh Oai", 89},
      {"Tứ Hiệp", 3},   {"TT Văn Điển", 2}, {"Vạn Phúc", 57},  {"Vĩnh Quỳnh", 39},  {"Yên Mỹ", 17}};
  std::vector<AllocationUnit> units;
  for (auto [name, start] : starts) units.push_back({name, start, std::nullopt});
  return units;
}

std::string message_of(const std::vector<AllocationUnit>& units, long long target) {
  return kehoach::testing::error_of([&] { allocate_reduction(units, target, "hộ cận nghèo"); });
}

}  // namespace

TEST_CASE("the Thanh Trì split: 75 near-poor households, Tứ Hiệp and Văn Điển to none, the rest by share") {
  auto units = thanh_tri();
  units[11].fixed = 3;  // Tứ Hiệp: all
  units[12].fixed = 2;  // TT Văn Điển: all
  const auto reductions = allocate_reduction(units, 75, "hộ cận nghèo");
  CHECK(reductions == std::vector<long long>{9, 1, 2, 8, 5, 8, 5, 3, 1, 1, 12, 3, 2, 8, 5, 2});
}

TEST_CASE("the parts of a split add up exactly to the target and never exceed a unit's count") {
  const auto units = thanh_tri();
  for (long long target = 0; target <= 505; target += 7) {
    const auto reductions = allocate_reduction(units, target, "hộ cận nghèo");
    CHECK(std::accumulate(reductions.begin(), reductions.end(), 0LL) == target);
    for (std::size_t i = 0; i < units.size(); ++i) CHECK(reductions[i] <= units[i].start);
  }
}

TEST_CASE("equal remainders go to the larger start count first, then to the earlier unit") {
  // 3 of 12: quotas 0,5 1,5 0,5 0,5, all remainders one half: B (larger) first, then A (earlier).
  const std::vector<AllocationUnit> units = {{"A", 2, {}}, {"B", 6, {}}, {"C", 2, {}}, {"D", 2, {}}};
  CHECK(allocate_reduction(units, 3, "hộ nghèo") == std::vector<long long>{1, 2, 0, 0});
  CHECK(allocate_reduction(units, 4, "hộ nghèo") == std::vector<long long>{1, 2, 1, 0});
}

TEST_CASE("a target of all households takes every unit to zero") {
  const auto units = thanh_tri();
  const auto reductions = allocate_reduction(units, 505, "hộ cận nghèo");
  for (std::size_t i = 0; i < units.size(); ++i) CHECK(reductions[i] == units[i].start);
}

TEST_CASE("fixed figures that use the whole target leave the other units at zero") {
  std::vector<AllocationUnit> units = {{"A", 10, 4}, {"B", 20, {}}, {"C", 5, 1}};
  CHECK(allocate_reduction(units, 5, "hộ nghèo") == std::vector<long long>{4, 0, 1});
}

TEST_CASE("a target above what all units have is refused with both figures") {
  CHECK(message_of(thanh_tri(), 506) ==
        "chỉ tiêu giảm 506 hộ cận nghèo vượt quá số hiện có (505 hộ cận nghèo ở đầu năm).");
}

TEST_CASE("fixed figures above the target are refused") {
  auto units = thanh_tri();
  units[0].fixed = 40;
  units[1].fixed = 5;
  CHECK(message_of(units, 30) ==
        "các chỉ tiêu giao cố định cộng lại là giảm 45 hộ cận nghèo, vượt chỉ tiêu chung là giảm 30 hộ cận nghèo.");
}

TEST_CASE("a fixed figure above what its unit has is refused, naming the unit") {
  auto units = thanh_tri();
  units[11].fixed = 4;
  CHECK(message_of(units, 75) ==
        "chỉ tiêu giao cho \"Tứ Hiệp\" là giảm 4 hộ cận nghèo nhưng đơn vị này chỉ có 3 hộ cận nghèo.");
}

TEST_CASE("a rest that the units without fixed figures cannot cover is refused") {
  std::vector<AllocationUnit> units = {{"A", 10, 1}, {"B", 2, {}}};
  CHECK(message_of(units, 5) ==
        "sau các chỉ tiêu giao cố định còn phải giảm 4 hộ cận nghèo nhưng các đơn vị còn lại chỉ có 2 hộ cận nghèo.");
}
