#include "package/file_bytes.h"

#include <sys/stat.h>

#include <cerrno>

#include "model/input_error.h"
#include "package/input_log.h"

namespace kehoach {
namespace {

Location at_file(const std::string& path) { return Location{path, {}, {}, {}}; }

// What a path that is not a regular file is, in the user's words; nothing for a regular file.
const char* special_file_kind(mode_t mode) {
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "một thiết bị";
  if (S_ISFIFO(mode)) return "một ống dẫn (FIFO)";
  if (S_ISSOCK(mode)) return "một socket";
  return nullptr;
}

// "của bảng số liệu", or "của một phần trong mẫu Word (gấp 10 lần giới hạn tệp)" for a part of a package.
std::string limit_owner(InputKind kind, bool part) {
  if (!part) return "của " + kind_noun(kind);
  return "của một phần trong " + kind_noun(kind) + " (gấp " + std::to_string(kPartFactor) + " lần giới hạn tệp)";
}

[[noreturn]] void refuse_large(const std::string& path, InputKind kind, bool part, std::uint64_t size, bool at_least) {
  const InputLimits limits = input_limits(kind);
  throw InputError(at_file(path), std::string("tệp lớn ") + (at_least ? "hơn " : "") + format_size(size) +
                                      ", quá giới hạn " + format_size(part ? limits.part : limits.file) + " " +
                                      limit_owner(kind, part) + "; " + raise_advice(kind));
}

// Checks what the path names before opening it, following symbolic links as the open will; returns its
// size as the file system gives it, and refuses it when it is over `limit` bytes.
std::uint64_t checked_size(const std::string& path, InputKind kind, bool part) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    if (errno == EACCES) throw InputError(at_file(path), "không có quyền đọc tệp; hãy kiểm tra quyền của tệp và thư mục.");
    throw InputError(at_file(path), "không mở được tệp; hãy kiểm tra tên và đường dẫn.");
  }
  if (S_ISDIR(status.st_mode))
    throw InputError(at_file(path), "đây là thư mục, không phải tệp; hãy chỉ đến tệp bên trong thư mục.");
  if (const char* special = special_file_kind(status.st_mode))
    throw InputError(at_file(path), std::string("đây là ") + special +
                                        ", không phải tệp thường; kehoach chỉ đọc tệp thường: hãy lưu dữ liệu vào "
                                        "một tệp rồi chỉ đến tệp đó.");
  if (!S_ISREG(status.st_mode))
    throw InputError(at_file(path), "không phải tệp thường; hãy chỉ đến một tệp dữ liệu.");
  const auto size = static_cast<std::uint64_t>(status.st_size);
  const InputLimits limits = input_limits(kind);
  if (size > (part ? limits.part : limits.file)) refuse_large(path, kind, part, size, false);
  return size;
}

std::ifstream opened(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(at_file(path), "không mở được tệp; hãy kiểm tra tên, đường dẫn và quyền đọc.");
  note_input(path);  // so that no output of the command is written over it
  return in;
}

// Reads at most the limit and one byte more: enough to know that the file is too large.
std::string read_bounded(const std::string& path, InputKind kind, bool part) {
  const std::uint64_t size = checked_size(path, kind, part);
  const InputLimits limits = input_limits(kind);
  const std::uint64_t limit = part ? limits.part : limits.file;
  std::ifstream in = opened(path);
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(size));
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > limit) refuse_large(path, kind, part, limit, true);
  }
  if (in.bad()) throw InputError(at_file(path), "không đọc được tệp; hãy kiểm tra tệp và ổ đĩa.");
  return bytes;
}

}  // namespace

std::string read_file_bytes(const std::string& path, InputKind kind) { return read_bounded(path, kind, false); }

std::string read_part_file(const std::string& path, InputKind kind) { return read_bounded(path, kind, true); }

std::ifstream open_input_file(const std::string& path, InputKind kind) {
  checked_size(path, kind, false);
  return opened(path);
}

void refuse_large_file(const std::string& path, InputKind kind, std::uint64_t size, bool at_least) {
  refuse_large(path, kind, false, size, at_least);
}

}  // namespace kehoach
