// What one unit, one table and one unit tree can hold (model/unit_limits.h), as every reader applies it:
// a name with a hidden character, a count no unit has, a total no table has and a tree deeper than eight
// levels are refused where they stand, at once, and the walks over a tree need no deeper call stack
// however deep it is.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "compute/cascade.h"
#include "compute/table_check.h"
#include "model/unit_tree_builder.h"
#include "read/cascade_reader.h"
#include "read/csv_reader.h"
#include "read/household_reader.h"
#include "read/movements_reader.h"
#include "read/received_table_reader.h"
#include "read/statistics_reader.h"
#include "read/unit_tree_reader.h"
#include "scratch_folder.h"
#include "standard_fixture.h"
#include "test_support.h"

using namespace kehoach;

namespace {

const char* kStatistics = "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo,Số khẩu\n";

std::string statistics_error(const std::string& rows) {
  return testing::error_of([&] { read_statistics(parse_csv(kStatistics + rows, "thon.csv")); });
}

std::string units_error(const std::string& csv) {
  testing::ScratchFolder folder;
  const std::string path = folder.write("don-vi.csv", csv);
  const std::string message = testing::error_of([&] { read_unit_tree(path, ""); });
  return testing::replaced(message, path, "don-vi.csv");
}

const char* kHouseholds =
    "Mã hộ,Xã,Thôn,Khu vực,Số khẩu,Thu nhập bình quân,Việc làm,Người phụ thuộc trong hộ,Dinh dưỡng,Bảo hiểm y tế,"
    "Trình độ giáo dục của người lớn,Tình trạng đi học của trẻ em,Chất lượng nhà ở,"
    "Diện tích nhà ở bình quân đầu người,Nguồn nước sinh hoạt,Nhà tiêu hợp vệ sinh,Sử dụng dịch vụ viễn thông,"
    "Phương tiện phục vụ tiếp cận thông tin";

PovertyStandard national() { return testing::national_2022(); }

std::string households_error(const std::string& csv) {
  return testing::error_of([&] {
    HouseholdRowReader reader("ho.csv", national(), RecordsOptions{}, [](const Household&) {});
    for (const auto& row : parse_csv(csv, "ho.csv").rows) reader.row(row);
    reader.finish();
  });
}

// A chain of units `depth` levels deep, each with one child; the lowest has the households.
UnitTree chain(int depth) {
  std::vector<std::string> levels(static_cast<std::size_t>(depth), "Cấp");
  std::vector<std::string> path;
  for (int i = 0; i < depth; ++i) path.push_back("Đơn vị " + std::to_string(i));
  UnitTreeBuilder builder(levels);
  builder.unit_of(path);
  UnitTree tree = std::move(builder.tree());
  for (auto& node : tree.nodes) node.tally = HouseholdTally{100, 0, 10, 10};
  return tree;
}

}  // namespace

TEST_CASE("statistics refuse a count no unit has, at its cell, at once") {
  const auto started = std::chrono::steady_clock::now();
  CHECK(statistics_error("A,100000000000000,5,6,\n") ==
        "thon.csv:2, cột B (Tổng số hộ): 100.000.000.000.000 hộ là quá nhiều cho một đơn vị (tối đa 10.000.000 hộ); "
        "hãy kiểm tra lại ô này.");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
  CHECK(statistics_error("A,100,10000001,6,\n") ==
        "thon.csv:2, cột C (Hộ nghèo): 10.000.001 hộ là quá nhiều cho một đơn vị (tối đa 10.000.000 hộ); hãy kiểm tra "
        "lại ô này.");
  CHECK(statistics_error("A,100,5,6,1000000001\n") ==
        "thon.csv:2, cột E (Số khẩu): 1.000.000.001 khẩu là quá nhiều cho một đơn vị (tối đa 1.000.000.000 khẩu); hãy "
        "kiểm tra lại ô này.");
  CHECK(statistics_error("A,10000000,5,6,\n") == testing::kNoError);
}

