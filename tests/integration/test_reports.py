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
        self.assertGreater(compared, 100)


class AnnualReport(unittest.TestCase):
    def test_the_annual_report_names_the_unit_that_missed_its_target(self):
        out = kehoach("report", PLAN, "--period", "year", "--movements", WHOLE_YEAR, "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        report = json.loads(out.stdout)
        self.assertEqual(report["period_label"], "năm 2022")
        self.assertEqual(report["threshold"], 100.0)
        self.assertEqual(report["behind"], ["Thiên Nhẫn"])
        self.assertEqual(report["total"]["poor"]["end"], 102)


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
    sys.exit(run(HalfYearReport, AnnualReport, Refusals, Quarters, Deadlines))
