"""scripts/build as a newcomer meets it: it says what it is doing and how far the build is, and a build/
left from another folder (a moved or copied checkout) is configured again instead of stopping CMake with
an error; `scripts/build PRESET` builds one of CMakePresets.json's presets in that preset's folder. CMake
itself is replaced by a stand-in on PATH that records its calls, configures a preset into the binaryDir
CMakePresets.json gives it, and prints what make prints, so the test runs in a second.

Run as: python3 test_scripts.py /path/to/kehoach /path/to/repo-root"""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

from harness import ROOT, run

FAKE_CMAKE = r"""#!/usr/bin/env bash
# Records its arguments; configuring a preset writes a cache naming the source folder, as CMake does, in
# the preset's binaryDir read from CMakePresets.json.
echo "$*" >> "$CALLS"
if [[ "$1" == "--preset" ]]; then
  build=$("$PYTHON" "$BINARY_DIR_OF" "$2") || exit 1
  mkdir -p "$build"
  echo "CMAKE_HOME_DIRECTORY:INTERNAL=$(pwd -P)" > "$build/CMakeCache.txt"
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

BINARY_DIR_OF = r"""import json, sys
# A configure preset's binaryDir, relative to the source folder, as CMake resolves it: its own, else
# the one it inherits, with ${presetName} its own name.
name = sys.argv[1]
presets = {p["name"]: p for p in json.load(open("CMakePresets.json"))["configurePresets"]}
preset = presets[name]
while "binaryDir" not in preset:
    preset = presets[preset["inherits"]]
