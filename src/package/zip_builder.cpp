#include "package/zip_builder.h"

#include <libdeflate.h>

#include <array>
#include <ctime>
#include <limits>
#include <memory>
#include <new>

#include "model/input_error.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kEndSize = 22;
constexpr std::uint16_t kVersionNeeded = 20;      // 2.0: deflate and folders
// MS-DOS attributes, as Poco's zip wrote them: unzipped files get the user's usual permissions.
constexpr std::uint16_t kVersionMadeBy = 20;      // MS-DOS, 2.0
constexpr std::uint16_t kUtf8Names = 0x0800;      // general purpose bit 11
constexpr std::uint32_t kFileAttributes = 0;
constexpr std::uint32_t kFolderAttributes = 0x10;
constexpr std::uint64_t kMaxSize = std::numeric_limits<std::uint32_t>::max() - 1;  // 0xFFFFFFFF means Zip64
constexpr std::size_t kMaxEntries = 65535;

void put16(std::string& out, std::uint16_t value) {
  out += static_cast<char>(value & 0xFF);
  out += static_cast<char>(value >> 8);
}

void put32(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((value >> shift) & 0xFF);
}

void set32(std::string& out, std::size_t at, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out[at++] = static_cast<char>((value >> shift) & 0xFF);
}

[[noreturn]] void too_large() {
  throw OutputError("tệp cần ghi quá lớn cho một tệp nén zip (quá 4 GiB hoặc quá 65.535 phần).");
}

// One compressor per level and thread, made on first use: libdeflate's are not to be shared between threads,
// and making one per document would cost more than compressing a small part.
class Compressors {
 public:
  ~Compressors() {
    for (libdeflate_compressor* c : by_level_)
      if (c) libdeflate_free_compressor(c);
  }
  libdeflate_compressor* at(int level) {
    if (level < 1) level = 1;
    if (level > 12) level = 12;
    libdeflate_compressor*& c = by_level_[static_cast<std::size_t>(level)];
    if (!c && !(c = libdeflate_alloc_compressor(level))) throw std::bad_alloc();
    return c;
  }

 private:
  std::array<libdeflate_compressor*, 13> by_level_{};
};

thread_local Compressors t_compressors;

// Deflates `bytes` onto the end of `out`; returns the compressed size. The stream is made in a buffer kept by
// the thread, as large as the largest part so far, then copied: `out` never holds room for the worst case.
std::size_t deflate_onto(std::string& out, std::string_view bytes, int level) {
  thread_local std::unique_ptr<char[]> scratch;
  thread_local std::size_t scratch_size = 0;
  libdeflate_compressor* compressor = t_compressors.at(level);
  const std::size_t bound = libdeflate_deflate_compress_bound(compressor, bytes.size());
  if (bound > scratch_size) {
    scratch = std::make_unique_for_overwrite<char[]>(bound);
    scratch_size = bound;
  }
  const std::size_t written = libdeflate_deflate_compress(compressor, bytes.data(), bytes.size(), scratch.get(), bound);
  if (written == 0) throw std::bad_alloc();  // not reachable with the bound's room
  out.append(scratch.get(), written);
  return written;
}

}  // namespace

std::uint32_t zip_crc32(std::string_view bytes) {
  return libdeflate_crc32(0, bytes.data(), bytes.size());
}

std::string deflate_bytes(std::string_view bytes, int level) {
  std::string out;
  deflate_onto(out, bytes, level);
  return out;
}

ZipEntry deflated_entry(std::string name, std::string_view bytes, int level) {
  if (bytes.empty()) return stored_entry(std::move(name), bytes);
  ZipEntry entry;
  entry.name = std::move(name);
  entry.deflated = true;
  entry.crc = zip_crc32(bytes);
  entry.size = bytes.size();
  entry.data = deflate_bytes(bytes, level);
  return entry;
}

ZipEntry stored_entry(std::string name, std::string_view bytes) {
  ZipEntry entry;
  entry.name = std::move(name);
  entry.crc = zip_crc32(bytes);
  entry.size = bytes.size();
  entry.data = std::string(bytes);
  return entry;
}

ZipBuilder::ZipBuilder(long long timestamp) {
  const std::time_t time = static_cast<std::time_t>(timestamp);
  std::tm utc{};
  gmtime_r(&time, &utc);
  if (utc.tm_year < 80) utc = std::tm{0, 0, 0, 1, 0, 80, 0, 0, 0, 0, nullptr};  // DOS dates start in 1980
  if (utc.tm_year > 207) utc = std::tm{58, 59, 23, 31, 11, 207, 0, 0, 0, 0, nullptr};  // and end in 2107
  dos_time_ = static_cast<std::uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  dos_date_ = static_cast<std::uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
}

