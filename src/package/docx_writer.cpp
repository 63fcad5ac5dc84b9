#include "package/docx_writer.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>
#include <Poco/Zip/Compress.h>

#include <cerrno>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "model/input_error.h"
#include "package/system_errors.h"

namespace kehoach {
namespace {

constexpr const char* kCoreProperties = "docProps/core.xml";

std::string w3cdtf(long long timestamp) {
  const std::time_t time = static_cast<std::time_t>(timestamp);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// Sets the text of <dcterms:NAME …>…</dcterms:NAME>, or adds the element before the root's end.
void set_date(std::string& core, const std::string& name, const std::string& value) {
  const std::string open = "<dcterms:" + name, close = "</dcterms:" + name + ">";
  const auto start = core.find(open);
  const auto text = start == std::string::npos ? std::string::npos : core.find('>', start);
  const auto end = text == std::string::npos ? std::string::npos : core.find(close, text);
  if (end != std::string::npos) {
    core.replace(text + 1, end - text - 1, value);
    return;
  }
  const auto root_end = core.rfind("</cp:coreProperties>");
  if (root_end == std::string::npos) return;  // not core properties as Word writes them: leave it
  core.insert(root_end, open + " xsi:type=\"dcterms:W3CDTF\">" + value + close);
}

// What the system said when the file could not be written: a full disk, most often.
std::string disk_problem(const std::string& path) {
  return "không ghi được tệp " + path + ": " +
         (errno ? system_reason({errno, std::generic_category()}) : std::string("lỗi ghi đĩa")) + ".";
}

}  // namespace

std::string stamped_core_properties(const std::string& core, long long timestamp) {
  std::string out = core;
  const std::string when = w3cdtf(timestamp);
  if (out.find("xmlns:dcterms=") == std::string::npos || out.find("xmlns:xsi=") == std::string::npos) return out;
  set_date(out, "created", when);
  set_date(out, "modified", when);
  return out;
}

void write_docx(const DocxPackage& package, const AtomicFile& file, long long timestamp) {
  const std::string& path = file.target_path();
  errno = 0;
  std::ofstream out(file.temporary_path(), std::ios::binary | std::ios::trunc);
  if (!out) throw OutputError(disk_problem(path));
  // Zip times are local DOS times; a fixed one keeps the bytes stable across runs and zones.
  const Poco::DateTime stamp(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(timestamp)));
  try {
    Poco::Zip::Compress zip(out, true);
    for (const auto& [name, bytes] : package.parts) {
      std::istringstream in(name == kCoreProperties ? stamped_core_properties(bytes, timestamp) : bytes);
      zip.addFile(in, stamp, name, Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_SUPERFAST);
    }
    zip.close();
  } catch (const Poco::Exception& e) {
    if (!out) throw OutputError(disk_problem(path));  // the zip's "Bad output stream": the disk refused
    throw OutputError("không ghi được tệp " + path + ": lỗi khi đóng gói tệp Word (" + e.displayText() + ").");
  }
  out.close();  // flushes: a full disk often shows only here
  if (!out) throw OutputError(disk_problem(path));
}

}  // namespace kehoach
