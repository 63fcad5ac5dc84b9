"""The shipped Word templates are written once (templates/README.md): templates/chung holds the parts they
share, templates/khoi the blocks of word/document.xml several of them have, and each template only its own
parts. Checked here: a template packed whole by scripts/pack-template (as an officer starts a template of
their own) gives, as a .docx or as an unpacked folder, the very bytes the shipped name gives, which also
shows the user's own templates still read as they are; nothing long is copied between templates again; the
report's style sheet, the one shared part a template replaces, differs only in the styles it means to.

Run as: python3 test_templates.py /path/to/kehoach /path/to/repo-root"""
import difflib
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from harness import EXAMPLES, KEHOACH, ROOT, run

TEMPLATES = os.path.join(ROOT, "templates")
PACK = os.path.join(ROOT, "scripts", "pack-template")
TMP = tempfile.TemporaryDirectory(prefix="kehoach-templates-")

# A run of this many identical lines in two templates (or a template and a block) is a copy that should
# be a block of templates/khoi; the longest left are a few paragraphs of the same pattern
# ({{#sections.closing}}{{text}}{{/sections.closing}} and the include lines after it).
LONGEST_SHARED_RUN = 30

# The report's own styles (templates/README.md): "Kính gửi", and its results table smaller and closer to its title.
REPORT_ADDED_STYLES = {"Addressee", "Addressees", "AddresseeMore"}
REPORT_CHANGED_STYLES = {"AppendixAttachment", "TableText"}


