"""`kehoach report` and `kehoach deadlines` as an officer uses them on the An Hòa Thịnh example and on a
synthetic ward of 25 units: the 6-month and annual reports in Word as LibreOffice lays them out (the
appendix on one landscape page, no number broken in its cells, draft blanks that justification does not
stretch, Kính gửi on the line of its first addressee), their wording, their Excel tables (formulas
LibreOffice recomputes to the cached values), the figures against `--json`, and the refusals."""
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import unittest
import xml.dom.minidom
import zipfile

import openpyxl

from harness import BLANK, EN, EXAMPLES, RECALC_ALWAYS, ROOT, FolderTest, kehoach, libreoffice_csv, run
from printed import pages, print_to_pdf

FOLDER = os.path.join(EXAMPLES, "an-hoa-thinh-2022")
PLAN = os.path.join(FOLDER, "ke-hoach.yaml")
RECORDS_PLAN = os.path.join(FOLDER, "ke-hoach-tu-danh-sach-ho.yaml")
HALF_YEAR = os.path.join(FOLDER, "bien-dong-6-thang.csv")
WHOLE_YEAR = os.path.join(FOLDER, "bien-dong-ca-nam.csv")
QUARTERS = [os.path.join(FOLDER, f"bien-dong-quy-{n}.csv") for n in (1, 2)]
TABLE_TITLE = "KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIẢM NGHÈO"


def document_dom(docx, name="word/document.xml"):
    with zipfile.ZipFile(docx) as z:
        return xml.dom.minidom.parseString(z.read(name))


def paragraph_text(p):
    """A paragraph's text as the officer reads it, a tab as "\\t"."""
    out = []
    for node in p.getElementsByTagName("*"):
        if node.tagName == "w:t":
            out.append(node.firstChild.data if node.firstChild else "")
        elif node.tagName == "w:tab" and node.parentNode.tagName == "w:r":
            out.append("\t")
    return "".join(out)


def document_text(docx):
    return "\n".join(paragraph_text(p) for p in document_dom(docx).getElementsByTagName("w:p"))


def recipients(text):
    """The Nơi nhận items, up to the signature."""
    lines = text[text.index("Nơi nhận:"):].split("\n")[1:]
    return [line for line in lines[:lines.index("")]]


def pdf_pages(pdf):
    """(width, height, text) of each page, as LibreOffice laid it out."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], capture_output=True, text=True, check=True).stdout
    sizes = [tuple(map(float, m)) for m in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]
    return [(w, h, subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True,
                                  text=True, check=True).stdout) for n, (w, h) in enumerate(sizes, start=1)]


def pdf_words(pdf, page):
    """Words of a page with their boxes: [(x0, y0, x1, y1, text)], in reading order."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), xml.dom.minidom.parseString("<w>%s</w>" % t).documentElement
             .firstChild.data if t else "") for a, b, c, d, t in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def lines_of(words):
    """Words grouped into lines by their top, each line left to right."""
    lines = {}
    for word in words:
        lines.setdefault(round(word[1]), []).append(word)
    return [sorted(line) for _, line in sorted(lines.items())]


def gap_after(line, first, second):
    """The white space between two consecutive words of a line."""
    for a, b in zip(line, line[1:]):
        if a[4] == first and b[4] == second:
            return b[0] - a[2]
    raise AssertionError("%r %r not side by side in %r" % (first, second, [w[4] for w in line]))


def appendix_cells(docx):
    """The texts of the appendix table's cells (the last table of the document), row by row."""
    table = document_dom(docx).getElementsByTagName("w:tbl")[-1]
    return [[paragraph_text(tc) for tc in tr.getElementsByTagName("w:tc")] for tr in table.getElementsByTagName("w:tr")]


