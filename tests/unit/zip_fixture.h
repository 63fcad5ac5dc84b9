#pragma once
// Writes a zip whose entries are given as (name, content) pairs, for packages libxlsxwriter would
// never produce.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <fstream>
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

}  // namespace kehoach::testing
