"""kehoach installed with `cmake --install BUILD --prefix PREFIX`: the program in PREFIX/bin and beside it, in
PREFIX/share/kehoach, the Word templates, the poverty standards, the office names and the web application's
style sheet, each folder whole (and the examples that `kehoach serve --demo` loads). The
installed program, run from another folder, writes the same files as the one in the build tree; with the
source tree's templates, standards and offices hidden (a private mount namespace, where the system allows
one), it still does, so it reads the installed copies.

Run as: python3 test_install.py /path/to/kehoach /path/to/repo-root"""
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from harness import EXAMPLES, KEHOACH, ROOT, run

CMAKE = os.environ.get("CMAKE_COMMAND") or shutil.which("cmake")
EXAMPLE = os.path.join(EXAMPLES, "an-hoa-thinh-2022")
# Where the program finds what it reads, in the source tree and once installed.
SHIPPED = {"templates": "templates", os.path.join("data", "standards"): "standards",
           os.path.join("data", "offices"): "offices", os.path.join("data", "chuong-trinh"): "chuong-trinh",
           os.path.join("src", "web", "static"): "static"}


def build_folder():
    """The build tree the program was built in: the nearest folder above it with a CMakeCache.txt."""
    folder = os.path.dirname(KEHOACH)
    while not os.path.isfile(os.path.join(folder, "CMakeCache.txt")):
        parent = os.path.dirname(folder)
        if parent == folder:
            raise AssertionError(f"no CMakeCache.txt above {KEHOACH}")
        folder = parent
    return folder


def files_under(folder):
    return sorted(os.path.relpath(os.path.join(top, name), folder)
                  for top, _, names in os.walk(folder) for name in names)


def can_hide_folders():
    """Whether this system lets a user mount over a folder in a namespace of their own (unshare -rm)."""
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="kehoach-install-")
        cls.prefix = os.path.join(cls.folder.name, "prefix")
        result = subprocess.run([CMAKE, "--install", build_folder(), "--prefix", cls.prefix],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise AssertionError(f"cmake --install failed:\n{result.stdout}\n{result.stderr}")
        cls.installed = os.path.join(cls.prefix, "bin", "kehoach")

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def setUp(self):
        self.work = tempfile.mkdtemp(dir=self.folder.name)

    def kehoach(self, program, *args, hide_sources=False):
        """Runs `program ARGS…` in a folder of its own (outside the source and build trees)."""
        command = [program, *args]
        if hide_sources:
            mounts = " && ".join(f'mount -t tmpfs none "{os.path.join(ROOT, source)}"' for source in SHIPPED)
            command = ["unshare", "-rm", "sh", "-c", mounts + ' && exec "$@"', "sh", *command]
        return subprocess.run(command, capture_output=True, text=True, cwd=self.work, timeout=120)

    def test_the_program_and_every_file_it_reads_are_installed(self):
        self.assertTrue(os.access(self.installed, os.X_OK))
        for source, installed in SHIPPED.items():
            with self.subTest(folder=source):
                there = os.path.join(self.prefix, "share", "kehoach", installed)
                self.assertEqual(files_under(there), files_under(os.path.join(ROOT, source)))
                _, mismatch, errors = filecmp.cmpfiles(os.path.join(ROOT, source), there, files_under(there),
                                                       shallow=False)
                self.assertEqual(mismatch + errors, [])
        examples = os.path.join(self.prefix, "share", "kehoach", "examples")
        self.assertEqual(files_under(examples), files_under(os.path.join(ROOT, "data", "examples")))

    def test_the_installed_program_writes_what_the_built_one_writes(self):
        plan = os.path.join(EXAMPLE, "ke-hoach.yaml")
        records = os.path.join(EXAMPLE, "ho-gia-dinh-cuoi-2022.csv")
        for name, program in (("built", KEHOACH), ("installed", self.installed)):
            result = self.kehoach(program, "plan", plan, "-o", f"{name}.docx")
            self.assertEqual(result.returncode, 0, result.stderr)
            result = self.kehoach(program, "households", records, "--year", "2022", "-o", f"{name}-ho.xlsx")
            self.assertEqual(result.returncode, 0, result.stderr)
        for built, installed in (("built.docx", "installed.docx"), ("built-phu-luc.xlsx", "installed-phu-luc.xlsx"),
                                 ("built-ho.xlsx", "installed-ho.xlsx")):
            self.assertTrue(filecmp.cmp(os.path.join(self.work, built), os.path.join(self.work, installed),
                                        shallow=False), installed)

    def test_the_installed_program_reads_its_own_copies_when_the_source_tree_is_hidden(self):
        if not can_hide_folders():
            self.skipTest("this system does not allow a private mount namespace (unshare -rm)")
        plan = os.path.join(EXAMPLE, "ke-hoach.yaml")
        records = os.path.join(EXAMPLE, "ho-gia-dinh-cuoi-2022.csv")
        # The hiding works: the program in the build tree, which reads the source tree, no longer finds them.
        hidden = self.kehoach(KEHOACH, "plan", plan, "-o", "built.docx", hide_sources=True)
        self.assertEqual(hidden.returncode, 2, hidden.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.work, "built.docx")))
        # The installed one does: the templates and office names (plan), the poverty standards (households).
        result = self.kehoach(self.installed, "plan", plan, "-o", "ke-hoach.docx", hide_sources=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Đã ghi kế hoạch: ke-hoach.docx", result.stdout)
        result = self.kehoach(self.installed, "households", records, "--year", "2022", "-o", "ho.xlsx",
                              hide_sources=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.work, "ho.xlsx")))


if __name__ == "__main__":
    sys.exit(run(Install))
