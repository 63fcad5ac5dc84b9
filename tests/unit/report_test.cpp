#include <doctest/doctest.h>

#include "appendix_fixture.h"
#include "compute/movements_sum.h"
#include "compute/rate.h"
#include "compute/report.h"
#include "read/csv_reader.h"
#include "read/movements_reader.h"
#include "test_support.h"

using namespace kehoach;

namespace {

// The small Thanh Trì-like plan: near-poor only, 12 to reduce: Đại Áng 7, Tứ Hiệp 3 (all), Yên Mỹ 2.
const char* kHeader =
    "TT,Đơn vị,Hộ cận nghèo,,,,,,,\n"
    ",,Thoát cận nghèo,Rơi xuống hộ nghèo,Giảm khác,Hộ nghèo thoát thành cận nghèo,Tái cận nghèo,Phát sinh mới,"
    "Tăng khác,Cuối kỳ\n";

Report report_of(const std::string& rows, Period period = Period::H1, std::optional<Rate> threshold = std::nullopt) {
  const Plan plan = testing::small_plan();
  const AppendixTable table = testing::small_table();
  return build_report(plan, table, read_movements(parse_csv(std::string(kHeader) + rows, "bien-dong.csv")), period,
                      threshold);
}

std::string error_of(const std::string& rows) {
  return testing::error_of([&] { report_of(rows); });
}

}  // namespace

TEST_CASE("the end of a period is the start minus the decreases plus the increases") {
  const Report r = report_of(
      "1,Đại Áng,5,1,1,0,1,0,1,\n"  // 62 - 7 + 2 = 57
      "2,Tứ Hiệp,3,0,0,0,0,0,0,\n"
      "3,Yên Mỹ,1,0,0,0,0,0,0,\n");
  REQUIRE(r.rows.size() == 3);
  const ReportFigures& dai_ang = r.rows[0].figures[0];
  CHECK(dai_ang.start == 62);
  CHECK(dai_ang.end == 57);
  CHECK(dai_ang.achieved == 5);
  CHECK(dai_ang.target == 7);
  CHECK(dai_ang.share == Rate{7143});  // 5/7 = 71,43%
  CHECK(dai_ang.end_rate == Rate{164});  // 57/3.483 = 1,636%
  CHECK(r.total.figures[0].end == 57 + 0 + 16);
  CHECK(r.total.figures[0].achieved == 9);
  CHECK(r.total.figures[0].share == Rate{7500});  // 9/12
}

TEST_CASE("units below the period's threshold are marked behind, the default at 6 months is half the target") {
  const Report r = report_of(
      "1,Đại Áng,3,0,0,0,0,0,0,\n"  // 3/7 = 42,86% < 50%
      "2,Tứ Hiệp,3,0,0,0,0,0,0,\n"
      "3,Yên Mỹ,1,0,0,0,0,0,0,\n");  // 1/2 = 50%: on schedule
  CHECK(r.threshold == Rate{5000});
  CHECK(r.rows[0].behind);
  CHECK(r.rows[0].figures[0].behind);  // each indicator says whether it is the one behind
  CHECK_FALSE(r.rows[1].behind);
  CHECK_FALSE(r.rows[1].figures[0].behind);
  CHECK_FALSE(r.rows[2].behind);
  CHECK(report_of("1,Đại Áng,3,0,0,0,0,0,0,\n2,Tứ Hiệp,3,0,0,0,0,0,0,\n3,Yên Mỹ,1,0,0,0,0,0,0,\n", Period::Q1).rows[0].behind == false);
  CHECK(report_of("1,Đại Áng,3,0,0,0,0,0,0,\n2,Tứ Hiệp,3,0,0,0,0,0,0,\n3,Yên Mỹ,1,0,0,0,0,0,0,\n", Period::H1, Rate{4000})
            .rows[0].behind == false);
}

TEST_CASE("an end count alone is enough, and with movements it must balance") {
  const Report r = report_of("1,Đại Áng,,,,,,,,60\n2,Tứ Hiệp,3,,,,,,,0\n3,Yên Mỹ,,,,,,,,17\n");
  CHECK(r.rows[0].figures[0].end == 60);
  CHECK_FALSE(r.rows[0].figures[0].movements_known);
  CHECK(r.rows[1].figures[0].movements_known);
  CHECK(error_of("1,Đại Áng,5,0,0,0,0,0,0,56\n2,Tứ Hiệp,3,,,,,,,\n3,Yên Mỹ,,,,,,,,17\n") ==
        "bien-dong.csv:3: \"Đại Áng\": hộ cận nghèo đầu năm 62, cộng trừ các cột biến động được 57, nhưng cột cuối kỳ ghi "
        "56; hãy kiểm tra các cột biến động hộ cận nghèo và cột cuối kỳ.");
}

