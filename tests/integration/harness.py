"""What every end-to-end script shares: where the program and the repository are, how to run a
suite and print the closing 'N passed, M failed' line that CI reads, and Windows-1258 encoding.

Each script is run as: python3 test_X.py /path/to/kehoach /path/to/repo-root"""
import csv
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import unicodedata
import unittest

KEHOACH = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/kehoach")
ROOT = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".")
EXAMPLES = os.path.join(ROOT, "data", "examples")

LIBREOFFICE_TIMEOUT = 180
# Long enough for the slowest command a suite runs (a province's batch); only a hung program reaches it.
KEHOACH_TIMEOUT = 600

# A draft's blank (vietnamese_format.h): three figure spaces, set off from the words beside it by en
# spaces, none of which justification stretches.
BLANK = "\u2007" * 3
EN = "\u2002"

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text):
    """Windows-1258 as Vietnamese Windows writes it: base letters composed (ô, ư, ă), tone marks
    as separate combining characters, which Python's codec needs to be handed that way."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(p for p in parts if p in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def environment(**extra):
    """The caller's environment without SOURCE_DATE_EPOCH, so that documents take their dates from the plan
    as on a user's machine, with `extra` variables added."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(extra)
    return env


def files_under(folder):
    """Every file under `folder`, hidden ones too, as sorted paths relative to it."""
    found = []
    for root, _, files in os.walk(folder):
        found += [os.path.relpath(os.path.join(root, f), folder) for f in files]
    return sorted(found)


def kehoach(*args, cwd=None, env=None, timeout=KEHOACH_TIMEOUT, program=None):
    """Runs `kehoach ARGS…` (the program under test, or `program`) in `cwd` with the environment `env`
    (default: environment()); returns the finished process, its stdout and stderr as text."""
    return subprocess.run([program or KEHOACH, *args], capture_output=True, text=True, cwd=cwd,
                          env=environment() if env is None else env, timeout=timeout)


class FolderTest(unittest.TestCase):
    """A test with a fresh temporary folder of its own (self.dir), removed afterwards."""

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.dir = self.folder.name

    def tearDown(self):
        self.folder.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def run_kehoach(self, *args, **options):
        """kehoach(*args) run in the test's folder."""
        return kehoach(*args, cwd=self.dir, **options)

    def write(self, name, data):
        """Writes text as UTF-8, bytes as they are; returns the path."""
        with open(self.path(name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return self.path(name)


def count_failed(outcome):
    """Tests that failed, each counted once however many of its subtests failed."""
    failed = {getattr(test, "test_case", test).id() for test, _ in outcome.failures + outcome.errors}
    return len(failed) + len(outcome.unexpectedSuccesses)


def run(*test_classes):
    """Runs the classes' tests, prints the closing count, returns the exit status."""
    loader = unittest.defaultTestLoader
    suite = unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in test_classes)
    outcome = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = count_failed(outcome)
    print(f"{outcome.testsRun - failed} passed, {failed} failed")
    return 1 if failed or outcome.testsRun == 0 else 0


RECALC_ALWAYS, RECALC_NEVER = 0, 1
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>{mode}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>en-US</value></prop></item>
</oor:items>
"""


def soffice():
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise AssertionError("LibreOffice (soffice) is not installed, so the recalculation tests cannot run; "
                             "scripts/test installs it (scripts/install-packages test).")
    return found


def libreoffice_convert(files, convert_to, extension, outdir, profile, workdir):
    """Converts `files` with LibreOffice (`--convert-to convert_to`) using the profile folder `profile`,
    within LIBREOFFICE_TIMEOUT; returns {file: path of its converted .extension}."""
    os.makedirs(outdir, exist_ok=True)
    command = [soffice(), "-env:UserInstallation=" + pathlib.Path(profile).as_uri(), "--headless", "--norestore",
               "--convert-to", convert_to, "--outdir", outdir, *files]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=workdir, start_new_session=True,
                               env=environment(LC_ALL="C.UTF-8"))
    try:
        out, err = process.communicate(timeout=LIBREOFFICE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"LibreOffice did not finish converting within {LIBREOFFICE_TIMEOUT} s: {command}")
    converted = {}
    for path in files:
        target = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + "." + extension)
        if process.returncode != 0 or not os.path.isfile(target):
            raise AssertionError(f"LibreOffice did not convert {path} (exit {process.returncode}):\n{out}\n{err}")
        converted[path] = target
    return converted


def libreoffice_csv(files, recalc_mode, outdir, profile, workdir):
    """Converts xlsx files to UTF-8 CSV with a fresh LibreOffice profile (in `profile`) whose
    OOXMLRecalcMode is recalc_mode (0: always recalculate on load, 1: never). Returns {file: rows}."""
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(REGISTRY.format(mode=recalc_mode))
    converted = {}
    for path, target in libreoffice_convert(files, "csv:Text - txt - csv (StarCalc):44,34,76,1", "csv", outdir,
                                            profile, workdir).items():
        with open(target, encoding="utf-8", newline="") as f:
            converted[path] = list(csv.reader(f))
    return converted
