#pragma once
// What one unit, one table and one unit tree can hold, as the readers accept them. The figures are
// far above any real one (Việt Nam has some 27 million households, its largest province under 3
// million; a unit tree is province, district, commune, village), so they refuse only typing slips and
// hostile files; in exchange every sum stays exact in 64 bits, every walk over a tree stays short and
// every name fits a table cell and a terminal line.
#include <cstddef>

namespace kehoach {

// Households of one row of a table (a village, a commune, a district, a province): also the bound of
// its poor, near-poor and movement counts, which are among its households.
inline constexpr long long kMostHouseholdsInUnit = 10'000'000;
// Members (khẩu) of one row: households times the 99 members a household record may have, rounded.
inline constexpr long long kMostMembersInUnit = 1'000'000'000;
// Households of a whole table or household list, all its rows together.
inline constexpr long long kMostHouseholdsInTotal = 1'000'000'000;
// Levels of a unit tree below the root: Tỉnh / Huyện / Xã / Thôn need four; eight leave room for
// the tổ, khu and cụm some provinces add.
inline constexpr std::size_t kMostUnitLevels = 8;
// Characters of a unit's name: the longest real ones ("Tổ dân phố số 12 khu phố …") are under 100.
inline constexpr std::size_t kLongestUnitName = 200;

}  // namespace kehoach