class LaidOutReport:
    """What every report's PDF must show: the appendix alone on the last page, landscape, every unit and
    number whole on it."""

    def appendix_page(self):
        pages = pdf_pages(self.pdf)
        found = [n for n, (_, _, text) in enumerate(pages, start=1) if TABLE_TITLE in text]
        self.assertEqual(len(found), 1, "the appendix title is on one page")
        return found[0], pages

    def test_the_appendix_table_fits_one_landscape_page(self):
        page, pages = self.appendix_page()
        self.assertEqual(page, len(pages), "the appendix spills onto another page")
        width, height, text = pages[page - 1]
        self.assertGreater(width, height)
        words = {w[4] for w in pdf_words(self.pdf, page)}
        for row in appendix_cells(self.docx)[2:]:
            name = row[1] if row[0] else row[0]  # the total row merges TT and the name
            self.assertLessEqual(set(name.split()), words, name)

    def test_no_number_is_broken_across_lines_in_its_cell(self):
        page, _ = self.appendix_page()
        on_page = {}
        for word in pdf_words(self.pdf, page):
            on_page[word[4]] = on_page.get(word[4], 0) + 1
        in_table = {}
        for row in appendix_cells(self.docx)[2:]:
            for value in row[2:] if row[0] else row[1:]:
                in_table[value] = in_table.get(value, 0) + 1
        self.assertGreater(len(in_table), 10)
        for value, count in in_table.items():
            self.assertGreaterEqual(on_page.get(value, 0), count, "%r is broken across lines" % value)


