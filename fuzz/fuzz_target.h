#pragma once
// One fuzz target: a function that feeds one input to a reader. The same source is built two ways:
//   - with libFuzzer (KEHOACH_LIBFUZZER, the fuzz preset): the function is LLVMFuzzerTestOneInput of
//     its own program, fuzz-NAME;
//   - without (every build with tests): the function is registered under NAME in kehoach_fuzz_replay,
//     which runs it over the committed seeds and regression inputs (fuzz/CMakeLists.txt), so that a
//     crash once found stays fixed under gcc and clang alike, with no libFuzzer.
//
// KEHOACH_FUZZ_TARGET(csv) { ...use `input`, a std::string_view of the bytes... }
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kehoach::fuzz {

using TargetFunction = void (*)(std::string_view input);

// For the replay program: the target of that name, registered by KEHOACH_FUZZ_TARGET.
bool register_target(const char* name, TargetFunction function);

}  // namespace kehoach::fuzz

#ifdef KEHOACH_LIBFUZZER
#define KEHOACH_FUZZ_ENTRY(name)                                                          \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {     \
    fuzz_one_##name(std::string_view(reinterpret_cast<const char*>(data), size));         \
    return 0;                                                                             \
  }
#else
#define KEHOACH_FUZZ_ENTRY(name) \
  [[maybe_unused]] static const bool registered_##name = kehoach::fuzz::register_target(#name, &fuzz_one_##name);
#endif

#define KEHOACH_FUZZ_TARGET(name)                      \
  static void fuzz_one_##name(std::string_view input); \
  KEHOACH_FUZZ_ENTRY(name)                             \
  static void fuzz_one_##name(std::string_view input)
