#include <doctest/doctest.h>

#include <sstream>
#include <vector>

#include "read/csv_reader.h"
#include "read/household_reader.h"
#include "standard_fixture.h"
#include "test_support.h"

using namespace kehoach;

namespace {

const char* kHeader =
    "Mã hộ,Xã,Thôn,Khu vực,Số khẩu,Thu nhập bình quân,Việc làm,Người phụ thuộc trong hộ,Dinh dưỡng,Bảo hiểm y tế,"
    "Trình độ giáo dục của người lớn,Tình trạng đi học của trẻ em,Chất lượng nhà ở,"
    "Diện tích nhà ở bình quân đầu người,Nguồn nước sinh hoạt,Nhà tiêu hợp vệ sinh,Sử dụng dịch vụ viễn thông,"
    "Phương tiện phục vụ tiếp cận thông tin,Có người có khả năng lao động,Bảo trợ xã hội,Dân tộc thiểu số,Người có công\n";

PovertyStandard national() { return testing::national_2022(); }

struct Read {
  RecordsSummary summary;
  std::vector<Household> households;
};

Read read_text(const std::string& csv, bool skip = false, const PovertyStandard& standard = national()) {
  Read out;
  HouseholdRowReader reader("ho.csv", standard, RecordsOptions{"", skip},
                            [&](const Household& h) { out.households.push_back(h); });
  for (const auto& row : parse_csv(csv, "ho.csv").rows) reader.row(row);
  out.summary = reader.finish();
  return out;
}

std::string error_of(const std::string& csv, bool skip = false, const PovertyStandard& standard = national()) {
  return testing::error_of([&] { read_text(csv, skip, standard); });
}

}  // namespace

TEST_CASE("a records file gives each household its units, area, members, income, deprivations and groups") {
  const Read r = read_text(std::string("DANH SÁCH HỘ GIA ĐÌNH RÀ SOÁT NĂM 2023\n\n") + kHeader +
                           "HGĐ-001,Xã Tứ Hiệp,Thôn 1,Nông thôn,4,1.500.000,x,,x,,,x,,,,,,,x,,,\n"
                           "HGĐ-002,Xã Tứ Hiệp,Thôn 2,Thành thị,2,2100000,,,,,,,,,,,,X,,x,có,1\n");
  REQUIRE(r.households.size() == 2);
  CHECK(r.summary.levels == std::vector<std::string>{"Xã", "Thôn"});
  CHECK(r.summary.households == 2);
  CHECK(r.summary.skipped_rows == 0);
  const Household& a = r.households[0];
  CHECK(a.code == "HGĐ-001");
  CHECK(a.units == std::vector<std::string>{"Xã Tứ Hiệp", "Thôn 1"});
  CHECK(a.area == Area::Rural);
  CHECK(a.members == 4);
  CHECK(a.income == 1'500'000);
  CHECK_FALSE(a.scored);
  CHECK(a.deprived[0]);
  CHECK_FALSE(a.deprived[1]);
  CHECK(a.deprived[2]);
  CHECK(a.deprived[5]);
  CHECK(a.able_to_work);
  CHECK_FALSE(a.social_protection);
  CHECK(a.source_row == 4);
  const Household& b = r.households[1];
  CHECK(b.area == Area::Urban);
  CHECK(b.deprived[11]);
  CHECK_FALSE(b.able_to_work);
  CHECK(b.social_protection);
  CHECK(b.ethnic_minority);
  CHECK(b.merit);
}