class HalfYearReport(LaidOutReport, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.docx = os.path.join(cls.folder.name, "bao-cao-6m.docx")
        cls.pdf = cls.docx[:-5] + ".pdf"
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
        for expected in ["BÁO CÁO", "Kết quả thực hiện Kế hoạch giảm nghèo 6 tháng đầu năm 2022",
                         "Kính gửi:\t-\tỦy ban nhân dân huyện Hương Sơn;",
                         "-\tPhòng Lao động - Thương binh và Xã hội huyện.",
                         "Số: " + BLANK + "/BC-UBND", "Thực hiện Kế hoạch số" + EN + BLANK + "/KH-UBND ngày"]:
            self.assertIn(expected, self.text)

    def test_kinh_gui_and_the_first_addressee_share_a_line_and_the_others_stand_under_it(self):
        dom = document_dom(self.docx)
        styles = {s.getAttribute("w:styleId"): s for s in document_dom(self.docx, "word/styles.xml")
                  .getElementsByTagName("w:style")}

        def indent(style):
            ind = styles[style].getElementsByTagName("w:ind")[0]
            return int(ind.getAttribute("w:left")), int(ind.getAttribute("w:hanging") or 0)

        paragraphs = [(p.getElementsByTagName("w:pStyle")[0].getAttribute("w:val"), paragraph_text(p))
                      for p in dom.getElementsByTagName("w:p") if p.getElementsByTagName("w:pStyle")]
        at = [text for _, text in paragraphs].index("Kính gửi:\t-\tỦy ban nhân dân huyện Hương Sơn;")
        first, second = paragraphs[at], paragraphs[at + 1]
        self.assertEqual(second, ("AddresseeMore", "-\tPhòng Lao động - Thương binh và Xã hội huyện."))
        # A hanging indent: the text of every addressee, and its wrapped lines, start at the same place.
        self.assertEqual(indent(first[0])[0], indent(second[0])[0])
        self.assertGreater(indent(first[0])[1], indent(second[0])[1] > 0)
        # On the rendered page: same line, the second addressee's text under the first's.
        lines = lines_of(pdf_words(self.pdf, 1))
        kinh = next(line for line in lines if line[0][4] == "Kính")
        below = lines[lines.index(kinh) + 1]
        self.assertEqual([w[4] for w in kinh[:4]], ["Kính", "gửi:", "-", "Ủy"])
        self.assertEqual([w[4] for w in below[:2]], ["-", "Phòng"])
        self.assertAlmostEqual(kinh[3][0], below[1][0], delta=0.5)
        self.assertAlmostEqual(kinh[2][0], below[0][0], delta=0.5)
        # Space before the body.
        body = lines[lines.index(kinh) + 2]
        self.assertEqual(body[0][4], "Thực")
        self.assertGreater(body[0][1] - below[0][3], (below[0][1] - kinh[0][3]) + 6)

    def test_noi_nhan_starts_with_nhu_tren_then_the_reports_own_recipients(self):
        self.assertEqual(recipients(self.text), ["- Như trên;", "- Đảng ủy, HĐND xã (để báo cáo);",
                                                 "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT, LĐTBXH."])
        self.assertNotIn("Thôn trưởng", self.text)

    def test_the_appendix_cites_the_report_with_a_drafts_blanks(self):
        self.assertIn("(Kèm theo Báo cáo số" + EN + BLANK + "/BC-UBND ngày" + EN + BLANK + EN + "tháng" + EN + BLANK + EN +
                      "năm 2022 của Ủy ban nhân dân xã An Hòa Thịnh)", self.text)

    def test_draft_blanks_keep_their_width_in_a_justified_line(self):
        lines = lines_of(pdf_words(self.pdf, 1))
        body = next(line for line in lines if [w[4] for w in line[:2]] == ["Thực", "hiện"])
        page, _ = self.appendix_page()
        attachment = next(line for line in lines_of(pdf_words(self.pdf, page)) if line[0][4] == "(Kèm")
        ordinary = lambda line: statistics.median(b[0] - a[2] for a, b in zip(line, line[1:]))
        # The body line is stretched by justification, the attachment line (centred) is not ...
        self.assertGreater(ordinary(body) - ordinary(attachment), 1.0)
        # ... yet each blank is as wide in one as in the other.
        for first, second in [("số", "/KH-UBND"), ("ngày", "tháng"), ("tháng", "năm")]:
            in_attachment = gap_after(attachment, first, second.replace("KH", "BC"))
            self.assertAlmostEqual(gap_after(body, first, second), in_attachment, delta=0.5)
            self.assertGreater(in_attachment, 20)  # a blank, not a space

    def test_shares_have_decimals_only_when_they_are_not_whole(self):
        cells = appendix_cells(self.docx)
        shares = [row[9] for row in cells[2:-1]] + [row[16] for row in cells[2:-1]]
        self.assertIn("50", shares)
        self.assertIn("100", shares)
        self.assertIn("66,67", shares)
        self.assertEqual(cells[-1][8], "59,26")  # the total row merges TT and the name
        for share in shares:
            self.assertRegex(share, r"^(-|-?\d+|-?\d+,\d\d)$")
            self.assertFalse(share.endswith(",00"), share)
        self.assertNotIn(",00%", self.text)

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
        self.assertIn("Các thôn đạt dưới 50% chỉ tiêu năm, chậm so với tiến độ:", self.flat)
        self.assertIn("- Nậy: hộ nghèo đạt 0% chỉ tiêu (giảm 0/2 hộ); hộ cận nghèo đạt 0% chỉ tiêu (giảm 0/2 hộ).",
                      self.text)
        self.assertIn("- Thiên Nhẫn:", self.text)

    def test_categories_without_households_are_left_out_of_the_sentences(self):
        near = self.json["total"]["near_poor"]["movements"]
        self.assertEqual((near["other_decrease"], near["re_near_poor"], near["new_near_poor"], near["other_increase"]),
                         (0, 0, 0, 0))
        self.assertIn("số hộ cận nghèo giảm 44 hộ (vượt chuẩn cận nghèo 43 hộ, rơi xuống hộ nghèo 1 hộ) và tăng 15 hộ "
                      "(hộ nghèo thành hộ cận nghèo 15 hộ).", self.flat)
        narrative = self.flat[:self.flat.index("Nơi nhận:")]
        self.assertNotRegex(narrative, r"\b0 hộ")
        self.assertNotIn("tăng khác", narrative)

    def test_sections_follow_the_order_of_real_reports(self):
        headings = [line for line in self.text.split("\n") if re.match(r"^[IV]+\. ", line)]
        self.assertEqual(headings, ["I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                                    "III. NHIỆM VỤ, GIẢI PHÁP 6 tháng cuối năm 2022",  # capitals by its style
                                    "IV. KIẾN NGHỊ, ĐỀ XUẤT"])
        self.assertNotIn("thời gian tới", self.flat.lower())

    def test_what_nobody_said_is_not_claimed(self):
        # No words for "results" in the plan file: no section 4 of invented policies.
        self.assertNotIn("Thực hiện các chính sách giảm nghèo", self.text)
        for claim in ["Tín dụng ưu đãi:", "kiêm nhiệm", "tư tưởng trông chờ"]:
            self.assertNotIn(claim, self.text)
        # What the figures show is said, then the plan file's words.
        self.assertIn("- Còn 2/19 thôn chậm so với tiến độ (Nậy, Thiên Nhẫn).\n"
                      "- Vẫn còn 3 hộ rơi vào nghèo (hộ cận nghèo rơi xuống nghèo 1 hộ, tái nghèo 1 hộ, phát sinh mới 1 hộ).\n"
                      "Một số hộ nghèo không có lao động", self.text)

    def test_the_narrative_of_the_plan_file_replaces_the_template_wording(self):
        self.assertIn("nguồn lực hỗ trợ sinh kế còn hạn chế.", self.flat)

    def test_the_table_in_the_report_has_every_village(self):
        appendix = self.text[self.text.index("KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIẢM NGHÈO 6 THÁNG ĐẦU NĂM 2022"):]
        for unit in self.json["units"]:
            self.assertIn("\n" + unit["name"] + "\n", appendix)
        self.assertIn("Tổng cộng\n2.047\n128\n", appendix)
        self.assertIn("\nTT\nThôn\nTổng số hộ\n", appendix)  # the unit column named as the plan's appendix names it

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
        plan = self.write("ke-hoach.yaml", "year: 2024\nissuer:\n  parent: UBND TỈNH HÀ TĨNH\n  body: Ủy ban nhân dân\n"
                                           "  unit: phường Bắc Hồng\n"
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
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.docx = os.path.join(cls.folder.name, "bao-cao-nam.docx")
        cls.result = kehoach("report", PLAN, "--period", "year", "--movements", WHOLE_YEAR, "-o", cls.docx)
        cls.json = json.loads(kehoach("report", PLAN, "--period", "year", "--movements", WHOLE_YEAR, "--json").stdout)
        cls.text = document_text(cls.docx) if cls.result.returncode == 0 else ""
        cls.flat = re.sub(r"\s+", " ", cls.text)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_the_annual_report_names_the_unit_that_missed_its_target(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertEqual(self.json["period_label"], "năm 2022")
        self.assertEqual(self.json["threshold"], 100.0)
        self.assertEqual(self.json["behind"], ["Thiên Nhẫn"])
        self.assertEqual(self.json["total"]["poor"]["end"], 102)

    def test_at_the_years_end_a_unit_below_target_has_not_completed_it(self):
        self.assertIn("Các thôn chưa hoàn thành chỉ tiêu năm 2022:", self.flat)
        self.assertIn("3. Kết quả thực hiện chỉ tiêu ở các thôn", self.text)
        self.assertNotIn("chậm so với tiến độ", self.flat)
        self.assertNotIn("tiến độ", self.flat.replace("đẩy nhanh tiến độ", ""))

    def test_the_rate_reached_is_compared_with_the_rate_targeted(self):
        def rate(value):
            return ("%.2f" % value).replace(".", ",")
        poor, near = self.json["total"]["poor"], self.json["total"]["near_poor"]
        self.assertEqual((rate(poor["target_rate"]), rate(near["target_rate"])), ("4,93", "5,86"))  # the plan's end_rate
        self.assertIn("tỷ lệ hộ nghèo còn %s%%, so với chỉ tiêu 4,93%% là %s" %
                      (rate(poor["end_rate"]), "chưa đạt" if poor["end_rate"] > 4.93 else "đạt"), self.flat)
        self.assertIn("tỷ lệ hộ cận nghèo còn %s%%, so với chỉ tiêu 5,86%%" % rate(near["end_rate"]), self.flat)

    def test_the_tasks_are_for_the_next_year(self):
        headings = [line for line in self.text.split("\n") if re.match(r"^[IV]+\. ", line)]
        self.assertEqual(headings, ["I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                                    "III. NHIỆM VỤ, GIẢI PHÁP năm 2023", "IV. KIẾN NGHỊ, ĐỀ XUẤT"])
        self.assertIn("Kế hoạch giảm nghèo năm 2023", self.flat)

    def test_end_rates_are_shares_of_the_households_at_the_end_in_the_json_and_the_excel_table(self):
        """The year's table with a column "Tổng số hộ cuối kỳ" (each village's households at the end, as
        the end-of-2022 list counts them): the end rate is over them (102/2.045 = 4,99%, where the table
        without them gives 102/2.047 = 4,98%), in --json and in the workbook's formulas, which LibreOffice
        recomputes alike."""
        self.assertEqual(self.json["total"]["poor"]["end_rate"], 4.98)
        summary = json.loads(kehoach("households", os.path.join(FOLDER, "ho-gia-dinh-cuoi-2022.csv"), "--year", "2022",
                                     "--json").stdout)
        households = {u["name"]: u["households"] for u in summary["units"][1:]}
        with open(WHOLE_YEAR, encoding="utf-8") as f:
            rows = list(csv.reader(f))
        rows[0].append("Tổng số hộ cuối kỳ")
        rows[1].append("")
        for row in rows[2:]:
            row.append(str(households[row[1]]))
        with tempfile.TemporaryDirectory() as folder:
            movements = os.path.join(folder, "bien-dong-ca-nam.csv")
            with open(movements, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
            report = json.loads(kehoach("report", PLAN, "--period", "year", "--movements", movements, "--json").stdout)
            self.assertEqual((report["total"]["end_households"], report["total"]["poor"]["end_rate"]), (2045, 4.99))
            docx = os.path.join(folder, "bao-cao.docx")
            result = kehoach("report", PLAN, "--period", "year", "--movements", movements, "-o", docx)
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
            # At the year's end a unit below its target has not completed it, in the table as in the text.
            notes = {cached.cell(7 + i, 2).value: cached.cell(7 + i, 17).value for i in range(len(report["units"]))}
            self.assertEqual({name: note for name, note in notes.items() if note}, {"Thiên Nhẫn": "Chưa hoàn thành"})
            for i, unit in enumerate(report["units"] + [report["total"]]):
                self.assertEqual(cached.cell(7 + i, 3).value, unit["end_households"], unit["name"])
                self.assertEqual(cached.cell(7 + i, 13).value, unit["poor"]["end_rate"], unit["name"])
                self.assertEqual(recalculated[6 + i][12], "%.2f" % unit["poor"]["end_rate"], unit["name"])


class ReportFromHouseholdLists(unittest.TestCase):
    """The plan made from household lists, without its `reports:` part: the report goes to the level above,
    the tool says so, Nơi nhận has no village heads, and sections with nothing to say are left out."""

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.docx = os.path.join(cls.folder.name, "bao-cao.docx")
        cls.pdf = cls.docx[:-5] + ".pdf"
        with open(RECORDS_PLAN, encoding="utf-8") as f:
            text = f.read()
        text = text[:text.index("\nreports:")] + "\n"
        text = text.replace("records: ho-gia-dinh-cuoi-2021.csv", "records: " + os.path.join(FOLDER, "ho-gia-dinh-cuoi-2021.csv"))
        cls.plan = os.path.join(cls.folder.name, "ke-hoach.yaml")
        with open(cls.plan, "w", encoding="utf-8") as f:
            f.write(text)
        cls.result = kehoach("report", cls.plan, "--period", "year", "--records-end",
                             os.path.join(FOLDER, "ho-gia-dinh-cuoi-2022.csv"), "--records-earlier",
                             os.path.join(FOLDER, "ho-gia-dinh-cuoi-2020.csv"), "-o", cls.docx, "--pdf")
        cls.text = document_text(cls.docx) if cls.result.returncode == 0 else ""

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_without_addressees_the_report_goes_to_the_parent_and_the_tool_says_so(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertIn("Kính gửi:\tỦy ban nhân dân huyện Hương Sơn.", self.text)
        said = [line for line in self.result.stderr.splitlines() if "reports: addressees" in line]
        self.assertEqual(said, ["kehoach report: " + self.plan + " không ghi nơi nhận báo cáo (reports: addressees), "
                                "nên báo cáo kính gửi cơ quan cấp trên: Ủy ban nhân dân huyện Hương Sơn; muốn gửi nơi "
                                "khác, hãy thêm reports: addressees vào tệp kế hoạch."])
        line = next(line for line in lines_of(pdf_words(self.pdf, 1)) if line[0][4] == "Kính")
        self.assertEqual(" ".join(w[4] for w in line), "Kính gửi: Ủy ban nhân dân huyện Hương Sơn.")

    def test_noi_nhan_of_a_report_is_not_the_plans(self):
        self.assertEqual(recipients(self.text)[0], "- Như trên;")
        self.assertTrue(recipients(self.text)[-1].startswith("- Lưu:"))
        self.assertNotIn("Thôn trưởng", self.text)

    def test_a_section_with_neither_figures_nor_words_is_left_out(self):
        self.assertNotIn("KIẾN NGHỊ", self.text)
        self.assertNotIn("Thực hiện các chính sách giảm nghèo", self.text)
        self.assertIn("III. NHIỆM VỤ, GIẢI PHÁP năm 2023", self.text)


def synthetic_ward(folder, addressees):
    """A ward of 25 units with long names and 4-digit counts, its 6-month movements (one unit whose counts
    grew, one beyond its target) and a plan file citing its report's number and date."""
    names = ["Tổ dân phố Nguyễn Thị Minh Khai", "Khu dân cư Đồng Tâm Thượng", "Tổ dân phố Trần Hưng Đạo Bắc",
             "Khu phố Lê Lợi Đông", "Thôn Phú Xuân Hạ Thượng", "Tổ dân phố Hoàng Văn Thụ", "Khu dân cư Bình Minh Nam",
             "Thôn Đông Phước Thượng", "Tổ dân phố Nguyễn Trãi Tây", "Khu phố Quang Trung Mới", "Thôn Tân Thành Đông Nam",
             "Tổ dân phố Phan Đình Phùng", "Khu dân cư Hòa Bình Đông", "Thôn Phước Lộc Thượng", "Tổ dân phố Lý Thường Kiệt",
             "Khu phố Hai Bà Trưng Bắc", "Thôn Xuân Phong Hạ", "Tổ dân phố Võ Thị Sáu Tây", "Khu dân cư Thắng Lợi Mới",
             "Thôn An Phú Đông Bắc", "Tổ dân phố Điện Biên Phủ", "Khu phố Nguyễn Du Nam", "Thôn Hòa Thuận Thượng",
             "Tổ dân phố Bạch Đằng Đông", "Khu dân cư Thống Nhất Tây"]
    with open(os.path.join(folder, "don-vi.csv"), "w", encoding="utf-8") as f:
        f.write("TT,Đơn vị,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n")
        for i, name in enumerate(names, 1):
            f.write("%d,%s,%d,%d,%d\n" % (i, name, 2759 + i * 241 + (i % 3) * 1000, 963 + i * 37, 1071 + i * 29))
    with open(os.path.join(folder, "bien-dong.csv"), "w", encoding="utf-8") as f:
        f.write("TT,Đơn vị,Hộ nghèo,,,,,,,Hộ cận nghèo,,,,,,\n,,Thoát nghèo thành hộ cận nghèo,Thoát nghèo vượt chuẩn "
                "cận nghèo,Giảm khác,Hộ cận nghèo rơi xuống nghèo,Tái nghèo,Phát sinh mới,Tăng khác,Thoát cận nghèo,"
                "Rơi xuống hộ nghèo,Giảm khác,Hộ nghèo thoát thành cận nghèo,Tái cận nghèo,Phát sinh mới,Tăng khác\n")
        for i, name in enumerate(names, 1):
            poor, near = [100 + i * 7, 50 + i, 3, 1, 0, 2, 0], [200 + i * 5, 0, 2, 0, 0, 3, 1]
            if i == 3:
                poor, near = [0, 0, 0, 40, 30, 30, 0], [0, 0, 0, 0, 0, 20, 0]
            if i == 5:
                poor, near = [300, 200, 50, 0, 0, 0, 0], [900, 0, 0, 0, 0, 0, 0]
            near[3], near[1] = poor[0], poor[3]
            f.write("%d,%s,%s\n" % (i, name, ",".join(map(str, poor + near))))
    plan = os.path.join(folder, "ke-hoach.yaml")
    with open(plan, "w", encoding="utf-8") as f:
        f.write("year: 2024\nissuer:\n  parent: UBND TỈNH HÀ TĨNH\n  body: Ủy ban nhân dân\n"
                "  unit: phường Thạch Linh Đông Bắc\n  place: Thạch Linh\nstatistics: don-vi.csv\n"
                "targets:\n  poor:\n    reduce: 9000\n  near_poor:\n    reduce: 7000\n"
                "reports:\n  addressees:\n" + "".join("    - %s\n" % a for a in addressees) +
                "  6m:\n    number: 7\n    date: 2024-06-05\n")
    return plan


class TwentyFiveUnits(LaidOutReport, unittest.TestCase):
    LONG = ("Phòng Văn hóa - Xã hội phường Thạch Linh Đông Bắc, thành phố Hà Tĩnh, để theo dõi và tổng hợp báo cáo "
            "Ủy ban nhân dân tỉnh")

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        plan = synthetic_ward(cls.folder.name, ["Ủy ban nhân dân tỉnh Hà Tĩnh", cls.LONG])
        cls.docx = os.path.join(cls.folder.name, "bao-cao.docx")
        cls.pdf = cls.docx[:-5] + ".pdf"
        cls.result = kehoach("report", plan, "--period", "6m", "--movements",
                             os.path.join(cls.folder.name, "bien-dong.csv"), "-o", cls.docx, "--pdf")
        cls.text = document_text(cls.docx) if cls.result.returncode == 0 else ""

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_the_table_holds_25_units_with_4_digit_counts_and_awkward_shares(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        cells = appendix_cells(self.docx)
        self.assertEqual(len(cells), 2 + 25 + 1)
        self.assertEqual(len(cells[-1][1]), 7)  # households of the ward: "171.300"
        shares = [row[9] for row in cells[2:-1]] + [row[16] for row in cells[2:-1]]
        self.assertTrue(any(share.startswith("-") for share in shares))  # the unit whose counts grew
        self.assertTrue(any(len(share) == 6 and share[0] != "-" for share in shares))  # beyond 100%, two decimals

    def test_the_appendix_cites_the_issued_report(self):
        self.assertIn("(Kèm theo Báo cáo số 07/BC-UBND ngày 05 tháng 6 năm 2024 của Ủy ban nhân dân phường Thạch Linh "
                      "Đông Bắc)", self.text)

    def test_a_long_addressee_wraps_under_its_own_text(self):
        lines = lines_of(pdf_words(self.pdf, 1))
        kinh = next(line for line in lines if line[0][4] == "Kính")
        second = lines[lines.index(kinh) + 1]
        self.assertEqual([w[4] for w in second[:2]], ["-", "Phòng"])
        wrapped = lines[lines.index(kinh) + 2:]
        wrapped = wrapped[:[line[0][4] for line in wrapped].index("Thực")]
        self.assertGreaterEqual(len(wrapped), 1)
        self.assertEqual(" ".join(w[4] for line in [second[1:]] + wrapped for w in line), self.LONG + ".")
        for line in wrapped:
            self.assertAlmostEqual(line[0][0], second[1][0], delta=0.5)  # under "Phòng", not under the dash

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

    def test_a_report_with_nobody_to_address_is_refused_naming_the_plan_file_and_the_key(self):
        plan = synthetic_ward(self.dir, [])
        text = open(plan, encoding="utf-8").read().replace("  parent: UBND TỈNH HÀ TĨNH\n", "")
        text = text.replace("reports:\n  addressees:\n", "reports:\n")
        with open(plan, "w", encoding="utf-8") as f:
            f.write(text)
        before = sorted(os.listdir(self.dir))
        result = kehoach("report", plan, "--period", "6m", "--movements", self.path("bien-dong.csv"),
                         "-o", self.path("bao-cao.docx"))
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.strip(),
                         plan + ": báo cáo phải có nơi nhận (Kính gửi), nhưng tệp kế hoạch không ghi nơi nhận báo cáo và "
                                "cũng không ghi cơ quan cấp trên (issuer: parent); hãy thêm khóa reports: addressees, ví "
                                "dụ addressees: [Ủy ban nhân dân huyện Hương Sơn].")
        self.assertEqual(sorted(os.listdir(self.dir)), before)

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
    sys.exit(run(HalfYearReport, LongNamesManyUnits, AnnualReport, ReportFromHouseholdLists, TwentyFiveUnits, Refusals,
                 Quarters, Deadlines))
