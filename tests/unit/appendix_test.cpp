#include <doctest/doctest.h>

#include "compute/appendix.h"
#include "test_support.h"

using namespace kehoach;

namespace {

Statistics small_commune() {
  Statistics s;
  s.source = "thon.csv";
  s.unit_column = "Thôn";
  s.units = {{"Sâm Cồn", 166, 10, 12, std::nullopt, 2},
             {"Trùa", 105, 7, 7, std::nullopt, 3},
             {"Tân Thịnh", 68, 4, 0, std::nullopt, 4}};
  return s;
}

Plan plan_with(std::vector<Target> targets) {
  Plan p;
  p.file = "ke-hoach.yaml";
  p.year = 2022;
  p.targets = std::move(targets);
  return p;
}

}  // namespace

TEST_CASE("the appendix gives each unit its start, reduction and end with rates over its households") {
  Target poor{Indicator::Poor, 6, std::nullopt, {}};
  const AppendixTable table = build_appendix(plan_with({poor}), small_commune());
  REQUIRE(table.rows.size() == 3);
  // 6 of 21: Sâm Cồn 2,857 -> 2 (+1: largest remainder), Trùa 2, Tân Thịnh 1,143 -> 1.
  const IndicatorFigures& sam_con = table.rows[0].figures[0];
  CHECK(sam_con.start == 10);
  CHECK(sam_con.reduction == 3);
  CHECK(sam_con.end == 7);
  CHECK(sam_con.start_rate == Rate{602});
  CHECK(sam_con.reduction_rate == Rate{181});
  CHECK(sam_con.end_rate == Rate{422});
  CHECK(table.rows[1].figures[0].reduction == 2);
  CHECK(table.rows[2].figures[0].reduction == 1);
  CHECK(table.unit_label == "Thôn");
}

TEST_CASE("the total row sums the units and takes its rates from the sums") {
  Target poor{Indicator::Poor, 6, std::nullopt, {}};
  Target near{Indicator::NearPoor, 5, std::nullopt, {}};
  const AppendixTable table = build_appendix(plan_with({poor, near}), small_commune());
  CHECK(table.total.name == "Tổng cộng");
  CHECK(table.total.households == 339);
  CHECK(table.total.figures[0].start == 21);
  CHECK(table.total.figures[0].reduction == 6);
  CHECK(table.total.figures[0].end == 15);
  CHECK(table.total.figures[0].start_rate == Rate{619});  // 21/339 = 6,1947%
  CHECK(table.total.figures[1].start == 19);
  CHECK(table.total.figures[1].end == 14);
  CHECK(table.indicators[1].indicator == Indicator::NearPoor);
}

TEST_CASE("an end-rate target is turned into the reduction for the whole unit") {
  Target poor{Indicator::Poor, std::nullopt, Rate{443}, {}};  // 4,43% of 339 -> at most 15 households
  const AppendixTable table = build_appendix(plan_with({poor}), small_commune());
  CHECK(table.indicators[0].target_reduction == 6);
  CHECK(table.indicators[0].from_rate);
  CHECK(table.total.figures[0].end == 15);
  CHECK(table.total.figures[0].end_rate <= Rate{443});
}

TEST_CASE("an end-rate target already met asks for no reduction") {
  Target poor{Indicator::Poor, std::nullopt, Rate{900}, {}};
  const AppendixTable table = build_appendix(plan_with({poor}), small_commune());
  CHECK(table.indicators[0].target_reduction == 0);
  CHECK(table.total.figures[0].end == 21);
}

TEST_CASE("fixed figures are matched to units whatever the case and Unicode form of the name") {
  Target near{Indicator::NearPoor, 8, std::nullopt, {{"TRÙA", true, 0}, {"sa\xCC\x82m co\xCC\x82\xCC\x80n", false, 1}}};
  const AppendixTable table = build_appendix(plan_with({near}), small_commune());
  CHECK(table.rows[0].figures[0].reduction == 1);
  CHECK(table.rows[0].figures[0].fixed);
  CHECK(table.rows[1].figures[0].reduction == 7);
  CHECK(table.rows[2].figures[0].reduction == 0);  // Tân Thịnh has no near-poor household
  CHECK_FALSE(table.rows[2].figures[0].fixed);
}

