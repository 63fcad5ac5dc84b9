#include <doctest/doctest.h>

#include <filesystem>

#include "read/standard_reader.h"
#include "scratch_folder.h"
#include "test_support.h"

using namespace kehoach;
using kehoach::testing::replaced;
using kehoach::testing::ScratchFolder;

namespace {

const std::string kStandards = KEHOACH_STANDARDS;

const char* kStandard = R"(name: Chuẩn nghèo thử nghiệm giai đoạn 2022–2025
first_year: 2022
last_year: 2025
income: per_month
rural:
  poor: 1.500.000
  middle: 2.250.000
urban:
  poor: 2000000
  near_poor: 2.500.000
  middle: 3.000.000
poor_deprivations: 3
)";

std::string error_of(const std::string& yaml) {
  return testing::error_of([&] { parse_standard(yaml, "data/chuan.yaml"); });
}

std::string shipped(const std::string& name) { return kStandards + "/" + name; }

void copy_shipped(const ScratchFolder& folder, const std::string& name) {
  std::filesystem::copy_file(shipped(name), folder.file(name));
}

std::string period_error(const std::string& folder, int year) {
  return testing::error_of([&] { standard_for_year(folder, year); });
}

}  // namespace

TEST_CASE("a standard file gives its name, period, income basis, lines by area and deprivations") {
  const PovertyStandard s = parse_standard(kStandard, "data/chuan.yaml");
  CHECK(s.name == "Chuẩn nghèo thử nghiệm giai đoạn 2022–2025");
  CHECK(s.file == "data/chuan.yaml");
  CHECK(s.first_year == 2022);
  CHECK(s.last_year == 2025);
  CHECK_FALSE(s.per_year);
  CHECK(s.rural.poor == 1'500'000);
  CHECK_FALSE(s.rural.near_poor);
  CHECK(s.rural.middle == 2'250'000);
  CHECK(s.urban.poor == 2'000'000);
  CHECK(s.urban.near_poor == 2'500'000);
  CHECK(s.urban.middle == 3'000'000);
  CHECK(s.poor_deprivations == 3);
}

TEST_CASE("score lines are optional, whole numbers, and middle_score needs poor_score below it") {
  const std::string with_scores = replaced(kStandard, "  middle: 2.250.000\n", "  middle: 2.250.000\n  poor_score: 140\n  middle_score: 160\n");
  const PovertyStandard s = parse_standard(with_scores, "data/chuan.yaml");
  CHECK(s.rural.poor_score == 140);
  CHECK(s.rural.middle_score == 160);
  CHECK_FALSE(s.urban.poor_score);
  CHECK(error_of(replaced(with_scores, "middle_score: 160", "middle_score: 140")) ==
        "data/chuan.yaml:9: rural: middle_score (140) phải cao hơn poor_score (140).");
  CHECK(error_of(replaced(with_scores, "  poor_score: 140\n", "")) ==
        "data/chuan.yaml:8: rural: có middle_score thì phải có poor_score.");
  CHECK(error_of(replaced(with_scores, "poor_score: 140", "poor_score: 14,5")).find("data/chuan.yaml:8:") == 0);
}

TEST_CASE("a key written with nothing under it counts as left out") {
  const PovertyStandard s = parse_standard(replaced(kStandard, "  middle: 2.250.000", "  middle:"), "data/chuan.yaml");
  CHECK_FALSE(s.rural.middle);
}