TEST_CASE("a unit of the plan missing from the movements, or one not in the plan, is named") {
  CHECK(error_of("1,Đại Áng,5,0,0,0,0,0,0,\n2,Tứ Hiệp,3,0,0,0,0,0,0,\n") ==
        "bien-dong.csv: không có số liệu của \"Yên Mỹ\" (đơn vị trong kế hoạch); hãy thêm một dòng cho đơn vị này.");
  CHECK(error_of("1,Đại Áng,5,0,0,0,0,0,0,\n2,Tứ Hiệp,3,0,0,0,0,0,0,\n3,Yên Mỹ,1,0,0,0,0,0,0,\n4,Vạn Phúc,1,0,0,0,0,0,0,\n") ==
        "bien-dong.csv:6: \"Vạn Phúc\" không có trong kế hoạch ke-hoach.yaml; hãy sửa tên cho khớp với bảng số liệu.");
}

TEST_CASE("decreases larger than the start and the increases are refused") {
  CHECK(error_of("1,Đại Áng,5,0,0,0,0,0,0,\n2,Tứ Hiệp,4,0,0,0,0,0,0,\n3,Yên Mỹ,1,0,0,0,0,0,0,\n") ==
        "bien-dong.csv:4: \"Tứ Hiệp\": hộ cận nghèo cuối kỳ tính ra -1 (âm): số giảm lớn hơn số đầu năm cộng số tăng; "
        "hãy kiểm tra các cột biến động.");
}

TEST_CASE("a count that grew gives a negative achievement and share") {
  const Report r = report_of("1,Đại Áng,0,0,0,0,0,2,0,\n2,Tứ Hiệp,3,0,0,0,0,0,0,\n3,Yên Mỹ,1,0,0,0,0,0,0,\n");
  CHECK(r.rows[0].figures[0].achieved == -2);
  CHECK(r.rows[0].figures[0].share == Rate{-2857});
  CHECK(r.rows[0].behind);
}

TEST_CASE("movement headers are read two-level, with the group before each label, or by their English keys") {
  const Grid flat = parse_csv(
      "Thôn,Hộ nghèo - Tái nghèo,Hộ nghèo - Phát sinh mới,Hộ cận nghèo - Thoát cận nghèo,poor - end\nA,1,2,3,9\n", "b.csv");
  const Movements m = read_movements(flat);
  REQUIRE(m.units.size() == 1);
  CHECK((*m.units[0].poor.counts)[4] == 1);
  CHECK((*m.units[0].poor.counts)[5] == 2);
  CHECK((*m.units[0].near_poor.counts)[0] == 3);
  CHECK(m.units[0].poor.stated_end == 9);
}

TEST_CASE("a movement label that is no movement is refused with the labels that are") {
  CHECK_THROWS_WITH_AS(read_movements(parse_csv("Thôn,Hộ nghèo - Chuyển đi\nA,1\n", "b.csv")),
                       "b.csv:1, cột B (Hộ nghèo - Chuyển đi): không rõ đây là cột biến động nào; các cột của bảng hộ "
                       "nghèo là: Thoát nghèo thành hộ cận nghèo, Thoát nghèo vượt chuẩn cận nghèo, Giảm khác, Hộ cận "
                       "nghèo rơi xuống nghèo, Tái nghèo, Phát sinh mới, Tăng khác, Cuối kỳ.",
                       InputError);
}

TEST_CASE("a household that moved between the tables must be counted the same in both") {
  const Grid grid = parse_csv(
      "Thôn,Hộ nghèo - Thoát nghèo thành hộ cận nghèo,Hộ cận nghèo - Hộ nghèo thoát thành cận nghèo\nĐại Áng,2,1\n"
      "Tứ Hiệp,0,0\nYên Mỹ,0,0\n",
      "b.csv");
  Plan plan = testing::small_plan();
  plan.targets.push_back(Target{Indicator::Poor, 0, std::nullopt, {}});
  Statistics s = testing::small_statistics();
  s.units[0].poor = 5;
  CHECK_THROWS_WITH_AS(build_report(plan, build_appendix(plan, s), read_movements(grid), Period::H1),
                       "b.csv:2: \"Đại Áng\": 2 hộ nghèo thoát thành hộ cận nghèo, nhưng bảng hộ cận nghèo ghi 1 hộ từ hộ "
                       "nghèo chuyển sang; hai cột phải bằng nhau.",
                       InputError);
}