std::size_t ZipBuilder::local_header(std::string_view name, bool deflated, std::uint32_t crc,
                                     std::uint64_t compressed, std::uint64_t size, bool folder) {
  if (central_.size() >= kMaxEntries || compressed > kMaxSize || size > kMaxSize || out_.size() > kMaxSize ||
      name.size() > 0xFFFF)
    too_large();
  const std::size_t at = out_.size();
  put32(out_, kLocalSignature);
  put16(out_, kVersionNeeded);
  put16(out_, is_ascii(name) ? 0 : kUtf8Names);
  put16(out_, deflated ? 8 : 0);
  put16(out_, dos_time_);
  put16(out_, dos_date_);
  put32(out_, crc);
  put32(out_, static_cast<std::uint32_t>(compressed));
  put32(out_, static_cast<std::uint32_t>(size));
  put16(out_, static_cast<std::uint16_t>(name.size()));
  put16(out_, 0);  // no extra field
  out_.append(name);
  central_.push_back({names_.size(), name.size(), deflated, folder, crc, static_cast<std::uint32_t>(compressed),
                      static_cast<std::uint32_t>(size), static_cast<std::uint32_t>(at)});
  names_.append(name);
  return at;
}

void ZipBuilder::add(const ZipEntry& entry) {
  const bool folder = !entry.name.empty() && entry.name.back() == '/';
  local_header(entry.name, entry.deflated, entry.crc, entry.data.size(), entry.size, folder);
  out_.append(entry.data);
}

void ZipBuilder::add_deflated(std::string_view name, std::string_view bytes, int level) {
  if (bytes.empty()) return add_stored(name, bytes);
  const std::size_t at = local_header(name, true, zip_crc32(bytes), 0, bytes.size(), false);
  const std::size_t compressed = deflate_onto(out_, bytes, level);
  if (compressed > kMaxSize || out_.size() > kMaxSize) too_large();
  set32(out_, at + 18, static_cast<std::uint32_t>(compressed));  // the header's compressed size
  central_.back().compressed = static_cast<std::uint32_t>(compressed);
}

void ZipBuilder::add_stored(std::string_view name, std::string_view bytes) {
  local_header(name, false, zip_crc32(bytes), bytes.size(), bytes.size(), false);
  out_.append(bytes);
}

void ZipBuilder::add_folder(std::string_view name) { local_header(name, false, 0, 0, 0, true); }

std::string ZipBuilder::finish() {
  const std::size_t directory_at = out_.size();
  out_.reserve(out_.size() + central_.size() * kCentralHeaderSize + names_.size() + kEndSize);
  for (const Central& c : central_) {
    const std::string_view name(names_.data() + c.name_at, c.name_size);
    put32(out_, kCentralSignature);
    put16(out_, kVersionMadeBy);
    put16(out_, kVersionNeeded);
    put16(out_, is_ascii(name) ? 0 : kUtf8Names);
    put16(out_, c.deflated ? 8 : 0);
    put16(out_, dos_time_);
    put16(out_, dos_date_);
    put32(out_, c.crc);
    put32(out_, c.compressed);
    put32(out_, c.size);
    put16(out_, static_cast<std::uint16_t>(name.size()));
    put16(out_, 0);  // extra field
    put16(out_, 0);  // comment
    put16(out_, 0);  // disk
    put16(out_, 0);  // internal attributes
    put32(out_, c.folder ? kFolderAttributes : kFileAttributes);
    put32(out_, c.offset);
    out_.append(name);
  }
  const std::size_t directory_size = out_.size() - directory_at;
  if (out_.size() > kMaxSize) too_large();
  put32(out_, kEndSignature);
  put16(out_, 0);  // this disk
  put16(out_, 0);  // the directory's disk
  put16(out_, static_cast<std::uint16_t>(central_.size()));
  put16(out_, static_cast<std::uint16_t>(central_.size()));
  put32(out_, static_cast<std::uint32_t>(directory_size));
  put32(out_, static_cast<std::uint32_t>(directory_at));
  put16(out_, 0);  // no comment
  central_.clear();
  names_.clear();
  return std::move(out_);
}

}  // namespace kehoach
