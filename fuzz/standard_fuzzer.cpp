// The poverty standard file (YAML, data/standards/).
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/standard_reader.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(standard) {
  fuzz::refusing_bad_input([&] { parse_standard(std::string(input), "chuan.yaml"); });
}
