"""`kehoach check` on tables as they arrive: the published An Hòa Thịnh table with its four slips (as
UTF-8 CSV, as Windows-1258 CSV with semicolons and decimal commas, with a two-level header, as XLSX),
kehoach's own appendices (clean), and files that are not tables at all.

Run as: python3 test_check_command.py /path/to/kehoach /path/to/repo-root"""
import csv
import json
import os
import sys
import zipfile

import openpyxl

from harness import EXAMPLES, FolderTest, encode_cp1258, run
PUBLISHED = os.path.join(EXAMPLES, "an-hoa-thinh-2022", "bang-chi-tieu-ban-goc.csv")

EXIT_FINDINGS, EXIT_UNREADABLE = 1, 2

# The four slips of the published table: (row, unit, column, column name, stated, expected, reason).
PUBLISHED_FINDINGS = [
    (3, "Trùa", "G", "Giảm hộ nghèo trong năm 2022 - Tỷ lệ %", "1.8", "1,90", "2/105 hộ"),
    (13, "Thiên Nhẫn", "M", "Giảm hộ cận nghèo trong năm 2022 - Tỷ lệ %", "2.03", "2,33", "1/43 hộ"),
    (21, "Tổng cộng", "L", "Giảm hộ cận nghèo trong năm 2022", "50", "51", "tổng các dòng 2-20"),
    (21, "Tổng cộng", "N", "Hộ cận nghèo cuối năm 2022", "120", "121", "171 - 50"),
]