TEST_CASE("the shipped national standard of 2022–2025 runs through 2026 with monthly lines and middle income") {
  const PovertyStandard s = read_standard(shipped("quoc-gia-2022-2025.yaml"));
  CHECK(s.name == "Chuẩn nghèo đa chiều giai đoạn 2022–2025");
  CHECK(s.document == "Nghị định 07/2021/NĐ-CP");
  CHECK(s.confirmed);
  CHECK(s.file == shipped("quoc-gia-2022-2025.yaml"));
  CHECK(s.first_year == 2022);
  CHECK(s.last_year == 2026);
  CHECK_FALSE(s.per_year);
  CHECK(s.rural.poor == 1'500'000);
  CHECK_FALSE(s.rural.near_poor);
  CHECK(s.rural.middle == 2'250'000);
  CHECK(s.urban.poor == 2'000'000);
  CHECK_FALSE(s.urban.near_poor);
  CHECK(s.urban.middle == 3'000'000);
  CHECK(s.poor_deprivations == 3);
  CHECK(s.rural.poor_score == 140);
  CHECK(s.urban.poor_score == 175);
  CHECK_FALSE(s.rural.middle_score);
}

TEST_CASE("the shipped national standard of 2027–2030 has monthly lines and no middle-income lines") {
  const PovertyStandard s = read_standard(shipped("quoc-gia-2027-2030.yaml"));
  CHECK(s.name == "Chuẩn nghèo đa chiều giai đoạn 2027–2030");
  CHECK(s.document.empty());
  CHECK_FALSE(s.confirmed);  // the lines come from the press, not yet from a legal text
  CHECK(s.first_year == 2027);
  CHECK(s.last_year == 2030);
  CHECK_FALSE(s.per_year);
  CHECK(s.rural.poor == 2'200'000);
  CHECK_FALSE(s.rural.near_poor);
  CHECK_FALSE(s.rural.middle);
  CHECK(s.urban.poor == 2'800'000);
  CHECK_FALSE(s.urban.near_poor);
  CHECK_FALSE(s.urban.middle);
  CHECK(s.poor_deprivations == 3);
}

TEST_CASE("the shipped Hồ Chí Minh City standard has yearly lines with a near-poor band, the same in both areas") {
  const PovertyStandard s = read_standard(shipped("dia-phuong/tp-ho-chi-minh-2021-2025.yaml"));
  CHECK(s.name == "Chuẩn nghèo Thành phố Hồ Chí Minh giai đoạn 2021–2025");
  CHECK(s.first_year == 2021);
  CHECK(s.last_year == 2025);
  CHECK(s.per_year);
  for (const AreaLines* lines : {&s.rural, &s.urban}) {
    CHECK(lines->poor == 36'000'000);
    CHECK(lines->near_poor == 46'000'000);
    CHECK_FALSE(lines->middle);
  }
  CHECK(s.poor_deprivations == 3);
}

TEST_CASE("an unknown key is refused with its line and the keys allowed there") {
  CHECK(error_of(std::string(kStandard) + "nam: 2022\n") ==
        "data/chuan.yaml:13: khóa \"nam\" không có trong mẫu tệp chuẩn nghèo; các khóa dùng được ở đây: "
        "name, document, confirmed, first_year, last_year, income, rural, urban, poor_deprivations.");
  CHECK(error_of(replaced(kStandard, "  middle: 2.250.000", "  trung_binh: 2.250.000")) ==
        "data/chuan.yaml:7: khóa \"trung_binh\" không có trong mẫu tệp chuẩn nghèo; các khóa dùng được ở đây: "
        "poor, near_poor, middle, poor_score, middle_score.");
}

TEST_CASE("a missing key is named with the line of the part it belongs in") {
  CHECK(error_of(replaced(kStandard, "poor_deprivations: 3\n", "")) == "data/chuan.yaml:1: thiếu khóa \"poor_deprivations\".");
  CHECK(error_of(replaced(kStandard, "name: Chuẩn nghèo thử nghiệm giai đoạn 2022–2025\n", "")) ==
        "data/chuan.yaml:1: thiếu khóa \"name\".");
  CHECK(error_of(replaced(kStandard, "income: per_month", "income:")) == "data/chuan.yaml:1: thiếu khóa \"income\".");
  CHECK(error_of(replaced(kStandard, "  poor: 1.500.000\n", "")) == "data/chuan.yaml:6: thiếu khóa \"poor\".");
  CHECK(error_of(replaced(kStandard, "urban:\n  poor: 2000000\n  near_poor: 2.500.000\n  middle: 3.000.000\n", "")) ==
        "data/chuan.yaml:1: thiếu khóa \"urban\".");
}

