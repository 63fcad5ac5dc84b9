"""What a command leaves behind when it cannot finish, as a user meets it: the files of one command all or
none (a plan's .docx never without its .xlsx), nothing half written after Ctrl-C or SIGTERM (and what a
killed run left removed by the next), never a result written over one of its inputs, a batch on a full disk
that reports every commune and counts only the files there, folder names a file system takes, an index.csv
Excel cannot run formulas from, a workbook never silently missing a value, memory running out as a message.

Full disks are small tmpfs mounts: the tests that need one skip where mounting is not permitted."""
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from harness import environment, EXAMPLES, files_under, FolderTest, kehoach, KEHOACH, run

AN_HOA_THINH = os.path.join(EXAMPLES, "an-hoa-thinh-2022")

HOUSEHOLD_HEADER = ("Mã hộ,Xã,Thôn,Khu vực,Số khẩu,Thu nhập bình quân,Việc làm,Người phụ thuộc trong hộ,Dinh dưỡng,"
                    "Bảo hiểm y tế,Trình độ giáo dục của người lớn,Tình trạng đi học của trẻ em,Chất lượng nhà ở,"
                    "Diện tích nhà ở bình quân đầu người,Nguồn nước sinh hoạt,Nhà tiêu hợp vệ sinh,"
                    "Sử dụng dịch vụ viễn thông,Phương tiện phục vụ tiếp cận thông tin")

UNITS = """Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo
Tỉnh Hà Tĩnh,Xã An Hòa Thịnh,Thôn Sâm Cồn,166,10,12
Tỉnh Hà Tĩnh,Xã An Hòa Thịnh,Thôn Trùa,105,7,7
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
plans: { level: Xã, template: xa }
"""


def temporaries(folder):
    """Hidden temporary files (.X.docx.PID.tmp) and kept copies (.bak) anywhere under `folder`."""
    return [f for f in files_under(folder) if f.endswith((".tmp", ".bak"))]


def household_list(path, communes, villages, households, seed=1):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write(HOUSEHOLD_HEADER + "\n")
        n = 0
        for c in range(communes):
            for v in range(villages):
                for _ in range(households):
                    n += 1
                    deprived = ",".join("x" if rng.random() < 0.2 else "" for _ in range(12))
                    f.write(f"H{n},Xã {c},Thôn {v},Nông thôn,{rng.randint(1, 7)},{rng.randint(500000, 6000000)},"
                            f"{deprived}\n")
    return path


