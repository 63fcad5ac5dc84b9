#pragma once
// A zip package (.xlsx, .docx) read part by part within the limits of its kind (input_limits.h). The
// file is opened through open_input_file (a regular file, within its size), and when the zip is opened:
// an entry whose name leaves the package ("../x", "/etc/x", "C:\x") is refused before anything is read,
// and so are parts that say they inflate beyond the limit of a part or, all together, of the package.
// A zip may lie about its sizes, so every part is also counted as it is inflated and read no further
// than its limit: a 2 MB file that inflates to 2 GB is refused within a few MB of memory.
#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "package/input_limits.h"

namespace Poco::Zip {
class ZipArchive;
}  // namespace Poco::Zip

namespace kehoach {

// Whether a part name stays inside its package: relative, with no ".." segment, no backslash and no
// drive letter (a zip made on Windows by a broken tool may hold "..\x").
bool stays_in_package(std::string_view name);

class ZipReader {
 public:
  class PartStream;

  // Every InputError names `display_name`; `not_zip` is the problem when the file is no zip at all
  // ("không phải tệp Excel .xlsx; …").
  ZipReader(const std::string& path, std::string display_name, InputKind kind, std::string not_zip);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  bool has(const std::string& name) const;
  std::vector<std::string> names() const;  // every entry that is not a folder, in name order

  // The whole part, inflated. Throws InputError when it is missing or damaged (fail_damaged) or over a limit.
  std::string read(const std::string& name);

  // The part as a stream, for a parser that reads as it goes. It reads as ended once `*stop` is set,
  // a limit is passed, or a line of more than kMaxXmlRun bytes without a '>' comes (an XML parser
  // would hold such a run whole: a tag of 2 GB). After parsing, call finish().
  std::unique_ptr<PartStream> stream(const std::string& name, const bool* stop = nullptr);

  [[noreturn]] void fail(const std::string& problem) const;
  // "tệp bị hỏng, không đọc được phần …": a part missing, or its data broken.
  [[noreturn]] void fail_damaged(const std::string& name) const;

  const std::string& display_name() const { return display_name_; }
  InputKind kind() const { return kind_; }

 private:
  friend class PartStream;
  std::unique_ptr<PartStream> open_part(const std::string& name, const bool* stop, bool watch_runs);
  [[noreturn]] void refuse_part(const std::string& name, std::uint64_t size, bool at_least) const;
  [[noreturn]] void refuse_package(std::uint64_t size, bool at_least) const;
  // What may still be inflated from `name`: the least of the part's limit and what the package has left.
  std::uint64_t allowance() const;

  std::string display_name_;
  InputKind kind_;
  InputLimits limits_;
  std::ifstream file_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  std::uint64_t inflated_ = 0;  // bytes inflated so far, all parts
};

// The most entries a package may have: an .xlsx or a .docx has a few dozen parts, a few thousand with
// many pictures.
constexpr std::size_t kMaxEntries = 100000;

// The longest run of bytes without a '>' a part read as a stream may hold: more than any tag or cell
// text of an Office file (a cell holds at most 32.767 characters).
constexpr std::uint64_t kMaxXmlRun = 4 * kMiB;

class ZipReader::PartStream : public std::istream {
 public:
  ~PartStream() override;
  // Adds what was inflated to the package's count, then throws the InputError of the limit passed,
  // if one was: call it after parsing, whether the parser succeeded or not.
  void finish();
  bool passed_limit() const;

 private:
  friend class ZipReader;
  class Buffer;
  PartStream(ZipReader& reader, std::string name, std::unique_ptr<Buffer> buffer);

  ZipReader& reader_;
  std::string name_;
  std::unique_ptr<Buffer> buffer_;
  bool finished_ = false;
};

}  // namespace kehoach
