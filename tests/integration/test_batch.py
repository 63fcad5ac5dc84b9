"""`kehoach batch` as a province department uses it: the targets split down to every commune and village,
every commune's draft plan and appendix in a folder of its own, an index, files LibreOffice opens, a second
run that rewrites only what changed, and Ctrl-C that leaves only whole files."""
import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile

import openpyxl

from harness import files_under, FolderTest, kehoach, KEHOACH, run

UNITS = """Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo
Tỉnh Hà Tĩnh,Xã An Hòa Thịnh,Thôn Sâm Cồn,166,10,12
Tỉnh Hà Tĩnh,Xã An Hòa Thịnh,Thôn Trùa,105,7,7
Tỉnh Hà Tĩnh,Xã An Hòa Thịnh,Thôn Nậy,97,7,9
Tỉnh Hà Tĩnh,Phường Bắc Hà,Tổ dân phố 1,300,6,10
Tỉnh Hà Tĩnh,Phường Bắc Hà,Tổ dân phố 2,250,4,8
Tỉnh Hà Tĩnh,Xã Sơn Tây,Thôn 1,120,12,10
Tỉnh Hà Tĩnh,Xã Sơn Tây,Thôn 2,80,9,5
"""

CASCADE = """year: 2026
units: don-vi.csv
targets:
  poor: { end_rate: "3,50%" }
  near_poor: { reduce: 30 }
fixed:
  "Xã Sơn Tây": { poor: 8 }
  "Xã An Hòa Thịnh / Thôn Nậy": { near_poor: all }
plans: { level: Xã, template: xa }
"""