TEST_CASE("an amount that is not a whole number of đồng above zero is refused as written") {
  CHECK(error_of(replaced(kStandard, "1.500.000", "1,5 triệu")) ==
        "data/chuan.yaml:6: \"poor\" phải là số tiền (đồng) lớn hơn 0, ghi như 1.500.000 hoặc 1500000, "
        "không phải \"1,5 triệu\".");
  CHECK(error_of(replaced(kStandard, "2000000", "0")) ==
        "data/chuan.yaml:9: \"poor\" phải là số tiền (đồng) lớn hơn 0, ghi như 1.500.000 hoặc 1500000, không phải \"0\".");
  CHECK(error_of(replaced(kStandard, "2.500.000", "-2.500.000")) ==
        "data/chuan.yaml:10: \"near_poor\" phải là số tiền (đồng) lớn hơn 0, ghi như 1.500.000 hoặc 1500000, "
        "không phải \"-2.500.000\".");
  CHECK(error_of(replaced(kStandard, "2.250.000", "2.250.000,5")) ==
        "data/chuan.yaml:7: \"middle\" phải là số tiền (đồng) lớn hơn 0, ghi như 1.500.000 hoặc 1500000, "
        "không phải \"2.250.000,5\".");
  CHECK(error_of(replaced(kStandard, "  poor: 1.500.000", "  poor: [1.500.000]")) ==
        "data/chuan.yaml:6: \"poor\" phải là số tiền (đồng) lớn hơn 0, ghi như 1.500.000 hoặc 1500000.");
}

TEST_CASE("a last year before the first year is refused") {
  CHECK(error_of(replaced(kStandard, "last_year: 2025", "last_year: 2021")) ==
        "data/chuan.yaml:3: năm cuối (last_year) 2021 trước năm đầu (first_year) 2022.");
}

TEST_CASE("a one-year standard is allowed") {
  const PovertyStandard s = parse_standard(replaced(kStandard, "last_year: 2025", "last_year: 2022"), "data/chuan.yaml");
  CHECK(s.first_year == 2022);
  CHECK(s.last_year == 2022);
}

TEST_CASE("a year that is not a whole number in range is refused") {
  CHECK(error_of(replaced(kStandard, "first_year: 2022", "first_year: 2022a")) ==
        "data/chuan.yaml:2: \"first_year\" phải là số nguyên từ 1900 đến 2200, không phải \"2022a\".");
  CHECK(error_of(replaced(kStandard, "last_year: 2025", "last_year: 22025")) ==
        "data/chuan.yaml:3: \"last_year\" phải là số nguyên từ 1900 đến 2200, không phải \"22025\".");
}

TEST_CASE("a near-poor line not above the poor line is refused") {
  CHECK(error_of(replaced(kStandard, "near_poor: 2.500.000", "near_poor: 2.000.000")) ==
        "data/chuan.yaml:10: urban: near_poor (2.000.000) phải cao hơn poor (2000000).");
  CHECK(error_of(replaced(kStandard, "near_poor: 2.500.000", "near_poor: 1.900.000")) ==
        "data/chuan.yaml:10: urban: near_poor (1.900.000) phải cao hơn poor (2000000).");
}

TEST_CASE("a middle-income line not above the poor line, or the near-poor line, is refused") {
  CHECK(error_of(replaced(kStandard, "middle: 2.250.000", "middle: 1.500.000")) ==
        "data/chuan.yaml:7: rural: middle (1.500.000) phải cao hơn poor (1.500.000).");
  CHECK(error_of(replaced(kStandard, "middle: 2.250.000", "middle: 1.000.000")) ==
        "data/chuan.yaml:7: rural: middle (1.000.000) phải cao hơn poor (1.500.000).");
  CHECK(error_of(replaced(kStandard, "middle: 3.000.000", "middle: 2.500.000")) ==
        "data/chuan.yaml:11: urban: middle (2.500.000) phải cao hơn near_poor (2.500.000).");
}

