#pragma once
// A small command-line parser: we want every message a user reads in Vietnamese, which the
// option parsers we could borrow do not give.
#include <iosfwd>
#include <map>
#include <optional>
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
  std::map<std::string, std::string> values;  // long name -> value (the last one given)
  std::map<std::string, std::vector<std::string>> repeated;  // long name -> every value, in order
  std::set<std::string> flags;                // long names given without value
  bool has(const std::string& name) const { return flags.count(name) || values.count(name); }
  std::string value(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> all(const std::string& name) const;
};

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The whole number given for option `name`, from `low` to `high`; otherwise a UsageError saying
// `wanted` ("một năm, ví dụ 2024") and what was written.
int integer_option(const Arguments& args, const std::string& name, int low, int high, const std::string& wanted);

// Accepts --name, --name=value, --name value, -x, -x value; "--" ends options.
Arguments parse_arguments(const std::vector<std::string>& words, const std::vector<OptionSpec>& specs);

// A subcommand taking exactly one input file, with -h/--help added to its options.
struct CommandSpec {
  std::string name;                // "appendix"
  std::string help;                // printed for --help
  std::vector<OptionSpec> options;
  std::string missing_input;       // usage message when the file is missing
};

// Parses a subcommand's words. Returns the arguments to run with, or nullopt after printing the
// help (status 0) or a usage error (status 64) to the console, with `status` set.
std::optional<Arguments> command_arguments(const CommandSpec& spec, const std::vector<std::string>& words,
                                           std::ostream& out, std::ostream& err, int& status);

}  // namespace kehoach
