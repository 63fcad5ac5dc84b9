"""Structure and numbers no real input has, as a careless or hostile sender makes them: YAML keys that are
lists, aliases that multiply a small plan a thousand times, counts of a hundred thousand billion households,
unit trees thousands of levels deep, names that carry terminal escapes, movements that leave more poor
households than households. Each used to abort, run for minutes or print garbage; each is now refused
at once with a message that names the file and the row or line, exit status 2, nothing written and no
control byte on the terminal."""
import json
import os
import sys
import time

from harness import FolderTest, run

STATISTICS = "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nSâm Cồn,166,10,12\nTrùa,105,7,7\n"
PLAN = """year: 2022
issuer:
  body: Ủy ban nhân dân
  unit: xã An Hòa Thịnh
statistics: thon.csv
targets:
  poor: {{end_rate: "4,93%"}}
  near_poor: {{reduce: 2}}
{extra}"""
HOUSEHOLD_HEADER = ("Mã hộ,Xã,Thôn,Khu vực,Số khẩu,Thu nhập bình quân,Việc làm,Người phụ thuộc trong hộ,Dinh dưỡng,"
                    "Bảo hiểm y tế,Trình độ giáo dục của người lớn,Tình trạng đi học của trẻ em,Chất lượng nhà ở,"
                    "Diện tích nhà ở bình quân đầu người,Nguồn nước sinh hoạt,Nhà tiêu hợp vệ sinh,"
                    "Sử dụng dịch vụ viễn thông,Phương tiện phục vụ tiếp cận thông tin")
# Seconds a refusal may take: reading a few files. The runs refused here took minutes, or forever.
QUICK = 5


