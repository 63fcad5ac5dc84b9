#pragma once
// Small helpers the test files share, written once: the message an error carries, a fixture with one
// piece replaced, UTF-16 bytes built by hand.
#include <stdlib.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "model/input_error.h"

namespace kehoach::testing {

// What error_of gives when nothing was thrown: no expected message equals it, so the CHECK fails
// and shows it.
inline const std::string kNoError = "(không có lỗi)";

// The message of the `Error` (an InputError unless said) that `body` throws, or kNoError. Any other
// exception passes through and fails the test with its own message.
template <typename Error = InputError, typename Body>
std::string error_of(Body&& body) {
  try {
    body();
  } catch (const Error& e) {
    return e.what();
  }
  return kNoError;
}

// `text` with its first `from` replaced by `to`. A `from` that is not there throws: a fixture edited
// under a test must not leave the test checking the unchanged text.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("replaced: \"" + from + "\" is not in the text");
  return text.replace(at, from.size(), to);
}

// UTF-16 bytes built by hand (little or big endian, no byte order mark), so that surrogate pairs are
// exactly where the test puts them and no converter is needed.
inline std::string utf16_bytes(const std::u16string& text, bool little_endian) {
  std::string out;
  for (char16_t unit : text) {
    const char low = static_cast<char>(unit & 0xFF);
    const char high = static_cast<char>(unit >> 8);
    out += little_endian ? low : high;
    out += little_endian ? high : low;
  }
  return out;
}

// An environment variable set (or, with nullopt, unset) for as long as the object lives, then put back:
// the whole test binary runs in one process too, and the next case must find the environment it expects.
class ScopedEnvironment {
 public:
  ScopedEnvironment(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
    if (const char* before = ::getenv(name_.c_str())) before_ = before;
    if (value) ::setenv(name_.c_str(), value->c_str(), 1);
    else ::unsetenv(name_.c_str());
  }
  ~ScopedEnvironment() {
    if (before_) ::setenv(name_.c_str(), before_->c_str(), 1);
    else ::unsetenv(name_.c_str());
  }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  std::string name_;
  std::optional<std::string> before_;
};

}  // namespace kehoach::testing
