"""Old files as they arrive (issue 16): Excel 97-2003 workbooks (.xls) made by LibreOffice from the example
tables give the same figures and the same `check` findings as the CSV and XLSX; text typed in TCVN3 or VNI
(made here from data/encodings/, the tables kehoach builds in) gives the same appendix as Unicode text;
a table mixing Unicode and TCVN3 columns is read, one mixing them in a column is refused; damaged,
encrypted and mutated .xls files, and weak evidence, are refused with exit status 2 and no output.

Run as: python3 test_old_files.py /path/to/kehoach /path/to/repo-root"""
import csv
import json
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata

import openpyxl
from openpyxl.styles import Font

from harness import EXAMPLES, LIBREOFFICE_TIMEOUT, ROOT, FolderTest, environment, run, soffice

AHT = os.path.join(EXAMPLES, "an-hoa-thinh-2022")
HA_TINH = os.path.join(EXAMPLES, "ha-tinh-2026")
EXIT_UNREADABLE = 2


def legacy_table(name):
    """data/encodings/NAME.txt: Unicode letter -> bytes (the lines marked H are TCVN3's capitals typed with
    their small letter's code, which kehoach reads back only between capitals)."""
    table = {}
    with open(os.path.join(ROOT, "data", "encodings", name + ".txt"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            letter, code, *mark = line.rstrip("\n").split("\t")
            table[letter] = bytes(int(h, 16) for h in code.split())
    return table


TABLES = {"tcvn3": legacy_table("tcvn3"), "vni": legacy_table("vni")}


def legacy_bytes(text, encoding):
    table = TABLES[encoding]
    return b"".join(table[c] if c in table else c.encode("ascii") for c in unicodedata.normalize("NFC", text))


def legacy_shown(text, encoding):
    """Legacy text as a spreadsheet shows it without the fonts: each byte its Windows-1252 character."""
    return legacy_bytes(text, encoding).decode("cp1252")


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def is_number(text):
    return re.fullmatch(r"-?\d+(\.\d+)?", text) is not None


def cells_of(path):
    workbook = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in workbook.worksheets}


class OldFiles(FolderTest):
    @classmethod
    def setUpClass(cls):
        """The .xls (and .xlsx) of the example tables, made once by LibreOffice."""
        cls.made = tempfile.TemporaryDirectory()
        cls.xls = {}
        sources = {"thon": os.path.join(AHT, "thon.csv"), "ban-goc": os.path.join(AHT, "bang-chi-tieu-ban-goc.csv"),
                   "quy-1": os.path.join(AHT, "bien-dong-quy-1.csv"),
                   "ho-2022": os.path.join(AHT, "ho-gia-dinh-cuoi-2022.csv"),
                   "don-vi": os.path.join(HA_TINH, "don-vi.csv")}
        for name, source in sources.items():
            shutil.copy(source, os.path.join(cls.made.name, name + ".csv"))
        csvs = [os.path.join(cls.made.name, name + ".csv") for name in sources]
        cls.convert(csvs, "xls:MS Excel 97", "--infilter=CSV:44,34,76,1")
        cls.convert(csvs, "xlsx:Calc MS Excel 2007 XML", "--infilter=CSV:44,34,76,1")
        for name in sources:
            cls.xls[name] = os.path.join(cls.made.name, name + ".xls")

    @classmethod
    def tearDownClass(cls):
        cls.made.cleanup()

    @classmethod
    def convert(cls, files, convert_to, *extra, outdir=None):
        profile = os.path.join(cls.made.name, "profile")
        command = [soffice(), "-env:UserInstallation=file://" + profile, "--headless", "--norestore", *extra,
                   "--convert-to", convert_to, "--outdir", outdir or cls.made.name, *files]
        subprocess.run(command, capture_output=True, timeout=LIBREOFFICE_TIMEOUT, env=environment(LC_ALL="C.UTF-8"),
                       check=True)
        extension = convert_to.split(":")[0]
        for path in files:
            target = os.path.join(outdir or cls.made.name, os.path.splitext(os.path.basename(path))[0] + "." + extension)
            assert os.path.isfile(target), f"LibreOffice did not make {target}"

    def plan_with(self, statistics, name="ke-hoach.yaml"):
        """The An Hòa Thịnh plan reading `statistics`, in the test's folder."""
        with open(os.path.join(AHT, "ke-hoach.yaml"), encoding="utf-8") as f:
            text = f.read()
        return self.write(name, text.replace("statistics: thon.csv", "statistics: " + statistics))

    def json_of(self, *args):
        result = self.run_kehoach(*args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout), result.stderr

    def assert_refused(self, args, message, outputs=()):
        result = self.run_kehoach(*args)
        self.assertEqual(result.returncode, EXIT_UNREADABLE, result.stdout + result.stderr)
        self.assertIn(message, result.stderr)
        for output in outputs:
            self.assertFalse(os.path.exists(self.path(output)), output)
        return result

    # --- .xls from the example tables ---------------------------------------------------------------

    def test_statistics_xls_gives_the_appendix_of_the_csv(self):
        shutil.copy(self.xls["thon"], self.path("thon.xls"))
        shutil.copy(os.path.join(AHT, "thon.csv"), self.path("thon.csv"))
        from_csv, _ = self.json_of("appendix", self.plan_with("thon.csv", "csv.yaml"), "--json")
        from_xls, err = self.json_of("appendix", self.plan_with("thon.xls", "xls.yaml"), "--json")
        self.assertEqual(from_xls, from_csv)
        self.assertEqual(err, "")
        for plan in ("csv.yaml", "xls.yaml"):
            result = self.run_kehoach("appendix", plan, "-o", plan + ".xlsx")
            self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(cells_of(self.path("xls.yaml.xlsx")), cells_of(self.path("csv.yaml.xlsx")))

    def test_check_finds_the_same_slips_in_xls_xlsx_and_csv(self):
        findings = {}
        for extension in ("csv", "xls", "xlsx"):
            table = self.path("ban-goc." + extension)
            shutil.copy(os.path.join(self.made.name, "ban-goc." + extension), table)
            result = self.run_kehoach("check", table, "--json")
            self.assertEqual(result.returncode, 1, result.stderr)
            report = json.loads(result.stdout)
            findings[extension] = (report["findings"], report["units"], report["has_total"], report["rates_checked"])
        self.assertEqual(len(findings["csv"][0]), 4)
        self.assertEqual(findings["xls"], findings["csv"])
        self.assertEqual(findings["xlsx"], findings["csv"])

    def test_movements_households_and_units_in_xls(self):
        shutil.copy(os.path.join(AHT, "thon.csv"), self.path("thon.csv"))
        plan = self.plan_with("thon.csv")
        for name in ("quy-1", "ho-2022", "don-vi"):
            for extension in ("csv", "xls"):
                shutil.copy(os.path.join(self.made.name, name + "." + extension), self.path(name + "." + extension))
        reports = [self.json_of("report", plan, "--period", "q1", "--movements", "quy-1." + e, "--json")[0]
                   for e in ("csv", "xls")]
        self.assertEqual(reports[1], reports[0])
        households = [self.json_of("households", "ho-2022." + e, "--year", "2022", "--json")[0] for e in ("csv", "xls")]
        for summary in households:
            summary.pop("source", None)
        self.assertEqual(json.dumps(households[1], sort_keys=True).replace("ho-2022.xls", "ho-2022.csv"),
                         json.dumps(households[0], sort_keys=True))
        with open(os.path.join(HA_TINH, "phan-bo.yaml"), encoding="utf-8") as f:
            cascade = f.read()
        for extension in ("csv", "xls"):
            self.write("phan-bo-" + extension + ".yaml", cascade.replace("units: don-vi.csv", "units: don-vi." + extension))
        splits = [self.json_of("batch", "phan-bo-" + e + ".yaml", "--json")[0] for e in ("csv", "xls")]
        self.assertEqual(splits[1], splits[0])

    def test_formulas_number_formats_and_merged_headers_in_xls(self):
        """The published table with its rates as formulas shown with two decimals and the movements table
        with its header's groups merged, as Excel writes them: the same findings and the same report."""
        rows = read_csv(os.path.join(AHT, "bang-chi-tieu-ban-goc.csv"))
        book = openpyxl.Workbook()
        sheet = book.active
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                sheet.cell(r, c, float(value) if is_number(value) else value)
        # "Tỷ lệ %" of the poor at the start (column E): =D/C*100 shown with two decimals, as typed (6.02…).
        for r in range(2, len(rows)):
            sheet.cell(r, 5, f"=ROUND(D{r}/C{r}*100,4)").number_format = "0.00"
        book.save(self.path("cong-thuc.xlsx"))
        movements = read_csv(os.path.join(AHT, "bien-dong-quy-1.csv"))
        book = openpyxl.Workbook()
        sheet = book.active
        for r, row in enumerate(movements, start=1):
            for c, value in enumerate(row, start=1):
                if value:
                    sheet.cell(r, c, int(value) if value.isdigit() else value)
        sheet.merge_cells("C1:I1")
        sheet.merge_cells("J1:P1")
        sheet.merge_cells("A1:A2")
        sheet.merge_cells("B1:B2")
        book.save(self.path("gop-o.xlsx"))
        self.convert([self.path("cong-thuc.xlsx"), self.path("gop-o.xlsx")], "xls:MS Excel 97", outdir=self.dir)
        stated = json.loads(self.run_kehoach("check", "cong-thuc.xls", "--json").stdout)
        published = json.loads(self.run_kehoach("check", os.path.join(AHT, "bang-chi-tieu-ban-goc.csv"), "--json").stdout)
        self.assertEqual(stated["findings"], published["findings"])
        shutil.copy(os.path.join(AHT, "thon.csv"), self.path("thon.csv"))
        shutil.copy(os.path.join(AHT, "bien-dong-quy-1.csv"), self.path("quy-1.csv"))
        plan = self.plan_with("thon.csv")
        reports = [self.json_of("report", plan, "--period", "q1", "--movements", m, "--json")[0]
                   for m in ("quy-1.csv", "gop-o.xls")]
        self.assertEqual(reports[1], reports[0])

    # --- bad .xls --------------------------------------------------------------------------------------

    def test_damaged_encrypted_and_mutated_xls_are_refused(self):
        with open(self.xls["thon"], "rb") as f:
            good = f.read()
        self.write("cut.xls", good[: len(good) // 2])
        plan = self.plan_with("cut.xls")
        self.assert_refused(("appendix", plan, "-o", "phu-luc.xlsx"),
                            "cut.xls: tệp Excel 97-2003 (.xls) bị hỏng hoặc không đầy đủ, không đọc được; hãy mở bằng "
                            "Excel hoặc LibreOffice rồi lưu lại (dạng .xlsx hoặc .xls).", ["phu-luc.xlsx"])
        # Encrypted: the record after the workbook's BOF turned into a FILEPASS (what Excel writes first when
        # a password protects the file), made here from LibreOffice's file.
        bof = good.find(b"\x09\x08\x10\x00\x00\x06")
        self.assertGreater(bof, 0)
        after = bof + 4 + 16
        locked = bytearray(good)
        locked[after:after + 2] = struct.pack("<H", 0x002F)
        self.write("mat-khau.xls", bytes(locked))
        self.assert_refused(("appendix", self.plan_with("mat-khau.xls"), "-o", "phu-luc.xlsx"),
                            "mat-khau.xls: tệp Excel có đặt mật khẩu (đã mã hoá) nên kehoach không mở được",
                            ["phu-luc.xlsx"])
        self.assert_refused(("households", "mat-khau.xls", "--year", "2022", "-o", "tong-hop.xlsx"),
                            "mat-khau.xls: tệp Excel có đặt mật khẩu", ["tong-hop.xlsx"])
        # A sheet claiming 65.536 × 256 cells in a file of a few KB is refused before libfreexl allocates them.
        dimension = good.find(b"\x00\x02\x0e\x00")
        huge = bytearray(good)
        huge[dimension + 8:dimension + 12] = struct.pack("<I", 65536)
        huge[dimension + 14:dimension + 16] = struct.pack("<H", 256)
        self.write("lon.xls", bytes(huge))
        self.assert_refused(("check", "lon.xls"), "lon.xls:65536: bảng có hơn")
        # Mutated files: never a crash, a hang or a status other than read (0, 1) or refused (2).
        rng = random.Random(16)
        statuses = set()
        for i in range(300):
            data = bytearray(good)
            for _ in range(rng.randint(1, 20)):
                at = rng.randrange(len(data))
                data[at] = rng.randrange(256)
            if i % 5 == 0:
                data = data[: rng.randrange(len(data))]
            self.write("m.xls", bytes(data))
            result = self.run_kehoach("check", "m.xls", "--json", timeout=30)
            self.assertIn(result.returncode, (0, 1, 2), f"mutation {i}: {result.stderr[-500:]}")
            statuses.add(result.returncode)
        self.assertIn(2, statuses)

    # --- TCVN3 and VNI ---------------------------------------------------------------------------------

    def unicode_appendix(self):
        """unicode.xlsx: the appendix of An Hòa Thịnh's Unicode village table, which the legacy ones must give."""
        shutil.copy(os.path.join(AHT, "thon.csv"), self.path("thon.csv"))
        result = self.run_kehoach("appendix", self.plan_with("thon.csv", "unicode.yaml"), "-o", "unicode.xlsx")
        self.assertEqual(result.returncode, 0, result.stderr)

    def save_workbook(self, name, rows, cell):
        """`rows` (texts, as read from a CSV) as the .xlsx `name`: `cell(r, c, text)` gives each cell's text and its
        font's name (None: the default font); texts of digits are written as numbers. Returns its path."""
        book = openpyxl.Workbook()
        sheet = book.active
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                text, font = cell(r, c, value)
                written = sheet.cell(r, c, int(text) if text.isdigit() else text)
                if font:
                    written.font = Font(name=font)
        book.save(self.path(name))
        return self.path(name)

    def legacy_village_tables(self):
        """thon.csv in TCVN3 and VNI: as 8-bit CSV, as UTF-8 CSV of what a spreadsheet shows without the
        fonts ("Th«n §«ng"), as XLSX in the encodings' fonts, and that XLSX as .xls by LibreOffice."""
        rows = read_csv(os.path.join(AHT, "thon.csv"))
        made = {}
        for encoding, font in (("tcvn3", ".VnTime"), ("vni", "VNI-Times")):
            lines = b"".join(b",".join(legacy_bytes(cell, encoding) for cell in row) + b"\r\n" for row in rows)
            made[f"{encoding}-8bit.csv"] = self.write(f"{encoding}-8bit.csv", lines)
            shown = "".join(",".join(legacy_shown(cell, encoding) for cell in row) + "\n" for row in rows)
            made[f"{encoding}-shown.csv"] = self.write(f"{encoding}-shown.csv", shown)
            made[f"{encoding}.xlsx"] = self.save_workbook(
                f"{encoding}.xlsx", rows, lambda r, c, value: (legacy_shown(value, encoding), font))
        self.convert([self.path("tcvn3.xlsx"), self.path("vni.xlsx")], "xls:MS Excel 97", outdir=self.dir)
        made["tcvn3.xls"], made["vni.xls"] = self.path("tcvn3.xls"), self.path("vni.xls")
        return made

    def test_tcvn3_and_vni_village_tables_give_the_unicode_appendix_cell_for_cell(self):
        self.unicode_appendix()
        expected = cells_of(self.path("unicode.xlsx"))
        for name, path in self.legacy_village_tables().items():
            with self.subTest(name):
                plan = self.plan_with(os.path.basename(path), name + ".yaml")
                result = self.run_kehoach("appendix", plan, "-o", name + "-phu-luc.xlsx")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(cells_of(self.path(name + "-phu-luc.xlsx")), expected)
                encoding = "TCVN3" if name.startswith("tcvn3") else "VNI"
                self.assertIn(f"{os.path.basename(path)}, cột B: chuyển từ mã {encoding} sang Unicode, 20 ô.",
                              result.stderr)
                self.assertNotIn("Sâm Cồn", result.stderr)  # what was converted is counted, never quoted

    def test_xlsx_cells_in_a_tcvn3_capitals_font_read_as_capitals(self):
        """.VnTimeH and its kin print TCVN3's lower-case codes as capitals: an .xlsx whose village names are
        typed that way (the font named in xl/styles.xml) gives the names in Unicode capitals, told as converted."""
        rows = read_csv(os.path.join(AHT, "thon.csv"))
        self.unicode_appendix()
        # The column typed in TCVN3 throughout: its header in .VnTime, the names in .VnTimeH.
        self.save_workbook("hoa.xlsx", rows, lambda r, c, value: (
            (legacy_shown(value if r == 1 else value.lower(), "tcvn3"), ".VnTime" if r == 1 else ".VnTimeH")
            if c == 2 else (value, None)))
        result = self.run_kehoach("appendix", self.plan_with("hoa.xlsx", "hoa.yaml"), "-o", "hoa-phu-luc.xlsx")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("hoa.xlsx, cột B: chuyển từ mã TCVN3 sang Unicode, 20 ô.", result.stderr)
        names = {row[1] for row in rows[1:]}
        expected = cells_of(self.path("unicode.xlsx"))
        got = cells_of(self.path("hoa-phu-luc.xlsx"))
        capitals = {v.upper() for v in names}
        self.assertEqual({title: [[v.upper() if v in names else v for v in row] for row in sheet_rows]
                          for title, sheet_rows in expected.items()}, got)
        self.assertTrue(any(v in capitals for rows_ in got.values() for row in rows_ for v in row))

    def households_with_villages_in_tcvn3(self, rows, name, heading_too):
        """An Hòa Thịnh's household list with its village column (and its heading, if `heading_too`) typed in
        TCVN3: kehoach's figures from it and from the Unicode list, as JSON text, and what it said."""
        village = rows[0].index("Thôn")
        legacy = [[legacy_shown(cell, "tcvn3") if c == village and (r > 0 or heading_too) else cell
                   for c, cell in enumerate(row)] for r, row in enumerate(rows)]
        with open(self.path(name), "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(legacy)
        shutil.copy(os.path.join(AHT, "ho-gia-dinh-cuoi-2022.csv"), self.path("ho.csv"))
        unicode, _ = self.json_of("households", "ho.csv", "--year", "2022", "--json")
        converted, err = self.json_of("households", name, "--year", "2022", "--json")
        return (json.dumps(converted, sort_keys=True).replace(name, "ho.csv"), json.dumps(unicode, sort_keys=True),
                err)

    def test_a_household_list_mixing_unicode_and_tcvn3_columns_is_read(self):
        rows = read_csv(os.path.join(AHT, "ho-gia-dinh-cuoi-2022.csv"))
        village = rows[0].index("Thôn")
        converted, unicode, err = self.households_with_villages_in_tcvn3(rows, "tron.csv", heading_too=True)
        self.assertEqual(converted, unicode)
        letter = chr(ord("A") + village)
        self.assertRegex(err, rf"tron\.csv, cột {letter}: chuyển từ mã TCVN3 sang Unicode, [\d.]+ ô\.")
        self.assertNotIn(", cột B:", err)  # the commune's column, in Unicode, is left as it is

    def test_a_heading_retyped_in_unicode_above_tcvn3_cells_is_found_and_kept(self):
        """Old tables often get their heading retyped in Unicode while the rows stay in TCVN3: the heading
        ("Thôn", which TCVN3 could also read, as "Thộn") stays as it is, so the column is found, and only
        the rows below it are converted; in a CSV household list and in an .xlsx without fonts alike."""
        rows = read_csv(os.path.join(AHT, "ho-gia-dinh-cuoi-2022.csv"))
        village = rows[0].index("Thôn")
        converted, unicode, err = self.households_with_villages_in_tcvn3(rows, "tieu-de.csv", heading_too=False)
        self.assertEqual(converted, unicode)
        letter = chr(ord("A") + village)
        households = f"{len(rows) - 1:,}".replace(",", ".")  # 2.045: Vietnamese groups thousands with dots
        self.assertIn(f"tieu-de.csv, cột {letter}: chuyển từ mã TCVN3 sang Unicode, {households} ô.", err)

        units = read_csv(os.path.join(AHT, "thon.csv"))
        self.unicode_appendix()
        self.save_workbook("tieu-de.xlsx", units, lambda r, c, value: (
            legacy_shown(value, "tcvn3") if c == 2 and r > 1 else value, None))
        result = self.run_kehoach("appendix", self.plan_with("tieu-de.xlsx", "tieu-de.yaml"), "-o", "tieu-de-phu-luc.xlsx")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"tieu-de.xlsx, cột B: chuyển từ mã TCVN3 sang Unicode, {len(units) - 1} ô.", result.stderr)
        self.assertEqual(cells_of(self.path("unicode.xlsx")), cells_of(self.path("tieu-de-phu-luc.xlsx")))

    def test_a_column_mixing_unicode_and_tcvn3_or_weak_evidence_is_refused(self):
        rows = read_csv(os.path.join(AHT, "thon.csv"))
        mixed = [row if r == 0 or r > 9 else [row[0], legacy_shown(row[1], "tcvn3"), *row[2:]] for r, row in enumerate(rows)]
        with open(self.path("tron.csv"), "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(mixed)
        self.assert_refused(("appendix", self.plan_with("tron.csv"), "-o", "phu-luc.xlsx"),
                            "tron.csv:2, cột B: cột B lẫn chữ Unicode (dòng 11) với chữ mã TCVN3 (phông .VnTime, "
                            ".VnArial…) (dòng 2); hãy chuyển cả cột về Unicode", ["phu-luc.xlsx"])
        self.unicode_appendix()
        result = self.run_kehoach("appendix", self.plan_with("tron.csv"), "-o", "phu-luc.xlsx", "--encoding", "tcvn3")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(cells_of(self.path("phu-luc.xlsx")), cells_of(self.path("unicode.xlsx")))
        # One village in TCVN3 among Unicode ones: too little to convert on its own, or a mixed column.
        weak = [row if r != 3 else [row[0], legacy_shown(row[1], "tcvn3"), *row[2:]] for r, row in enumerate(rows)]
        weak[0][1] = "Thon"
        for r in range(1, len(weak)):
            if r != 3:
                weak[r][1] = "Thon " + str(r)
        with open(self.path("yeu.csv"), "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(weak)
        self.assert_refused(("check", "yeu.csv"), "yeu.csv:4, cột B: chữ ở cột B có thể được gõ bằng mã TCVN3 "
                            "(phông .VnTime, .VnArial…) nhưng không đủ dấu hiệu để kehoach tự chuyển sang Unicode; nếu "
                            "đúng vậy, hãy chạy lại với --encoding tcvn3; nếu chữ trong bảng đã đúng, hãy chạy lại với "
                            "--encoding unicode.")
        for choice in ("unicode", "tcvn3"):  # decided: no question about the encoding (the table is no check table)
            self.assertNotIn("--encoding", self.run_kehoach("check", "yeu.csv", "--encoding", choice).stderr)
        usage = self.run_kehoach("check", "yeu.csv", "--encoding", "latin1")
        self.assertEqual(usage.returncode, 64)
        self.assertIn("--encoding phải là tcvn3, vni hoặc unicode", usage.stderr)


if __name__ == "__main__":
    sys.exit(run(OldFiles))
