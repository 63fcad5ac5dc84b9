#include "package/zip_writer.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Timestamp.h>
#include <Poco/Zip/Compress.h>

#include <fstream>
#include <sstream>

#include "model/input_error.h"
#include "text/unicode.h"

namespace kehoach {

void write_zip_stream(std::ostream& out, const std::vector<ZipText>& texts, const std::vector<ZipSource>& files,
                      long long timestamp) {
  const Poco::DateTime stamp(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(timestamp)));
  try {
    Poco::Zip::Compress zip(out, false);  // not seekable: data descriptors after each entry
    for (const ZipText& text : texts) {
      std::istringstream in(text.text);
      zip.addFile(in, stamp, Poco::Path(text.name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                  Poco::Zip::ZipCommon::CL_SUPERFAST);
    }
    for (const ZipSource& file : files) {
      std::ifstream in(file.path, std::ios::binary);
      if (!in) throw OutputError("không đọc được tệp " + file.name + " để đóng gói.");
      // Documents are zips already: deflating them again gains little, so the fastest level.
      zip.addFile(in, stamp, Poco::Path(file.name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                  Poco::Zip::ZipCommon::CL_SUPERFAST);
    }
    zip.close();
  } catch (const Poco::Exception& e) {
    throw OutputError("không ghi được tệp nén: " + e.displayText() + ".");
  }
  if (!out) throw OutputError("không ghi được tệp nén: đường truyền bị ngắt.");
}

std::string safe_zip_name(const std::string& name) {
  std::string folded;
  // fold() lowers and strips the marks but makes punctuation spaces; keep the dots of an extension.
  std::string part;
  auto flush = [&] {
    for (char c : fold(part)) folded += c == ' ' ? '-' : c;
    part.clear();
  };
  for (char c : name) {
    if (c == '.' || c == '_' || c == '-') {
      flush();
      folded += c;
    } else {
      part += c;
    }
  }
  flush();
  std::string safe;
  for (char c : folded) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    if (keep) safe += c;
    else if (safe.empty() || safe.back() != '-') safe += '-';  // a letter outside Vietnamese: one dash
  }
  while (!safe.empty() && safe.front() == '.') safe.erase(safe.begin());
  if (safe.size() > 100) safe = safe.substr(safe.size() - 100);  // the end keeps the extension
  while (!safe.empty() && safe.front() == '.') safe.erase(safe.begin());
  return safe.empty() ? "tep" : safe;
}

}  // namespace kehoach
