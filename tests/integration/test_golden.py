"""Golden tests: every example scripts/demo generates is generated again and compared part by part with
tests/golden/ (canonical XML of each .docx/.xlsx part, the zip's entries, the batch's index as it is).
A difference names the file and part and shows its first differing lines; scripts/accept-golden takes the
new output once a person has opened it and found it right.

Run as: python3 test_golden.py /path/to/kehoach /path/to/repo-root"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import golden
from harness import KEHOACH, ROOT, run

ACCEPT = ("If the change is intended: run scripts/demo, open the files it writes to output/, and when they "
          "are right, scripts/accept-golden (see tests/golden/README.md).")


def differing(expected, actual):
    return {name for name in actual if expected.get(name) != actual[name]}


class Golden(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="kehoach-golden-")
        cls.generated = os.path.join(cls.folder.name, "generated")
        golden.generate(cls.generated)
        cls.files = golden.golden_files(cls.generated)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def path(self, name):
        path = os.path.join(self.folder.name, name)
        os.makedirs(path)
        return path

    def test_every_output_matches_its_golden_files_part_by_part(self):
        report = golden.compare(golden.stored_files(), self.files)
        if report:
            self.fail("\n".join(["The examples' output differs from tests/golden/:"] + report + [ACCEPT]))

    def test_the_cases_cover_every_kind_of_output_the_demo_writes(self):
        cases = {c.name for c in golden.cases()}
        for name in ("an-hoa-thinh-2022", "hoc-mon-2022", "hong-ngu-2022", "thanh-tri-2023",
                     "an-hoa-thinh-2022-bao-cao-q1", "an-hoa-thinh-2022-bao-cao-6m", "an-hoa-thinh-2022-bao-cao-year",
                     "an-hoa-thinh-2022-ho-gia-dinh", "an-hoa-thinh-2022-tu-danh-sach-ho",
                     "an-hoa-thinh-2022-tu-danh-sach-ho-bao-cao-year", "ha-tinh-2026"):
            self.assertIn(name, cases)
        written = {name.split("/", 1)[1].removesuffix(".entries") for name in self.files
                   if name.endswith((".entries",) + golden.TEXT)}
        for name in ("an-hoa-thinh-2022.docx", "an-hoa-thinh-2022-phu-luc.xlsx", "an-hoa-thinh-2022-bao-cao-q1-bieu.xlsx",
                     "an-hoa-thinh-2022-ho-gia-dinh.xlsx", "phu-luc.xlsx", "xa-an-hoa-thinh/ke-hoach.docx",
                     "xa-an-hoa-thinh/phu-luc.xlsx", "index.csv", "index.html"):
            self.assertIn(name, written)

    def test_the_output_is_the_same_on_a_second_run_from_another_folder(self):
        # A copy of data/ elsewhere, named by its absolute path, from another current folder: nothing in
        # the golden files may depend on where the checkout is or on the run.
        elsewhere = self.path("elsewhere")
        shutil.copytree(os.path.join(ROOT, "data"), os.path.join(elsewhere, "data"))
        second = os.path.join(self.folder.name, "second")
        golden.generate(second, data=os.path.join(elsewhere, "data"), cwd=self.path("cwd"))
        self.assertEqual(golden.compare(self.files, golden.golden_files(second)), [])

    def test_a_change_in_any_template_part_shows_in_a_golden_part(self):
        # Every XML part under templates/ gets an attribute naming it on its first element; a program
        # beside that copy (templates are looked for beside the program first) generates the cases.
        probe = self.path("probe")
        os.makedirs(os.path.join(probe, "build"))
        program = os.path.join(probe, "build", "kehoach")
        shutil.copy2(KEHOACH, program)
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(probe, "templates"))
        parts = []
        for root, _, names in os.walk(os.path.join(probe, "templates")):
            for name in names:
                if not name.endswith((".xml", ".rels")):
                    continue
                path = os.path.join(root, name)
                part = os.path.relpath(path, probe).replace(os.sep, "/")
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                # The first start tag after the declaration, comments and processing instructions, and every
                # paragraph: a block may begin with a paragraph that holds only a section tag, which the
                # template engine drops with its attributes.
                marked = re.sub(r"^((?:\s*<[?!][^>]*>)*\s*<[A-Za-z_][\w:.-]*)", rf'\1 golden-probe="{part}"', text,
                                count=1)
                marked = re.sub(r"<w:p(?=[\s>])(?! golden-probe)", f'<w:p golden-probe="{part}"', marked)
                self.assertNotEqual(marked, text, part)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(marked)
                parts.append(part)
        self.assertGreater(len(parts), 0)
        generated = os.path.join(self.folder.name, "probed")
        golden.generate(generated, program=program)
        actual = golden.golden_files(generated)
        changed = differing(self.files, actual)
        for part in sorted(parts):
            with self.subTest(part):
                showing = [name for name in changed if f'golden-probe="{part}"'.encode() in actual[name]]
                self.assertTrue(showing, f"{part}: changing it changes no golden file (no example uses it?)")


class AcceptGolden(unittest.TestCase):
    """scripts/accept-golden in a copy of the repository whose golden files are out of date."""

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="kehoach-accept-")
        self.repo = self.folder.name
        for part in ("scripts/accept-golden", "tests/integration/harness.py", "tests/integration/golden.py"):
            os.makedirs(os.path.dirname(os.path.join(self.repo, part)), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, part), os.path.join(self.repo, part))
        shutil.copytree(os.path.join(ROOT, "data"), os.path.join(self.repo, "data"))
        shutil.copytree(golden.GOLDEN, os.path.join(self.repo, "tests", "golden"))
        self.golden = os.path.join(self.repo, "tests", "golden")
        self.index = os.path.join(self.golden, "ha-tinh-2026", "index.csv")
        with open(self.index, "rb") as f:
            self.good_index = f.read()
        with open(self.index, "ab") as f:
            f.write(b"stale\n")
        os.makedirs(os.path.join(self.golden, "old-case"))
        with open(os.path.join(self.golden, "old-case", "gone.csv"), "w") as f:
            f.write("x\n")

    def tearDown(self):
        self.folder.cleanup()

    def accept(self, *words):
        return subprocess.run([os.path.join(self.repo, "scripts", "accept-golden"), *words, KEHOACH],
                              capture_output=True, text=True, timeout=300)

    def test_a_dry_run_shows_what_would_change_and_writes_nothing(self):
        result = self.accept("--dry-run")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("ha-tinh-2026/index.csv differs:", result.stdout)
        self.assertIn("-stale", result.stdout)
        self.assertIn("~ ha-tinh-2026/index.csv\n", result.stdout)
        self.assertIn("- old-case/gone.csv\n", result.stdout)
        self.assertIn("--dry-run: 1 tệp đổi, 0 tệp mới, 1 tệp bỏ; chưa ghi gì vào tests/golden/.", result.stdout)
        self.assertTrue(os.path.exists(os.path.join(self.golden, "old-case", "gone.csv")))

    def test_accepting_overwrites_the_golden_files_and_says_which_changed(self):
        result = self.accept()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "~ ha-tinh-2026/index.csv\n- old-case/gone.csv\n"
                                        "Đã ghi tests/golden/: 1 tệp đổi, 0 tệp mới, 1 tệp bỏ. "
                                        "Xem lại bằng git diff tests/golden/ rồi commit.\n")
        with open(self.index, "rb") as f:
            self.assertEqual(f.read(), self.good_index)
        self.assertFalse(os.path.exists(os.path.join(self.golden, "old-case")))
        self.assertTrue(os.path.isfile(os.path.join(self.golden, "README.md")))
        self.assertEqual(golden.stored_files(self.golden), golden.stored_files())
        result = self.accept()
        self.assertEqual(result.stdout, "tests/golden/ đã khớp với kết quả hiện tại; không có gì thay đổi.\n")


class Canonical(unittest.TestCase):
    """The canonical form keeps every character of content and nothing of the file's layout."""

    def test_one_element_a_line_attributes_sorted_text_kept(self):
        xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:p xmlns:w="urn:w" w:b="2" w:a="1">'
               '<w:r><w:t xml:space="preserve"> Tân Thịnh </w:t></w:r><w:r/></w:p>')
        self.assertEqual(golden.canonical_xml(xml.encode()).decode(),
                         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<w:p xmlns:w="urn:w" w:a="1" w:b="2">\n'
                         '  <w:r>\n'
                         '    <w:t xml:space="preserve"> Tân Thịnh </w:t>\n'
                         '  </w:r>\n'
                         '  <w:r/>\n'
                         '</w:p>\n')

    def test_spacing_between_elements_is_layout_and_invisible_characters_are_shown(self):
        spaced = '<a>\n  <b x="1"\n     y="2"/>\n  <t>\u2007\u2007\u2002a&amp;b\n</t>\n</a>'
        packed = '<a><b y="2" x="1"/><t>\u2007\u2007\u2002a&amp;b\n</t></a>'
        self.assertEqual(golden.canonical_xml(spaced.encode()), golden.canonical_xml(packed.encode()))
        self.assertIn(b"<t>&#x2007;&#x2007;&#x2002;a&amp;b&#x000A;</t>", golden.canonical_xml(packed.encode()))

    def test_a_one_character_change_changes_the_canonical_form(self):
        base = '<a><b x="10"/><t>Hộ nghèo</t><t> </t></a>'
        for changed in ('<a><b x="11"/><t>Hộ nghèo</t><t> </t></a>', '<a><b x="10"/><t>Hộ nghéo</t><t> </t></a>',
                        '<a><b x="10"/><t>Hộ nghèo</t><t></t></a>', '<a><c x="10"/><t>Hộ nghèo</t><t> </t></a>',
                        '<a><b x="10"/><t>Ho\u0323 nghèo</t><t> </t></a>'):
            with self.subTest(changed):
                self.assertNotEqual(golden.canonical_xml(base.encode()), golden.canonical_xml(changed.encode()))

    def test_the_comparison_names_the_part_and_its_first_differing_lines(self):
        expected = {"c/f.docx/word/document.xml": b"<a>\n  <t>m\xe1\xbb\x99t</t>\n</a>\n", "c/gone.csv": b"x\n"}
        actual = {"c/f.docx/word/document.xml": b"<a>\n  <t>hai</t>\n</a>\n", "c/new.csv": b"y\n"}
        report = "\n".join(golden.compare(expected, actual))
        self.assertIn("c/f.docx/word/document.xml differs:", report)
        self.assertIn("-  <t>một</t>", report)
        self.assertIn("+  <t>hai</t>", report)
        self.assertIn("Not generated any more (in tests/golden/, missing from the new output):\n  c/gone.csv", report)
        self.assertIn("New (generated, not in tests/golden/):\n  c/new.csv", report)

    def test_bytes_that_change_without_the_canonical_xml_are_reported_from_the_entries(self):
        part = "c/f.docx/word/document.xml"
        expected = {part: b"<a/>\n", "c/f.docx.entries": b"word/document.xml\t4\t8\t2022-01-01 08:00:00\taa\n"}
        actual = {part: b"<a/>\n", "c/f.docx.entries": b"word/document.xml\t5\t8\t2022-01-01 08:00:00\tbb\n"}
        report = "\n".join(golden.compare(expected, actual))
        self.assertIn("c/f.docx.entries (zip entries):", report)
        self.assertIn("word/document.xml: the bytes changed but not the canonical XML", report)


if __name__ == "__main__":
    sys.exit(run(Golden, AcceptGolden, Canonical))
