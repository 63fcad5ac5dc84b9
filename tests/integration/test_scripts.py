"""scripts/build as a newcomer meets it: it says what it is doing and how far the build is, and a build/
left from another folder (a moved or copied checkout) is configured again instead of stopping CMake with
an error. CMake itself is replaced by a stand-in on PATH that records its calls and prints what make
prints, so the test runs in a second.

Run as: python3 test_scripts.py /path/to/kehoach /path/to/repo-root"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

from harness import ROOT, run

FAKE_CMAKE = r"""#!/usr/bin/env bash
# Records its arguments; configuring writes a cache naming the source folder as CMake does.
echo "$*" >> "$CALLS"
if [[ "$1" == "-S" ]]; then
  mkdir -p build
  echo "CMAKE_HOME_DIRECTORY:INTERNAL=$(pwd -P)" > build/CMakeCache.txt
  exit 0
fi
echo "[  1%] Building CXX object CMakeFiles/kehoach_core.dir/src/text/unicode.cpp.o"
echo "[ 42%] Building CXX object CMakeFiles/kehoach_core.dir/src/read/csv_reader.cpp.o"
echo "[ 43%] Linking CXX static library libkehoach_core.a"
echo "[ 43%] Built target kehoach_core"
if [[ -n "${FAIL:-}" ]]; then
  echo "/src/read/csv_reader.cpp:12:3: error: 'x' was not declared in this scope"
  exit 2
fi
echo "[100%] Building CXX object CMakeFiles/kehoach.dir/src/cli/main.cpp.o"
"""


class Build(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="kehoach-scripts-")
        self.repo = os.path.join(self.folder.name, "repo")
        os.makedirs(os.path.join(self.repo, "scripts"))
        shutil.copy(os.path.join(ROOT, "scripts", "build"), os.path.join(self.repo, "scripts", "build"))
        bin_dir = os.path.join(self.folder.name, "bin")
        os.makedirs(bin_dir)
        cmake = os.path.join(bin_dir, "cmake")
        with open(cmake, "w") as f:
            f.write(FAKE_CMAKE)
        os.chmod(cmake, os.stat(cmake).st_mode | stat.S_IEXEC)
        self.calls = os.path.join(self.folder.name, "calls")
        self.env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"], CALLS=self.calls)

    def tearDown(self):
        self.folder.cleanup()

    def build(self, **extra):
        return subprocess.run([os.path.join(self.repo, "scripts", "build")], capture_output=True, text=True,
                              env=dict(self.env, **extra), timeout=60)

    def cmake_calls(self):
        with open(self.calls) as f:
            return f.read().splitlines()

    def test_a_first_build_says_what_it_does_and_shows_each_file_with_its_progress(self):
        result = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
            "Cấu hình bản dựng (CMake)...",
            "Biên dịch kehoach và các kiểm thử (lần đầu mất vài phút)...",
            "[  1%] src/text/unicode.cpp",
            "[ 42%] src/read/csv_reader.cpp",
            "[100%] src/cli/main.cpp",
        ])
        self.assertTrue(self.cmake_calls()[0].startswith("-S . -B build"))

    def test_a_build_folder_from_another_checkout_is_configured_again(self):
        os.makedirs(os.path.join(self.repo, "build"))
        with open(os.path.join(self.repo, "build", "CMakeCache.txt"), "w") as f:
            f.write("CMAKE_HOME_DIRECTORY:INTERNAL=/somewhere/else/kehoach\n")
        with open(os.path.join(self.repo, "build", "stale.o"), "w") as f:
            f.write("old")
        result = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        here = os.path.realpath(self.repo)
        self.assertIn(f"build/ được cấu hình cho thư mục khác (/somewhere/else/kehoach); xóa và cấu hình lại cho {here}.",
                      result.stdout)
        self.assertFalse(os.path.exists(os.path.join(self.repo, "build", "stale.o")))
        self.assertTrue(self.cmake_calls()[0].startswith("-S . -B build"))

    def test_a_build_folder_of_this_checkout_is_reused(self):
        self.assertEqual(self.build().returncode, 0)
        result = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("Cấu hình", result.stdout)
        self.assertEqual([c for c in self.cmake_calls() if c.startswith("-S")], ["-S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo"])

    def test_a_compiler_error_is_shown_whole_and_the_build_fails(self):
        result = self.build(FAIL="1")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("/src/read/csv_reader.cpp:12:3: error: 'x' was not declared in this scope", result.stdout)


if __name__ == "__main__":
    sys.exit(run(Build))
