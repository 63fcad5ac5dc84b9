#pragma once
// The subcommands. Each takes its words after the command name and returns the exit status.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace kehoach {

// Exit statuses, documented in `kehoach --help`.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;     // check: the table has slips
inline constexpr int kExitInput = 2;        // an input file cannot be read or breaks a rule
inline constexpr int kExitOutput = 3;       // an output file cannot be written
inline constexpr int kExitUsage = 64;       // the command line is wrong

struct Console {
  std::ostream& out;
  std::ostream& err;
};

int appendix_command(const std::vector<std::string>& words, Console console);
int check_command(const std::vector<std::string>& words, Console console);
int plan_command(const std::vector<std::string>& words, Console console);
int report_command(const std::vector<std::string>& words, Console console);
int deadlines_command(const std::vector<std::string>& words, Console console);
int households_command(const std::vector<std::string>& words, Console console);
int batch_command(const std::vector<std::string>& words, Console console);

// Runs `body`, turning an input the user must fix (InputError, TemplateError) into its message on
// the console and exit status 2.
int with_input_errors(Console console, const std::function<int()>& body);

// `kehoach ARGS…` as a function, so that tests can run the tool without a process.
int run(const std::vector<std::string>& words, Console console);

}  // namespace kehoach
