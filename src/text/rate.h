#pragma once
// A percentage held exactly, in hundredths of a percent: 6,25% is {625}. Plans print rates
// to 2 decimals, so integers keep every figure exact and every comparison honest.
#include <compare>
#include <cstdint>

namespace kehoach {

struct Rate {
  std::int64_t hundredths = 0;
  auto operator<=>(const Rate&) const = default;
};

}  // namespace kehoach