TEST_CASE("the movements of consecutive quarters add up to the half year's") {
  const std::string header = "Đơn vị,Hộ cận nghèo - Thoát cận nghèo,Hộ cận nghèo - Phát sinh mới\n";
  const Movements q1 = read_movements(parse_csv(header + "Đại Áng,2,1\nTứ Hiệp,1,0\nYên Mỹ,0,0\n", "quy-1.csv"));
  const Movements q2 = read_movements(parse_csv(header + "YÊN MỸ,1,0\nĐại Áng,3,0\nTứ Hiệp,2,0\n", "quy-2.csv"));
  const Movements half = read_movements(parse_csv(header + "Đại Áng,5,1\nTứ Hiệp,3,0\nYên Mỹ,1,0\n", "6-thang.csv"));
  const Plan plan = testing::small_plan();
  const AppendixTable table = testing::small_table();
  const Report summed = build_report(plan, table, sum_movements({q1, q2}), Period::H1);
  const Report direct = build_report(plan, table, half, Period::H1);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(summed.rows[i].figures[0].end == direct.rows[i].figures[0].end);
    CHECK(summed.rows[i].figures[0].movements == direct.rows[i].figures[0].movements);
  }
  CHECK(summed.total.figures[0].end == 82 - 9 + 1);
  CHECK(sum_movements({q1, q2}).source == "quy-1.csv, quy-2.csv");
}

TEST_CASE("the end rate is a share of the households at the end of the period when the table gives them") {
  const std::string header =
      "TT,Đơn vị,Tổng số hộ cuối kỳ,Hộ cận nghèo,,,,,,,\n"
      ",,,Thoát cận nghèo,Rơi xuống hộ nghèo,Giảm khác,Hộ nghèo thoát thành cận nghèo,Tái cận nghèo,Phát sinh mới,"
      "Tăng khác,Cuối kỳ\n";
  const std::string rows =
      "1,Đại Áng,3500,5,1,1,0,1,0,1,\n"
      "2,Tứ Hiệp,7290,3,0,0,0,0,0,0,\n"
      "3,Yên Mỹ,900,1,0,0,0,0,0,0,\n";
  Movements movements = read_movements(parse_csv(header + rows, "bien-dong.csv"));
  CHECK(movements.units[0].end_households == 3500);
  Report r = build_report(testing::small_plan(), testing::small_table(), movements, Period::H1);
  CHECK(r.rows[0].end_households == 3500);
  CHECK(r.rows[0].figures[0].end_rate == Rate{163});   // 57/3.500 = 1,629%, not 57/3.483 = 1,64%
  CHECK(r.rows[0].figures[0].start_rate == Rate{178});  // the start stays a share of the start: 62/3.483
  CHECK(r.total.end_households == 3500 + 7290 + 900);
  CHECK(r.total.figures[0].end_rate == rate_of(r.total.figures[0].end, 3500 + 7290 + 900));

  // A unit without them (a later quarter's file that lacks it): every rate falls back to the start.
  movements.units[1].end_households.reset();
  r = build_report(testing::small_plan(), testing::small_table(), movements, Period::H1);
  CHECK_FALSE(r.rows[0].end_households);
  CHECK_FALSE(r.total.end_households);
  CHECK(r.rows[0].figures[0].end_rate == Rate{164});  // 57/3.483
  CHECK(r.total.figures[0].end_rate == rate_of(r.total.figures[0].end, r.total.households));
}

TEST_CASE("a movement table's end households are given for every unit or the column is left out") {
  const std::string header =
      "TT,Đơn vị,Tổng số hộ cuối kỳ,Hộ cận nghèo,,,,,,,\n"
      ",,,Thoát cận nghèo,Rơi xuống hộ nghèo,Giảm khác,Hộ nghèo thoát thành cận nghèo,Tái cận nghèo,Phát sinh mới,"
      "Tăng khác,Cuối kỳ\n";
  const std::string message = testing::error_of([&] {
    read_movements(parse_csv(header + "1,Đại Áng,3500,5,1,1,0,1,0,1,\n2,Tứ Hiệp,,3,0,0,0,0,0,0,\n", "bien-dong.csv"));
  });
  CHECK(message.rfind("bien-dong.csv:4, cột C (Tổng số hộ cuối kỳ): ", 0) == 0);
}

TEST_CASE("a plain households column in a movement table is not taken for the end households") {
  const Movements movements = read_movements(parse_csv(
      "Thôn,Tổng số hộ,Hộ nghèo - Tái nghèo,Hộ nghèo - Cuối kỳ\nSâm Cồn,166,1,9\n", "bien-dong.csv"));
  CHECK_FALSE(movements.units[0].end_households);
}

