#pragma once
// How large an input may be, by kind. Without a limit, `statistics: /dev/zero` reads until memory runs
// out and a 2 MB .xlsx that inflates to 2 GB is read whole; with one, such a file is refused at once,
// by name, with a message that says how to raise the limit for a file that really is that large.
//
// Each kind has one limit a user can raise, the size of the file on disk, in MB (MiB, as file managers
// show them): the environment variable KEHOACH_MAX_<KIND>_MB. A zip package (.xlsx, .docx) or a
// template folder is also bounded once inflated: one part at 10 times the file's limit, all parts
// together at 20 times, so that raising the one number raises the others with it.
#include <cstdint>
#include <string>

namespace kehoach {

enum class InputKind {
  Yaml,      // plan, cascade, poverty standard, office names, programme files: KEHOACH_MAX_YAML_MB, 1 MB
  Table,     // tables read whole (statistics, movements, received tables): KEHOACH_MAX_TABLE_MB, 10 MB
  Records,   // tables read row by row (household lists, units tables): KEHOACH_MAX_RECORDS_MB, 1024 MB
  Template,  // Word templates, .docx or folder: KEHOACH_MAX_TEMPLATE_MB, 2 MB (the template engine holds
             // some 15 bytes for each byte of text: 40 MB of parts are some 600 MB of memory)
};

struct InputLimits {
  std::uint64_t file = 0;     // bytes on disk
  std::uint64_t part = 0;     // one part of a package, inflated
  std::uint64_t package = 0;  // all parts of a package together, inflated
};

constexpr std::uint64_t kMiB = 1024 * 1024;
constexpr std::uint64_t kPartFactor = 10;
constexpr std::uint64_t kPackageFactor = 20;

// The limits now in force: the kind's default, or its environment variable (read on every call, so
// that a test may set it). A variable that is not a whole number of MB from 1 to 1.000.000 is an
// InputError naming it.
InputLimits input_limits(InputKind kind);

// What the messages call an input of the kind: "bảng số liệu", "mẫu Word".
std::string kind_noun(InputKind kind);

// The environment variable that raises the kind's limit: "KEHOACH_MAX_TABLE_MB".
std::string limit_variable(InputKind kind);

// The sentence that ends every message about a limit: which variable raises it and its value now.
std::string raise_advice(InputKind kind);

// A size as a user reads it, binary units with a decimal comma: "512 byte", "1,8 MB", "1,9 GB".
std::string format_size(std::uint64_t bytes);

}  // namespace kehoach