TEST_CASE("headers without diacritics, in other cases, short forms and English keys are recognised") {
  const Read r = read_text(
      "code;province;district;commune;village;area;members;income;d1;d2;d3;d4;d5;d6;d7;d8;d9;d10;d11;d12\n"
      "A1;Tỉnh Hà Tĩnh;Huyện Hương Sơn;Xã An Hòa Thịnh;Thôn Sâm Cồn;rural;3;900000;x;x;x;;;;;;;;;\n");
  REQUIRE(r.households.size() == 1);
  CHECK(r.summary.levels.size() == 4);
  CHECK(r.households[0].units.back() == "Thôn Sâm Cồn");
  CHECK_FALSE(r.households[0].able_to_work);  // no group columns: nobody in the groups
  const Read v = read_text(
      "MA HO,THON,KHU VUC,SO KHAU,DIEM THU NHAP,CS1,CS2,CS3,CS4,CS5,CS6,CS7,CS8,CS9,CS10,CS11,CS12\n"
      "A1,Thôn 1,NT,3,120,x,,,,,,,,,,,\n");
  REQUIRE(v.households.size() == 1);
  CHECK(v.households[0].scored);
  CHECK(v.households[0].income == 120);
}

TEST_CASE("a missing column is named, with the header that looks like a misspelling of it") {
  const std::string header = testing::replaced(kHeader, "Số khẩu", "Số khẩuu");
  CHECK(error_of(header + "A,X,T,Nông thôn,1,1,,,,,,,,,,,,,,,,\n") ==
        "ho.csv:1: không tìm thấy cột \"Số khẩu\" trong dòng tiêu đề. Có phải cột \"Số khẩuu\" là \"Số khẩu\" viết sai? "
        "Tên các cột của tệp hộ gia đình: xem README.md, mục \"Tệp hộ gia đình\".");
}

TEST_CASE("bad values are reported by row and column, all of them, and nothing is accepted without --skip-bad-rows") {
  const std::string csv = std::string(kHeader) +
                          "H1,X,T1,Nông thôn,4,1500000,x,,,,,,,,,,,,,,,\n"
                          "H2,X,T1,Miền núi,4,1500000,,,,,,,,,,,,,,,,\n"
                          "H3,X,T1,Nông thôn,0,1500000,,,,,,,,,,,,,,,,\n"
                          "H4,X,T1,Nông thôn,2,một triệu,,,,,,,,,,,,,,,,\n"
                          "H5,X,T1,Nông thôn,2,-5,,,,,,,,,,,,,,,,\n"
                          "H6,X,,Nông thôn,2,5,,,,,,,,,,,,,,,,\n"
                          ",X,T1,Nông thôn,2,5,,,,,,,,,,,,,,,,\n"
                          "H8,X,T1,Nông thôn,2,5,,?,,,,,,,,,,,,,,\n";
  CHECK(error_of(csv) ==
        "ho.csv: 7 dòng có giá trị sai; hãy sửa các dòng này, hoặc chạy lại với --skip-bad-rows để bỏ qua chúng "
        "(số dòng bỏ qua được ghi vào kết quả):\n"
        "  ho.csv:3, cột D (Khu vực): \"Miền núi\" không phải khu vực; ghi \"Nông thôn\" hoặc \"Thành thị\".\n"
        "  ho.csv:4, cột E (Số khẩu): số khẩu phải là số nguyên từ 1 đến 99, không phải \"0\".\n"
        "  ho.csv:5, cột F (Thu nhập bình quân): thu nhập phải là số đồng từ 0 trở lên, ghi như 1.500.000 hoặc "
        "1500000, không phải \"một triệu\".\n"
        "  ho.csv:6, cột F (Thu nhập bình quân): thu nhập phải là số đồng từ 0 trở lên, ghi như 1.500.000 hoặc "
        "1500000, không phải \"-5\".\n"
        "  ho.csv:7, cột C (Thôn): thiếu tên đơn vị.\n"
        "  ho.csv:8, cột A (Mã hộ): thiếu mã hộ.\n"
        "  ho.csv:9, cột H (Người phụ thuộc trong hộ): \"?\" không phải dấu đánh; ghi \"x\" (có) hoặc để trống (không).");
  const Read skipped = read_text(csv, true);
  CHECK(skipped.summary.skipped_rows == 7);
  CHECK(skipped.summary.households == 1);
  REQUIRE(skipped.households.size() == 1);
  CHECK(skipped.households[0].code == "H1");
}

