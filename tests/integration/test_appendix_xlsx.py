"""The Excel appendix as an officer opens it: merged titles and two-level header, live formulas with
their cached results, the same figures as `kehoach appendix --json`, A4 landscape page setup, values
that LibreOffice recomputes to the same numbers, and byte-identical output for the same plan.

Run as: python3 test_appendix_xlsx.py /path/to/kehoach /path/to/repo-root"""
import csv
import datetime
import json
import os
import re
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter

from harness import EXAMPLES, RECALC_ALWAYS, RECALC_NEVER, environment, kehoach, libreoffice_csv, run
MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
FIRST_DATA_ROW = 7
FONT = "Times New Roman"

AN_HOA_THINH = "an-hoa-thinh-2022"
THANH_TRI = "thanh-tri-2023"

# What each example's appendix must look like, written out by hand from the plans.
EXPECTED = {
    AN_HOA_THINH: {
        "units": 19,
        "last_column": "O",
        "indicators": ["poor", "near_poor"],
        "label": "Phụ lục",
        "title": "CHỈ TIÊU GIẢM HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2022 CỦA CÁC THÔN",
        "merged": {"A1:O1", "A2:O2", "A3:O3", "A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:G5", "H5:I5",
                   "J5:K5", "L5:M5", "N5:O5", "A26:B26"},
        "row5": ["TT", "Thôn", "Tổng số hộ",
                 "Hộ nghèo đầu năm 2022", None, "Giảm hộ nghèo trong năm 2022", None,
                 "Hộ nghèo cuối năm 2022", None,
                 "Hộ cận nghèo đầu năm 2022", None, "Giảm hộ cận nghèo trong năm 2022", None,
                 "Hộ cận nghèo cuối năm 2022", None],
        "created": "2022-01-01T08:00:00Z",  # a draft: 1 January of the plan year
    },
    THANH_TRI: {
        "units": 16,
        "last_column": "I",
        "indicators": ["near_poor"],
        "label": "Phụ lục",
        "title": "BIỂU KẾ HOẠCH GIẢM HỘ CẬN NGHÈO NĂM 2023",
        "merged": {"A1:I1", "A2:I2", "A3:I3", "A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:G5", "H5:I5",
                   "A23:B23"},
        "row5": ["TT", "Đơn vị", "Tổng số hộ",
                 "Hộ cận nghèo đầu năm 2023", None, "Giảm hộ cận nghèo trong năm 2023", None,
                 "Hộ cận nghèo cuối năm 2023", None],
        "created": "2023-02-23T08:00:00Z",  # the plan's date
    },
}
THANH_TRI_ATTACHMENT = ("(Kèm theo Kế hoạch số 90/KH-UBND ngày 23 tháng 02 năm 2023 "
                        "của Ủy ban nhân dân huyện Thanh Trì)")
DRAFT_ATTACHMENT = re.compile(r"^\(Kèm theo Kế hoạch số\u2002\u2007+/KH-UBND ngày\u2002\u2007+\u2002tháng\u2002\u2007+\u2002"
                              r"năm 2022 của Ủy ban nhân dân xã An Hòa Thịnh\)$")
THANH_TRI_REDUCTIONS = [9, 1, 2, 8, 5, 8, 5, 3, 1, 1, 12, 3, 2, 8, 5, 2]
FIGURES = ["start", "start_rate", "reduction", "reduction_rate", "end", "end_rate"]
RATE_FIGURES = {"start_rate", "reduction_rate", "end_rate"}

TMP = None  # the TemporaryDirectory, made in main()
_cache = {}


def once(key, make):
    """Computes make() the first time it is asked for, and hands every later test the same result
    (or the same failure), so each test that needs it fails on its own with the real reason."""
    if key not in _cache:
        try:
            _cache[key] = (True, make())
        except BaseException as error:  # noqa: BLE001 - reported to every test that needs it
            _cache[key] = (False, error)
    ok, value = _cache[key]
    if not ok:
        raise value
    return value


def tmp(*parts):
    return os.path.join(TMP.name, *parts)


def plan_path(example):
    return os.path.join(EXAMPLES, example, "ke-hoach.yaml")