TEST_CASE("statistics whose units add up to more households than any table has are refused at the row that passes") {
  std::string rows;
  for (int i = 0; i < 101; ++i) rows += "Thôn " + std::to_string(i) + ",10000000,5,6,\n";
  CHECK(statistics_error(rows) == "thon.csv:102, cột B (Tổng số hộ): cộng đến dòng này, tổng số hộ của tệp đã quá "
                                  "1.000.000.000 hộ; hãy kiểm tra lại các ô số hộ.");
}

TEST_CASE("statistics refuse a unit name with a control, bidi or zero-width character, or too long") {
  CHECK(statistics_error("Thôn\x1B]0;x\x07,100,5,6,\n") ==
        "thon.csv:2, cột A (Thôn): tên đơn vị \"Thôn<U+001B>]0;x<U+0007>\" có ký tự điều khiển U+001B (không nhìn thấy "
        "khi in); hãy gõ lại tên này, không chép từ nơi khác.");
  CHECK(statistics_error("\"Thôn\t1\",100,5,6,\n") == testing::kNoError);  // a tab in a CSV cell is a space
  CHECK(statistics_error("Thôn \xE2\x81\xA7" "1,100,5,6,\n").starts_with(
      "thon.csv:2, cột A (Thôn): tên đơn vị \"Thôn <U+2067>1\" có ký tự đổi chiều chữ U+2067"));
  CHECK(statistics_error("Thôn\xE2\x80\x8D" "1,100,5,6,\n").starts_with(
      "thon.csv:2, cột A (Thôn): tên đơn vị \"Thôn<U+200D>1\" có ký tự ẩn U+200D"));
  CHECK(statistics_error(std::string(201, 'A') + ",100,5,6,\n").ends_with("dài 201 ký tự; tên đơn vị dài tối đa 200 ký tự."));
}

TEST_CASE("a units table refuses more than eight level columns, bad names and counts no unit has") {
  std::string header, row;
  for (int i = 0; i < 900; ++i) {
    header += "Thôn,";
    row += "T" + std::to_string(i) + ",";
  }
  const auto started = std::chrono::steady_clock::now();
  CHECK(units_error(header + "Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n" + row + "100,5,6\n") ==
        "don-vi.csv:1: có 900 cột cấp đơn vị (\"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", "
        "\"Thôn\", \"Thôn\", \"Thôn\", …); kehoach nhận tối đa 8 cấp (ví dụ \"Tỉnh\", \"Huyện\", \"Xã\", \"Thôn\"). Hãy "
        "bỏ các cột cấp thừa.");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  const std::string head = "Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n";
  CHECK(units_error(head + "T,X,\"Thôn\x1B[31m\",100,5,6\n").starts_with(
      "don-vi.csv:2, cột C (Thôn): tên đơn vị \"Thôn<U+001B>[31m\" có ký tự điều khiển U+001B"));
  CHECK(units_error(head + "T,X,Thôn,100000000000000,5,6\n") ==
        "don-vi.csv:2, cột D (Tổng số hộ): 100.000.000.000.000 hộ là quá nhiều cho một đơn vị (tối đa 10.000.000 hộ); "
        "hãy kiểm tra lại ô này.");
  std::string many;
  for (int i = 0; i < 101; ++i) many += "T,X,Thôn " + std::to_string(i) + ",10000000,5,6\n";
  CHECK(units_error(head + many) == "don-vi.csv:102, cột D (Tổng số hộ): cộng đến dòng này, tổng số hộ của tệp đã quá "
                                    "1.000.000.000 hộ; hãy kiểm tra lại các ô số hộ.");
}