class SmallProvince(FolderTest):
    def setUp(self):
        super().setUp()
        self.write("don-vi.csv", UNITS)
        self.cascade = self.write("phan-bo.yaml", CASCADE)
        self.out = self.path("ket-qua")

    def test_every_level_adds_up_and_every_commune_gets_its_plan_and_appendix(self):
        figures = json.loads(kehoach("batch", self.cascade, "--json").stdout)["units"]
        by_path = {" / ".join(u["path"]) or u["name"]: u for u in figures}
        self.assertEqual(by_path["Tỉnh Hà Tĩnh"]["poor"], {"start": 55, "reduction": 16, "end": 39})  # 3,50% of 1.118
        self.assertEqual(by_path["Xã Sơn Tây"]["poor"]["reduction"], 8)
        self.assertEqual(by_path["Xã An Hòa Thịnh / Thôn Nậy"]["near_poor"], {"start": 9, "reduction": 9, "end": 0})
        for parent in ("Tỉnh Hà Tĩnh", "Xã An Hòa Thịnh", "Phường Bắc Hà", "Xã Sơn Tây"):
            depth = 0 if parent == "Tỉnh Hà Tĩnh" else 1
            children = [u for key, u in by_path.items() if len(u["path"]) == depth + 1
                        and (depth == 0 or u["path"][0] == parent)]
            for indicator in ("poor", "near_poor"):
                self.assertEqual(sum(c[indicator]["reduction"] for c in children), by_path[parent][indicator]["reduction"])

        out = kehoach("batch", self.cascade, "-o", self.out)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("3 kế hoạch xã, 4 phụ lục", out.stdout)
        self.assertEqual(files_under(self.out), [".kehoach-batch", "index.csv", "index.html", "phu-luc.xlsx",
                                             "phuong-bac-ha/ke-hoach.docx", "phuong-bac-ha/phu-luc.xlsx",
                                             "xa-an-hoa-thinh/ke-hoach.docx", "xa-an-hoa-thinh/phu-luc.xlsx",
                                             "xa-son-tay/ke-hoach.docx", "xa-son-tay/phu-luc.xlsx"])
        with open(os.path.join(self.out, "index.csv"), encoding="utf-8-sig") as f:
            index = list(csv.DictReader(f))
        self.assertEqual([r["Đơn vị"] for r in index], ["Tỉnh Hà Tĩnh", "Xã An Hòa Thịnh", "Phường Bắc Hà", "Xã Sơn Tây"])
        self.assertEqual(index[3]["Hộ nghèo giảm"], "8")
        self.assertEqual(index[1]["Kế hoạch"], "xa-an-hoa-thinh/ke-hoach.docx")

        sheet = openpyxl.load_workbook(os.path.join(self.out, "xa-an-hoa-thinh", "phu-luc.xlsx")).active
        self.assertEqual([sheet.cell(r, 2).value for r in range(7, 10)], ["Thôn Sâm Cồn", "Thôn Trùa", "Thôn Nậy"])
        self.assertEqual(sheet["E7"].value, "=ROUND(D7/$C7*100,2)")
        top = openpyxl.load_workbook(os.path.join(self.out, "phu-luc.xlsx")).active
        self.assertEqual([top.cell(r, 2).value for r in range(7, 10)], ["Xã An Hòa Thịnh", "Phường Bắc Hà", "Xã Sơn Tây"])

    def test_the_commune_plans_open_in_libreoffice_and_read_as_drafts_of_their_commune(self):
        self.assertEqual(kehoach("batch", self.cascade, "-o", self.out).returncode, 0)
        docx = os.path.join(self.out, "phuong-bac-ha", "ke-hoach.docx")
        pdf_dir = self.path("pdf")
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + self.path("profile"),
                        "--convert-to", "pdf", "--outdir", pdf_dir, docx], capture_output=True, timeout=180, check=True)
        text = subprocess.run(["pdftotext", "-layout", os.path.join(pdf_dir, "ke-hoach.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        self.assertIn("UBND TỈNH HÀ TĨNH", text)
        self.assertIn("PHƯỜNG BẮC HÀ", text)
        self.assertIn("Bắc Hà, ngày", text)
        self.assertIn("Ủy ban nhân dân phường Bắc Hà", " ".join(text.split()))

    def test_a_second_run_rewrites_only_the_units_whose_figures_changed(self):
        self.assertEqual(kehoach("batch", self.cascade, "-o", self.out).returncode, 0)
        plan = os.path.join(self.out, "phuong-bac-ha", "ke-hoach.docx")
        before = os.stat(plan).st_mtime_ns
        again = kehoach("batch", self.cascade, "-o", self.out)
        self.assertIn("(0 đơn vị ghi mới, 4 đơn vị không đổi)", again.stdout)
        self.assertEqual(os.stat(plan).st_mtime_ns, before)
        # One village of Xã Sơn Tây has one poor household more: the province's split changes, and with it
        # the communes whose shares move; the others keep their files untouched.
        figures = {u["path"][0]: u for u in json.loads(kehoach("batch", self.cascade, "--json").stdout)["units"]
                   if len(u["path"]) == 1}
        self.write("don-vi.csv", UNITS.replace("Xã Sơn Tây,Thôn 2,80,9,5", "Xã Sơn Tây,Thôn 2,80,10,5"))
        after = {u["path"][0]: u for u in json.loads(kehoach("batch", self.cascade, "--json").stdout)["units"]
                 if len(u["path"]) == 1}
        moved = sorted(name for name in figures if figures[name] != after[name])
        self.assertIn("Xã Sơn Tây", moved)
        self.assertLess(len(moved), 3, "the change should leave at least one commune as it was")
        stamps = {name: os.stat(os.path.join(self.out, folder, "ke-hoach.docx")).st_mtime_ns
                  for name, folder in (("Xã An Hòa Thịnh", "xa-an-hoa-thinh"), ("Phường Bắc Hà", "phuong-bac-ha"),
                                       ("Xã Sơn Tây", "xa-son-tay"))}
        changed = kehoach("batch", self.cascade, "-o", self.out)
        self.assertEqual(changed.returncode, 0, changed.stderr)
        self.assertIn(f"({len(moved) + 1} đơn vị ghi mới, {3 - len(moved)} đơn vị không đổi)", changed.stdout)
        for name, folder in (("Xã An Hòa Thịnh", "xa-an-hoa-thinh"), ("Phường Bắc Hà", "phuong-bac-ha"),
                             ("Xã Sơn Tây", "xa-son-tay")):
            unchanged = os.stat(os.path.join(self.out, folder, "ke-hoach.docx")).st_mtime_ns == stamps[name]
            self.assertEqual(unchanged, name not in moved, name)

    def test_bad_cascade_files_and_command_lines_are_refused(self):
        out = kehoach("batch", self.cascade)
        self.assertEqual(out.returncode, 64)
        self.assertIn("thiếu -o THƯ_MỤC", out.stderr)
        self.write("phan-bo.yaml", CASCADE.replace("level: Xã", "level: Huyện"))
        out = kehoach("batch", self.cascade, "-o", self.out)
        self.assertEqual(out.returncode, 2)
        self.assertIn("plans: level \"Huyện\" không phải một cấp có đơn vị cấp dưới trong tệp đơn vị; các cấp lập được "
                      "kế hoạch: \"Tỉnh\", \"Xã\".", out.stderr)
        self.write("phan-bo.yaml", CASCADE.replace("Xã Sơn Tây\": { poor: 8 }", "Xã Sơn Tâyy\": { poor: 8 }"))
        out = kehoach("batch", self.cascade, "-o", self.out)
        self.assertEqual(out.returncode, 2)
        self.assertIn("chỉ tiêu hộ nghèo giao cho \"Xã Sơn Tâyy\" nhưng tệp thống kê", out.stderr)
        self.assertIn("Các đơn vị trong tệp: Xã An Hòa Thịnh, Phường Bắc Hà, Xã Sơn Tây.", out.stderr)
        self.assertFalse(os.path.exists(self.out))


AN_HOA_THINH_RECORDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "examples",
                                    "an-hoa-thinh-2022", "ho-gia-dinh-cuoi-2021.csv")


class FromRecords(FolderTest):
    def test_a_commune_splits_its_targets_from_its_household_list(self):
        records = AN_HOA_THINH_RECORDS
        cascade = self.write("phan-bo.yaml", "year: 2022\nrecords: " + os.path.abspath(records) + "\ntargets:\n"
                             "  poor: { end_rate: \"4,93%\" }\n  near_poor: { end_rate: \"5,86%\" }\n")
        out = kehoach("batch", cascade, "-o", self.path("ket-qua"))
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(self.path("ket-qua/index.csv"), encoding="utf-8-sig") as f:
            (row,) = list(csv.DictReader(f))
        self.assertEqual((row["Số hộ"], row["Hộ nghèo giảm"], row["Hộ cận nghèo giảm"]), ("2047", "27", "51"))
        with zipfile.ZipFile(self.path("ket-qua/ke-hoach.docx")) as z:
            self.assertIn("Ủy ban nhân dân xã An Hòa Thịnh", z.read("word/document.xml").decode("utf-8"))

    def test_a_standard_not_yet_confirmed_is_warned_about_and_noted_under_every_table(self):
        records = AN_HOA_THINH_RECORDS
        cascade = self.write("phan-bo.yaml", "year: 2027\nrecords: " + os.path.abspath(records) + "\ntargets:\n"
                             "  poor: { reduce: 5 }\n  near_poor: { reduce: 5 }\n")
        out = kehoach("batch", cascade, "-o", self.path("ket-qua"))
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("kehoach batch: cảnh báo: áp dụng Chuẩn nghèo đa chiều giai đoạn 2027–2030", out.stderr)
        note = "Chuẩn nghèo đa chiều giai đoạn 2027–2030 chưa được văn bản pháp luật xác nhận"
        with zipfile.ZipFile(self.path("ket-qua/ke-hoach.docx")) as z:
            self.assertIn(note, z.read("word/document.xml").decode("utf-8"))
        with zipfile.ZipFile(self.path("ket-qua/phu-luc.xlsx")) as z:
            self.assertIn(note, z.read("xl/sharedStrings.xml").decode("utf-8"))


class Interrupted(FolderTest):
    def test_ctrl_c_leaves_only_whole_files_and_a_second_run_finishes_the_rest(self):
        rng = random.Random(7)
        lines = ["Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo"]
        for commune in range(400):
            for village in range(rng.randint(20, 40)):
                households = rng.randint(50, 600)
                lines.append(f"Tỉnh Thử,Xã Số {commune + 1},Thôn {village + 1},{households},"
                             f"{households * rng.randint(0, 15) // 100},{households * rng.randint(0, 10) // 100}")
        self.write("don-vi.csv", "\n".join(lines) + "\n")
        cascade = self.write("phan-bo.yaml", CASCADE.split("fixed:")[0].replace("reduce: 30", "reduce: 2000"))
        out = self.path("ket-qua")
        process = subprocess.Popen([KEHOACH, "batch", cascade, "-o", out, "--jobs", "2"], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while time.time() < deadline and len([f for f in files_under(out) if f.endswith(".docx")]) < 20 \
                if os.path.isdir(out) else time.time() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=120)
        self.assertEqual(process.returncode, 130, stdout + stderr)
        self.assertIn("đã dừng theo yêu cầu sau", stderr)
        self.assertIn("các tệp đã ghi đều trọn vẹn", stderr)
        written = files_under(out)
        self.assertFalse([f for f in written if f.endswith(".tmp")], "temporary files left behind")
        self.assertNotIn("index.csv", written)
        documents = [f for f in written if f.endswith((".docx", ".xlsx"))]
        self.assertGreater(len(documents), 0)
        self.assertLess(len(documents), 801, "the batch was not interrupted")
        for name in documents:
            with zipfile.ZipFile(os.path.join(out, name)) as z:
                self.assertIsNone(z.testzip(), name)
        finished = kehoach("batch", cascade, "-o", out)
        self.assertEqual(finished.returncode, 0, finished.stderr)
        self.assertIn("400 kế hoạch xã, 401 phụ lục", finished.stdout)
        self.assertNotIn("(401 đơn vị ghi mới", finished.stdout)  # what was whole was kept


if __name__ == "__main__":
    sys.exit(run(SmallProvince, FromRecords, Interrupted))