class InputLimits(FolderTest):
    def plan(self, extra="", statistics=STATISTICS):
        self.write("thon.csv", statistics)
        return self.write("ke-hoach.yaml", PLAN.format(extra=extra))

    def refused(self, *args, message=None, starts=None):
        """Runs kehoach ARGS; checks exit 2 within QUICK seconds, the message (whole, or its start), no
        control byte on stderr and no file left in the folder but the inputs."""
        before = set(os.listdir(self.dir))
        started = time.monotonic()
        result = self.run_kehoach(*args)
        elapsed = time.monotonic() - started
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertLess(elapsed, QUICK)
        stderr = result.stderr.strip()
        if message is not None:
            self.assertEqual(stderr, message)
        if starts is not None:
            self.assertTrue(stderr.startswith(starts), stderr)
        self.assertFalse([c for c in result.stderr if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0],
                         "a control character reached the terminal")
        self.assertEqual(set(os.listdir(self.dir)), before, "a file was written")
        return stderr

    def test_a_yaml_key_that_is_a_list_is_refused_at_its_line_in_every_command(self):
        plan = self.plan(extra="reports:\n  schedule:\n    [6m]: 10/06\n")
        line = plan + ":11: khóa phải là một chữ hoặc tên (ví dụ \"year: 2022\"), không phải danh sách hay nhóm khóa."
        for command in (["appendix", plan, "-o", "phu-luc.xlsx"], ["plan", plan, "-o", "ke-hoach.docx"],
                        ["deadlines", plan]):
            with self.subTest(command=command[0]):
                self.refused(*command, message=line)
        plan = self.plan(extra="? :\n")
        self.refused("appendix", plan, "-o", "phu-luc.xlsx", starts=plan + ":9: khóa ")

    def test_a_cascade_fixed_key_that_is_a_map_is_refused_at_its_line(self):
        self.write("don-vi.csv", "Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nT,X,Thôn 1,100,5,6\n")
        cascade = self.write("phan-bo.yaml", "year: 2026\nunits: don-vi.csv\ntargets:\n  poor: { reduce: 1 }\n"
                                             "fixed:\n  { a: 1 }: { poor: 1 }\n")
        self.refused("batch", cascade, "-o", "ra", message=cascade + ":6: khóa phải là một chữ hoặc tên (ví dụ "
                     "\"year: 2022\"), không phải danh sách hay nhóm khóa.")

    def test_a_plan_whose_aliases_would_make_a_million_paragraphs_is_refused_at_once(self):
        goals = "".join(f"  - Mục tiêu số {i} của kế hoạch giảm nghèo năm 2022.\n" for i in range(1000))
        agencies = "".join(f"  - {{name: Cơ quan {i}, tasks: *g}}\n" for i in range(999))
        plan = self.plan(extra="goals: &g\n" + goals + "agencies:\n" + agencies)
        self.refused("plan", plan, "-o", "ke-hoach.docx",
                     message=plan + ":1011: kehoach không nhận bí danh YAML (\"*tên\" trỏ về \"&tên\"); hãy chép nội "
                                    "dung vào chỗ cần dùng.")

    def test_a_unit_of_a_hundred_thousand_billion_households_is_refused_in_milliseconds(self):
        plan = self.plan(statistics=STATISTICS + "Nậy,100000000000000,7,9\n")
        started = time.monotonic()
        self.refused("appendix", plan, "-o", "phu-luc.xlsx",
                     message=self.path("thon.csv") + ":4, cột B (Tổng số hộ): 100.000.000.000.000 hộ là quá nhiều cho "
                             "một đơn vị (tối đa 10.000.000 hộ); hãy kiểm tra lại ô này.")
        self.assertLess(time.monotonic() - started, 2)  # it took 94 s, stepping one household at a time

    def test_ten_thousand_units_of_a_million_billion_households_are_refused_not_added_up(self):
        rows = "".join(f"Thôn {i},999999999999999,1,1\n" for i in range(10000))
        plan = self.plan(statistics="Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n" + rows)
        self.refused("appendix", plan, "-o", "phu-luc.xlsx",
                     message=self.path("thon.csv") + ":2, cột B (Tổng số hộ): 999.999.999.999.999 hộ là quá nhiều cho "
                             "một đơn vị (tối đa 10.000.000 hộ); hãy kiểm tra lại ô này.")
        # In a received table for `check` each is a finding, and no sum of them goes negative.
        self.write("bang.csv", "Thôn,Tổng số hộ,Hộ nghèo đầu năm\n" + rows.replace(",1,1\n", ",1\n") +
                   "Tổng cộng,9999999999999990000,10000\n")
        result = self.run_kehoach("check", "bang.csv", "--json")
        self.assertEqual(result.returncode, 1, result.stderr)
        findings = json.loads(result.stdout)["findings"]
        self.assertEqual(len(findings), 10001)
        self.assertEqual({f["reason"] for f in findings}, {"số hộ quá lớn"})
        self.assertFalse([f for f in findings if f["expected"].startswith("-")])

    def test_a_units_table_hundreds_of_levels_deep_is_refused_naming_its_columns(self):
        levels = ",".join(["Thôn"] * 900)
        names = ",".join(f"T{i}" for i in range(900))
        self.write("don-vi.csv", f"{levels},Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n{names},100,5,6\n")
        cascade = self.write("phan-bo.yaml", "year: 2026\nunits: don-vi.csv\ntargets:\n  poor: { reduce: 1 }\n")
        self.refused("batch", cascade, "--json", starts=self.path("don-vi.csv") + ":1: có 900 cột cấp đơn vị "
                     "(\"Thôn\", \"Thôn\",")

    def test_a_household_list_with_hundreds_of_level_columns_is_refused_with_json(self):
        header = HOUSEHOLD_HEADER.replace(",Thôn,", "," + ",".join(["Thôn"] * 900) + ",")
        row = "HGĐ-1,Xã A," + ",".join(f"T{i}" for i in range(900)) + ",Nông thôn,4,1500000" + "," * 12
        self.write("ho.csv", header + "\n" + row + "\n")
        self.refused("households", "ho.csv", "--year", "2024", "--json",
                     starts="ho.csv:1: có 901 cột cấp đơn vị (\"Xã\", \"Thôn\",")

    def test_a_village_name_with_a_terminal_escape_is_refused_and_shown_escaped(self):
        plan = self.plan(statistics=STATISTICS + "\"Nậy\x1b]0;pwned\x07\x1b[2J\",97,7,9\n")
        self.refused("appendix", plan, "-o", "phu-luc.xlsx",
                     message=self.path("thon.csv") + ":4, cột A (Thôn): tên đơn vị \"Nậy<U+001B>]0;pwned<U+0007>"
                             "<U+001B>[2J\" có ký tự điều khiển U+001B (không nhìn thấy khi in); hãy gõ lại tên này, "
                             "không chép từ nơi khác.")
        plan = self.plan(statistics=STATISTICS + "Nậy \u202eyaN,97,7,9\n")
        self.refused("appendix", plan, "-o", "phu-luc.xlsx",
                     starts=self.path("thon.csv") + ":4, cột A (Thôn): tên đơn vị \"Nậy <U+202E>yaN\" có ký tự đổi "
                            "chiều chữ U+202E")

    def test_a_bad_count_quoting_a_terminal_escape_is_shown_escaped(self):
        plan = self.plan(statistics=STATISTICS + "Nậy,\"9\x1b[2J7\",7,9\n")
        self.refused("appendix", plan, "-o", "phu-luc.xlsx",
                     message=self.path("thon.csv") + ":4, cột B (Tổng số hộ): \"9<U+001B>[2J7\" không phải là số; hãy "
                             "ghi số hộ bằng chữ số (ví dụ 12).")

    def test_a_checked_cell_with_a_terminal_escape_is_shown_escaped(self):
        self.write("bang.csv", "Thôn,Tổng số hộ,Hộ nghèo đầu năm\nSâm Cồn,166,\"1\x1b]0;pwned\x07\"\n")
        result = self.run_kehoach("check", "bang.csv")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("dòng 2 (Sâm Cồn), cột C (Hộ nghèo đầu năm): ghi 1<U+001B>]0;pwned<U+0007>, đúng là một số hộ",
                      result.stdout)
        self.assertFalse([c for c in result.stdout if ord(c) < 0x20 and c != "\n"])
        self.write("bang.csv", "Thôn,Tổng số hộ,Hộ nghèo đầu năm\n\"Sâm\x1b[2J\",166,1\n")
        self.refused("check", "bang.csv", starts="bang.csv:2, cột A (Thôn): tên đơn vị \"Sâm<U+001B>[2J\" có ký tự điều "
                                                 "khiển U+001B")

    def test_a_unit_name_longer_than_200_characters_is_refused(self):
        plan = self.plan(statistics=STATISTICS + "N" * 5000 + ",97,7,9\n")
        self.refused("appendix", plan, "-o", "phu-luc.xlsx",
                     message=self.path("thon.csv") + ":4, cột A (Thôn): tên đơn vị \"" + "N" * 40 + "…\" dài 5000 ký "
                             "tự; tên đơn vị dài tối đa 200 ký tự.")

    def test_movements_that_leave_more_poor_households_than_households_are_refused_with_the_row(self):
        plan = self.plan()
        self.write("bien-dong.csv", "Thôn,Hộ nghèo - Tăng khác,Hộ cận nghèo - Tăng khác\nSâm Cồn,200,0\nTrùa,0,0\n")
        self.refused("report", plan, "--period", "6m", "--movements", "bien-dong.csv", "-o", "bao-cao.docx",
                     message="bien-dong.csv:2: \"Sâm Cồn\": hộ nghèo cuối kỳ tính ra 210, nhiều hơn tổng số hộ của đơn "
                             "vị (166 hộ); hãy kiểm tra các cột biến động hộ nghèo (nếu đơn vị có thêm hộ mới, hãy thêm "
                             "cột \"Tổng số hộ cuối kỳ\").")


if __name__ == "__main__":
    sys.exit(run(InputLimits))
