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

#include "text/legacy_encoding.h"

namespace kehoach {

// One option, as the parser reads it and as --help lists it.
struct OptionSpec {
  std::string long_name;    // "output"
  char short_name = 0;      // 'o', or 0
  std::string value_name;   // "TỆP" for an option that takes a value; empty for a flag
  std::string description;  // for --help; lines after the first are indented to the first's column
  bool takes_value() const { return !value_name.empty(); }
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

// --encoding tcvn3|vni|unicode, which every command that reads tables takes: the text of the tables typed
// in TCVN3 (.VnTime) or VNI (VNI-Times), or already in Unicode; without it, found column by column.
OptionSpec encoding_option();
// Its value (Auto when not given); a UsageError for anything else.
EncodingChoice encoding_choice(const Arguments& args);

// Accepts --name, --name=value, --name value, -x, -x value; "--" ends options.
Arguments parse_arguments(const std::vector<std::string>& words, const std::vector<OptionSpec>& specs);

// A subcommand taking exactly one input file (or none: `serve`), with -h/--help added to its options. Its --help is
// `help`, then "Tùy chọn:" and a line for each option made from `options`, then `help_end`: the
// parser and the help read the same list, so they cannot disagree.
struct CommandSpec {
  std::string name;                // "appendix"
  std::string help;                // written by hand: what the command does, up to its options
  std::vector<OptionSpec> options;
  std::string missing_input;       // usage message when the file is missing; "" for a command without one
  std::string help_end = "";       // written by hand, after the options (e.g. exit statuses); often none
};

// The options a command's parser accepts: its own and -h/--help.
std::vector<OptionSpec> command_options(const CommandSpec& spec);

// "Tùy chọn:" and one entry per option: "  -o, --output TỆP   Tệp …", the descriptions starting in one
// column three spaces after the longest name, their further lines indented to it.
std::string options_help(const std::vector<OptionSpec>& options);

// What `kehoach COMMAND --help` prints.
std::string command_help(const CommandSpec& spec);

// Parses a subcommand's words. Returns the arguments to run with, or nullopt after printing the help
// to `out`; throws UsageError when the words are wrong.
std::optional<Arguments> command_arguments(const CommandSpec& spec, const std::vector<std::string>& words,
                                           std::ostream& out);

}  // namespace kehoach
