#include <doctest/doctest.h>

#include "compute/rate.h"

using kehoach::Rate;
using kehoach::rate_of;

TEST_CASE("a rate is the share of all households to 2 decimals, rounded half up") {
  CHECK(rate_of(128, 2047) == Rate{625});   // 6,2530% -> 6,25
  CHECK(rate_of(171, 2047) == Rate{835});   // 8,3537% -> 8,35
  CHECK(rate_of(2, 105) == Rate{190});      // 1,9047% -> 1,90
  CHECK(rate_of(1, 43) == Rate{233});       // 2,3255% -> 2,33
}

TEST_CASE("a rate exactly half way between two hundredths rounds up") {
  CHECK(rate_of(1, 32) == Rate{313});    // 3,125% exactly
  CHECK(rate_of(1, 800) == Rate{13});    // 0,125% exactly
  CHECK(rate_of(1, 1600) == Rate{6});    // 0,0625% -> 0,06
  CHECK(rate_of(3, 1600) == Rate{19});   // 0,1875% -> 0,19
}

TEST_CASE("the edges of a rate: none, all, and a unit without households") {
  CHECK(rate_of(0, 68) == Rate{0});
  CHECK(rate_of(68, 68) == Rate{10000});
  CHECK(rate_of(0, 0) == Rate{0});
}

TEST_CASE("rates stay exact for a whole country's counts") {
  CHECK(rate_of(1'234'567, 27'000'000) == Rate{457});  // 4,5724%
}