TEST_CASE("a standard is confirmed unless its file says confirmed: false, and names its legal text if it gives one") {
  const PovertyStandard plain = parse_standard(kStandard, "data/chuan.yaml");
  CHECK(plain.confirmed);
  CHECK(plain.document.empty());
  const PovertyStandard draft =
      parse_standard(std::string(kStandard) + "confirmed: false\ndocument: Dự thảo Nghị định\n", "data/chuan.yaml");
  CHECK_FALSE(draft.confirmed);
  CHECK(draft.document == "Dự thảo Nghị định");
  CHECK(parse_standard(std::string(kStandard) + "confirmed: true\n", "data/chuan.yaml").confirmed);
  CHECK(error_of(std::string(kStandard) + "confirmed: chưa\n") ==
        "data/chuan.yaml:13: \"confirmed\" phải là true hoặc false, không phải \"chưa\".");
}

TEST_CASE("the income basis is per_month or per_year") {
  CHECK(parse_standard(replaced(kStandard, "per_month", "per_year"), "data/chuan.yaml").per_year);
  CHECK(error_of(replaced(kStandard, "per_month", "theo tháng")) ==
        "data/chuan.yaml:4: \"income\" phải là per_month (thu nhập bình quân đầu người một tháng) hoặc per_year "
        "(một năm), không phải \"theo tháng\".");
}

TEST_CASE("the deprivations that make a household poor are between 1 and the 12 indicators") {
  CHECK(error_of(replaced(kStandard, "poor_deprivations: 3", "poor_deprivations: 13")) ==
        "data/chuan.yaml:12: \"poor_deprivations\" phải là số nguyên từ 1 đến 12, không phải \"13\".");
  CHECK(error_of(replaced(kStandard, "poor_deprivations: 3", "poor_deprivations: 0")) ==
        "data/chuan.yaml:12: \"poor_deprivations\" phải là số nguyên từ 1 đến 12, không phải \"0\".");
}

TEST_CASE("an area written as one amount instead of its lines is refused") {
  CHECK(error_of(replaced(kStandard, "rural:\n  poor: 1.500.000\n  middle: 2.250.000", "rural: 1.500.000")) ==
        "data/chuan.yaml:5: \"rural\" phải gồm poor (mức nghèo) và có thể thêm near_poor, middle.");
}

TEST_CASE("a file that is not a list of keys, or not YAML, is refused with its line") {
  CHECK(error_of("- 1.500.000\n") ==
        "data/chuan.yaml:1: tệp chuẩn nghèo phải là danh sách khóa: giá trị "
        "(xem chú thích đầu các tệp trong data/standards).");
  CHECK(error_of("name: Chuẩn nghèo\nrural: [1.500.000\n") ==
        "data/chuan.yaml:3: tệp YAML sai cú pháp (end of sequence flow not found).");
}

TEST_CASE("a standard file that does not exist is named") {
  const ScratchFolder folder;
  const std::string path = folder.file("khong-co.yaml");
  CHECK(testing::error_of([&] { read_standard(path); }) == path + ": không mở được tệp; hãy kiểm tra tên và đường dẫn.");
}

TEST_CASE("the standard for a year is the national file whose period contains it, 2026 included") {
  const ScratchFolder folder;
  copy_shipped(folder, "quoc-gia-2022-2025.yaml");
  copy_shipped(folder, "quoc-gia-2027-2030.yaml");
  const std::string path = folder.path().string();
  CHECK(standard_for_year(path, 2022).file == folder.file("quoc-gia-2022-2025.yaml"));
  CHECK(standard_for_year(path, 2026).file == folder.file("quoc-gia-2022-2025.yaml"));
  CHECK(standard_for_year(path, 2027).file == folder.file("quoc-gia-2027-2030.yaml"));
  CHECK(standard_for_year(path, 2027).rural.poor == 2'200'000);
  CHECK(standard_for_year(path, 2030).file == folder.file("quoc-gia-2027-2030.yaml"));
}

