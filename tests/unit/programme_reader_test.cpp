#include <doctest/doctest.h>

#include "model/input_error.h"
#include "read/programme_reader.h"
#include "test_support.h"

using namespace kehoach;

TEST_CASE("the shipped programme 2021-2025 has the seven projects of Quyết định 90/QĐ-TTg") {
  const NationalProgramme programme = read_programme(KEHOACH_PROGRAMME);
  CHECK(programme.source == "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ");
  CHECK((programme.first_year == 2021 && programme.last_year == 2025));
  REQUIRE(programme.projects.size() == 7);
  CHECK(programme.projects[1].name == "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo");
  CHECK(programme.projects[3].subprojects ==
        std::vector<std::string>{"Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn",
                                 "Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng",
                                 "Hỗ trợ việc làm bền vững"});
}

TEST_CASE("a plan follows the programme of its year, else the latest that began before it") {
  std::vector<NationalProgramme> programmes(2);
  programmes[0].first_year = 2021, programmes[0].last_year = 2025;
  programmes[1].first_year = 2016, programmes[1].last_year = 2020;
  CHECK(programme_for_year(programmes, 2022) == &programmes[0]);
  CHECK(programme_for_year(programmes, 2018) == &programmes[1]);
  CHECK(programme_for_year(programmes, 2026) == &programmes[0]);  // the next one is not in the folder yet
  CHECK(programme_for_year(programmes, 2010) == nullptr);
}

TEST_CASE("a programme file with projects out of order or an unknown key is refused at its line") {
  CHECK(testing::error_of([] {
          parse_programme("name: X\nfirst_year: 2021\nlast_year: 2025\nprojects:\n  - { number: 2, name: A }\n",
                          "ct.yaml");
        }) == "ct.yaml:5: dự án thứ 1 phải có number: 1 (các dự án ghi theo thứ tự).");
  CHECK(testing::error_of([] {
          parse_programme("name: X\nfirst_year: 2021\nlast_year: 2025\nyear: 2021\nprojects:\n  - { number: 1, name: A }\n",
                          "ct.yaml");
        }).rfind("ct.yaml:4: ", 0) == 0);
}