TEST_CASE("a fixed figure for a unit missing from the statistics names it and suggests the right spelling") {
  Target near{Indicator::NearPoor, 5, std::nullopt, {{"Tan Thinh", true, 0}}};
  CHECK(testing::error_of([&] { build_appendix(plan_with({near}), small_commune()); }) ==
        "ke-hoach.yaml: chỉ tiêu hộ cận nghèo giao cho \"Tan Thinh\" nhưng tệp thống kê thon.csv không có đơn vị "
        "này. Có phải là \"Tân Thịnh\"?");
}

TEST_CASE("an impossible target is reported against the plan file") {
  Target poor{Indicator::Poor, 22, std::nullopt, {}};
  CHECK(testing::error_of([&] { build_appendix(plan_with({poor}), small_commune()); }) ==
        "ke-hoach.yaml: chỉ tiêu giảm 22 hộ nghèo vượt quá số hiện có (21 hộ nghèo ở đầu năm).");
}

TEST_CASE("the unit column says what the names say: tổ dân phố under a column written Thôn") {
  Statistics ward = small_commune();
  ward.units = {{"Tổ dân phố 1", 367, 14, 11, std::nullopt, 2}, {"Tổ dân phố 2", 244, 2, 2, std::nullopt, 3}};
  Target poor{Indicator::Poor, 2, std::nullopt, {}};
  const AppendixTable table = build_appendix(plan_with({poor}), ward);
  CHECK(table.unit_label == "Tổ dân phố");
  CHECK(table.rows[0].level == "Tổ dân phố");
}

TEST_CASE("communes and wards under a column written Xã make a column Xã, phường") {
  Statistics province;
  province.source = "don-vi.csv";
  province.unit_column = "Xã";
  province.units = {{"Xã An Hòa Thịnh", 2047, 128, 171, std::nullopt, 2},
                    {"Phường Bắc Hồng Lĩnh", 1287, 33, 29, std::nullopt, 3},
                    {"Sơn Tây", 1740, 34, 74, std::nullopt, 4}};  // no word: the column's
  Target poor{Indicator::Poor, 10, std::nullopt, {}};
  const AppendixTable table = build_appendix(plan_with({poor}), province);
  CHECK(table.unit_label == "Xã, phường");
  CHECK(table.rows[1].level == "Phường");
  CHECK(table.rows[2].level == "Xã");
}

TEST_CASE("names without a level word keep the column as written, and the plan's own label wins") {
  Statistics groups = small_commune();
  groups.unit_column = "Tổ dân phố";
  Target poor{Indicator::Poor, 3, std::nullopt, {}};
  const AppendixTable table = build_appendix(plan_with({poor}), groups);
  CHECK(table.unit_label == "Tổ dân phố");
  CHECK(table.rows[0].level == "Tổ dân phố");

  Plan labelled = plan_with({poor});
  labelled.unit_label = "Đơn vị";
  CHECK(build_appendix(labelled, small_commune()).unit_label == "Đơn vị");

  // A column that names no level: the issuer's usual units, the column as written.
  Statistics generic = small_commune();
  generic.unit_column = "Đơn vị";
  Plan ward_plan = plan_with({poor});
  ward_plan.unit = "phường Bắc Hồng Lĩnh";
  const AppendixTable ward_table = build_appendix(ward_plan, generic);
  CHECK(ward_table.unit_label == "Đơn vị");
  CHECK(ward_table.rows[0].level == "Tổ dân phố");
  CHECK(build_appendix(plan_with({poor}), generic).rows[0].level.empty());
}