def generate(example, name, env=None):
    out = tmp(name)
    result = kehoach("appendix", plan_path(example), "-o", out, cwd=TMP.name, env=env)
    if result.returncode != 0 or not os.path.isfile(out):
        raise AssertionError(f"kehoach appendix {example} failed ({result.returncode}): {result.stderr}")
    return out


def appendix(example):
    return once(("xlsx", example), lambda: generate(example, example + ".xlsx"))


def table_json(example):
    def make():
        result = kehoach("appendix", plan_path(example), "--json", cwd=TMP.name)
        if result.returncode != 0:
            raise AssertionError(f"kehoach appendix --json {example} failed: {result.stderr}")
        return json.loads(result.stdout)
    return once(("json", example), make)


def workbook(example, data_only=False):
    return once(("book", example, data_only),
                lambda: openpyxl.load_workbook(appendix(example), data_only=data_only))


def sheet(example, data_only=False):
    book = workbook(example, data_only)
    if len(book.sheetnames) != 1:
        raise AssertionError(f"expected one sheet, found {book.sheetnames}")
    return book.worksheets[0]


def total_row(example):
    return FIRST_DATA_ROW + EXPECTED[example]["units"]


def figure_columns(example):
    """(indicator, figure, column letter) for every figure column, in sheet order from D."""
    columns = []
    index = 4
    for indicator in EXPECTED[example]["indicators"]:
        for figure in FIGURES:
            columns.append((indicator, figure, get_column_letter(index)))
            index += 1
    return columns


