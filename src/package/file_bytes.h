#pragma once
// Every input file is opened here. Before anything is opened, the path must name a regular file: a
// folder, a device (/dev/zero, /dev/urandom), a FIFO or a socket is refused by name, since a FIFO
// would block the open and a device never ends. The file must also be within its kind's size limit
// (input_limits.h), checked on the size the file system gives and again on what is read, so that a
// file that grows while it is read (or a /proc file, whose size reads as 0) stops at the limit too.
#include <cstdint>
#include <fstream>
#include <string>

#include "package/input_limits.h"

namespace kehoach {

// The whole file, or an InputError naming it: missing, not a regular file, unreadable or too large.
std::string read_file_bytes(const std::string& path, InputKind kind);

// One part of an unpacked package (a file of a template folder): the same, against the limit of one
// part (InputLimits::part) rather than of a file.
std::string read_part_file(const std::string& path, InputKind kind);

// The file opened for reading in binary, after the same checks. A caller that reads it to its end
// counts what it reads against input_limits(kind).file and calls refuse_large_file past it.
std::ifstream open_input_file(const std::string& path, InputKind kind);

// The InputError of a file over its kind's limit: `size` bytes, or more than that when `at_least`.
[[noreturn]] void refuse_large_file(const std::string& path, InputKind kind, std::uint64_t size, bool at_least);

}  // namespace kehoach