TEST_CASE("movements that raise a unit's end count above its households are refused with the row") {
  // Yên Mỹ: 2.023 households, 17 near-poor at the start; 2.010 more through "Tăng khác" would be 100,2%.
  CHECK(error_of("1,Đại Áng,5,0,0,0,0,0,0,\n2,Tứ Hiệp,3,0,0,0,0,0,0,\n3,Yên Mỹ,1,0,0,0,0,0,2010,\n") ==
        "bien-dong.csv:5: \"Yên Mỹ\": hộ cận nghèo cuối kỳ tính ra 2026, nhiều hơn tổng số hộ của đơn vị (2023 hộ); hãy "
        "kiểm tra các cột biến động hộ cận nghèo (nếu đơn vị có thêm hộ mới, hãy thêm cột \"Tổng số hộ cuối kỳ\").");
  CHECK(error_of("1,Đại Áng,5,0,0,0,0,0,0,\n2,Tứ Hiệp,3,0,0,0,0,0,0,\n3,Yên Mỹ,,,,,,,,2024\n") ==
        "bien-dong.csv:5: \"Yên Mỹ\": hộ cận nghèo cuối kỳ ghi 2024, nhiều hơn tổng số hộ của đơn vị (2023 hộ); hãy "
        "kiểm tra cột cuối kỳ hộ cận nghèo (nếu đơn vị có thêm hộ mới, hãy thêm cột \"Tổng số hộ cuối kỳ\").");
  // All of a unit's households near-poor at the end is a rate of 100%, not a slip.
  CHECK(report_of("1,Đại Áng,5,0,0,0,0,0,0,\n2,Tứ Hiệp,3,0,0,0,0,0,0,\n3,Yên Mỹ,1,0,0,0,0,0,2007,\n")
            .rows[2].figures[0].end_rate == Rate{10000});
}

TEST_CASE("where the end households are given, the end counts are checked against them") {
  const std::string header =
      "TT,Đơn vị,Tổng số hộ cuối kỳ,Hộ cận nghèo,,,,,,,\n"
      ",,,Thoát cận nghèo,Rơi xuống hộ nghèo,Giảm khác,Hộ nghèo thoát thành cận nghèo,Tái cận nghèo,Phát sinh mới,"
      "Tăng khác,Cuối kỳ\n";
  const auto report = [&](const std::string& rows) {
    return build_report(testing::small_plan(), testing::small_table(), read_movements(parse_csv(header + rows, "b.csv")),
                        Period::H1);
  };
  // Đại Áng grew from 3.483 to 3.600 households: 57 + 60 near-poor is within them.
  CHECK(report("1,Đại Áng,3600,5,0,0,0,0,60,0,\n2,Tứ Hiệp,7290,3,0,0,0,0,0,0,\n3,Yên Mỹ,900,1,0,0,0,0,0,0,\n")
            .rows[0].figures[0].end == 117);
  CHECK(testing::error_of([&] { report("1,Đại Áng,50,5,0,0,0,0,0,0,\n2,Tứ Hiệp,7290,3,0,0,0,0,0,0,\n3,Yên Mỹ,900,1,0,0,0,0,0,0,\n"); }) ==
        "b.csv:3: \"Đại Áng\": hộ cận nghèo cuối kỳ tính ra 57, nhiều hơn tổng số hộ cuối kỳ (50 hộ); hãy kiểm tra các "
        "cột biến động hộ cận nghèo.");
}

TEST_CASE("a unit's poor and near-poor households together at the end are among its households") {
  const Grid grid = parse_csv(
      "Thôn,Hộ nghèo - Tăng khác,Hộ cận nghèo - Tăng khác\nĐại Áng,3400,0\nTứ Hiệp,0,0\nYên Mỹ,0,0\n", "b.csv");
  Plan plan = testing::small_plan();
  plan.targets.front().fixed.clear();
  plan.targets.front().reduce = 0;
  plan.targets.push_back(Target{Indicator::Poor, 0, std::nullopt, {}});
  Statistics s = testing::small_statistics();
  s.units[0].poor = 5;
  // 3.405 poor and 62 near-poor are 3.467 households, within the 3.483; with 20 more near-poor they are not.
  CHECK_NOTHROW(build_report(plan, build_appendix(plan, s), read_movements(grid), Period::H1));
  const Grid more = parse_csv(
      "Thôn,Hộ nghèo - Tăng khác,Hộ cận nghèo - Tăng khác\nĐại Áng,3400,20\nTứ Hiệp,0,0\nYên Mỹ,0,0\n", "b.csv");
  CHECK(testing::error_of([&] { build_report(plan, build_appendix(plan, s), read_movements(more), Period::H1); }) ==
        "b.csv:2: \"Đại Áng\": cuối kỳ có 82 hộ cận nghèo và 3405 hộ nghèo, cộng lại 3487 hộ, nhiều hơn tổng số hộ của "
        "đơn vị (3483 hộ); hãy kiểm tra các cột biến động (nếu đơn vị có thêm hộ mới, hãy thêm cột \"Tổng số hộ cuối "
        "kỳ\").");
}
