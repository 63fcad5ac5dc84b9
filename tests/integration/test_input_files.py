"""Input files as an attacker or an unlucky user sends them, through the command line: devices, FIFOs and
folders where a file belongs, files over their size limit, zip bombs (.xlsx and .docx that inflate to
gigabytes, honestly or lying about it), a sheet with a cell in column XFD on every row, a line of a hundred
million commas, a template folder with a secret beside its parts, names that leave a package. Each is
refused at once, by name, with exit 2 and a Vietnamese message saying what to do; in little memory (measured
as the process's peak RSS) and time; and no output file or temporary is left behind. The bounds themselves
are tested in tests/unit (input_limits_test, zip_reader_test, xlsx_sheet_test, csv_reader_test,
docx_package_test)."""
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

from harness import EXAMPLES, KEHOACH, ROOT, FolderTest, environment, run
from zip_bombs import NS, Repeated, write_zip, xlsx_entries

# The bound for every hostile case: well below it, whatever sanitizer the program is built with.
MEMORY_LIMIT_KB = 1_000_000
# Refusals take milliseconds; a generous bound for slow (sanitizer) builds still catches a read to the end.
TIME_LIMIT = 60

AN_HOA_THINH = os.path.join(EXAMPLES, "an-hoa-thinh-2022")
PLAN = open(os.path.join(AN_HOA_THINH, "ke-hoach.yaml"), encoding="utf-8").read()
NOT_REGULAR = (", không phải tệp thường; kehoach chỉ đọc tệp thường: hãy lưu dữ liệu vào một tệp rồi chỉ đến tệp "
               "đó.")
HOSTILE_ZIP = "Tệp nén bất thường như vậy thường là tệp hỏng hoặc cố ý gây hại; "
# What a cell too long to be one of Excel's says, after its file, row and column.
CELL_TOO_LONG = ("ô dài hơn 32.767 ký tự, giới hạn một ô của Excel; bảng số liệu không có ô nào dài như vậy: hãy kiểm tra "
                 "ô này (tệp có thể bị hỏng).")


