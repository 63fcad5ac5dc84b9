"""Bad input through the command line, as a user meets it: the message names the file, row and
column and says what to fix; the exit status is not zero; no output file is left behind. The help, usage
errors and some bad statistics are tested in-process, through kehoach::run (tests/unit/cli_run_test.cpp)."""
import os
import sys

import openpyxl

from harness import FolderTest, encode_cp1258, run

HEADER = "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n"
PLAN = """year: 2022
issuer: {{body: Ủy ban nhân dân, unit: xã An Hòa Thịnh}}
statistics: {statistics}
targets:
  poor: {{reduce: {reduce}}}
  near_poor: {{reduce: 2{fixed}}}
"""


class CliErrors(FolderTest):
    def plan(self, statistics, reduce=3, fixed=""):
        return self.write("ke-hoach.yaml", PLAN.format(statistics=statistics, reduce=reduce, fixed=fixed))

    def appendix(self, plan):
        out = self.path("phu-luc.xlsx")
        return self.run_kehoach("appendix", plan, "-o", out), out

    def assert_refused(self, result, out, message, status=2):
        self.assertEqual(result.returncode, status, result.stderr)
        self.assertEqual(result.stderr.strip(), message)
        self.assertFalse(os.path.exists(out), "an output file was left behind")
        self.assertEqual([f for f in os.listdir(self.dir) if f.endswith(".tmp")], [])

    def statistics_error(self, csv_text, message):
        stats = self.write("thon.csv", csv_text)
        result, out = self.appendix(self.plan("thon.csv"))
        self.assert_refused(result, out, message.replace("FILE", stats))

    def test_misspelled_column(self):
        self.statistics_error(
            "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận ngèo\nA,100,5,6\n",
            'FILE:1: không tìm thấy cột "Hộ cận nghèo". Các cột đang có: "Thôn", "Tổng số hộ", "Hộ nghèo", '
            '"Hộ cận ngèo". Có phải cột "Hộ cận ngèo" là "Hộ cận nghèo" viết sai?')

    def test_poor_and_near_poor_above_total(self):
        self.statistics_error(HEADER + "A,10,5,6\n",
                              'FILE:2, cột B (Tổng số hộ): "A" có 5 hộ nghèo và 6 hộ cận nghèo, cộng lại 11 hộ, '
                              'nhiều hơn tổng số 10 hộ.')

    def test_empty_file(self):
        self.statistics_error("", "FILE: tệp rỗng; hãy xuất lại bảng số liệu (CSV, XLSX hoặc XLS) có dòng tiêu đề và "
                                  "các dòng đơn vị.")

    def test_file_that_is_not_a_table(self):
        stats = self.write("thon.csv", bytes(range(256)) * 4)
        result, out = self.appendix(self.plan("thon.csv"))
        self.assertEqual(result.returncode, 2)
        self.assertTrue(result.stderr.startswith(stats + ": "), result.stderr)
        self.assertIn("CSV", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_zip_that_is_not_xlsx(self):
        import zipfile
        with zipfile.ZipFile(self.path("thon.xlsx"), "w") as z:
            z.writestr("readme.txt", "không phải Excel")
        result, out = self.appendix(self.plan("thon.xlsx"))
        self.assertEqual(result.returncode, 2)
        self.assertTrue(result.stderr.startswith(self.path("thon.xlsx") + ": "), result.stderr)
        self.assertIn(".xlsx", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_missing_statistics_file(self):
        result, out = self.appendix(self.plan("khong-co.csv"))
        self.assert_refused(result, out, self.path("khong-co.csv") +
                            ": không mở được tệp; hãy kiểm tra tên và đường dẫn.")

    def test_fixed_unit_not_in_statistics(self):
        self.write("thon.csv", HEADER + "Tứ Hiệp,100,5,6\nYên Mỹ,80,2,3\n")
        plan = self.plan("thon.csv", fixed=", fixed: {Tu Hiep: all}")
        result, out = self.appendix(plan)
        self.assert_refused(result, out, plan + ': chỉ tiêu hộ cận nghèo giao cho "Tu Hiep" nhưng tệp thống kê ' +
                            self.path("thon.csv") + ' không có đơn vị này. Có phải là "Tứ Hiệp"?')

    def test_target_above_what_there_is(self):
        self.write("thon.csv", HEADER + "A,100,5,6\nB,80,2,3\n")
        plan = self.plan("thon.csv", reduce=8)
        result, out = self.appendix(plan)
        self.assert_refused(result, out, plan + ": chỉ tiêu giảm 8 hộ nghèo vượt quá số hiện có (7 hộ nghèo ở đầu năm).")

    def test_bad_input_keeps_the_previous_good_file(self):
        self.write("thon.csv", HEADER + "A,100,5,6\nB,80,2,3\n")
        plan = self.plan("thon.csv")
        result, out = self.appendix(plan)
        self.assertEqual(result.returncode, 0, result.stderr)
        before = open(out, "rb").read()
        self.write("thon.csv", HEADER + "A,100,5,6\nB,80,x,3\n")
        result, _ = self.appendix(plan)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(open(out, "rb").read(), before)

    def test_output_folder_missing(self):
        self.write("thon.csv", HEADER + "A,100,5,6\n")
        out = self.path("khong-co/phu-luc.xlsx")
        result = self.run_kehoach("appendix", self.plan("thon.csv"), "-o", out)
        self.assertEqual(result.returncode, 3)
        self.assertEqual(result.stderr.strip(), "kehoach appendix: không ghi được tệp " + out + ": thư mục " +
                         self.path("khong-co") + " không có; hãy tạo thư mục đó hoặc chọn nơi ghi khác.")

    def test_windows_1258_semicolon_statistics_are_read(self):
        text = "Thôn;Tổng số hộ;Hộ nghèo;Hộ cận nghèo\r\nTân Thịnh;1.068;40;12\r\nĐông Mỹ;98;7;6\r\n"
        self.write("thon.csv", encode_cp1258(text))
        result = self.run_kehoach("appendix", self.plan("thon.csv"), "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('"name": "Tân Thịnh"', result.stdout)
        self.assertIn('"households": 1068', result.stdout)

    def test_utf16_statistics_are_read(self):
        self.write("thon.csv", (HEADER + "Tân Thịnh,100,5,6\n").encode("utf-16"))
        result = self.run_kehoach("appendix", self.plan("thon.csv"), "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('"name": "Tân Thịnh"', result.stdout)

    def test_xlsx_statistics_on_a_named_sheet_below_a_title(self):
        book = openpyxl.Workbook()
        book.active.title = "Ghi chú"
        sheet = book.create_sheet("Số liệu")
        sheet.append(["SỐ LIỆU RÀ SOÁT CUỐI NĂM 2021"])
        sheet.append([])
        sheet.append(["TT", "Tên thôn", "Tổng số hộ", "Hộ nghèo", "Hộ cận nghèo"])
        sheet.append([1, "Sâm Cồn", 166, 10, 12])
        sheet.append([2, "Trùa", 105, 7, 7])
        book.save(self.path("thon.xlsx"))
        plan = self.write("ke-hoach.yaml", PLAN.format(statistics="{file: thon.xlsx, sheet: Số liệu}",
                                                        reduce=3, fixed=""))
        result = self.run_kehoach("appendix", plan, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('"name": "Trùa"', result.stdout)
        plan = self.write("ke-hoach.yaml", PLAN.format(statistics="{file: thon.xlsx, sheet: Trang 3}",
                                                        reduce=3, fixed=""))
        result, out = self.appendix(plan)
        self.assertEqual(result.returncode, 2)
        self.assertIn('"Ghi chú", "Số liệu"', result.stderr)


if __name__ == "__main__":
    sys.exit(run(CliErrors))