def ended_pid():
    """The PID of a process that has ended (until the system gives it to another)."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


class Tmpfs:
    """A tmpfs of `size` mounted on `folder` for the length of a `with`; SkipTest where mounting is not
    permitted (not root, a container without CAP_SYS_ADMIN)."""

    def __init__(self, folder, size):
        self.folder, self.size = folder, size

    def __enter__(self):
        os.makedirs(self.folder, exist_ok=True)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.size}", "tmpfs", self.folder],
                                 capture_output=True, text=True)
        if mounted.returncode != 0:
            raise unittest.SkipTest("cannot mount a small tmpfs here: " + mounted.stderr.strip())
        return self.folder

    def __exit__(self, *_):
        subprocess.run(["umount", "-l", self.folder], check=False)


def fill(folder):
    """Writes a file into `folder` until its file system is full."""
    try:
        with open(os.path.join(folder, "day-dia"), "wb") as f:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
    except OSError:
        pass


class OutputIsInput(FolderTest):
    """A result written over one of the command's inputs would destroy it: refused before anything is written,
    however the path is spelt."""

    def setUp(self):
        super().setUp()
        for name in ("ke-hoach.yaml", "thon.csv", "bien-dong-6-thang.csv", "ho-gia-dinh-cuoi-2022.csv"):
            shutil.copy(os.path.join(AN_HOA_THINH, name), self.dir)
        os.mkdir(self.path("con"))
        self.before = {name: open(self.path(name), "rb").read() for name in os.listdir(self.dir)
                       if os.path.isfile(self.path(name))}

    def assert_refused(self, result, output, input_name):
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertTrue(result.stderr.startswith(output + ": tệp kết quả "), result.stderr)
        self.assertIn(input_name, result.stderr)
        self.assertIn("Hãy chọn tên khác cho tệp kết quả (-o).", result.stderr)
        after = {name: open(self.path(name), "rb").read() for name in os.listdir(self.dir)
                 if os.path.isfile(self.path(name))}
        self.assertEqual(after, self.before, "a file was written or changed")

    def test_a_plan_over_its_statistics_or_its_plan_file_is_refused(self):
        for output in ("thon.csv", "./thon.csv", "con/../thon.csv", self.path("thon.csv"), "ke-hoach.yaml"):
            with self.subTest(output=output):
                result = self.run_kehoach("plan", "ke-hoach.yaml", "-o", output)
                self.assert_refused(result, output, "tệp đầu vào")

    def test_an_appendix_over_the_plan_file_or_through_a_link_is_refused(self):
        os.symlink(self.path("thon.csv"), self.path("lien-ket.xlsx"))
        self.before["lien-ket.xlsx"] = self.before["thon.csv"]
        for output, read in (("ke-hoach.yaml", "ke-hoach.yaml"), ("lien-ket.xlsx", "thon.csv")):
            with self.subTest(output=output):
                self.assert_refused(self.run_kehoach("appendix", "ke-hoach.yaml", "-o", output), output, read)

    def test_a_report_over_its_movement_table_is_refused(self):
        result = self.run_kehoach("report", "ke-hoach.yaml", "--period", "6m", "--movements", "bien-dong-6-thang.csv",
                                  "-o", "./bien-dong-6-thang.csv")
        self.assert_refused(result, "./bien-dong-6-thang.csv", "bien-dong-6-thang.csv")

    def test_a_household_summary_over_its_list_is_refused(self):
        result = self.run_kehoach("households", "ho-gia-dinh-cuoi-2022.csv", "--year", "2022", "-o",
                                  "con/../ho-gia-dinh-cuoi-2022.csv")
        self.assert_refused(result, "con/../ho-gia-dinh-cuoi-2022.csv", "ho-gia-dinh-cuoi-2022.csv")

    def test_a_plan_over_its_own_word_template_is_refused(self):
        made = self.run_kehoach("plan", "ke-hoach.yaml", "-o", "mau.docx")  # a document without tags serves
        self.assertEqual(made.returncode, 0, made.stderr)
        os.remove(self.path("mau-phu-luc.xlsx"))
        plan = open(self.path("ke-hoach.yaml"), encoding="utf-8").read()
        self.write("ke-hoach.yaml", plan.replace("\ntemplate: xa ", "\ntemplate: ./mau.docx "))
        self.before = {name: open(self.path(name), "rb").read() for name in os.listdir(self.dir)
                       if os.path.isfile(self.path(name))}
        self.assert_refused(self.run_kehoach("plan", "ke-hoach.yaml", "-o", "mau.docx"), "mau.docx", "mau.docx")

    def test_a_batch_whose_units_table_is_where_its_index_goes_is_refused_before_any_unit_is_written(self):
        os.mkdir(self.path("ket-qua"))
        units = self.write("ket-qua/index.csv", UNITS)
        self.write("phan-bo.yaml", CASCADE.replace("don-vi.csv", "ket-qua/index.csv"))
        result = self.run_kehoach("batch", "phan-bo.yaml", "-o", "ket-qua")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("ket-qua/index.csv: tệp kết quả", result.stderr)
        self.assertEqual(files_under(self.path("ket-qua")), ["index.csv"])
        self.assertEqual(open(units, encoding="utf-8").read(), UNITS)


class NoPartialSet(FolderTest):
    """The plan's .xlsx, .docx and .pdf appear together once all are written, or none does."""

    def setUp(self):
        super().setUp()
        for name in ("ke-hoach.yaml", "thon.csv"):
            shutil.copy(os.path.join(AN_HOA_THINH, name), self.dir)

    def test_a_document_path_that_is_a_folder_leaves_no_appendix(self):
        os.mkdir(self.path("ke-hoach-moi.docx"))
        result = self.run_kehoach("plan", "ke-hoach.yaml", "-o", "ke-hoach-moi.docx")
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertEqual(result.stderr.strip(), "kehoach plan: không ghi được tệp ke-hoach-moi.docx: đó là một thư mục; "
                                                "hãy chọn tên tệp khác.")
        self.assertEqual(sorted(os.listdir(self.dir)), ["ke-hoach-moi.docx", "ke-hoach.yaml", "thon.csv"])

    def test_a_disk_that_fills_up_on_the_document_leaves_no_appendix_and_no_temporary(self):
        # The appendix (about 9 KB) fits in 20 KB, the plan (about 14 KB) does not fit after it.
        with Tmpfs(self.path("dia"), "20k") as disk:
            result = self.run_kehoach("plan", "ke-hoach.yaml", "-o", os.path.join(disk, "ke-hoach.docx"))
            left = files_under(disk)
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("ke-hoach.docx: đĩa đã đầy.", result.stderr)
        self.assertEqual(left, [])

    def test_a_run_that_fails_for_a_full_disk_keeps_both_files_of_the_run_before(self):
        with Tmpfs(self.path("dia"), "40k") as disk:
            out = os.path.join(disk, "kh.docx")
            first = self.run_kehoach("plan", "ke-hoach.yaml", "-o", out)
            self.assertEqual(first.returncode, 0, first.stderr)
            old = {name: open(os.path.join(disk, name), "rb").read() for name in ("kh.docx", "kh-phu-luc.xlsx")}
            fill(disk)
            os.remove(os.path.join(disk, "day-dia"))
            fill(disk)  # full again, to the last block
            second = self.run_kehoach("plan", "ke-hoach.yaml", "-o", out)
            self.assertEqual(second.returncode, 3, second.stderr)
            self.assertEqual({name: open(os.path.join(disk, name), "rb").read() for name in old}, old)
            self.assertEqual(temporaries(disk), [])