def size_text(size):
    """A size as kehoach writes it in messages: MB (MiB) rounded up to a tenth, a decimal comma."""
    tenths = -(-size * 10 // 2**20)
    return f"{tenths // 10}" + (f",{tenths % 10}" if tenths % 10 else "") + " MB"


def advice(variable, value):
    return (f"nếu tệp đúng là lớn như vậy, hãy đặt biến môi trường {variable} lớn hơn (số MB, hiện {value}), ví dụ "
            f"{variable}={value * 10}.")


class Measured:
    def __init__(self, returncode, stdout, stderr, peak_kb, seconds):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr
        self.peak_kb, self.seconds = peak_kb, seconds


def run_measured(args, cwd, env):
    """Runs kehoach ARGS, returning its exit status, output, peak resident memory and time. A process that
    outlives TIME_LIMIT is killed and reported as such."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen([KEHOACH, *args], stdout=out, stderr=err, cwd=cwd, env=env)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > TIME_LIMIT:
                process.kill()
                os.wait4(process.pid, 0)
                raise AssertionError(f"kehoach {' '.join(args)} still ran after {TIME_LIMIT} s")
            time.sleep(0.005)
        process.returncode = os.waitstatus_to_exitcode(status)  # so that Popen does not wait for it again
        out.seek(0)
        err.seek(0)
        return Measured(process.returncode, out.read().decode("utf-8"), err.read().decode("utf-8"),
                        usage.ru_maxrss, time.monotonic() - start)


class HostileFiles(FolderTest):
    def kehoach(self, *args, **variables):
        return run_measured(args, self.dir, environment(**variables))

    def plan(self, statistics="", template=""):
        """The An Hòa Thịnh plan, with other statistics or template, in the test's folder."""
        text = PLAN.replace("statistics: thon.csv", "statistics: " + (statistics or os.path.join(AN_HOA_THINH,
                                                                                                 "thon.csv")))
        if template:
            text = text.replace("template: xa", "template: " + template)
        return self.write("ke-hoach.yaml", text)

    def assert_refused(self, result, message, outputs=()):
        """Exit 2 with exactly `message`, within the bounds of memory and time, and nothing written."""
        self.assertEqual(result.stderr.strip(), message)
        self.assertEqual(result.returncode, 2)
        self.assertLess(result.peak_kb, MEMORY_LIMIT_KB, f"peak memory {result.peak_kb} KB")
        for output in outputs:
            self.assertFalse(os.path.exists(self.path(output)), output + " was written")
        leftovers = [f for f in os.listdir(self.dir) if f.endswith(".tmp")]
        self.assertEqual(leftovers, [])

    def appendix_refused(self, statistics, message, **variables):
        plan = self.plan(statistics)
        self.assert_refused(self.kehoach("appendix", plan, "-o", "phu-luc.xlsx", **variables), message,
                            ["phu-luc.xlsx"])

    def plan_refused(self, template, message, **variables):
        plan = self.plan(template=template)
        self.assert_refused(self.kehoach("plan", plan, "-o", "ke-hoach.docx", **variables), message,
                            ["ke-hoach.docx", "ke-hoach-phu-luc.xlsx"])

    # ---------------------------------------------------------------------------------------------
    # Inputs are regular files.

    def test_devices_are_refused_by_name_without_reading_them(self):
        for device in ("/dev/zero", "/dev/urandom"):
            with self.subTest(device=device):
                self.appendix_refused(device, device + ": đây là một thiết bị" + NOT_REGULAR)
                result = self.kehoach("households", device, "--year", "2022", "-o", "tong-hop.xlsx")
                self.assert_refused(result, device + ": đây là một thiết bị" + NOT_REGULAR, ["tong-hop.xlsx"])
                self.assert_refused(self.kehoach("check", device), device + ": đây là một thiết bị" + NOT_REGULAR)

    def test_a_fifo_is_refused_without_waiting_for_a_writer(self):
        fifo = self.path("thon.csv")
        os.mkfifo(fifo)
        message = fifo + ": đây là một ống dẫn (FIFO)" + NOT_REGULAR
        self.appendix_refused(fifo, message)
        self.assert_refused(self.kehoach("households", fifo, "--year", "2022"), message)
        # The plan file itself, and a template.
        self.assert_refused(self.kehoach("appendix", fifo), message)
        os.rename(fifo, self.path("mau.docx"))
        self.plan_refused(self.path("mau.docx"), self.path("mau.docx") + ": đây là một ống dẫn (FIFO)" + NOT_REGULAR)

    def test_a_folder_is_refused_as_a_folder(self):
        self.appendix_refused(AN_HOA_THINH, AN_HOA_THINH + ": đây là thư mục, không phải tệp; hãy chỉ đến tệp bên "
                                                           "trong thư mục.")

    # ---------------------------------------------------------------------------------------------
    # Sizes: each kind its limit, raised by its variable.

    def test_a_plan_file_over_its_limit_is_refused_until_the_limit_is_raised(self):
        plan = self.write("ke-hoach.yaml", self.plan_text() + ("# " + "x" * 98 + "\n") * 11000)
        size = os.path.getsize(plan)
        self.assert_refused(self.kehoach("appendix", plan, "-o", "phu-luc.xlsx"),
                            f"{plan}: tệp lớn {size_text(size)}, quá giới hạn 1 MB của tệp YAML (kế hoạch, phân bổ, "
                            "chuẩn nghèo…); " + advice("KEHOACH_MAX_YAML_MB", 1), ["phu-luc.xlsx"])
        raised = self.kehoach("appendix", plan, "-o", "phu-luc.xlsx", KEHOACH_MAX_YAML_MB="2")
        self.assertEqual(raised.returncode, 0, raised.stderr)
        self.assertTrue(os.path.isfile(self.path("phu-luc.xlsx")))

    def plan_text(self):
        return open(self.plan(), encoding="utf-8").read()

    def test_a_household_list_over_its_limit_is_refused_naming_the_variable(self):
        with open(os.path.join(AN_HOA_THINH, "ho-gia-dinh-cuoi-2022.csv"), encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        households = self.path("ho.csv")
        with open(households, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(rows[0])
            copy = 0
            while f.tell() <= 2**20:
                copy += 1
                for row in rows[1:]:
                    writer.writerow([f"{row[0]}-{copy}", *row[1:]])
        result = self.kehoach("households", households, "--year", "2022", "-o", "tong-hop.xlsx",
                              KEHOACH_MAX_RECORDS_MB="1")
        size = os.path.getsize(households)
        self.assert_refused(result, f"{households}: tệp lớn {size_text(size)}, quá giới hạn 1 MB của danh sách hộ, tệp "
                                    "đơn vị; " + advice("KEHOACH_MAX_RECORDS_MB", 1), ["tong-hop.xlsx"])

    def test_a_limit_that_is_no_number_is_refused(self):
        self.appendix_refused("", 'biến môi trường KEHOACH_MAX_TABLE_MB="nhiều" không dùng được: hãy ghi giới hạn bằng '
                                  "một số nguyên MB, từ 1 đến 1000000, ví dụ KEHOACH_MAX_TABLE_MB=100.",
                              KEHOACH_MAX_TABLE_MB="nhiều")

    # ---------------------------------------------------------------------------------------------
    # XLSX.

    def sheet_bomb(self, name, declared=None, in_attribute=False):
        """An .xlsx of 2 MB whose sheet inflates to 1,9 GB: one inline string of a thousand million letters, or
        (in_attribute) one attribute value as long."""
        head = (f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Thôn</t></is></c></row>'
                '<row r="2"><c r="A2" t="inlineStr"><is><t>').encode()
        tail = b"</t></is></c></row></sheetData></worksheet>"
        if in_attribute:
            head = (f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Thôn</t></is></c></row>'
                    '<row r="2"><c r="A2" t="inlineStr" x="').encode()
            tail = b'"><is><t>a</t></is></c></row></sheetData></worksheet>'
        sheet = Repeated(head, b"a" * 2**20, 1900, tail)
        write_zip(self.path(name), xlsx_entries(sheet), declared)
        self.assertLess(os.path.getsize(self.path(name)), 2_100_000)
        return self.path(name)

    def test_a_sheet_that_inflates_to_two_gigabytes_is_refused_before_it_is_inflated(self):
        bomb = self.sheet_bomb("thon.xlsx")
        self.appendix_refused(bomb, f"{bomb}: phần xl/worksheets/sheet1.xml giải nén ra 1,9 GB, quá giới hạn 100 MB của "
                                    "một phần trong bảng số liệu (gấp 10 lần giới hạn tệp). " + HOSTILE_ZIP +
                              advice("KEHOACH_MAX_TABLE_MB", 10))
        # As a household list, whose limits are larger, the sheet is streamed: its one text of 1,9 GB is cut off
        # as soon as it is longer than a cell may be, some 200 kB into it.
        result = self.kehoach("households", bomb, "--year", "2022")
        self.assert_refused(result, f"{bomb}:2, cột A: {CELL_TOO_LONG}")
        # The same run inside a tag (an attribute's value), which an XML parser holds whole until the tag ends, is
        # cut off by the stream within a few MB.
        bomb = self.sheet_bomb("the.xlsx", in_attribute=True)
        result = self.kehoach("households", bomb, "--year", "2022")
        self.assert_refused(result, f"{bomb}: phần xl/worksheets/sheet1.xml có một đoạn dài hơn 4 MB không có thẻ XML "
                                    "nào đóng lại (ký tự '>'); tệp bị hỏng hoặc cố ý gây hại: hãy mở bằng Excel hoặc "
                                    "LibreOffice rồi lưu lại.")

    def test_a_sheet_that_lies_about_its_size_is_read_no_further_than_the_lie_allows(self):
        for in_attribute, message in ((False, ":2, cột A: " + CELL_TOO_LONG),
                                      (True, ": phần xl/worksheets/sheet1.xml có một đoạn dài hơn 4 MB không có thẻ XML "
                                             "nào đóng lại (ký tự '>'); tệp bị hỏng hoặc cố ý gây hại: hãy mở bằng Excel "
                                             "hoặc LibreOffice rồi lưu lại.")):
            bomb = self.sheet_bomb("thon.xlsx", declared={"xl/worksheets/sheet1.xml": 2000}, in_attribute=in_attribute)
            for args in (("appendix", self.plan(bomb), "-o", "phu-luc.xlsx"), ("households", bomb, "--year", "2022")):
                with self.subTest(command=args[0], in_attribute=in_attribute):
                    self.assert_refused(self.kehoach(*args), bomb + message, ["phu-luc.xlsx"])

    def test_a_huge_shared_string_is_refused(self):
        sheet = f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
        strings = Repeated(f"<sst {NS}><si><t>".encode(), b"a" * 2**20, 1900, b"</t></si></sst>")
        write_zip(self.path("thon.xlsx"), xlsx_entries(sheet.encode(), strings))
        self.appendix_refused(self.path("thon.xlsx"),
                              f"{self.path('thon.xlsx')}: phần xl/sharedStrings.xml giải nén ra 1,9 GB, quá giới hạn 100 MB "
                              "của một phần trong bảng số liệu (gấp 10 lần giới hạn tệp). " + HOSTILE_ZIP +
                              advice("KEHOACH_MAX_TABLE_MB", 10))
        # A long one that fits in a part: the cell's limit.
        strings = f"<sst {NS}><si><t>Thôn {'a' * 40000}</t></si></sst>".encode()
        write_zip(self.path("thon.xlsx"), xlsx_entries(sheet.encode(), strings))
        self.appendix_refused(self.path("thon.xlsx"),
                              f"{self.path('thon.xlsx')}: chuỗi chữ dùng chung thứ 1 (phần xl/sharedStrings.xml) dài hơn "
                              "32.767 ký tự, giới hạn một ô của Excel; tệp bị hỏng hoặc cố ý gây hại: hãy mở bằng Excel "
                              "hoặc LibreOffice rồi lưu lại.")

    def test_thirty_thousand_rows_with_a_cell_in_column_xfd_are_refused_at_the_first(self):
        rows = "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(1, 30001))
        write_zip(self.path("thon.xlsx"), xlsx_entries(f"<worksheet {NS}><sheetData>{rows}</sheetData></worksheet>".encode()))
        self.appendix_refused(self.path("thon.xlsx"),
                              f"{self.path('thon.xlsx')}:1, cột XFD: ô nằm ngoài 1.000 cột đầu (đến cột ALL) mà kehoach "
                              "đọc; bảng không có nhiều cột như vậy: hãy xoá các ô thừa ở bên phải bảng.")

    def test_rows_that_reach_the_last_column_read_are_refused_past_the_budget_of_cells(self):
        rows = "".join(f'<row r="{r}"><c r="ALL{r}"><v>1</v></c></row>' for r in range(1, 30001))
        write_zip(self.path("thon.xlsx"), xlsx_entries(f"<worksheet {NS}><sheetData>{rows}</sheetData></worksheet>".encode()))
        # 10 MB allow 2.621.440 cells; each row is read 1.000 cells wide (and counts one more, itself).
        row = 2_621_440 // 1001 + 1
        self.appendix_refused(self.path("thon.xlsx"),
                              f"{self.path('thon.xlsx')}:{row}: bảng có hơn 2.621.440 ô (tính cả các ô trống xen giữa), "
                              "quá giới hạn của bảng số liệu đọc cả vào bộ nhớ. Thường là do có ô thừa ở rất xa bên phải "
                              "hoặc bên dưới bảng: hãy xoá chúng; " + advice("KEHOACH_MAX_TABLE_MB", 10))

    def test_an_xlsx_entry_named_outside_the_package_is_refused(self):
        sheet = f'<worksheet {NS}><sheetData/></worksheet>'.encode()
        write_zip(self.path("thon.xlsx"), xlsx_entries(sheet) + [("../../.bashrc", b"rm -rf ~")])
        self.appendix_refused(self.path("thon.xlsx"),
                              f'{self.path("thon.xlsx")}: phần "../../.bashrc" có tên trỏ ra ngoài tệp ("../" hoặc đường '
                              "dẫn tuyệt đối); tệp bị hỏng hoặc cố ý gây hại: hãy mở bằng Excel hoặc LibreOffice rồi lưu "
                              "lại.")

    # ---------------------------------------------------------------------------------------------
    # CSV.

    def test_a_line_of_a_hundred_million_commas_is_refused_at_its_line(self):
        with open(os.path.join(AN_HOA_THINH, "thon.csv"), encoding="utf-8-sig") as f:
            header, *rows = f.read().splitlines()
        statistics = self.write("thon.csv", header + "\n" + "," * 100_000_000 + "\n" + "\n".join(rows) + "\n")
        wide = (":2, cột ALM: ô nằm ngoài 1.000 cột đầu (đến cột ALL) mà kehoach đọc; bảng không có nhiều cột như "
                "vậy: hãy xoá các ô thừa ở bên phải bảng, hoặc kiểm tra dấu phân cách của tệp CSV.")
        # Read whole, the table is first over its size; with the limit raised, over its width.
        self.appendix_refused(statistics, f"{statistics}: tệp lớn {size_text(os.path.getsize(statistics))}, quá giới hạn "
                                          "10 MB của bảng số liệu; " + advice("KEHOACH_MAX_TABLE_MB", 10))
        self.appendix_refused(statistics, statistics + wide, KEHOACH_MAX_TABLE_MB="200")
        # Streamed, as a household list: refused at the line, not skipped as a blank row.
        with open(os.path.join(AN_HOA_THINH, "ho-gia-dinh-cuoi-2022.csv"), encoding="utf-8-sig") as f:
            header, *rows = f.read().splitlines()
        households = self.write("ho.csv", header + "\n" + "," * 100_000_000 + "\n" + "\n".join(rows) + "\n")
        result = self.kehoach("households", households, "--year", "2022", "-o", "tong-hop.xlsx")
        self.assert_refused(result, households + wide, ["tong-hop.xlsx"])

    def test_a_quote_left_open_is_named_where_it_opened_once_the_field_outgrows_a_cell(self):
        with open(os.path.join(AN_HOA_THINH, "ho-gia-dinh-cuoi-2022.csv"), encoding="utf-8-sig") as f:
            header, first, *rows = f.read().splitlines()
        households = self.write("ho.csv", "\n".join([header, '"' + first, *rows * 3]) + "\n")
        result = self.kehoach("households", households, "--year", "2022", "-o", "tong-hop.xlsx")
        self.assert_refused(result, f'{households}:2, cột A: ô dài hơn 32.767 ký tự, giới hạn một ô của Excel: có lẽ '
                                    'dấu ngoặc kép (") mở ở dòng 2 không được đóng; hãy thêm dấu ngoặc kép đóng ở cuối ô '
                                    "hoặc xoá dấu ngoặc kép thừa.", ["tong-hop.xlsx"])

    # ---------------------------------------------------------------------------------------------
    # Word templates.

    def whole_template(self):
        """The shipped commune template as one whole unpacked folder (scripts/pack-template)."""
        folder = self.path("mau")
        if not os.path.isdir(folder):
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "pack-template"), "xa", folder], check=True,
                           capture_output=True)
        return folder

    def template_parts(self):
        folder = self.whole_template()
        parts = []
        for directory, _, files in os.walk(folder):
            for name in sorted(files):
                full = os.path.join(directory, name)
                parts.append((os.path.relpath(full, folder), open(full, "rb").read()))
        return parts

    def written_parts(self):
        with zipfile.ZipFile(self.path("ke-hoach.docx")) as docx:
            return sorted(name for name in docx.namelist() if not name.endswith("/"))

    def test_a_secret_beside_a_template_s_parts_never_reaches_the_document(self):
        shipped = sorted(name for name, _ in self.template_parts())
        folder = self.path("mau")
        for extra in ("secret.txt", "word/mat-khau.xml", "docProps/ghi-chu.xml"):
            with open(os.path.join(folder, extra), "w", encoding="utf-8") as f:
                f.write("mật khẩu")
        os.mkfifo(os.path.join(folder, "word", "ong"))  # opened, it would block: it is not even looked at
        for template in (folder, folder + "/"):
            with self.subTest(template=template):
                result = self.kehoach("plan", self.plan(template=template), "-o", "ke-hoach.docx")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(self.written_parts(), shipped)
        # A folder of the shipped kind (its own parts only, laid over templates/chung) the same.
        own = self.path("mau-xa")
        shutil.copytree(os.path.join(ROOT, "templates", "xa"), own)
        with open(os.path.join(own, "secret.txt"), "w", encoding="utf-8") as f:
            f.write("mật khẩu")
        result = self.kehoach("plan", self.plan(template=own + "/"), "-o", "ke-hoach.docx")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.written_parts(), shipped)

    def test_a_folder_that_is_no_template_is_refused_without_being_read(self):
        for folder in ("/usr/share/", ROOT + "/"):
            with self.subTest(folder=folder):
                result = self.kehoach("plan", self.plan(template=folder), "-o", "ke-hoach.docx")
                self.assert_refused(result, folder + ": mẫu không có phần word/document.xml; đây không phải mẫu Word.",
                                    ["ke-hoach.docx", "ke-hoach-phu-luc.xlsx"])
                self.assertLess(result.seconds, 10)

    def document_bomb(self, declared=None):
        """A .docx of 2 MB whose document inflates to 1,9 GB."""
        parts = self.template_parts()
        document = dict(parts)["word/document.xml"]
        body = document.index(b"<w:body>") + len(b"<w:body>")
        bomb = Repeated(document[:body] + b"<w:p><w:r><w:t>", b"a" * 2**20, 1900,
                        b"</w:t></w:r></w:p>" + document[body:])
        write_zip(self.path("mau.docx"), [(n, bomb if n == "word/document.xml" else b) for n, b in parts], declared)
        self.assertLess(os.path.getsize(self.path("mau.docx")), 2_100_000)
        return self.path("mau.docx")

    def test_a_template_that_inflates_to_two_gigabytes_is_refused_fast_in_little_memory(self):
        bomb = self.document_bomb()
        self.plan_refused(bomb, f"{bomb}: phần word/document.xml giải nén ra 1,9 GB, quá giới hạn 20 MB của một phần "
                                "trong mẫu Word (gấp 10 lần giới hạn tệp). " + HOSTILE_ZIP +
                          advice("KEHOACH_MAX_TEMPLATE_MB", 2))
        liar = self.document_bomb(declared={"word/document.xml": 5000})
        self.plan_refused(liar, f"{liar}: phần word/document.xml giải nén ra hơn 20 MB, quá giới hạn 20 MB của một phần "
                                "trong mẫu Word (gấp 10 lần giới hạn tệp). " + HOSTILE_ZIP +
                          advice("KEHOACH_MAX_TEMPLATE_MB", 2))

    def test_names_that_leave_a_template_are_refused_when_it_is_read(self):
        parts = self.template_parts()
        for name in ("../evil.xml", "/etc/evil.xml"):
            with self.subTest(name=name):
                write_zip(self.path("mau.docx"), parts + [(name, b"<x/>")])
                self.plan_refused(self.path("mau.docx"),
                                  f'{self.path("mau.docx")}: phần "{name}" có tên trỏ ra ngoài tệp ("../" hoặc đường dẫn '
                                  "tuyệt đối); tệp bị hỏng hoặc cố ý gây hại: hãy mở bằng Word hoặc LibreOffice rồi lưu "
                                  "lại.")
        # A relationship to a file outside, in a folder: refused, the file not read.
        rels = os.path.join(self.path("mau"), "word", "_rels", "document.xml.rels")
        text = open(rels, encoding="utf-8").read().replace(
            "</Relationships>", '<Relationship Id="rId99" Type="t" Target="../../../secret.txt"/></Relationships>')
        with open(rels, "w", encoding="utf-8") as f:
            f.write(text)
        self.plan_refused(self.path("mau"), f'{rels}: quan hệ rId99 trỏ đến "../../../secret.txt", ra ngoài gói; mẫu bị '
                                            "hỏng hoặc cố ý gây hại: hãy mở bằng Word hoặc LibreOffice và lưu lại dưới "
                                            "dạng .docx.")


if __name__ == "__main__":
    sys.exit(run(HostileFiles))
