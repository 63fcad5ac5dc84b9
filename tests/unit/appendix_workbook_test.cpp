#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "appendix_fixture.h"
#include "read/xlsx_reader.h"
#include "scratch_folder.h"
#include "whole_file.h"
#include "model/input_error.h"
#include "write/appendix_workbook.h"
#include "write/workbook_file.h"

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

TEST_CASE("a name longer than a cell holds is an error naming the file and the cell, never an empty cell") {
  const testing::ScratchFolder scratch;
  AppendixTable table = testing::small_table();
  table.rows[1].name = std::string(40000, 'a');
  const std::string path = scratch.file("phu-luc.xlsx");
  const auto write = [&](const AtomicFile& file) { write_appendix_workbook(testing::small_plan(), table, file); };
  CHECK_THROWS_WITH_AS(testing::write_whole(path, write),
                       ("không ghi được tệp " + path +
                        ": ô B8: chữ dài hơn 32.767 ký tự, quá sức chứa của một ô Excel; hãy rút ngắn tên hoặc nội "
                        "dung trong tệp đầu vào.").c_str(),
                       OutputError);
  CHECK(fs::is_empty(scratch.path()));
}

TEST_CASE("every cell a writer cannot place is refused by name: beyond the last row, a sheet name Excel refuses") {
  const testing::ScratchFolder scratch;
  const auto beyond = [](const AtomicFile& file) {
    write_workbook(file, "thử", 0, [](lxw_workbook* book) {
      lxw_worksheet* sheet = add_worksheet(book, "Trang");
      write_number(sheet, 1048576, 0, 1, nullptr);
    });
  };
  CHECK_THROWS_WITH_AS(testing::write_whole(scratch.file("a.xlsx"), beyond),
                       doctest::Contains("ô A1048577: vượt quá số dòng (1.048.576) hoặc số cột (16.384)"), OutputError);
  const auto bad_sheet = [](const AtomicFile& file) {
    write_workbook(file, "thử", 0, [](lxw_workbook* book) { add_worksheet(book, "a/b"); });
  };
  CHECK_THROWS_WITH_AS(testing::write_whole(scratch.file("b.xlsx"), bad_sheet),
                       doctest::Contains("không tạo được trang tính \"a/b\""), OutputError);
  CHECK(fs::is_empty(scratch.path()));
}

TEST_CASE("a reference added to a formula is the cell's, as cell_ref and absolute_column_ref write it") {
  for (lxw_col_t column : {0, 2, 25, 26, 51, 701, 702, 16383}) {
    for (lxw_row_t row : {0u, 6u, 99u, 1048575u}) {
      std::string formula = "=";
      append_cell_ref(formula, row, column);
      formula += '/';
      append_cell_ref(formula, row, column, true);
      CHECK(formula == "=" + cell_ref(row, column) + "/" + absolute_column_ref(row, column));
    }
  }
  std::string formula;
  append_cell_ref(formula, 6, 3);
  CHECK(formula == "D7");
}