class Stopped(FolderTest):
    """Ctrl-C or SIGTERM while a command writes: exit status 130, nothing half written, no LibreOffice left
    running; a run killed outright leaves temporaries that the next run of the same output removes."""

    def start(self, *args, tmpdir=None):
        env = environment(**({"TMPDIR": tmpdir} if tmpdir else {}))
        return subprocess.Popen([KEHOACH, *args], cwd=self.dir, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def wait_for_temporary(self, process, name, seconds=120):
        """Waits until the hidden temporary of `name` exists (the command is writing it); returns whether it
        did before the command ended."""
        deadline = time.time() + seconds
        temporary = f".{name}.{process.pid}.tmp"
        while time.time() < deadline and process.poll() is None:
            if os.path.exists(self.path(temporary)):
                return True
            time.sleep(0.001)
        return False

    def assert_stopped(self, process, command, outputs):
        stdout, stderr = process.communicate(timeout=120)
        self.assertEqual(process.returncode, 130, stdout + stderr)
        self.assertIn(f"kehoach {command}: đã dừng theo yêu cầu; không để lại tệp ghi dở nào.", stderr)
        self.assertEqual(temporaries(self.dir), [])
        for output in outputs:
            self.assertFalse(os.path.exists(self.path(output)), output)

    def test_ctrl_c_while_the_household_workbook_is_written_leaves_no_temporary(self):
        household_list(self.path("ho.csv"), 200, 100, 10)
        process = self.start("households", "ho.csv", "--year", "2022", "-o", "tong-hop.xlsx")
        writing = self.wait_for_temporary(process, "tong-hop.xlsx")
        self.assertTrue(writing, "the command ended before its workbook was being written")
        process.send_signal(signal.SIGINT)
        self.assert_stopped(process, "households", ["tong-hop.xlsx"])

    def test_sigterm_while_libreoffice_makes_the_pdf_stops_it_and_leaves_nothing(self):
        if not shutil.which("soffice") and not shutil.which("libreoffice"):
            self.skipTest("LibreOffice is not installed")
        for name in ("ke-hoach.yaml", "thon.csv"):
            shutil.copy(os.path.join(AN_HOA_THINH, name), self.dir)
        work = tempfile.mkdtemp(prefix="kehoach-tmpdir-")
        try:
            process = self.start("plan", "ke-hoach.yaml", "-o", "kh.docx", "--pdf", tmpdir=work)
            # The document is written and renamed only once the PDF is made: its temporary exists meanwhile.
            self.assertTrue(self.wait_for_temporary(process, "kh.docx"))
            time.sleep(0.5)  # LibreOffice under way
            process.send_signal(signal.SIGTERM)
            self.assert_stopped(process, "plan", ["kh.docx", "kh-phu-luc.xlsx", "kh.pdf"])
            self.assertEqual(os.listdir(work), [], "LibreOffice's private folder was left behind")
            running = []
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as f:
                        if work.encode() in f.read():
                            running.append(pid)
                except OSError:
                    pass
            self.assertEqual(running, [], "LibreOffice still runs")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def test_the_temporaries_of_a_killed_run_are_removed_by_the_next_run_of_the_same_outputs(self):
        for name in ("ke-hoach.yaml", "thon.csv"):
            shutil.copy(os.path.join(AN_HOA_THINH, name), self.dir)
        dead = ended_pid()
        left = [f".kh.docx.{dead}.tmp", f".kh-phu-luc.xlsx.{dead}.tmp"]
        for name in left:
            self.write(name, b"PK\x03\x04 half")
        running = self.write(f".kh.docx.{os.getpid()}.tmp", b"another run, still writing")
        result = self.run_kehoach("plan", "ke-hoach.yaml", "-o", "kh.docx")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(temporaries(self.dir), [os.path.basename(running)])


class FullDisk(FolderTest):
    """`batch` on a disk that fills up: every commune that could not be written is named, the summary counts
    the files that are there, index.csv is whole or absent (never 0 bytes), nothing half written."""

    def setUp(self):
        super().setUp()
        self.write("don-vi.csv", UNITS)
        self.write("phan-bo.yaml", CASCADE)

    def batch(self, out):
        return self.run_kehoach("batch", "phan-bo.yaml", "-o", out, "--jobs", "1")

    def assert_counts_what_exists(self, result, out):
        files = files_under(out)
        plans = [f for f in files if f.endswith("ke-hoach.docx")]
        appendices = [f for f in files if f.endswith("phu-luc.xlsx")]
        self.assertIn(f": {len(plans)} kế hoạch xã, {len(appendices)} phụ lục", result.stdout)
        self.assertEqual("index.csv" in files, ", index.csv, index.html (" in result.stdout, result.stdout)
        self.assertEqual(temporaries(out), [])
        # A commune has both files or neither.
        for plan in plans:
            self.assertIn(plan.replace("ke-hoach.docx", "phu-luc.xlsx"), appendices)
        for commune in ("xa-an-hoa-thinh", "phuong-bac-ha", "xa-son-tay"):
            if commune + "/ke-hoach.docx" not in files:
                self.assertIn(f"kehoach batch: {commune}: không ghi được tệp ", result.stderr)
                self.assertNotIn(commune + "/phu-luc.xlsx", files)
        return files

    def test_a_disk_that_fills_up_half_way_names_the_communes_not_written_and_lists_them_without_files(self):
        with Tmpfs(self.path("dia"), "44k") as disk:
            out = os.path.join(disk, "ket-qua")
            result = self.batch(out)
            files = self.assert_counts_what_exists(result, out)
            index = open(os.path.join(out, "index.csv"), encoding="utf-8-sig").read() if "index.csv" in files else ""
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("đĩa đã đầy.", result.stderr)
        self.assertIn("đơn vị không ghi được)", result.stdout)
        self.assertIn("xa-an-hoa-thinh/ke-hoach.docx", files)
        self.assertNotIn("xa-son-tay/ke-hoach.docx", files)
        self.assertIn("Xã Sơn Tây,Xã,200,", index)
        self.assertIn(",,,không ghi được tệp (xem thông báo lỗi khi chạy)\n", index)

    def test_a_full_disk_writes_no_empty_index_and_counts_nothing(self):
        with Tmpfs(self.path("dia"), "64k") as disk:
            fill(disk)
            out = os.path.join(disk, "ket-qua")
            result = self.batch(out)
            files = self.assert_counts_what_exists(result, out)
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertNotIn("index.csv", files)
        self.assertIn(": 0 kế hoạch xã, 0 phụ lục (0 đơn vị ghi mới, 0 đơn vị không đổi, 4 đơn vị không ghi được)",
                      result.stdout)
        self.assertIn("kehoach batch: không ghi được tệp " + os.path.join(out, "index.csv") + ": đĩa đã đầy.",
                      result.stderr)
        self.assertIn("kehoach batch: không ghi được tệp " + os.path.join(out, "phu-luc.xlsx") + ": đĩa đã đầy.",
                      result.stderr)


class Unreadable(FolderTest):
    def test_a_template_folder_that_cannot_be_read_is_an_input_error_naming_it(self):
        shutil.copy(os.path.join(AN_HOA_THINH, "ke-hoach.yaml"), self.dir)
        shutil.copy(os.path.join(AN_HOA_THINH, "thon.csv"), self.dir)
        shutil.copytree(os.path.join(AN_HOA_THINH, "..", "..", "..", "templates", "xa"), self.path("mau"))
        document = self.path("mau/word/document.xml")
        os.remove(document)
        os.symlink("document.xml", document)  # a link to itself: the system refuses to open it
        plan = open(self.path("ke-hoach.yaml"), encoding="utf-8").read()
        self.write("ke-hoach.yaml", plan.replace("\ntemplate: xa ", "\ntemplate: ./mau "))
        result = self.run_kehoach("plan", "ke-hoach.yaml", "-o", "kh.docx")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertTrue(result.stderr.startswith("mau"), result.stderr)
        self.assertNotIn("filesystem error", result.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["ke-hoach.yaml", "mau", "thon.csv"])

    def test_json_that_cannot_be_written_whole_to_standard_output_is_not_success(self):
        with open("/dev/full", "w") as full:
            result = subprocess.run([KEHOACH, "appendix", os.path.join(AN_HOA_THINH, "ke-hoach.yaml"), "--json"],
                                    stdout=full, stderr=subprocess.PIPE, text=True, env=environment())
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("kehoach: không ghi hết được kết quả ra đầu ra chuẩn", result.stderr)


class UnitNames(FolderTest):
    """Names as they come: too long for a folder, or starting like a spreadsheet formula."""

    def batch(self, units):
        self.write("don-vi.csv", units)
        self.write("phan-bo.yaml", CASCADE)
        return self.run_kehoach("batch", "phan-bo.yaml", "-o", "ket-qua")

    def test_names_too_long_for_a_folder_are_shortened_alike_each_run_and_said_so(self):
        long_name = "Xã " + " ".join(["Hòa Bình Thượng"] * 12)  # 190 letters: a folder name of 190 bytes and more
        units = UNITS.replace("Xã Sơn Tây", long_name).replace("Phường Bắc Hà", long_name + " Mới")
        result = self.batch(units)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("filesystem", result.stderr)
        folders = sorted(f for f in os.listdir(self.path("ket-qua")) if os.path.isdir(self.path("ket-qua/" + f)))
        shortened = [f for f in folders if f.startswith("xa-hoa-binh-thuong")]
        self.assertEqual(len(shortened), 2)
        for folder in shortened:
            self.assertLessEqual(len(folder.encode()), 80)
            self.assertTrue(os.path.isfile(self.path(f"ket-qua/{folder}/ke-hoach.docx")))
            self.assertIn(f"thư mục của đơn vị là {folder} (đã ghi vào index.csv)", result.stderr)
        index = open(self.path("ket-qua/index.csv"), encoding="utf-8-sig").read()
        self.assertIn(",Kế hoạch,Phụ lục,Ghi chú\n", index)
        self.assertIn(f"{shortened[0]}/phu-luc.xlsx,tên thư mục được rút ngắn vì tên đơn vị quá dài\n", index)
        self.assertIn("3 kế hoạch xã, 4 phụ lục", result.stdout)
        again = self.run_kehoach("batch", "phan-bo.yaml", "-o", "ket-qua")
        self.assertIn("(0 đơn vị ghi mới, 4 đơn vị không đổi)", again.stdout)

    def test_names_that_a_spreadsheet_would_run_as_formulas_are_written_as_text_in_index_csv(self):
        units = (UNITS.replace("Xã Sơn Tây", '=HYPERLINK("http://x";"Sơn Tây")')
                      .replace("Phường Bắc Hà", "+Bắc Hà").replace("Xã An Hòa Thịnh", "@An Hòa"))
        result = self.batch(units)
        self.assertEqual(result.returncode, 0, result.stderr)
        index = open(self.path("ket-qua/index.csv"), encoding="utf-8-sig").read()
        self.assertIn("\n\"'=HYPERLINK(\"\"http://x\"\";\"\"Sơn Tây\"\")\",", index)
        self.assertIn("\n'+Bắc Hà,", index)
        self.assertIn("\n'@An Hòa,", index)
        for line in index.splitlines()[1:]:
            self.assertNotIn(line[0], "=+-@", line)

    def test_a_name_longer_than_an_excel_cell_is_never_an_empty_cell(self):
        shutil.copy(os.path.join(AN_HOA_THINH, "ke-hoach.yaml"), self.dir)
        self.write("thon.csv", "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n" + "Thôn " + "Dài" * 12000 +
                   ",166,10,12\nTrùa,105,7,7\n")
        result = self.run_kehoach("appendix", "ke-hoach.yaml", "-o", "phu-luc.xlsx")
        # Refused when read (a name's length is bounded there) or when written: never an incomplete workbook.
        self.assertIn(result.returncode, (2, 3), result.stdout + result.stderr)
        self.assertFalse(os.path.exists(self.path("phu-luc.xlsx")))
        self.assertEqual(temporaries(self.dir), [])


class OutOfMemory(FolderTest):
    def test_memory_running_out_is_a_message_and_status_70_not_a_crash(self):
        limit = 60 * 1024 * 1024

        def limited():
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        # Under AddressSanitizer the probe fails by design; its report goes to stderr, not to the folder of
        # reports that CI looks at (a later log_path overrides the test preset's).
        probe = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":log_path=stderr")
        started = subprocess.run([KEHOACH, "--version"], capture_output=True, preexec_fn=limited, env=probe)
        if started.returncode != 0:
            self.skipTest("kehoach cannot start within 60 MB of address space (a sanitizer's shadow memory)")
        household_list(self.path("ho.csv"), 200, 100, 10)
        result = subprocess.run([KEHOACH, "households", "ho.csv", "--year", "2022", "-o", "tong-hop.xlsx"],
                                cwd=self.dir, capture_output=True, text=True, preexec_fn=limited, env=environment())
        self.assertEqual(result.returncode, 70, result.stderr[-2000:])
        self.assertIn("kehoach households: không đủ bộ nhớ để làm xong lệnh", result.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["ho.csv"])


if __name__ == "__main__":
    sys.exit(run(OutputIsInput, NoPartialSet, Stopped, FullDisk, Unreadable, UnitNames, OutOfMemory))
