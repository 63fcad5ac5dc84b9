#include <doctest/doctest.h>

#include "compute/classification.h"
#include "standard_fixture.h"

using namespace kehoach;
using kehoach::testing::national_2022;

namespace {

// A local standard per year, with a near-poor band, as data/standards/dia-phuong/tp-ho-chi-minh-2021-2025.yaml.
PovertyStandard local_per_year() {
  PovertyStandard s;
  s.name = "Chuẩn nghèo Thành phố Hồ Chí Minh giai đoạn 2022–2025";
  s.first_year = 2022;
  s.last_year = 2025;
  s.per_year = true;
  s.rural = AreaLines{36'000'000, 46'000'000, {}, {}, {}};
  s.urban = s.rural;
  s.poor_deprivations = 3;
  return s;
}

Household household(Area area, long long income, int deprivations) {
  Household h;
  h.code = "HGĐ-01";
  h.units = {"Xã Tứ Hiệp", "Thôn 1"};
  h.area = area;
  h.members = 4;
  h.income = income;
  for (int i = 0; i < deprivations; ++i) h.deprived[static_cast<std::size_t>(i)] = true;
  return h;
}

}  // namespace

TEST_CASE("the deprivation count is the number of the 12 indicators a household lacks") {
  CHECK(deprivation_count(household(Area::Rural, 0, 0)) == 0);
  CHECK(deprivation_count(household(Area::Rural, 0, 3)) == 3);
  CHECK(deprivation_count(household(Area::Rural, 0, 12)) == 12);
  Household scattered = household(Area::Rural, 0, 0);
  scattered.deprived[1] = scattered.deprived[6] = scattered.deprived[11] = true;
  CHECK(deprivation_count(scattered) == 3);
}

TEST_CASE("a rural household with income equal to the line is poor with 3 deprivations and near-poor with 2") {
  CHECK(classify(household(Area::Rural, 1'500'000, 3), national_2022()) == Classification::Poor);
  CHECK(classify(household(Area::Rural, 1'500'000, 2), national_2022()) == Classification::NearPoor);
  CHECK(classify(household(Area::Rural, 1'500'000, 12), national_2022()) == Classification::Poor);
  CHECK(classify(household(Area::Rural, 1'500'000, 0), national_2022()) == Classification::NearPoor);
}

TEST_CASE("an urban household with income equal to the urban line is poor with 3 deprivations and near-poor with 2") {
  CHECK(classify(household(Area::Urban, 2'000'000, 3), national_2022()) == Classification::Poor);
  CHECK(classify(household(Area::Urban, 2'000'000, 2), national_2022()) == Classification::NearPoor);
}

TEST_CASE("one đồng above the line a household is middle income however many its deprivations") {
  CHECK(classify(household(Area::Rural, 1'500'001, 3), national_2022()) == Classification::MiddleIncome);
  CHECK(classify(household(Area::Rural, 1'500'001, 12), national_2022()) == Classification::MiddleIncome);
  CHECK(classify(household(Area::Urban, 2'000'001, 3), national_2022()) == Classification::MiddleIncome);
  CHECK(classify(household(Area::Urban, 2'000'001, 12), national_2022()) == Classification::MiddleIncome);
}

TEST_CASE("the area decides the lines: an income between the rural and urban lines is poor only in town") {
  CHECK(classify(household(Area::Urban, 1'800'000, 3), national_2022()) == Classification::Poor);
  CHECK(classify(household(Area::Rural, 1'800'000, 3), national_2022()) == Classification::MiddleIncome);
}

TEST_CASE("the middle-income band ends at its line, inclusive, in both areas") {
  CHECK(classify(household(Area::Rural, 2'250'000, 0), national_2022()) == Classification::MiddleIncome);
  CHECK(classify(household(Area::Rural, 2'250'001, 0), national_2022()) == Classification::Other);
  CHECK(classify(household(Area::Urban, 3'000'000, 0), national_2022()) == Classification::MiddleIncome);
  CHECK(classify(household(Area::Urban, 3'000'001, 0), national_2022()) == Classification::Other);
}

TEST_CASE("a household above every line is neither poor, near-poor nor middle income") {
  CHECK(classify(household(Area::Rural, 10'000'000, 12), national_2022()) == Classification::Other);
  CHECK(classify(household(Area::Urban, 10'000'000, 12), national_2022()) == Classification::Other);
  CHECK(classify(household(Area::Rural, 100'000'000, 12), local_per_year()) == Classification::Other);
}

TEST_CASE("a standard without middle-income lines puts everyone above the poverty line in the other group") {
  PovertyStandard s = national_2022();
  s.rural.middle.reset();
  s.urban.middle.reset();
  CHECK(classify(household(Area::Rural, 1'500'001, 0), s) == Classification::Other);
  CHECK(classify(household(Area::Urban, 2'000'001, 0), s) == Classification::Other);
}

TEST_CASE("the number of deprivations that makes a household poor comes from the standard") {
  PovertyStandard s = national_2022();
  s.poor_deprivations = 4;
  CHECK(classify(household(Area::Rural, 1'000'000, 3), s) == Classification::NearPoor);
  CHECK(classify(household(Area::Rural, 1'000'000, 4), s) == Classification::Poor);
}

TEST_CASE("under a yearly local standard, income at the poor line splits by deprivations and the band above is near-poor") {
  const PovertyStandard s = local_per_year();
  for (Area area : {Area::Rural, Area::Urban}) {
    CAPTURE(area == Area::Urban);
    CHECK(classify(household(area, 36'000'000, 3), s) == Classification::Poor);
    CHECK(classify(household(area, 36'000'000, 2), s) == Classification::NearPoor);
    CHECK(classify(household(area, 36'000'001, 3), s) == Classification::NearPoor);
    CHECK(classify(household(area, 36'000'001, 12), s) == Classification::NearPoor);
    CHECK(classify(household(area, 46'000'000, 12), s) == Classification::NearPoor);
    CHECK(classify(household(area, 46'000'001, 12), s) == Classification::Other);
  }
}

TEST_CASE("with both a near-poor band and a middle line, middle income starts above the near-poor line") {
  PovertyStandard s = local_per_year();
  s.rural.middle = 60'000'000;
  CHECK(classify(household(Area::Rural, 46'000'000, 0), s) == Classification::NearPoor);
  CHECK(classify(household(Area::Rural, 46'000'001, 0), s) == Classification::MiddleIncome);
  CHECK(classify(household(Area::Rural, 60'000'000, 0), s) == Classification::MiddleIncome);
  CHECK(classify(household(Area::Rural, 60'000'001, 0), s) == Classification::Other);
}

TEST_CASE("a scored household is placed by the score lines: 140 points rural, 175 urban, inclusive") {
  const PovertyStandard s = national_2022();
  Household h = household(Area::Rural, 140, 3);
  h.scored = true;
  CHECK(classify(h, s) == Classification::Poor);
  h.deprived[2] = false;
  CHECK(classify(h, s) == Classification::NearPoor);
  h.income = 141;
  CHECK(classify(h, s) == Classification::Other);  // no middle_score in the national file
  h.area = Area::Urban;
  CHECK(classify(h, s) == Classification::NearPoor);
  h.income = 176;
  CHECK(classify(h, s) == Classification::Other);
}

TEST_CASE("a middle_score line gives scored households their middle-income band") {
  PovertyStandard s = national_2022();
  s.rural.middle_score = 160;
  Household h = household(Area::Rural, 160, 5);
  h.scored = true;
  CHECK(classify(h, s) == Classification::MiddleIncome);
  h.income = 161;
  CHECK(classify(h, s) == Classification::Other);
}
