"""`kehoach report` and `kehoach deadlines` as an officer uses them on the An Hòa Thịnh example: the
6-month and annual reports in Word, their Excel tables (formulas LibreOffice recomputes to the cached
values), the figures against `--json`, the units behind schedule, and the refusals."""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import xml.dom.minidom
import zipfile

import openpyxl

from harness import EXAMPLES, KEHOACH, RECALC_ALWAYS, ROOT, FolderTest, libreoffice_csv, run
from printed import pages, print_to_pdf

FOLDER = os.path.join(EXAMPLES, "an-hoa-thinh-2022")
PLAN = os.path.join(FOLDER, "ke-hoach.yaml")
HALF_YEAR = os.path.join(FOLDER, "bien-dong-6-thang.csv")
WHOLE_YEAR = os.path.join(FOLDER, "bien-dong-ca-nam.csv")
QUARTERS = [os.path.join(FOLDER, f"bien-dong-quy-{n}.csv") for n in (1, 2)]


def kehoach(*args, cwd=None):
    return subprocess.run([KEHOACH, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def document_text(docx):
    with zipfile.ZipFile(docx) as z:
        dom = xml.dom.minidom.parseString(z.read("word/document.xml"))
    return "\n".join("".join(t.firstChild.data if t.firstChild else "" for t in p.getElementsByTagName("w:t"))
                     for p in dom.getElementsByTagName("w:p"))


class HalfYearReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.docx = os.path.join(cls.folder.name, "bao-cao-6m.docx")
        cls.result = kehoach("report", PLAN, "--period", "6m", "--movements", HALF_YEAR, "-o", cls.docx, "--pdf")
        cls.json = json.loads(kehoach("report", PLAN, "--period", "6m", "--movements", HALF_YEAR, "--json").stdout)
        cls.text = document_text(cls.docx) if cls.result.returncode == 0 else ""
        cls.flat = re.sub(r"\s+", " ", cls.text)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_the_report_its_table_and_its_pdf_are_written(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertEqual(self.result.stdout.splitlines()[:2],
                         ["Đã ghi báo cáo: " + self.docx, "Đã ghi biểu kết quả: " + self.docx[:-5] + "-bieu.xlsx"])
        self.assertTrue(os.path.getsize(self.docx[:-5] + ".pdf") > 1000)

    def test_title_addressees_and_reference_to_the_plan(self):
        for expected in ["BÁO CÁO", "Kết quả thực hiện Kế hoạch giảm nghèo 6 tháng đầu năm 2022", "Kính gửi:",
                         "- Ủy ban nhân dân huyện Hương Sơn;", "- Phòng Lao động - Thương binh và Xã hội huyện.",
                         "Số:       /BC-UBND", "Thực hiện Kế hoạch số       /KH-UBND"]:
            self.assertIn(expected, self.text)

    def test_the_figures_are_those_of_the_computed_report(self):
        poor, near = self.json["total"]["poor"], self.json["total"]["near_poor"]
        self.assertEqual((poor["start"], poor["end"], poor["achieved"], poor["target"], poor["share"]),
                         (128, 112, 16, 27, 59.26))
        self.assertEqual((near["end"], near["achieved"], near["share"]), (142, 29, 56.86))
        self.assertIn("Đến nay còn 112 hộ nghèo, chiếm tỷ lệ 5,47%", self.flat)
        self.assertIn("giảm được 16/27 hộ theo chỉ tiêu năm, đạt 59,26% kế hoạch", self.flat)
        self.assertIn("đạt 56,86% kế hoạch", self.flat)

    def test_units_behind_half_of_their_target_are_named(self):
        self.assertEqual(self.json["behind"], ["Nậy", "Thiên Nhẫn"])
        self.assertIn("Các thôn đạt dưới 50,00% chỉ tiêu năm, chậm so với tiến độ:", self.flat)
        self.assertIn("- Nậy: hộ nghèo đạt 0,00% chỉ tiêu (giảm 0/2 hộ); hộ cận nghèo đạt 0,00% chỉ tiêu (giảm 0/2 hộ).",
                      self.text)
        self.assertIn("- Thiên Nhẫn:", self.text)

    def test_the_narrative_of_the_plan_file_replaces_the_template_wording(self):
        self.assertIn("nguồn lực hỗ trợ sinh kế còn hạn chế.", self.flat)

    def test_the_table_in_the_report_has_every_village(self):
        appendix = self.text[self.text.index("KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIẢM NGHÈO 6 THÁNG ĐẦU NĂM 2022"):]
        for unit in self.json["units"]:
            self.assertIn("\n" + unit["name"] + "\n", appendix)
        self.assertIn("Tổng cộng\n2.047\n128\n", appendix)

    def test_the_excel_table_has_live_formulas_with_cached_values_libreoffice_agrees_with(self):
        xlsx = self.docx[:-5] + "-bieu.xlsx"
        formulas = openpyxl.load_workbook(xlsx).active
        cached = openpyxl.load_workbook(xlsx, data_only=True).active
        self.assertEqual(formulas["L7"].value, "=D7-E7-F7-G7+H7+I7+J7+K7")
        self.assertEqual(cached["L7"].value, self.json["units"][0]["poor"]["end"])
        recalculated = libreoffice_csv([xlsx], RECALC_ALWAYS, os.path.join(self.folder.name, "csv"),
                                       os.path.join(self.folder.name, "profile"), self.folder.name)[xlsx]
        compared = 0
        for r, row in enumerate(recalculated, start=1):
            for c, shown in enumerate(row, start=1):
                if r < 7 or not isinstance(formulas.cell(r, c).value, str) or not formulas.cell(r, c).value.startswith("="):
                    continue
                value = cached.cell(r, c).value
                expected = "" if value in (None, "") else ("%.2f" % value if isinstance(value, float) and value != int(value)
                                                           or formulas.cell(r, c).number_format == "0.00" else "{:,}".format(int(value)))
                self.assertEqual(shown, expected, f"{openpyxl.utils.get_column_letter(c)}{r}")
                compared += 1
        self.assertGreater(compared, 80)  # the poor sheet: 19 villages and the total

    def test_each_indicator_has_a_sheet_whose_formulas_cache_the_figures_of_json(self):
        xlsx = self.docx[:-5] + "-bieu.xlsx"
        book, values = openpyxl.load_workbook(xlsx), openpyxl.load_workbook(xlsx, data_only=True)
        self.assertEqual(book.sheetnames, ["Hộ nghèo", "Hộ cận nghèo"])
        movement_keys = {"poor": ["to_near_poor", "above_line", "other_decrease", "from_near_poor", "re_poor", "new_poor",
                                  "other_increase"],
                         "near_poor": ["above_line", "to_poor", "other_decrease", "from_poor", "re_near_poor",
                                       "new_near_poor", "other_increase"]}
        units = self.json["units"]
        for number, (name, key) in enumerate((("Hộ nghèo", "poor"), ("Hộ cận nghèo", "near_poor")), start=1):
            sheet, cached = book[name], values[name]
            self.assertEqual(cached["A4"].value, f"Biểu {number}: {name}")
            self.assertEqual(sheet.print_title_rows, "$5:$6")
            self.assertEqual(sheet.freeze_panes, "C7")
            self.assertEqual((sheet.page_setup.orientation, int(sheet.page_setup.paperSize)), ("landscape", 9))
            for i, unit in enumerate(units + [self.json["total"]]):
                r = 7 + i
                f = unit[key]
                with self.subTest(sheet=name, row=r):
                    shown = [cached.cell(r, c).value for c in range(3, 17)]
                    self.assertEqual(shown, [unit["households"], f["start"], *[f["movements"][k] for k in movement_keys[key]],
                                             f["end"], f["end_rate"], f["target"], f["achieved"],
                                             f["share"]])  # no target: an empty share
                    for column in "LMOP":
                        self.assertTrue(str(sheet[f"{column}{r}"].value).startswith("="), f"{column}{r}")
                    self.assertEqual(sheet[f"P{r}"].value, f"=IF(N{r}=0,\"\",ROUND(O{r}/N{r}*100,2))")
                    if unit is self.json["total"]:
                        self.assertEqual(sheet[f"D{r}"].value, f"=SUM(D7:D{r - 1})")
                    # A whole share without decimals ("50", "100"), others with two ("59,26").
                    if f["share"] is not None:
                        self.assertEqual(sheet[f"P{r}"].number_format, "0" if f["share"] == int(f["share"]) else "0.00")
                    behind = f["share"] is not None and f["share"] < self.json["threshold"]
                    self.assertEqual(bool(cached[f"Q{r}"].value), behind and i < len(units), f"Q{r}")

    def test_each_sheet_prints_one_a4_landscape_page_wide_at_the_size_of_the_plan_appendix(self):
        xlsx = self.docx[:-5] + "-bieu.xlsx"
        appendix = os.path.join(self.folder.name, "phu-luc.xlsx")
        self.assertEqual(kehoach("appendix", PLAN, "-o", appendix).returncode, 0)
        printed = print_to_pdf([xlsx, appendix], os.path.join(self.folder.name, "pdf"),
                               os.path.join(self.folder.name, "profile-pdf"), self.folder.name)
        reference = pages(printed[appendix])[0].number_size()
        self.assertGreater(reference, 9)  # the appendix itself, 12 pt figures fitted to the page
        table = pages(printed[xlsx])
        self.assertEqual(len(table), 2)  # 19 villages: each sheet one page, wide and tall
        for page, heading in zip(table, ("Biểu 1: Hộ nghèo", "Biểu 2: Hộ cận nghèo")):
            with self.subTest(heading):
                self.assertTrue(page.landscape_a4)
                self.assertTrue(page.inside())
                text = page.text()
                for words in (heading, "Phụ lục", "TT", "Ghi chú", "Tổng cộng", "Sâm Cồn", "Tân Thịnh"):
                    self.assertIn(words, text)
                self.assertGreaterEqual(page.number_size(), 0.97 * reference)
                self.assertGreaterEqual(page.number_size(), 9.5)


class LongNamesManyUnits(FolderTest):
    """A ward of 25 residential groups with long names and four-digit counts: the table still prints
    one page wide at a readable size, the long names wrapping inside their column."""

    def test_each_sheet_prints_one_page_wide_at_a_readable_size(self):
        names = [f"Tổ dân phố số {i} Nguyễn Văn Trỗi" for i in range(1, 26)]
        statistics = "TT,Tổ dân phố,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n" + "".join(
            f"{i},{name},{1000 + 37 * i},{10 + i},{20 + i}\n" for i, name in enumerate(names, start=1))
        self.write("to-dan-pho.csv", statistics)
        plan = self.write("ke-hoach.yaml", "year: 2024\nissuer:\n  body: Ủy ban nhân dân\n  unit: phường Bắc Hồng\n"
                                           "statistics: to-dan-pho.csv\ntargets:\n  poor:\n    reduce: 100\n"
                                           "  near_poor:\n    reduce: 150\n")
        header = ("TT,Tổ dân phố,Hộ nghèo,,,,,,,Hộ cận nghèo,,,,,,\n,,Thoát nghèo thành hộ cận nghèo,Thoát nghèo vượt chuẩn "
                  "cận nghèo,Giảm khác,Hộ cận nghèo rơi xuống nghèo,Tái nghèo,Phát sinh mới,Tăng khác,Thoát cận nghèo,"
                  "Rơi xuống hộ nghèo,Giảm khác,Hộ nghèo thoát thành cận nghèo,Tái cận nghèo,Phát sinh mới,Tăng khác\n")
        movements = self.write("bien-dong.csv", header + "".join(
            f"{i},{name},{i % 3},{i % 2},0,0,0,{i % 4},0,{i % 5},0,0,{i % 3},0,1,0\n" for i, name in enumerate(names, start=1)))
        docx = self.path("bao-cao.docx")
        result = kehoach("report", plan, "--period", "year", "--movements", movements, "-o", docx)
        self.assertEqual(result.returncode, 0, result.stderr)
        printed = print_to_pdf([self.path("bao-cao-bieu.xlsx")], self.path("pdf"), self.path("profile"), self.dir)
        found = pages(printed[self.path("bao-cao-bieu.xlsx")])
        self.assertLessEqual(len(found), 4)  # each sheet at most two pages tall
        text = " ".join(page.text() for page in found)
        for name in names:
            self.assertIn(name, text)  # every name printed whole, on however many lines
        for number, page in enumerate(found, start=1):
            with self.subTest(page=number):
                self.assertTrue(page.landscape_a4)
                self.assertTrue(page.inside())
                # Every page has the header's first and last columns: no sheet is two pages wide.
                for words in ("TT", "Tổ dân phố", "Tổng số hộ", "Ghi chú"):
                    self.assertIn(words, page.text())
                self.assertGreaterEqual(page.number_size(), 9.5)


class AnnualReport(unittest.TestCase):
    def test_the_annual_report_names_the_unit_that_missed_its_target(self):
        out = kehoach("report", PLAN, "--period", "year", "--movements", WHOLE_YEAR, "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        report = json.loads(out.stdout)
        self.assertEqual(report["period_label"], "năm 2022")
        self.assertEqual(report["threshold"], 100.0)
        self.assertEqual(report["behind"], ["Thiên Nhẫn"])
        self.assertEqual(report["total"]["poor"]["end"], 102)

    def test_end_rates_are_shares_of_the_households_at_the_end_in_the_json_and_the_excel_table(self):
        """The year's table gives every village's households at the end: the end rate is over them
        (102/2.045 = 4,99%), in --json and in the workbook's formulas, which LibreOffice recomputes alike."""
        report = json.loads(kehoach("report", PLAN, "--period", "year", "--movements", WHOLE_YEAR, "--json").stdout)
        self.assertEqual((report["total"]["end_households"], report["total"]["poor"]["end_rate"]), (2045, 4.99))
        with tempfile.TemporaryDirectory() as folder:
            docx = os.path.join(folder, "bao-cao.docx")
            result = kehoach("report", PLAN, "--period", "year", "--movements", WHOLE_YEAR, "-o", docx)
            self.assertEqual(result.returncode, 0, result.stderr)
            xlsx = docx[:-5] + "-bieu.xlsx"
            formulas = openpyxl.load_workbook(xlsx)["Hộ nghèo"]
            cached = openpyxl.load_workbook(xlsx, data_only=True)["Hộ nghèo"]
            self.assertEqual(cached["C5"].value, "Tổng số hộ hiện nay")
            total_row = 7 + len(report["units"])
            self.assertEqual((cached.cell(total_row, 3).value, cached.cell(total_row, 13).value), (2045, 4.99))
            self.assertEqual(formulas.cell(7, 13).value, "=ROUND(L7/$C7*100,2)")
            recalculated = libreoffice_csv([xlsx], RECALC_ALWAYS, os.path.join(folder, "csv"),
                                           os.path.join(folder, "profile"), folder)[xlsx]
            for i, unit in enumerate(report["units"] + [report["total"]]):
                self.assertEqual(cached.cell(7 + i, 3).value, unit["end_households"], unit["name"])
                self.assertEqual(cached.cell(7 + i, 13).value, unit["poor"]["end_rate"], unit["name"])
                self.assertEqual(recalculated[6 + i][12], "%.2f" % unit["poor"]["end_rate"], unit["name"])


class Refusals(FolderTest):
    def test_movements_that_do_not_balance_with_the_end_count_name_the_unit(self):
        rows = open(HALF_YEAR, encoding="utf-8").read().splitlines()
        rows[0] += ",Hộ nghèo"
        rows[1] += ",Cuối kỳ"
        rows[2] += ",9"  # Sâm Cồn: 10 - 1 = 9 is right
        rows[3] += ",7"  # Trùa: 7 - 1 = 6, not 7
        movements = self.write("bien-dong.csv", "\n".join(rows) + "\n")
        out = self.path("bao-cao.docx")
        result = kehoach("report", PLAN, "--period", "6m", "--movements", movements, "-o", out)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.strip(),
                         movements + ':4: "Trùa": hộ nghèo đầu năm 7, cộng trừ các cột biến động được 6, nhưng cột cuối '
                                     'kỳ ghi 7; hãy kiểm tra các cột biến động hộ nghèo và cột cuối kỳ.')
        self.assertEqual(os.listdir(self.dir), ["bien-dong.csv"])

    def test_a_negative_movement_is_refused_with_row_and_column(self):
        rows = open(HALF_YEAR, encoding="utf-8").read().splitlines()
        rows[4] = rows[4].replace("Nậy,0", "Nậy,-1", 1)
        movements = self.write("bien-dong.csv", "\n".join(rows) + "\n")
        result = kehoach("report", PLAN, "--period", "6m", "--movements", movements, "--json")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.strip(), movements + ":5, cột C (Hộ nghèo - Thoát nghèo thành hộ cận nghèo): "
                                                            "\"-1\" là số âm; số hộ phải từ 0 trở lên.")

    def test_the_period_is_required_and_checked(self):
        self.assertEqual(kehoach("report", PLAN, "--movements", HALF_YEAR).returncode, 64)
        result = kehoach("report", PLAN, "--period", "7m", "--movements", HALF_YEAR)
        self.assertEqual(result.returncode, 64)
        self.assertIn('kỳ "7m" không hợp lệ; dùng q1, 6m, 9m hoặc year.', result.stderr)


class Quarters(unittest.TestCase):
    def test_the_readme_two_quarters_add_up_to_the_half_year(self):
        """The README's example: quý I and quý II given one after the other make the 6-month report."""
        readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
        self.assertIn("--movements bien-dong-quy-1.csv --movements bien-dong-quy-2.csv", readme)
        both = kehoach("report", PLAN, "--period", "6m", "--movements", QUARTERS[0], "--movements", QUARTERS[1], "--json")
        half = kehoach("report", PLAN, "--period", "6m", "--movements", HALF_YEAR, "--json")
        self.assertEqual(both.returncode, 0, both.stderr)
        self.assertEqual(json.loads(both.stdout), json.loads(half.stdout))

    def test_the_first_quarter_alone_is_a_q1_report(self):
        report = json.loads(kehoach("report", PLAN, "--period", "q1", "--movements", QUARTERS[0], "--json").stdout)
        half = json.loads(kehoach("report", PLAN, "--period", "6m", "--movements", HALF_YEAR, "--json").stdout)
        self.assertEqual((report["period"], report["threshold"]), ("q1", 25))
        for kind in ("poor", "near_poor"):
            q1, h1 = report["total"][kind]["achieved"], half["total"][kind]["achieved"]
            self.assertTrue(0 < q1 < h1, (kind, q1, h1))


class Deadlines(unittest.TestCase):
    def test_the_reports_the_plan_asks_for_with_their_due_dates(self):
        result = kehoach("deadlines", PLAN, "--today", "2022-06-15")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "Báo cáo 6 tháng đầu năm 2022: hạn 10/06/2022 (đã quá hạn 5 ngày)\n"
                                        "Báo cáo năm 2022: hạn 10/11/2022 (còn 148 ngày)\n")

    def test_an_issued_report_is_not_overdue(self):
        """With the 6-month report's number and date in the plan file it is issued (on time); the annual
        one issued four days after its due date is late by four days; neither counts as overdue."""
        with open(PLAN, encoding="utf-8") as f:
            text = f.read()
        marker = "    # number: 30                    # số báo cáo khi ban hành\n"
        self.assertIn(marker, text)
        text = text.replace(marker, "    number: 30\n    date: 08/06/2022\n")
        text = text.replace("  year:\n    sections:", "  year:\n    date: 2022-11-14\n    sections:")
        with tempfile.TemporaryDirectory() as folder:
            plan = os.path.join(folder, "ke-hoach.yaml")
            with open(plan, "w", encoding="utf-8") as f:
                f.write(text)
            result = kehoach("deadlines", plan, "--today", "2026-11-29")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout,
                         "Báo cáo 6 tháng đầu năm 2022: hạn 10/06/2022, số 30/BC-UBND đã ban hành ngày 08/06/2022 (đúng hạn)\n"
                         "Báo cáo năm 2022: hạn 10/11/2022, đã ban hành ngày 14/11/2022 (chậm 4 ngày)\n")

    def test_a_plan_without_a_schedule_says_how_to_write_one(self):
        plan = os.path.join(EXAMPLES, "thanh-tri-2023", "ke-hoach.yaml")
        result = kehoach("deadlines", plan, "--today", "2023-03-01")
        self.assertEqual(result.returncode, 0)
        self.assertIn("kế hoạch chưa ghi lịch báo cáo (khóa reports: schedule: { 6m: 10/06, year: 10/11 }).", result.stdout)


if __name__ == "__main__":
    sys.exit(run(HalfYearReport, LongNamesManyUnits, AnnualReport, Refusals, Quarters, Deadlines))
