#pragma once
// A small command-line parser: we want every message a user reads in Vietnamese, which the
// option parsers we could borrow do not give.
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace kehoach {

struct OptionSpec {
  std::string long_name;   // "output"
  char short_name = 0;     // 'o', or 0
  bool takes_value = false;
};

struct Arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;  // long name -> value
  std::set<std::string> flags;                // long names given without value
  bool has(const std::string& name) const { return flags.count(name) || values.count(name); }
  std::string value(const std::string& name, const std::string& fallback = "") const;
};

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Accepts --name, --name=value, --name value, -x, -x value; "--" ends options.
Arguments parse_arguments(const std::vector<std::string>& words, const std::vector<OptionSpec>& specs);

}  // namespace kehoach