def published_rows():
    with open(PUBLISHED, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def as_dicts(findings):
    keys = ("row", "unit", "column", "column_name", "stated", "expected", "reason")
    return [dict(zip(keys, f)) for f in findings]


def text_lines(source, findings, units=19):
    lines = [f"{source}, dòng {row} ({unit}), cột {column} ({name}): ghi {stated}, đúng là {expected} ({reason})."
             for row, unit, column, name, stated, expected, reason in findings]
    lines.append(f"Kiểm tra {source}: {len(findings)} chỗ sai ({units} đơn vị, có dòng tổng).")
    return lines


class CheckCommand(FolderTest):
    def check_json(self, table, status):
        result = self.run_kehoach("check", table, "--json")
        self.assertEqual(result.returncode, status, result.stdout + result.stderr)
        self.assertEqual(result.stderr, "")
        return json.loads(result.stdout)

    def assert_findings(self, table, findings, units=19):
        """Exit 1, exactly these findings in --json, and exactly these lines in the text report."""
        report = self.check_json(table, EXIT_FINDINGS)
        self.assertEqual(report["findings"], as_dicts(findings))
        self.assertEqual((report["source"], report["units"], report["has_total"], report["rates_checked"]),
                         (table, units, True, True))
        result = self.run_kehoach("check", table)
        self.assertEqual(result.returncode, EXIT_FINDINGS, result.stderr)
        self.assertEqual(result.stderr, "")
        self.assertEqual(result.stdout.splitlines(), text_lines(table, findings, units))
        self.assertTrue(result.stdout.endswith("\n"))

    def assert_unreadable(self, table, message):
        for extra in ([], ["--json"]):
            with self.subTest(extra=extra):
                result = self.run_kehoach("check", table, *extra)
                self.assertEqual(result.returncode, EXIT_UNREADABLE, result.stdout + result.stderr)
                self.assertEqual(result.stdout, "")
                self.assertEqual(result.stderr, f"{table}: {message}\n")

    def appendix(self, example):
        out = self.path(example + ".xlsx")
        result = self.run_kehoach("appendix", os.path.join(EXAMPLES, example, "ke-hoach.yaml"), "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        return out

    # --- the published table -----------------------------------------------------------------

    def test_published_table_has_exactly_the_four_slips(self):
        self.assert_findings(PUBLISHED, PUBLISHED_FINDINGS)

    def test_published_table_text_report(self):
        result = self.run_kehoach("check", PUBLISHED)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "".join(line + "\n" for line in [
            f"{PUBLISHED}, dòng 3 (Trùa), cột G (Giảm hộ nghèo trong năm 2022 - Tỷ lệ %): ghi 1.8, đúng là 1,90 (2/105 hộ).",
            f"{PUBLISHED}, dòng 13 (Thiên Nhẫn), cột M (Giảm hộ cận nghèo trong năm 2022 - Tỷ lệ %): ghi 2.03, đúng là 2,33 (1/43 hộ).",
            f"{PUBLISHED}, dòng 21 (Tổng cộng), cột L (Giảm hộ cận nghèo trong năm 2022): ghi 50, đúng là 51 (tổng các dòng 2-20).",
            f"{PUBLISHED}, dòng 21 (Tổng cộng), cột N (Hộ cận nghèo cuối năm 2022): ghi 120, đúng là 121 (171 - 50).",
            f"Kiểm tra {PUBLISHED}: 4 chỗ sai (19 đơn vị, có dòng tổng).",
        ]))

    def test_relative_path_is_reported_as_given(self):
        table = self.write("bang.csv", open(PUBLISHED, "rb").read())
        result = self.run_kehoach("check", "bang.csv")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout.splitlines(), text_lines("bang.csv", PUBLISHED_FINDINGS))
        self.assertTrue(os.path.isfile(table))

    def test_windows_1258_semicolons_and_decimal_commas(self):
        rows = published_rows()
        rate_columns = {i for i, name in enumerate(rows[0]) if name.startswith("Tỷ lệ")}
        self.assertEqual(len(rate_columns), 6)
        converted = [rows[0]] + [[v.replace(".", ",") if i in rate_columns else v for i, v in enumerate(row)]
                                 for row in rows[1:]]
        data = encode_cp1258("".join(";".join(row) + "\r\n" for row in converted))
        with self.assertRaises(UnicodeDecodeError):
            data.decode("utf-8")  # really not UTF-8
        self.assertIn(b";1,8;", data)
        table = self.write("bang-1258.csv", data)
        self.assert_findings(table, [
            (3, "Trùa", "G", "Giảm hộ nghèo trong năm 2022 - Tỷ lệ %", "1,8", "1,90", "2/105 hộ"),
            (13, "Thiên Nhẫn", "M", "Giảm hộ cận nghèo trong năm 2022 - Tỷ lệ %", "2,03", "2,33", "1/43 hộ"),
            (21, "Tổng cộng", "L", "Giảm hộ cận nghèo trong năm 2022", "50", "51", "tổng các dòng 2-20"),
            (21, "Tổng cộng", "N", "Hộ cận nghèo cuối năm 2022", "120", "121", "171 - 50"),
        ])

    def test_two_level_header(self):
        """Group names on the first header row (over two cells), "TS" / "%" on the second."""
        rows = published_rows()
        header = rows[0]
        groups, subs = [], []
        for i, name in enumerate(header):
            if i < 3:
                groups.append(name)
                subs.append("")
            elif name.startswith("Tỷ lệ"):
                groups.append("")
                subs.append("%")
            else:
                groups.append(name)
                subs.append("TS")
        self.assertEqual(subs[3:], ["TS", "%"] * 6)
        lines = [groups, subs] + rows[1:]
        table = self.write("hai-tang.csv", "".join(",".join(row) + "\n" for row in lines))
        self.assert_findings(table, [
            (4, "Trùa", "G", "Giảm hộ nghèo trong năm 2022 - %", "1.8", "1,90", "2/105 hộ"),
            (14, "Thiên Nhẫn", "M", "Giảm hộ cận nghèo trong năm 2022 - %", "2.03", "2,33", "1/43 hộ"),
            (22, "Tổng cộng", "L", "Giảm hộ cận nghèo trong năm 2022 - TS", "50", "51", "tổng các dòng 3-21"),
            (22, "Tổng cộng", "N", "Hộ cận nghèo cuối năm 2022 - TS", "120", "121", "171 - 50"),
        ])

    def test_published_table_as_xlsx(self):
        book = openpyxl.Workbook()
        ws = book.active
        ws.title = "Biểu"
        for row in published_rows():
            values = []
            for v in row:
                if v == "":
                    values.append(None)
                elif v.replace(".", "", 1).isdigit():
                    values.append(float(v) if "." in v else int(v))
                else:
                    values.append(v)
            ws.append(values)
        book.save(self.path("bang.xlsx"))
        self.assert_findings(self.path("bang.xlsx"), PUBLISHED_FINDINGS)

    def test_corrected_table_is_clean(self):
        rows = published_rows()
        fixes = {(2, 6): "1.90", (12, 12): "2.33", (20, 11): "51", (20, 12): "2.49", (20, 13): "120"}
        for (r, c), value in fixes.items():
            rows[r][c] = value
        table = self.write("da-sua.csv", "".join(",".join(row) + "\n" for row in rows))
        report = self.check_json(table, 0)
        self.assertEqual(report["findings"], [])
        result = self.run_kehoach("check", table)
        self.assertEqual((result.returncode, result.stdout),
                         (0, f"Kiểm tra {table}: không có chỗ sai (19 đơn vị, có dòng tổng).\n"))

    # --- kehoach's own appendices ------------------------------------------------------------

    def test_generated_appendices_are_clean(self):
        for example, units in (("an-hoa-thinh-2022", 19), ("thanh-tri-2023", 16)):
            with self.subTest(example):
                out = self.appendix(example)
                report = self.check_json(out, 0)
                self.assertEqual(report, {"source": out, "units": units, "has_total": True, "rates_checked": True,
                                          "findings": []})
                result = self.run_kehoach("check", out)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stderr, "")
                self.assertEqual(result.stdout, f"Kiểm tra {out}: không có chỗ sai ({units} đơn vị, có dòng tổng).\n")

    def test_generated_appendix_with_a_wrong_cached_value(self):
        """A figure changed in kehoach's own file (cached value of the total start rate) is found."""
        out = self.appendix("an-hoa-thinh-2022")
        changed = self.path("sua-tay.xlsx")
        with zipfile.ZipFile(out) as src, zipfile.ZipFile(changed, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "xl/worksheets/sheet1.xml":
                    before = b"<f>ROUND(D26/$C26*100,2)</f><v>6.25</v>"
                    self.assertEqual(data.count(before), 1)
                    data = data.replace(before, b"<f>ROUND(D26/$C26*100,2)</f><v>99</v>")
                dst.writestr(info, data)
        report = self.check_json(changed, EXIT_FINDINGS)
        self.assertEqual(len(report["findings"]), 1)
        finding = report["findings"][0]
        self.assertEqual((finding["row"], finding["unit"], finding["column"], finding["column_name"],
                          finding["expected"], finding["reason"]),
                         (26, "Tổng cộng", "E", "Hộ nghèo đầu năm 2022 - Tỷ lệ (%)", "6,25", "128/2047 hộ"))

    # --- files that are not tables -----------------------------------------------------------

    def test_missing_file(self):
        self.assert_unreadable(self.path("khong-co.csv"), "không mở được tệp; hãy kiểm tra tên và đường dẫn.")

    def test_binary_file(self):
        table = self.write("rac.csv", bytes(range(256)) * 8)
        self.assert_unreadable(table, "tệp này không phải là tệp văn bản CSV (có byte 0 của dữ liệu nhị phân); "
                                      "nếu đây là bảng Excel, hãy dùng tệp .xlsx hoặc lưu lại dưới dạng CSV UTF-8.")

    def test_pdf_file(self):
        pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n"
        for name in ("bang.pdf", "bang.csv", "bang.xlsx"):
            with self.subTest(name):
                table = self.write(name, pdf)
                self.assert_unreadable(table, "đây là tệp PDF, không phải bảng số liệu; "
                                              "hãy dùng tệp CSV, XLSX hoặc XLS.")

    def test_zip_that_is_not_xlsx(self):
        with zipfile.ZipFile(self.path("bang.xlsx"), "w") as z:
            z.writestr("readme.txt", "không phải Excel")
        self.assert_unreadable(self.path("bang.xlsx"),
                               "không phải tệp Excel .xlsx; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại "
                               "dưới dạng .xlsx (Excel Workbook).")

    def test_empty_file(self):
        table = self.write("rong.csv", b"")
        self.assert_unreadable(table, "tệp rỗng; hãy xuất lại bảng số liệu (CSV, XLSX hoặc XLS) có dòng tiêu đề và "
                                      "các dòng đơn vị.")


if __name__ == "__main__":
    sys.exit(run(CheckCommand))
