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
inline constexpr int kExitUsage = 64;       // the command line is wrong (EX_USAGE)
inline constexpr int kExitSoftware = 70;    // a fault in kehoach itself (EX_SOFTWARE)
inline constexpr int kExitStopped = 130;    // stopped by Ctrl-C or SIGTERM (128 + SIGINT, as a shell says)

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
int serve_command(const std::vector<std::string>& words, Console console);

// The one place where exceptions become exit statuses: runs `body`, the work of `kehoach COMMAND`,
// and returns its status; what it throws is printed and becomes a status instead: UsageError 64 (with
// where to read the command's help), InputError and TemplateError 2 (the user must fix an input),
// OutputError 3 (a file that cannot be written), anything else 70 with a message asking for a bug
// report, never std::terminate.
int with_exit_status(const std::string& command, Console console, const std::function<int()>& body);

struct CommandSpec;

// Every command's words and options, as its parser and its --help read them.
std::vector<const CommandSpec*> command_specs();
const CommandSpec& appendix_spec();
const CommandSpec& check_spec();
const CommandSpec& plan_spec();
const CommandSpec& report_spec();
const CommandSpec& deadlines_spec();
const CommandSpec& households_spec();
const CommandSpec& batch_spec();
const CommandSpec& serve_spec();

// `kehoach ARGS…` as a function, so that tests can run the tool without a process.
int run(const std::vector<std::string>& words, Console console);

}  // namespace kehoach
