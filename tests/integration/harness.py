"""What every end-to-end script shares: where the program and the repository are, how to run a
suite and print the closing 'N passed, M failed' line that CI reads, and Windows-1258 encoding.

Each script is run as: python3 test_X.py /path/to/kehoach /path/to/repo-root"""
import os
import sys
import tempfile
import unicodedata
import unittest

KEHOACH = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/kehoach")
ROOT = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".")
EXAMPLES = os.path.join(ROOT, "data", "examples")

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


class FolderTest(unittest.TestCase):
    """A test with a fresh temporary folder of its own (self.dir), removed afterwards."""

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.dir = self.folder.name

    def tearDown(self):
        self.folder.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

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