TEST_CASE("past twenty bad rows the message counts the rest") {
  std::string csv = kHeader;
  for (int i = 0; i < 25; ++i) csv += "H" + std::to_string(i) + ",X,T,Nông thôn,0,1,,,,,,,,,,,,,,,,\n";
  const std::string message = error_of(csv);
  CHECK(message.find("ho.csv: 25 dòng có giá trị sai") == 0);
  CHECK(message.find("ho.csv:21, cột E") != std::string::npos);
  CHECK(message.find("ho.csv:22, cột E") == std::string::npos);
  CHECK(message.ends_with("\n  … và 5 dòng khác."));
}

TEST_CASE("a household code used twice is refused even when bad rows are skipped") {
  const std::string csv = std::string(kHeader) + "H1,X,T,Nông thôn,2,1,,,,,,,,,,,,,,,,\n"
                                                 "H2,X,T,Nông thôn,2,1,,,,,,,,,,,,,,,,\n"
                                                 "H1,X,T2,Nông thôn,2,1,,,,,,,,,,,,,,,,\n";
  const std::string expected =
      "ho.csv: 1 dòng có mã hộ đã dùng ở dòng khác; mỗi hộ chỉ ghi một dòng, hãy sửa mã hộ hoặc bỏ dòng thừa:\n"
      "  ho.csv:4, cột A (Mã hộ): mã hộ trùng với dòng 2.";
  CHECK(error_of(csv) == expected);
  CHECK(error_of(csv, true) == expected);
}

TEST_CASE("scores need a standard with score lines, an income column's stated basis must be the standard's") {
  PovertyStandard yearly = national();
  yearly.per_year = true;
  yearly.name = "Chuẩn nghèo theo năm";
  const std::string per_month = testing::replaced(kHeader, "Thu nhập bình quân", "Thu nhập bình quân/tháng");
  CHECK(error_of(per_month + "H1,X,T,Nông thôn,2,1,,,,,,,,,,,,,,,,\n", false, yearly) ==
        "ho.csv:1, cột F (Thu nhập bình quân/tháng): cột ghi thu nhập một tháng nhưng Chuẩn nghèo theo năm tính theo "
        "thu nhập một năm; hãy đổi cột thu nhập, hoặc chọn chuẩn nghèo khác (--standard).");
  CHECK(read_text(per_month + "H1,X,T,Nông thôn,2,1,,,,,,,,,,,,,,,,\n").households.size() == 1);

  PovertyStandard no_scores = national();
  no_scores.rural.poor_score.reset();
  const std::string scored = testing::replaced(kHeader, "Thu nhập bình quân", "Điểm thu nhập");
  CHECK(error_of(scored + "H1,X,T,Nông thôn,2,1,,,,,,,,,,,,,,,,\n", false, no_scores) ==
        "ho.csv:1, cột F (Điểm thu nhập): tệp ghi điểm thu nhập nhưng Chuẩn nghèo đa chiều giai đoạn 2022–2025 không "
        "có mức điểm (poor_score) cho cả nông thôn và thành thị; hãy ghi thu nhập bằng đồng, hoặc thêm poor_score vào "
        "tệp chuẩn nghèo.");
}

TEST_CASE("a file without a header, or with a header and no households, is refused") {
  CHECK(error_of("") == "ho.csv: không có dòng tiêu đề hay dòng hộ nào; tệp hộ gia đình cần dòng tiêu đề (\"Mã hộ\", "
                        "\"Thôn\", …) và mỗi hộ một dòng.");
  CHECK(error_of(kHeader) == "ho.csv:1: không có hộ nào dưới dòng tiêu đề.");
  std::string titles;
  for (int i = 0; i < 30; ++i) titles += "Tiêu đề " + std::to_string(i) + "\n";
  CHECK(error_of(titles).find("ho.csv:30: không tìm thấy dòng tiêu đề của tệp hộ gia đình trong 30 dòng đầu") == 0);
}
