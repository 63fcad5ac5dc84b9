#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "appendix_fixture.h"
#include "read/xlsx_reader.h"
#include "scratch_folder.h"
#include "whole_file.h"
#include "write/appendix_workbook.h"

using namespace kehoach;
namespace fs = std::filesystem;

TEST_CASE("the appendix workbook reads back with its titles, two-level header, units and total") {
  const testing::ScratchFolder scratch;
  const std::string path = scratch.file("phu-luc.xlsx");
  testing::write_whole(path, [&](const AtomicFile& file) {
    write_appendix_workbook(testing::small_plan(), testing::small_table(), file);
  });

  const Grid grid = read_xlsx(path, "phu-luc.xlsx");
  CHECK(grid.sheet == "Phụ lục");
  CHECK(grid.rows[0].cell(0) == "Phụ lục");
  CHECK(grid.rows[1].cell(0) == "CHỈ TIÊU GIẢM HỘ CẬN NGHÈO NĂM 2023");
  CHECK(grid.rows[2].cell(0) ==
        "(Kèm theo Kế hoạch số 90/KH-UBND ngày 23 tháng 02 năm 2023 của Ủy ban nhân dân huyện Thanh Trì)");
  CHECK(grid.rows[4].cells == std::vector<std::string>{"TT", "Đơn vị", "Tổng số hộ", "Hộ cận nghèo đầu năm 2023",
                                                        "Hộ cận nghèo đầu năm 2023", "Giảm hộ cận nghèo trong năm 2023",
                                                        "Giảm hộ cận nghèo trong năm 2023", "Hộ cận nghèo cuối năm 2023",
                                                        "Hộ cận nghèo cuối năm 2023"});
  CHECK(grid.rows[5].cell(3) == "Số hộ");
  CHECK(grid.rows[5].cell(4) == "Tỷ lệ (%)");
  // Cached values as a viewer shows them: Đại Áng 62 near-poor of 3.483 = 1,78%, reduce 7, end 55.
  CHECK(grid.rows[6].cells == std::vector<std::string>{"1", "Đại Áng", "3483", "62", "1.78", "7", "0.20", "55", "1.58"});
  CHECK(grid.rows[7].cells == std::vector<std::string>{"2", "Tứ Hiệp", "7300", "3", "0.04", "3", "0.04", "0", "0.00"});
  CHECK(grid.rows[9].cells ==
        std::vector<std::string>{"Tổng cộng", "Tổng cộng", "12806", "82", "0.64", "12", "0.09", "70", "0.55"});
}

TEST_CASE("a workbook that cannot be written leaves no file and says where") {
  const std::string path = "/khong/co/thu-muc/phu-luc.xlsx";
  const auto write = [&](const AtomicFile& file) { write_appendix_workbook(testing::small_plan(), testing::small_table(), file); };
  CHECK_THROWS_WITH_AS(testing::write_whole(path, write),
                       doctest::Contains("/khong/co/thu-muc/phu-luc.xlsx"), std::runtime_error);
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("the same plan gives the same bytes twice") {
  const testing::ScratchFolder scratch;
  const std::string first = scratch.file("a.xlsx"), second = scratch.file("b.xlsx");
  testing::write_whole(first, [&](const AtomicFile& file) {
    write_appendix_workbook(testing::small_plan(), testing::small_table(), file);
  });
  testing::write_whole(second, [&](const AtomicFile& file) {
    write_appendix_workbook(testing::small_plan(), testing::small_table(), file);
  });
  std::ifstream a(first, std::ios::binary), b(second, std::ios::binary);
  const std::string bytes_a((std::istreambuf_iterator<char>(a)), {}), bytes_b((std::istreambuf_iterator<char>(b)), {});
  CHECK(bytes_a.size() > 1000);
  CHECK(bytes_a == bytes_b);
}