print(preset["binaryDir"].replace("${sourceDir}/", "").replace("${presetName}", name))
"""


def preset_names():
    with open(os.path.join(ROOT, "CMakePresets.json")) as f:
        return [p["name"] for p in json.load(f)["configurePresets"] if not p.get("hidden")]


class Build(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="kehoach-scripts-")
        self.repo = os.path.join(self.folder.name, "repo")
        os.makedirs(os.path.join(self.repo, "scripts"))
        shutil.copy(os.path.join(ROOT, "scripts", "build"), os.path.join(self.repo, "scripts", "build"))
        shutil.copy(os.path.join(ROOT, "CMakePresets.json"), os.path.join(self.repo, "CMakePresets.json"))
        bin_dir = os.path.join(self.folder.name, "bin")
        os.makedirs(bin_dir)
        cmake = os.path.join(bin_dir, "cmake")
        with open(cmake, "w") as f:
            f.write(FAKE_CMAKE)
        os.chmod(cmake, os.stat(cmake).st_mode | stat.S_IEXEC)
        binary_dir_of = os.path.join(self.folder.name, "binary_dir_of.py")
        with open(binary_dir_of, "w") as f:
            f.write(BINARY_DIR_OF)
        self.calls = os.path.join(self.folder.name, "calls")
        self.env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"], CALLS=self.calls,
                        PYTHON=sys.executable, BINARY_DIR_OF=binary_dir_of)

    def tearDown(self):
        self.folder.cleanup()

    def build(self, *preset, **extra):
        return subprocess.run([os.path.join(self.repo, "scripts", "build"), *preset], capture_output=True, text=True,
                              env=dict(self.env, **extra), timeout=60)

    def cmake_calls(self):
        with open(self.calls) as f:
            return f.read().splitlines()

    def test_a_first_build_says_what_it_does_and_shows_each_file_with_its_progress(self):
        result = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
            "Cấu hình bản dựng release vào build/ (CMake)...",
            "Biên dịch kehoach và các kiểm thử (lần đầu mất vài phút)...",
            "[  1%] src/text/unicode.cpp",
            "[ 42%] src/read/csv_reader.cpp",
            "[100%] src/cli/main.cpp",
        ])
        self.assertEqual(self.cmake_calls()[0], "--preset release")
        self.assertTrue(self.cmake_calls()[1].startswith("--build build -j"))
        self.assertTrue(os.path.isfile(os.path.join(self.repo, "build", "CMakeCache.txt")))

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
        self.assertEqual(self.cmake_calls()[0], "--preset release")

    def test_a_build_folder_of_this_checkout_is_reused(self):
        self.assertEqual(self.build().returncode, 0)
        result = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("Cấu hình", result.stdout)
        self.assertEqual([c for c in self.cmake_calls() if c.startswith("--preset")], ["--preset release"])

    def test_each_preset_is_built_in_the_folder_cmake_presets_gives_it_and_configured_once(self):
        # The stand-in configures into CMakePresets.json's binaryDir; scripts/build looks for the cache in
        # its own idea of the folder: were they to differ, the second build would configure again.
        self.assertEqual(preset_names(), ["release", "debug", "asan", "tsan", "clang-asan", "fuzz", "ci-release",
                                          "ci-clang-asan"])
        for preset in preset_names():
            with self.subTest(preset=preset):
                if os.path.exists(self.calls):
                    os.remove(self.calls)
                folder = "build" if preset == "release" else f"build-{preset}"
                first = self.build(preset)
                self.assertEqual(first.returncode, 0, first.stderr)
                self.assertIn(f"Cấu hình bản dựng {preset} vào {folder}/ (CMake)...", first.stdout)
                again = self.build(preset)
                self.assertEqual(again.returncode, 0, again.stderr)
                self.assertNotIn("Cấu hình", again.stdout)
                builds = [c for c in self.cmake_calls() if c.startswith("--build")]
                self.assertEqual(self.cmake_calls()[0], f"--preset {preset}")
                self.assertEqual([c.split()[1] for c in builds], [folder, folder])

    def test_an_unknown_preset_is_refused_with_the_ones_there_are(self):
        result = self.build("profile")
        self.assertEqual(result.returncode, 64)
        self.assertEqual(result.stderr, 'scripts/build: không có bản dựng "profile"; dùng release (mặc định), debug, asan, '
                                        "tsan, clang-asan, fuzz, ci-release hoặc ci-clang-asan.\n")
        self.assertFalse(os.path.exists(self.calls))

    def test_a_compiler_error_is_shown_whole_and_the_build_fails(self):
        result = self.build(FAIL="1")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("/src/read/csv_reader.cpp:12:3: error: 'x' was not declared in this scope", result.stdout)


def fuzz_targets():
    with open(os.path.join(ROOT, "fuzz", "CMakeLists.txt")) as f:
        for line in f:
            if line.startswith("set(KEHOACH_FUZZ_TARGETS "):
                return line.strip()[len("set(KEHOACH_FUZZ_TARGETS "):-1].split()
    return []


class Fuzz(unittest.TestCase):
    """scripts/fuzz refuses what it cannot run before it installs or builds anything, and every fuzz target
    has what the script and ctest give it: its source, seeds, dictionary and regression folder."""

    def fuzz(self, *arguments):
        return subprocess.run([os.path.join(ROOT, "scripts", "fuzz"), *arguments], capture_output=True, text=True,
                              timeout=60)

    def test_bad_seconds_and_unknown_targets_are_refused_with_the_targets_there_are(self):
        result = self.fuzz("mười")
        self.assertEqual(result.returncode, 64)
        self.assertEqual(result.stderr, 'scripts/fuzz: SECONDS phải là số giây (một số nguyên dương), không phải "mười".\n')
        result = self.fuzz("5", "csv", "docx")
        self.assertEqual(result.returncode, 64)
        self.assertEqual(result.stderr, f'scripts/fuzz: không có đích fuzz "docx"; có: {" ".join(fuzz_targets())}.\n')

    def test_every_target_has_its_source_seeds_dictionary_and_regressions(self):
        self.assertEqual(fuzz_targets(), ["csv", "xlsx", "xlsx_sheet", "xls", "plan", "cascade", "households",
                                          "movements", "standard", "docx_template"])
        for target in fuzz_targets():
            with self.subTest(target=target):
                fuzz = os.path.join(ROOT, "fuzz")
                self.assertTrue(os.path.isfile(os.path.join(fuzz, f"{target}_fuzzer.cpp")))
                self.assertTrue(os.listdir(os.path.join(fuzz, "seeds", target)))
                self.assertTrue(os.path.isfile(os.path.join(fuzz, "dicts", f"{target}.dict")))
                self.assertTrue(os.path.isdir(os.path.join(fuzz, "regressions", target)))


if __name__ == "__main__":
    sys.exit(run(Build, Fuzz))