TEST_CASE("a year no standard covers is refused with the periods found") {
  const ScratchFolder folder;
  copy_shipped(folder, "quoc-gia-2022-2025.yaml");
  copy_shipped(folder, "quoc-gia-2027-2030.yaml");
  const std::string path = folder.path().string();
  const std::string expected = path + ": không có chuẩn nghèo cho năm %; các chuẩn có trong thư mục: "
                                      "2022–2026 (quoc-gia-2022-2025.yaml), 2027–2030 (quoc-gia-2027-2030.yaml). "
                                      "Hãy thêm tệp chuẩn nghèo cho năm này.";
  CHECK(period_error(path, 2031) == replaced(expected, "%", "2031"));
  CHECK(period_error(path, 2021) == replaced(expected, "%", "2021"));
}

TEST_CASE("in the shipped folder 2026 and 2027 have one standard each and 2031 none") {
  CHECK(standard_for_year(kStandards, 2026).file == shipped("quoc-gia-2022-2025.yaml"));
  CHECK(standard_for_year(kStandards, 2027).file == shipped("quoc-gia-2027-2030.yaml"));
  CHECK(period_error(kStandards, 2031) ==
        kStandards + ": không có chuẩn nghèo cho năm 2031; các chuẩn có trong thư mục: "
                     "2022–2026 (quoc-gia-2022-2025.yaml), 2027–2030 (quoc-gia-2027-2030.yaml). "
                     "Hãy thêm tệp chuẩn nghèo cho năm này.");
}

TEST_CASE("in the shipped folder 2022 has the national standard: local standards in dia-phuong/ are not chosen by year") {
  CHECK(standard_for_year(kStandards, 2022).file == shipped("quoc-gia-2022-2025.yaml"));
  CHECK(standard_for_year(kStandards, 2025).file == shipped("quoc-gia-2022-2025.yaml"));
}

TEST_CASE("two files covering the same year are both named, even when they overlap in one year only") {
  const ScratchFolder folder;
  copy_shipped(folder, "quoc-gia-2022-2025.yaml");
  folder.write("dia-phuong-2026.yaml", replaced(replaced(kStandard, "first_year: 2022", "first_year: 2026"),
                                                "last_year: 2025", "last_year: 2026"));
  const std::string path = folder.path().string();
  CHECK(standard_for_year(path, 2025).file == folder.file("quoc-gia-2022-2025.yaml"));
  CHECK(period_error(path, 2026) ==
        path + ": năm 2026 có hai chuẩn nghèo: dia-phuong-2026.yaml (2026) và quoc-gia-2022-2025.yaml (2022–2026); "
               "mỗi năm chỉ để một tệp chuẩn nghèo trong thư mục.");
}

TEST_CASE("only .yaml files are standards, and a broken one is reported even when another covers the year") {
  const ScratchFolder folder;
  copy_shipped(folder, "quoc-gia-2022-2025.yaml");
  folder.write("ghi-chu.txt", "Ghi chú: không phải chuẩn nghèo.\n");
  const std::string path = folder.path().string();
  CHECK(standard_for_year(path, 2023).file == folder.file("quoc-gia-2022-2025.yaml"));
  folder.write("sai.yaml", replaced(kStandard, "per_month", "theo tháng"));
  CHECK(period_error(path, 2023) ==
        folder.file("sai.yaml") + ":4: \"income\" phải là per_month (thu nhập bình quân đầu người một tháng) hoặc "
                                  "per_year (một năm), không phải \"theo tháng\".");
}

TEST_CASE("an empty or missing standards folder is refused") {
  const ScratchFolder folder;
  const std::string path = folder.path().string();
  CHECK(period_error(path, 2022) == path + ": thư mục không có tệp chuẩn nghèo nào (.yaml).");
  CHECK(period_error(folder.file("khong-co"), 2022) == folder.file("khong-co") + ": không có thư mục chuẩn nghèo này.");
}
