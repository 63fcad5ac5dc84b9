#pragma once
// A zip made whole in memory, for a file written at once (AtomicFile::write_all): no seeks, no writes per
// entry. Entries are stored or deflated (libdeflate); an entry whose bytes never change (a template's styles,
// settings, fonts) is compressed once as a ZipEntry, with its checksum and sizes, and copied into every zip
// that holds it. Every entry carries the same date, so that the same entries give the same bytes.
//
// Sizes are those of a plain zip (no Zip64): under 4 GiB an entry and a whole zip, under 65,535 entries;
// more is refused with OutputError (no document comes near).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

// Levels of libdeflate: 1 the fastest (what each document's own parts get), 12 the smallest.
inline constexpr int kFastestDeflate = 1;
// Parts compressed once for many documents: a few milliseconds once buy smaller files every time.
inline constexpr int kOnceDeflate = 9;

// An entry ready to be copied into a zip: its bytes as the zip holds them.
struct ZipEntry {
  std::string name;          // "word/styles.xml"; a folder ends in '/'
  bool deflated = false;     // method 8 (deflate), else 0 (stored)
  std::uint32_t crc = 0;     // CRC-32 of the uncompressed bytes
  std::uint64_t size = 0;    // uncompressed
  std::string data;          // compressed when deflated
};

std::uint32_t zip_crc32(std::string_view bytes);

// `bytes` as a raw deflate stream (RFC 1951) at `level` (1–12).
std::string deflate_bytes(std::string_view bytes, int level);

// The entry of `bytes`, deflated at `level`; empty bytes are stored (as Poco's zip and others do: some
// unzip tools refuse an empty deflated entry).
ZipEntry deflated_entry(std::string name, std::string_view bytes, int level);
ZipEntry stored_entry(std::string name, std::string_view bytes);

class ZipBuilder {
 public:
  // `timestamp`: seconds since 1970, written as a DOS date and time of its UTC fields (a zip has no zone).
  explicit ZipBuilder(long long timestamp);

  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  void add(const ZipEntry& entry);
  // Compresses `bytes` straight into the zip (no copy of the compressed bytes); empty bytes are stored.
  void add_deflated(std::string_view name, std::string_view bytes, int level);
  void add_stored(std::string_view name, std::string_view bytes);
  void add_folder(std::string_view name);  // "word/": an entry of its own, as some zips list folders
  // The central directory and its end appended: the zip's bytes. The builder is spent.
  std::string finish();

 private:
  struct Central {
    std::size_t name_at;  // in names_
    std::size_t name_size;
    bool deflated;
    bool folder;
    std::uint32_t crc;
    std::uint32_t compressed;
    std::uint32_t size;
    std::uint32_t offset;
  };
  std::size_t local_header(std::string_view name, bool deflated, std::uint32_t crc, std::uint64_t compressed,
                           std::uint64_t size, bool folder);

  std::string out_;
  std::string names_;
  std::vector<Central> central_;
  std::uint16_t dos_time_ = 0, dos_date_ = 0;
};

}  // namespace kehoach