def half_up_rate(count, households):
    """ROUND(count / households * 100, 2) with halves rounded up, computed independently."""
    return (Decimal(count) * 100 / Decimal(households)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def sheet_xml(path):
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml").decode("utf-8")


def rewrite_sheet(source, target, change):
    """Copies an xlsx, passing xl/worksheets/sheet1.xml through change(text) -> text."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
    return target


# ---------------------------------------------------------------------------------------------
# LibreOffice

def convert_to_csv(files, recalc_mode, outdir):
    return libreoffice_csv(files, recalc_mode, outdir, tmp(f"lo-profile-{recalc_mode}"), TMP.name)


def formula_cache_edit(cells, value):
    """A sheet1.xml editor that sets the cached <v> of the named formula cells (or of every formula
    cell when cells is None) to value, checking that it found them."""
    pattern = re.compile(r'(<c r="([A-Z]+[0-9]+)"[^>]*><f>[^<]*</f><v>)([^<]*)(</v>)')

    def change(text):
        edited = []

        def replace(match):
            if cells is not None and match.group(2) not in cells:
                return match.group(0)
            edited.append(match.group(2))
            return match.group(1) + value + match.group(4)
        text = pattern.sub(replace, text)
        if cells is not None and sorted(edited) != sorted(cells):
            raise AssertionError(f"formula cells {cells} not found in sheet1.xml (edited {edited})")
        if not edited:
            raise AssertionError("no formula cell found in sheet1.xml")
        return text
    return change


def libreoffice():
    """Everything LibreOffice is asked to convert, in two runs (recalculate always / never)."""
    def make():
        files = {
            "an": appendix(AN_HOA_THINH),
            "tt": appendix(THANH_TRI),
            "an-e26": rewrite_sheet(appendix(AN_HOA_THINH), tmp("an-e26-99.xlsx"), formula_cache_edit(["E26"], "99")),
            "an-all": rewrite_sheet(appendix(AN_HOA_THINH), tmp("an-all-99.xlsx"), formula_cache_edit(None, "99")),
            "tt-all": rewrite_sheet(appendix(THANH_TRI), tmp("tt-all-99.xlsx"), formula_cache_edit(None, "99")),
        }
        always = convert_to_csv(list(files.values()), RECALC_ALWAYS, tmp("csv-recalc"))
        never = convert_to_csv([files["an-e26"]], RECALC_NEVER, tmp("csv-cached"))
        result = {key: always[path] for key, path in files.items()}
        result["an-e26-never"] = never[files["an-e26"]]
        result["files"] = files
        return result
    return once("libreoffice", make)


COUNT_TEXT = re.compile(r"^-?[0-9]{1,3}(,[0-9]{3})*$")  # en-US "#,##0": 2,047
RATE_TEXT = re.compile(r"^-?[0-9]+\.[0-9]{2}$")          # "0.00": 6.25


def parse_shown(text, is_rate):
    if is_rate:
        if not RATE_TEXT.match(text):
            raise AssertionError(f"LibreOffice shows {text!r}, not a rate with two decimals")
        return Decimal(text)
    if not COUNT_TEXT.match(text):
        raise AssertionError(f"LibreOffice shows {text!r}, not a count")
    return Decimal(text.replace(",", ""))


# ---------------------------------------------------------------------------------------------


class Layout(unittest.TestCase):
    """Merged cells, titles and the two-level header."""

    def test_merged_ranges(self):
        for example, expected in EXPECTED.items():
            with self.subTest(example):
                merged = {str(r) for r in sheet(example).merged_cells.ranges}
                self.assertEqual(merged, expected["merged"])

    def test_title_rows(self):
        for example, expected in EXPECTED.items():
            with self.subTest(example):
                ws = sheet(example)
                self.assertEqual(ws.title, "Phụ lục")
                self.assertEqual(ws["A1"].value, expected["label"])
                self.assertEqual(ws["A2"].value, expected["title"])
                self.assertEqual(ws["A3"].value, table_json(example)["attachment"])
                self.assertIsNone(ws["A4"].value)
        self.assertEqual(sheet(THANH_TRI)["A3"].value, THANH_TRI_ATTACHMENT)
        self.assertRegex(sheet(AN_HOA_THINH)["A3"].value, DRAFT_ATTACHMENT)

    def test_sheet_extent(self):
        for example, expected in EXPECTED.items():
            with self.subTest(example):
                ws = sheet(example)
                self.assertEqual(ws.dimensions, f"A1:{expected['last_column']}{total_row(example)}")

    def test_header_texts(self):
        for example, expected in EXPECTED.items():
            with self.subTest(example):
                ws = sheet(example)
                last = expected["last_column"]
                self.assertEqual([c.value for c in ws["A5":f"{last}5"][0]], expected["row5"])
                pairs = (len(expected["row5"]) - 3) // 2
                self.assertEqual([c.value for c in ws["A6":f"{last}6"][0]],
                                 [None, None, None] + ["Số hộ", "Tỷ lệ (%)"] * pairs)

    def test_unit_column_and_order(self):
        for example in EXPECTED:
            with self.subTest(example):
                ws = sheet(example)
                units = table_json(example)["units"]
                self.assertEqual(len(units), EXPECTED[example]["units"])
                for i, unit in enumerate(units):
                    row = FIRST_DATA_ROW + i
                    self.assertEqual(ws[f"A{row}"].value, i + 1)
                    self.assertEqual(ws[f"B{row}"].value, unit["name"])
                total = total_row(example)
                self.assertEqual(ws[f"A{total}"].value, "Tổng cộng")
                self.assertIsNone(ws[f"B{total}"].value)

    def test_thanh_tri_units_in_input_order(self):
        with open(os.path.join(EXAMPLES, THANH_TRI, "xa-thi-tran.csv"), encoding="utf-8-sig") as f:
            names = [row[1] for row in csv.reader(f, delimiter=";")][1:]
        ws = sheet(THANH_TRI)
        self.assertEqual([ws[f"B{FIRST_DATA_ROW + i}"].value for i in range(16)], names)


class Formulas(unittest.TestCase):
    """load_workbook() default: the formulas themselves; fixed inputs are plain numbers."""

    def test_examples_from_the_brief(self):
        ws = sheet(AN_HOA_THINH)
        self.assertEqual(ws["E7"].value, "=ROUND(D7/$C7*100,2)")
        self.assertEqual(ws["H7"].value, "=D7-F7")
        self.assertEqual(ws["C26"].value, "=SUM(C7:C25)")
        self.assertEqual(ws["D7"].value, 10)
        self.assertEqual(ws["F7"].value, 2)
        self.assertEqual(ws["O26"].value, "=ROUND(N26/$C26*100,2)")
        self.assertEqual(sheet(THANH_TRI)["F23"].value, "=SUM(F7:F22)")

    def test_every_data_row(self):
        for example in EXPECTED:
            ws = sheet(example)
            units = table_json(example)["units"]
            for i, unit in enumerate(units):
                r = FIRST_DATA_ROW + i
                with self.subTest(example=example, row=r):
                    self.assertEqual(ws[f"A{r}"].value, i + 1)
                    self.assertEqual(ws[f"C{r}"].value, unit["households"])
                    columns = figure_columns(example)
                    for k in range(0, len(columns), 6):
                        indicator = columns[k][0]
                        start, start_rate, red, red_rate, end, end_rate = (c[2] for c in columns[k:k + 6])
                        self.assertEqual(ws[f"{start}{r}"].value, unit[indicator]["start"])
                        self.assertIsInstance(ws[f"{start}{r}"].value, int)
                        self.assertEqual(ws[f"{red}{r}"].value, unit[indicator]["reduction"])
                        self.assertIsInstance(ws[f"{red}{r}"].value, int)
                        self.assertEqual(ws[f"{end}{r}"].value, f"={start}{r}-{red}{r}")
                        for count, rate in ((start, start_rate), (red, red_rate), (end, end_rate)):
                            self.assertEqual(ws[f"{rate}{r}"].value, f"=ROUND({count}{r}/$C{r}*100,2)")

    def test_total_row(self):
        for example in EXPECTED:
            with self.subTest(example):
                ws = sheet(example)
                t = total_row(example)
                last = t - 1
                self.assertEqual(ws[f"C{t}"].value, f"=SUM(C7:C{last})")
                for _, figure, col in figure_columns(example):
                    if figure in RATE_FIGURES:
                        count = get_column_letter(openpyxl.utils.column_index_from_string(col) - 1)
                        self.assertEqual(ws[f"{col}{t}"].value, f"=ROUND({count}{t}/$C{t}*100,2)")
                    else:
                        self.assertEqual(ws[f"{col}{t}"].value, f"=SUM({col}7:{col}{last})")


class CachedValues(unittest.TestCase):
    """load_workbook(data_only=True): the results stored with the formulas."""

    def test_every_cell_matches_json(self):
        for example in EXPECTED:
            ws = sheet(example, data_only=True)
            data = table_json(example)
            rows = [(FIRST_DATA_ROW + i, unit) for i, unit in enumerate(data["units"])]
            rows.append((total_row(example), data["total"]))
            for r, unit in rows:
                with self.subTest(example=example, row=r):
                    self.assertEqual(ws[f"C{r}"].value, unit["households"])
                    for indicator, figure, col in figure_columns(example):
                        value = ws[f"{col}{r}"].value
                        expected = unit[indicator][figure]
                        self.assertIsNotNone(value, f"{col}{r} has no cached value")
                        if figure in RATE_FIGURES:
                            self.assertEqual(Decimal(repr(value)).quantize(Decimal("0.01")),
                                             Decimal(repr(expected)).quantize(Decimal("0.01")), f"{col}{r}")
                            self.assertEqual(value, expected, f"{col}{r}")
                        else:
                            self.assertEqual(value, expected, f"{col}{r}")
                            self.assertEqual(value, int(value), f"{col}{r}")

    def test_figures_agree_with_themselves(self):
        """Independent arithmetic on the cached values: end = start - reduction, rates are the
        half-up rounded percentages, the total row is the sum of the unit rows."""
        for example in EXPECTED:
            ws = sheet(example, data_only=True)
            t = total_row(example)
            columns = figure_columns(example)
            for r in range(FIRST_DATA_ROW, t + 1):
                with self.subTest(example=example, row=r):
                    households = ws[f"C{r}"].value
                    for k in range(0, len(columns), 6):
                        start, start_rate, red, red_rate, end, end_rate = (c[2] for c in columns[k:k + 6])
                        self.assertEqual(ws[f"{end}{r}"].value, ws[f"{start}{r}"].value - ws[f"{red}{r}"].value)
                        self.assertGreaterEqual(ws[f"{end}{r}"].value, 0)
                        for count, rate in ((start, start_rate), (red, red_rate), (end, end_rate)):
                            self.assertEqual(Decimal(repr(ws[f"{rate}{r}"].value)),
                                             half_up_rate(ws[f"{count}{r}"].value, households), f"{rate}{r}")
            for col in ["C"] + [c for _, f, c in columns if f not in RATE_FIGURES]:
                with self.subTest(example=example, total=col):
                    self.assertEqual(ws[f"{col}{t}"].value,
                                     sum(ws[f"{col}{r}"].value for r in range(FIRST_DATA_ROW, t)))

    def test_an_hoa_thinh_known_figures(self):
        ws = sheet(AN_HOA_THINH, data_only=True)
        shown = {cell: ws[cell].value for cell in
                 ["C26", "D26", "E26", "F26", "H26", "I26", "J26", "K26", "L26", "N26", "O26"]}
        self.assertEqual(shown, {"C26": 2047, "D26": 128, "E26": 6.25, "F26": 27, "H26": 101, "I26": 4.93,
                                 "J26": 171, "K26": 8.35, "L26": 51, "N26": 120, "O26": 5.86})
        total = table_json(AN_HOA_THINH)["total"]
        self.assertEqual(total["households"], 2047)
        self.assertEqual((total["poor"]["start"], total["poor"]["start_rate"], total["poor"]["reduction"],
                          total["poor"]["end"], total["poor"]["end_rate"]), (128, 6.25, 27, 101, 4.93))
        self.assertEqual((total["near_poor"]["start"], total["near_poor"]["start_rate"],
                          total["near_poor"]["reduction"], total["near_poor"]["end"],
                          total["near_poor"]["end_rate"]), (171, 8.35, 51, 120, 5.86))
        self.assertEqual([i["target_reduction"] for i in table_json(AN_HOA_THINH)["indicators"]], [27, 51])

    def test_thanh_tri_known_figures(self):
        ws = sheet(THANH_TRI, data_only=True)
        self.assertEqual((ws["D23"].value, ws["E23"].value, ws["F23"].value), (505, 0.59, 75))
        self.assertEqual([ws[f"F{r}"].value for r in range(7, 23)], THANH_TRI_REDUCTIONS)
        data = table_json(THANH_TRI)
        self.assertEqual([u["near_poor"]["reduction"] for u in data["units"]], THANH_TRI_REDUCTIONS)
        self.assertEqual((data["total"]["near_poor"]["start"], data["total"]["near_poor"]["start_rate"],
                          data["total"]["near_poor"]["reduction"]), (505, 0.59, 75))
        ends = {u["name"]: u["near_poor"]["end"] for u in data["units"]}
        self.assertEqual((ends["Tứ Hiệp"], ends["TT Văn Điển"]), (0, 0))


class PageSetup(unittest.TestCase):
    def test_print_setup(self):
        for example in EXPECTED:
            with self.subTest(example):
                ws = sheet(example)
                self.assertEqual(ws.page_setup.orientation, "landscape")
                self.assertEqual(int(ws.page_setup.paperSize), 9)
                self.assertEqual(int(ws.page_setup.fitToHeight), 0)
                self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage)
                self.assertEqual(ws.print_title_rows, "$5:$6")
                # openpyxl gives None for an absent fitToWidth; ECMA-376 makes the absent attribute 1,
                # so read the XML: either absent or "1".
                root = ET.fromstring(sheet_xml(appendix(example)))
                page = root.find(f"{MAIN_NS}pageSetup")
                self.assertEqual(page.get("fitToWidth", "1"), "1")
                self.assertEqual(page.get("fitToHeight"), "0")
                self.assertEqual(page.get("paperSize"), "9")
                self.assertEqual(page.get("orientation"), "landscape")

    def test_print_titles_defined_name(self):
        for example in EXPECTED:
            with self.subTest(example):
                with zipfile.ZipFile(appendix(example)) as z:
                    book = z.read("xl/workbook.xml").decode("utf-8")
                self.assertIn('<definedName name="_xlnm.Print_Titles" localSheetId="0">'
                              "'Phụ lục'!$5:$6</definedName>", book)

    def test_frozen_panes(self):
        for example in EXPECTED:
            with self.subTest(example):
                self.assertEqual(sheet(example).freeze_panes, "C7")
                pane = ET.fromstring(sheet_xml(appendix(example))).find(f"{MAIN_NS}sheetViews/{MAIN_NS}sheetView/"
                                                                        f"{MAIN_NS}pane")
                self.assertEqual((pane.get("xSplit"), pane.get("ySplit"), pane.get("topLeftCell"), pane.get("state")),
                                 ("2", "6", "C7", "frozen"))

    def test_font_on_every_cell(self):
        for example, expected in EXPECTED.items():
            ws = sheet(example)
            rows = [1, 2, 3] + list(range(5, total_row(example) + 1))
            for r in rows:
                for c in range(1, openpyxl.utils.column_index_from_string(expected["last_column"]) + 1):
                    cell = ws.cell(row=r, column=c)
                    if isinstance(cell, MergedCell):
                        continue  # openpyxl keeps no style for the covered cells; the XML check below does
                    with self.subTest(example=example, cell=cell.coordinate):
                        self.assertEqual(cell.font.name, FONT)

    def test_font_on_every_cell_in_the_xml(self):
        """Every <c> of the sheet, merged ones included, uses a cell format whose font is Times New Roman."""
        for example, expected in EXPECTED.items():
            with self.subTest(example):
                with zipfile.ZipFile(appendix(example)) as z:
                    styles = ET.fromstring(z.read("xl/styles.xml"))
                    cells = ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(f"{MAIN_NS}c")
                fonts = [f.find(f"{MAIN_NS}name").get("val") for f in styles.find(f"{MAIN_NS}fonts")]
                xf_fonts = [fonts[int(xf.get("fontId", "0"))] for xf in styles.find(f"{MAIN_NS}cellXfs")]
                names = {c.get("r"): xf_fonts[int(c.get("s", "0"))] for c in cells}
                last = openpyxl.utils.column_index_from_string(expected["last_column"])
                wanted = {f"{get_column_letter(c)}{r}" for r in [1, 2, 3] + list(range(5, total_row(example) + 1))
                          for c in range(1, last + 1)}
                self.assertEqual(set(names), wanted)
                self.assertEqual({r: n for r, n in names.items() if n != FONT}, {})

    def test_attachment_line_is_italic(self):
        for example in EXPECTED:
            with self.subTest(example):
                self.assertTrue(sheet(example)["A3"].font.i)
                self.assertFalse(sheet(example)["A2"].font.i)
        self.assertEqual(sheet(THANH_TRI)["A3"].value, THANH_TRI_ATTACHMENT)

    def test_number_formats(self):
        for example in EXPECTED:
            ws = sheet(example)
            for r in range(FIRST_DATA_ROW, total_row(example) + 1):
                with self.subTest(example=example, row=r):
                    self.assertEqual(ws[f"C{r}"].number_format, "#,##0")
                    for _, figure, col in figure_columns(example):
                        self.assertEqual(ws[f"{col}{r}"].number_format,
                                         "0.00" if figure in RATE_FIGURES else "#,##0", f"{col}{r}")


class LibreOfficeRecalculation(unittest.TestCase):
    """LibreOffice, told to recalculate xlsx files on load, gets the numbers kehoach cached."""

    def assert_matches_cached(self, rows, example):
        ws = sheet(example, data_only=True)
        t = total_row(example)
        last = openpyxl.utils.column_index_from_string(EXPECTED[example]["last_column"])
        self.assertEqual(len(rows), t, "LibreOffice's CSV should end at the total row")
        for r in range(FIRST_DATA_ROW, t + 1):
            shown = rows[r - 1]
            self.assertEqual(len(shown), last, f"row {r}: {shown}")
            self.assertEqual(shown[0], str(r - FIRST_DATA_ROW + 1) if r < t else "Tổng cộng")
            self.assertEqual(shown[1], ws[f"B{r}"].value or "")
            for c in range(3, last + 1):
                col = get_column_letter(c)
                with self.subTest(example=example, cell=f"{col}{r}"):
                    cached = ws[f"{col}{r}"].value
                    is_rate = c > 3 and (c - 4) % 2 == 1
                    value = parse_shown(shown[c - 1], is_rate)
                    if is_rate:
                        self.assertEqual(value, Decimal(repr(cached)).quantize(Decimal("0.01")))
                    else:
                        self.assertEqual(value, Decimal(int(cached)))

    def test_recalculated_values_match_cached_values(self):
        converted = libreoffice()
        self.assert_matches_cached(converted["an"], AN_HOA_THINH)
        self.assert_matches_cached(converted["tt"], THANH_TRI)
        self.assertEqual(converted["an"][25][2], "2,047")
        self.assertEqual(converted["an"][25][4], "6.25")

    def test_header_as_libreoffice_reads_it(self):
        converted = libreoffice()
        for key, example in (("an", AN_HOA_THINH), ("tt", THANH_TRI)):
            with self.subTest(example):
                rows = converted[key]
                self.assertEqual(rows[2][0], table_json(example)["attachment"])
                self.assertEqual(rows[4], [v or "" for v in EXPECTED[example]["row5"]])

    def test_tampered_cache_is_recomputed(self):
        converted = libreoffice()
        tampered = openpyxl.load_workbook(converted["files"]["an-e26"], data_only=True).worksheets[0]
        self.assertEqual(tampered["E26"].value, 99)  # the copy really carries the wrong cached value
        self.assertEqual(converted["an-e26"][25][4], "6.25")

    def test_without_recalculation_libreoffice_shows_the_cache(self):
        """Control: with OOXMLRecalcMode 1 (never) the tampered 99 shows through, so the 6.25 above
        comes from the recalculation and not from somewhere else."""
        self.assertEqual(libreoffice()["an-e26-never"][25][4], "99.00")

    def test_every_formula_recomputed_from_a_wrong_cache(self):
        """Every formula's cached value replaced by 99: LibreOffice still arrives at kehoach's figures."""
        converted = libreoffice()
        for key, example in (("an-all", AN_HOA_THINH), ("tt-all", THANH_TRI)):
            with self.subTest(example):
                book = openpyxl.load_workbook(converted["files"][key], data_only=True).worksheets[0]
                self.assertEqual(book[f"C{total_row(example)}"].value, 99)
                self.assert_matches_cached(converted[key], example)


class Determinism(unittest.TestCase):
    """The same plan gives the same bytes, whenever and wherever it is run."""

    def twice(self, example, env_first, env_second):
        first = generate(example, f"{example}-first.xlsx", env=env_first)
        time.sleep(2.1)  # past the 2-second resolution of zip timestamps
        second = generate(example, f"{example}-second.xlsx", env=env_second)
        with open(first, "rb") as a, open(second, "rb") as b:
            return a.read(), b.read(), first

    def core_created(self, path):
        with zipfile.ZipFile(path) as z:
            core = z.read("docProps/core.xml").decode("utf-8")
        return re.search(r"<dcterms:created[^>]*>([^<]*)</dcterms:created>", core).group(1)

    def test_without_source_date_epoch(self):
        for example in EXPECTED:
            with self.subTest(example):
                a, b, path = self.twice(example, environment(), environment())
                self.assertTrue(a == b, f"{example}: two runs without SOURCE_DATE_EPOCH differ")
                self.assertEqual(self.core_created(path), EXPECTED[example]["created"])

    def test_with_source_date_epoch(self):
        env = environment(SOURCE_DATE_EPOCH="1700000000")
        for example in EXPECTED:
            with self.subTest(example):
                a, b, path = self.twice(example, env, env)
                self.assertTrue(a == b, f"{example}: two runs with SOURCE_DATE_EPOCH=1700000000 differ")
                expected = datetime.datetime.fromtimestamp(1700000000, datetime.timezone.utc)
                self.assertEqual(self.core_created(path), expected.strftime("%Y-%m-%dT%H:%M:%SZ"))

    def test_time_zone_does_not_matter(self):
        for example in EXPECTED:
            with self.subTest(example):
                a, b, _ = self.twice(example, environment(TZ="UTC"), environment(TZ="Asia/Ho_Chi_Minh"))
                self.assertTrue(a == b, f"{example}: TZ=UTC and TZ=Asia/Ho_Chi_Minh give different files")

    def test_zip_entries_carry_no_clock_time(self):
        for example in EXPECTED:
            with self.subTest(example):
                with zipfile.ZipFile(appendix(example)) as z:
                    stamps = {info.date_time for info in z.infolist()}
                self.assertEqual(stamps, {(1980, 1, 1, 0, 0, 0)})


def main():
    global TMP
    TMP = tempfile.TemporaryDirectory(prefix="kehoach-appendix-")
    try:
        return run(Layout, Formulas, CachedValues, PageSetup, LibreOfficeRecalculation, Determinism)
    finally:
        TMP.cleanup()


if __name__ == "__main__":
    sys.exit(main())
