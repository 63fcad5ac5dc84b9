"""Every example plan in data/examples/*/ke-hoach.yaml goes through `kehoach appendix` and the file it
writes passes `kehoach check`. One test per example, so a new example is tested as soon as it is added.

Run as: python3 test_examples.py /path/to/kehoach /path/to/repo-root"""
import glob
import json
import os
import sys
import unittest
import zipfile

import openpyxl

from harness import EXAMPLES, FolderTest, kehoach, run

PLANS = sorted(glob.glob(os.path.join(EXAMPLES, "*", "ke-hoach.yaml")))
KNOWN = {"an-hoa-thinh-2022", "thanh-tri-2023"}
INDICATOR_WORDS = {"poor": "hộ nghèo", "near_poor": "hộ cận nghèo"}


def vietnamese_count(n):
    return f"{n:,}".replace(",", ".")


def summary(table):
    """The figures the command reports after writing: "19 đơn vị, giảm 27 hộ nghèo, ..."."""
    parts = [f"{len(table['units'])} đơn vị"]
    parts += [f"giảm {vietnamese_count(i['target_reduction'])} {INDICATOR_WORDS[i['indicator']]}"
              for i in table["indicators"]]
    return ", ".join(parts)


class Examples(FolderTest):
    def test_examples_are_found(self):
        names = {os.path.basename(os.path.dirname(p)) for p in PLANS}
        self.assertTrue(KNOWN <= names, f"examples found: {sorted(names)}")

    def check_example(self, plan):
        name = os.path.basename(os.path.dirname(plan))
        before = sorted(os.listdir(os.path.dirname(plan)))

        result = self.run_kehoach("appendix", plan, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        table = json.loads(result.stdout)
        self.assertGreater(len(table["units"]), 0)

        out = os.path.join(self.dir, name + "-phu-luc.xlsx")
        result = self.run_kehoach("appendix", plan, "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        self.assertTrue(result.stdout.startswith("Đã ghi phụ lục: "), result.stdout)
        self.assertEqual(result.stdout, f"Đã ghi phụ lục: {out} ({summary(table)}).\n")
        self.assertTrue(os.path.isfile(out))
        self.assertEqual(sorted(os.listdir(self.dir)), [os.path.basename(out)])  # no temporary left over
        with zipfile.ZipFile(out) as z:
            self.assertIsNone(z.testzip())
            self.assertIn("xl/workbook.xml", z.namelist())
        sheet = openpyxl.load_workbook(out).worksheets[0]
        self.assertEqual(sheet.max_row, 6 + len(table["units"]) + 1)

        result = self.run_kehoach("check", out)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout, f"Kiểm tra {out}: không có chỗ sai "
                                        f"({len(table['units'])} đơn vị, có dòng tổng).\n")

        # Without -o the file is named after the plan, in the current folder.
        result = self.run_kehoach("appendix", plan)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, f"Đã ghi phụ lục: ke-hoach-phu-luc.xlsx ({summary(table)}).\n")
        default = os.path.join(self.dir, "ke-hoach-phu-luc.xlsx")
        self.assertTrue(os.path.isfile(default))
        with open(out, "rb") as a, open(default, "rb") as b:
            self.assertTrue(a.read() == b.read(), "the -o file and the default file differ")

        self.assertEqual(sorted(os.listdir(os.path.dirname(plan))), before, "the example folder was written to")


def plan_files(folder):
    return sorted(glob.glob(os.path.join(folder, "ke-hoach*.yaml")))


class SameCommune(unittest.TestCase):
    """Plans of one commune made from different inputs (a village table, household lists) are one plan:
    the same targets and agreed fixed figures, the same words, so that their reports name the same units."""

    def test_plans_of_one_example_give_the_same_targets(self):
        folders = [f for f in sorted(glob.glob(os.path.join(EXAMPLES, "*"))) if len(plan_files(f)) > 1]
        self.assertIn(os.path.join(EXAMPLES, "an-hoa-thinh-2022"), folders)
        for folder in folders:
            first, *others = plan_files(folder)
            reference = json.loads(kehoach("appendix", first, "--json").stdout)
            for other in others:
                with self.subTest(other):
                    result = kehoach("appendix", other, "--json")
                    self.assertEqual(result.returncode, 0, result.stderr)
                    table = json.loads(result.stdout)
                    self.assertEqual(table["indicators"], reference["indicators"])
                    self.assertEqual(table["units"], reference["units"])

    def test_plans_of_one_example_differ_only_in_where_the_start_counts_come_from(self):
        import yaml
        for folder in [f for f in sorted(glob.glob(os.path.join(EXAMPLES, "*"))) if len(plan_files(f)) > 1]:
            documents = []
            for plan in plan_files(folder):
                with open(plan, encoding="utf-8") as f:
                    document = yaml.safe_load(f)
                self.assertTrue({"statistics", "records"} & document.keys(), plan)
                document.pop("statistics", None)
                document.pop("records", None)
                documents.append(document)
            for plan, document in zip(plan_files(folder)[1:], documents[1:]):
                with self.subTest(plan):
                    self.assertEqual(document, documents[0])


def add_example_tests():
    for plan in PLANS:
        name = os.path.basename(os.path.dirname(plan))
        test = (lambda plan: lambda self: self.check_example(plan))(plan)
        test.__doc__ = f"data/examples/{name}: appendix exits 0 and writes the file; check finds nothing."
        setattr(Examples, "test_example_" + name.replace("-", "_"), test)


if __name__ == "__main__":
    add_example_tests()
    sys.exit(run(Examples, SameCommune))
