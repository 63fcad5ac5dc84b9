#include <doctest/doctest.h>
#include <cstdint>
#include <initializer_list>

#include "compute/rate.h"
#include "compute/rate_target.h"

using kehoach::largest_count_within_rate;
using kehoach::Rate;
using kehoach::rate_of;

TEST_CASE("a rate target becomes the largest end count whose rounded rate does not exceed it") {
  CHECK(largest_count_within_rate(2047, Rate{493}) == 101);  // 101 -> 4,93%; 102 -> 4,98%
  CHECK(largest_count_within_rate(2047, Rate{586}) == 120);  // 120 -> 5,86%; 121 -> 5,91%
}

TEST_CASE("a count whose rate rounds down to the target is allowed") {
  // 1/32 = 3,125% rounds to 3,13; with a 3,13% target one household is allowed.
  CHECK(largest_count_within_rate(32, Rate{313}) == 1);
  CHECK(largest_count_within_rate(32, Rate{312}) == 0);
  // Among 2.000.000 households, 10.099 is 0,50495% (shown 0,50) and 10.100 is exactly 0,505% (0,51).
  CHECK(largest_count_within_rate(2'000'000, Rate{50}) == 10'099);
  CHECK(rate_of(10'099, 2'000'000) == Rate{50});
  CHECK(rate_of(10'100, 2'000'000) == Rate{51});
}

TEST_CASE("a rate target of 0% or 100% gives none or all households") {
  CHECK(largest_count_within_rate(500, Rate{0}) == 0);
  CHECK(largest_count_within_rate(500, Rate{10000}) == 500);
  CHECK(largest_count_within_rate(0, Rate{500}) == 0);
}

TEST_CASE("the end count from a rate target agrees with rate_of for every count of a small unit") {
  for (long long total : {1LL, 7LL, 43LL, 97LL, 2047LL}) {
    for (std::int64_t target = 0; target <= 10000; target += 37) {
      const long long count = largest_count_within_rate(total, Rate{target});
      CHECK(rate_of(count, total) <= Rate{target});
      if (count < total) CHECK(rate_of(count + 1, total) > Rate{target});
    }
  }
}

TEST_CASE("the end count from a rate target is the edge of rate_of for units of every size") {
  // Around each count where the rounded rate steps up, for totals from one to far beyond any commune.
  for (long long total : {1LL, 2LL, 3LL, 9'999LL, 10'000LL, 10'001LL, 20'000LL, 123'457LL, 9'999'991LL,
                          1'000'000'007LL, 99'999'999'999'989LL, 4'611'686'018'427'387'903LL}) {
    for (std::int64_t target : {0LL, 1LL, 49LL, 50LL, 51LL, 493LL, 4999LL, 5000LL, 9999LL, 10000LL}) {
      const long long count = largest_count_within_rate(total, Rate{target});
      CHECK(count >= 0);
      CHECK(count <= total);
      CHECK(rate_of(count, total) <= Rate{target});
      if (count < total) CHECK(rate_of(count + 1, total) > Rate{target});
    }
  }
}

TEST_CASE("a rate target above 100% allows every household") {
  CHECK(largest_count_within_rate(2047, Rate{10001}) == 2047);
  CHECK(largest_count_within_rate(2047, Rate{1'000'000'000'000LL}) == 2047);
}
