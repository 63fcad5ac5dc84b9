// kehoach_fuzz_replay TARGET PATH...: every file under the PATHs (files or folders, read recursively)
// fed once to the fuzz target TARGET, as libFuzzer would feed it, without libFuzzer. ctest runs it over
// each target's seeds and its regression inputs (fuzz/CMakeLists.txt): an input that once crashed a
// reader crashes this program again if the bug comes back. Prints how many inputs ran.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "fuzz_target.h"

namespace fs = std::filesystem;

namespace kehoach::fuzz {
namespace {

std::map<std::string, TargetFunction>& targets() {
  static std::map<std::string, TargetFunction> all;
  return all;
}

}  // namespace

bool register_target(const char* name, TargetFunction function) {
  targets()[name] = function;
  return true;
}

}  // namespace kehoach::fuzz

int main(int argc, char** argv) {
  using kehoach::fuzz::targets;
  const auto found = argc >= 2 ? targets().find(argv[1]) : targets().end();
  if (found == targets().end()) {
    std::fprintf(stderr, "usage: kehoach_fuzz_replay TARGET PATH...; targets:");
    for (const auto& [name, function] : targets()) std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 64;
  }
  std::vector<fs::path> inputs;
  for (int i = 2; i < argc; ++i) {
    const fs::path path(argv[i]);
    if (fs::is_directory(path)) {
      for (const auto& entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.') inputs.push_back(entry.path());
    } else if (fs::exists(path)) {
      inputs.push_back(path);
    } else {
      std::fprintf(stderr, "kehoach_fuzz_replay: %s does not exist\n", argv[i]);
      return 66;
    }
  }
  std::sort(inputs.begin(), inputs.end());
  for (const auto& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "%s\n", path.string().c_str());  // the input that crashed is the last one named
    found->second(bytes);
  }
  std::printf("%s: %zu inputs ran\n", argv[1], inputs.size());
  return inputs.empty() ? 1 : 0;
}