TEST_CASE("a household list refuses more than eight level columns, and rows whose unit names hide characters") {
  std::string levels;
  for (int i = 0; i < 9; ++i) levels += ",Thôn";
  CHECK(households_error(testing::replaced(kHouseholds, ",Thôn", levels) + "\n") ==
        "ho.csv:1: có 10 cột cấp đơn vị (\"Xã\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", \"Thôn\", "
        "\"Thôn\", \"Thôn\"); kehoach nhận tối đa 8 cấp (ví dụ \"Tỉnh\", \"Huyện\", \"Xã\", \"Thôn\"). Hãy bỏ các cột "
        "cấp thừa.");
  const std::string good = "HGĐ-001,Xã A,Thôn 1,Nông thôn,4,1.500.000,,,,,,,,,,,,\n";
  CHECK(households_error(std::string(kHouseholds) + "\n" + good) == testing::kNoError);
  CHECK(households_error(std::string(kHouseholds) + "\n" + good + "HGĐ-002,Xã A,Thôn\x1B[2J,Nông thôn,4,1.500.000,,,,,,,,,,,,\n") ==
        "ho.csv: 1 dòng có giá trị sai; hãy sửa các dòng này, hoặc chạy lại với --skip-bad-rows để bỏ qua chúng (số dòng "
        "bỏ qua được ghi vào kết quả):\n  ho.csv:3, cột C (Thôn): tên đơn vị \"Thôn<U+001B>[2J\" có ký tự điều khiển "
        "U+001B (không nhìn thấy khi in); hãy gõ lại tên này, không chép từ nơi khác.");
}

TEST_CASE("a movements table refuses a count no unit has and a name that hides characters") {
  const std::string header = "Thôn,Hộ nghèo - Tăng khác,Hộ nghèo - Cuối kỳ\n";
  const auto error = [&](const std::string& rows) {
    return testing::error_of([&] { read_movements(parse_csv(header + rows, "bien-dong.csv")); });
  };
  CHECK(error("A,100000000000000,\n") ==
        "bien-dong.csv:2, cột B (Hộ nghèo - Tăng khác): 100.000.000.000.000 hộ là quá nhiều cho một đơn vị (tối đa "
        "10.000.000 hộ); hãy kiểm tra lại ô này.");
  CHECK(error("A\xE2\x80\xAE,1,\n").starts_with("bien-dong.csv:2, cột A: tên đơn vị \"A<U+202E>\" có ký tự đổi chiều chữ"));
}

TEST_CASE("a received table refuses a name that hides characters, and its check finds counts no unit has") {
  const std::string header = "Thôn,Tổng số hộ,Hộ nghèo đầu năm,Tỷ lệ %\n";
  CHECK(testing::error_of([&] { read_received_table(parse_csv(header + "A\x1B[2J,100,5,5.00\n", "bang.csv")); })
            .starts_with("bang.csv:2, cột A (Thôn): tên đơn vị \"A<U+001B>[2J\" có ký tự điều khiển U+001B"));
  // 10.000 rows of 10^15 households: no sum overflows, each row says its count is too large.
  std::string rows;
  for (int i = 0; i < 10000; ++i) rows += "Thôn " + std::to_string(i) + ",100,999999999999999,5.00\n";
  const auto findings = check_table(read_received_table(parse_csv(header + rows + "Tổng cộng,1000000,1,0.00\n", "bang.csv")));
  REQUIRE(findings.size() == 10000);
  CHECK(findings[0].stated == "999999999999999");
  CHECK(findings[0].expected == "tối đa 10.000.000 hộ");
  CHECK(findings[0].reason == "số hộ quá lớn");
}

TEST_CASE("a unit tree of any depth is walked in preorder and split without recursion") {
  const UnitTree tree = chain(100'000);  // far deeper than a call stack of recursive walks would take
  const std::vector<int> order = tree.preorder();
  REQUIRE(order.size() == 100'000);
  CHECK(order.front() == 1);
  CHECK(order.back() == 100'000);
  CascadeSpec spec = parse_cascade("year: 2026\nunits: u.csv\ntargets:\n  poor: { reduce: 3 }\n", "phan-bo.yaml");
  const CascadeResult result = split_cascade(tree, spec);
  CHECK(result.row_of(tree, 100'000)->figures[0].reduction == 3);
}

TEST_CASE("a cascade's tables list their units in preorder, each parent's table its children in order") {
  UnitTreeBuilder builder({"Xã", "Thôn"});
  for (const auto& path : std::vector<std::vector<std::string>>{{"X1", "T1"}, {"X1", "T2"}, {"X2", "T1"}, {"X1", "T3"}})
    builder.tree().nodes[static_cast<std::size_t>(builder.unit_of(path))].tally = HouseholdTally{100, 0, 10, 10};
  UnitTree tree = std::move(builder.tree());
  CHECK(tree.preorder() == std::vector<int>{1, 2, 3, 6, 4, 5});
}
