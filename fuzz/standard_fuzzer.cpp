// The poverty standard file (YAML, data/standards/).
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/standard_reader.h"
#include "text/unicode.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(standard) {
  // Known finding yaml-not-utf8 (fuzz/findings/README.md): the YAML readers quote bytes that are not
  // UTF-8 in their messages. Until that class is fixed, messages are checked for inputs in UTF-8 only.
  fuzz::refusing_bad_input([&] { parse_standard(std::string(input), "chuan.yaml"); }, is_valid_utf8(input));
}
