#include <doctest/doctest.h>

#include "read/column_names.h"

using namespace kehoach;

TEST_CASE("headers are recognised as officials write them, with or without diacritics") {
  CHECK(classify_header("Thôn").meaning == ColumnMeaning::Unit);
  CHECK(classify_header("Đơn vị").meaning == ColumnMeaning::Unit);
  CHECK(classify_header("DON VI").meaning == ColumnMeaning::Unit);
  CHECK(classify_header("Tổ dân phố").meaning == ColumnMeaning::Unit);
  CHECK(classify_header("Tổng số hộ").meaning == ColumnMeaning::Households);
  CHECK(classify_header("Tổng số hộ gia đình").meaning == ColumnMeaning::Households);
  CHECK(classify_header("tong so ho").meaning == ColumnMeaning::Households);
  CHECK(classify_header("Số khẩu").meaning == ColumnMeaning::Members);
  CHECK(classify_header("STT").meaning == ColumnMeaning::Order);
  CHECK(classify_header("TT").meaning == ColumnMeaning::Order);
}

TEST_CASE("count columns carry their indicator and stage") {
  ColumnKind k = classify_header("Hộ nghèo đầu năm 2022");
  CHECK(k.meaning == ColumnMeaning::Count);
  CHECK(k.indicator == Indicator::Poor);
  CHECK(k.stage == Stage::Start);
  k = classify_header("Giảm hộ cận nghèo trong năm 2022");
  CHECK(k.indicator == Indicator::NearPoor);
  CHECK(k.stage == Stage::Reduction);
  k = classify_header("HỘ CẬN NGHÈO CUỐI NĂM");
  CHECK(k.indicator == Indicator::NearPoor);
  CHECK(k.stage == Stage::End);
  k = classify_header("Tổng số hộ cận nghèo đầu năm");  // Thanh Trì: a count, not the households
  CHECK(k.meaning == ColumnMeaning::Count);
  CHECK(k.indicator == Indicator::NearPoor);
  k = classify_header("Kế hoạch giảm hộ cận nghèo năm 2023");
  CHECK(k.stage == Stage::Reduction);
  k = classify_header("Hộ nghèo");
  CHECK(k.stage == Stage::Unspecified);
}

TEST_CASE("English headers are recognised too") {
  CHECK(classify_header("Village").meaning == ColumnMeaning::Unit);
  CHECK(classify_header("Households").meaning == ColumnMeaning::Households);
  CHECK(classify_header("Poor").indicator == Indicator::Poor);
  CHECK(classify_header("Near-poor").indicator == Indicator::NearPoor);
  CHECK(classify_header("Members").meaning == ColumnMeaning::Members);
}

TEST_CASE("rate columns are recognised by their words or a percent sign") {
  CHECK(classify_header("Tỷ lệ %").meaning == ColumnMeaning::Rate);
  CHECK(classify_header("Tỉ lệ").meaning == ColumnMeaning::Rate);
  CHECK(classify_header("%").meaning == ColumnMeaning::Rate);
  CHECK(classify_header("Hộ nghèo đầu năm 2022 - Tỷ lệ (%)").indicator == Indicator::Poor);
}

TEST_CASE("a header below title rows is found, and a sub-header row is merged into it") {
  Grid grid{"bang.csv", "", {{1, {"PHỤ LỤC"}},
                             {2, {"TT", "Thôn", "Tổng số hộ", "Hộ nghèo đầu năm", "", "Giảm hộ nghèo", ""}},
                             {3, {"", "", "", "TS", "%", "TS", "%"}},
                             {4, {"1", "Trùa", "105", "7", "6.67", "2", "1.90"}}}};
  const auto header = find_header(grid, 1);
  REQUIRE(header);
  CHECK(header->row_index == 1);
  CHECK(header->first_data_index == 3);
  CHECK(header->names[3] == "Hộ nghèo đầu năm - TS");
  CHECK(header->names[4] == "Hộ nghèo đầu năm - %");
  CHECK(header->kinds[4].meaning == ColumnMeaning::Rate);
  CHECK(header->kinds[5].stage == Stage::Reduction);
}

TEST_CASE("total rows are recognised by their label") {
  CHECK(is_total_label("Tổng cộng"));
  CHECK(is_total_label("TỔNG"));
  CHECK(is_total_label("Toàn huyện"));
  CHECK(is_total_label("Cộng"));
  CHECK_FALSE(is_total_label("Tổ 5"));
  CHECK_FALSE(is_total_label("Đông Mỹ"));
}

TEST_CASE("a misspelled header is matched to the column it was meant to be") {
  const std::vector<std::string> names = {"Thôn", "Tổng số hộ", "Hộ ngèo", "Hộ cận nghèo"};
  CHECK(closest_header(names, "Hộ nghèo") == "Hộ ngèo");
  CHECK(closest_header(names, "Số khẩu") == "");
}