def pack(name, out):
    result = subprocess.run([sys.executable, PACK, name, out], capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError("pack-template failed: " + result.stderr)
    return out


def packed(name):
    """The shipped template `name` packed once as a .docx and once as a whole folder: (docx, folder)."""
    docx, folder = os.path.join(TMP.name, "packed", name + ".docx"), os.path.join(TMP.name, "packed", name)
    if not os.path.exists(docx):
        os.makedirs(os.path.dirname(docx), exist_ok=True)
        pack(name, docx)
        pack(name, folder)
    return docx, folder + "/"


def example_copy(example):
    """A copy of an example's folder, so that its plan file can name another template."""
    folder = os.path.join(TMP.name, "examples", example)
    if not os.path.isdir(folder):
        shutil.copytree(os.path.join(EXAMPLES, example), folder)
    return folder


def kehoach(*args):
    result = subprocess.run([KEHOACH, *args], capture_output=True, text=True, cwd=TMP.name)
    if result.returncode != 0:
        raise AssertionError(f"kehoach {' '.join(args)} failed: {result.stderr}")


def read(path):
    with open(path, "rb") as f:
        return f.read()


class PackedTemplates(unittest.TestCase):
    def test_a_plan_written_with_the_packed_template_is_byte_for_byte_the_shipped_one(self):
        for example, name in (("an-hoa-thinh-2022", "xa"), ("hong-ngu-2022", "huyen"), ("hoc-mon-2022", "hoi-phu-nu")):
            folder = example_copy(example)
            plan = os.path.join(folder, "ke-hoach.yaml")
            text = read(plan).decode("utf-8")
            self.assertRegex(text, rf"(?m)^template: {name}\b")
            outputs = {}
            for label, template in (("shipped", name), *zip(("docx", "folder"), packed(name))):
                with open(plan, "w", encoding="utf-8") as f:
                    f.write(re.sub(r"(?m)^template: .*$", f"template: {template}", text))
                out = os.path.join(folder, f"ke-hoach-{label}.docx")
                kehoach("plan", plan, "-o", out)
                outputs[label] = read(out)
            with self.subTest(template=name):
                self.assertEqual(outputs["docx"], outputs["shipped"])
                self.assertEqual(outputs["folder"], outputs["shipped"])

    def test_a_report_written_with_the_packed_template_is_byte_for_byte_the_shipped_one(self):
        folder = example_copy("an-hoa-thinh-2022")
        outputs = {}
        for label, template in (("shipped", "bao-cao"), *zip(("docx", "folder"), packed("bao-cao"))):
            out = os.path.join(folder, f"bao-cao-{label}.docx")
            kehoach("report", os.path.join(EXAMPLES, "an-hoa-thinh-2022", "ke-hoach.yaml"), "--period", "6m",
                    "--movements", os.path.join(EXAMPLES, "an-hoa-thinh-2022", "bien-dong-6-thang.csv"),
                    "--template", template, "-o", out)
            outputs[label] = read(out)
        self.assertEqual(outputs["docx"], outputs["shipped"])
        self.assertEqual(outputs["folder"], outputs["shipped"])

    def test_pack_template_names_the_shipped_templates_and_refuses_a_whole_one(self):
        result = subprocess.run([sys.executable, PACK, "chung", os.path.join(TMP.name, "x.docx")], capture_output=True,
                                text=True)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('không có mẫu "chung". Các mẫu có sẵn: bao-cao, hoi-phu-nu, huyen, xa.', result.stderr)
        _, whole = packed("xa")
        result = subprocess.run([sys.executable, PACK, whole, os.path.join(TMP.name, "y.docx")], capture_output=True,
                                text=True)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("đã là một tệp Word đầy đủ", result.stderr)


def sources():
    """{name: lines} of every template's own XML parts and of every block."""
    found = {}
    for folder, _, files in os.walk(TEMPLATES):
        relative = os.path.relpath(folder, TEMPLATES)
        if relative.split(os.sep)[0] == "chung":
            continue
        for file in files:
            if file.endswith(".xml"):
                name = os.path.join(relative, file)
                found[name] = read(os.path.join(folder, file)).decode("utf-8").split("\n")
    return found


STYLE = re.compile(r'<w:style [^>]*w:styleId="([^"]+)".*?</w:style>', re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)


def styles(path):
    """({style id: its element}, the rest of the file without comments, blanks collapsed)."""
    text = read(path).decode("utf-8")
    elements = {m.group(1): m.group(0) for m in STYLE.finditer(text)}
    rest = re.sub(r"\s+", " ", COMMENT.sub("", STYLE.sub("", text)))
    return elements, rest


class WrittenOnce(unittest.TestCase):
    def test_no_long_run_of_lines_is_copied_between_templates_and_blocks(self):
        found = sources()
        self.assertIn(os.path.join("xa", "word", "document.xml"), found)
        for a, b in itertools.combinations(sorted(found), 2):
            matcher = difflib.SequenceMatcher(None, found[a], found[b], autojunk=False)
            match = matcher.find_longest_match(0, len(found[a]), 0, len(found[b]))
            with self.subTest(a=a, b=b):
                self.assertLess(match.size, LONGEST_SHARED_RUN,
                                f"{a}:{match.a + 1} and {b}:{match.b + 1} share {match.size} lines: make them a block "
                                "of templates/khoi (templates/README.md)")

    def test_the_report_styles_differ_from_the_shared_ones_only_where_the_report_means_to(self):
        shared, shared_rest = styles(os.path.join(TEMPLATES, "chung", "word", "styles.xml"))
        report, report_rest = styles(os.path.join(TEMPLATES, "bao-cao", "word", "styles.xml"))
        self.assertEqual(set(report) - set(shared), REPORT_ADDED_STYLES)
        self.assertEqual(set(shared) - set(report), set())
        for style in sorted(shared):
            with self.subTest(style=style):
                if style in REPORT_CHANGED_STYLES:
                    self.assertNotEqual(report[style], shared[style])
                else:
                    self.assertEqual(report[style], shared[style],
                                     f"style {style} differs between templates/chung and templates/bao-cao: change it "
                                     "in both, or list it among the report's own styles (templates/README.md)")
        self.assertEqual(report_rest, shared_rest)


if __name__ == "__main__":
    sys.exit(run(PackedTemplates, WrittenOnce))
