#pragma once
// Writes a zip whose entries are given as (name, content) pairs, for packages libxlsxwriter would
// never produce.
#include <Poco/Checksum.h>
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace kehoach::testing {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

inline void write_zip(const std::string& path, const ZipEntries& entries) {
  std::ofstream out(path, std::ios::binary);
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, content] : entries) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  zip.close();
}

// The same entries stored (not deflated), each name written as it is, even one Poco would refuse to
// write ("../x", "/etc/x"): the zips a hostile tool makes.
inline void write_raw_zip(const std::string& path, const ZipEntries& entries) {
  std::string out, directory;
  const auto u16 = [](std::string& to, std::uint16_t v) {
    to += static_cast<char>(v & 0xFF);
    to += static_cast<char>(v >> 8);
  };
  const auto u32 = [&](std::string& to, std::uint32_t v) {
    u16(to, static_cast<std::uint16_t>(v & 0xFFFF));
    u16(to, static_cast<std::uint16_t>(v >> 16));
  };
  for (const auto& [name, content] : entries) {
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(content);
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto size = static_cast<std::uint32_t>(content.size());
    out += "PK\x03\x04";
    for (const std::uint16_t v : std::initializer_list<std::uint16_t>{20, 0, 0, 0, 0x21}) u16(out, v);  // version, flags, stored, time, date
    u32(out, crc.checksum());
    u32(out, size);
    u32(out, size);
    u16(out, static_cast<std::uint16_t>(name.size()));
    u16(out, 0);
    out += name + content;
    directory += "PK\x01\x02";
    for (const std::uint16_t v : std::initializer_list<std::uint16_t>{20, 20, 0, 0, 0, 0x21}) u16(directory, v);
    u32(directory, crc.checksum());
    u32(directory, size);
    u32(directory, size);
    u16(directory, static_cast<std::uint16_t>(name.size()));
    for (int i = 0; i < 4; ++i) u16(directory, 0);
    u32(directory, 0);
    u32(directory, offset);
    directory += name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory + "PK\x05\x06";
  u16(out, 0);
  u16(out, 0);
  u16(out, static_cast<std::uint16_t>(entries.size()));
  u16(out, static_cast<std::uint16_t>(entries.size()));
  u32(out, static_cast<std::uint32_t>(directory.size()));
  u32(out, directory_offset);
  u16(out, 0);
  std::ofstream(path, std::ios::binary) << out;
}

}  // namespace kehoach::testing
