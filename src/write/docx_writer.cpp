#include "write/docx_writer.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>
#include <Poco/Zip/Compress.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "write/atomic_file.h"

namespace kehoach {

void write_docx(const DocxPackage& package, const std::string& path, long long timestamp) {
  AtomicFile file(path);
  {
    std::ofstream out(file.temporary_path(), std::ios::binary);
    if (!out) throw std::runtime_error("không ghi được tệp " + path + "; hãy kiểm tra quyền ghi.");
    // Zip times are local DOS times; a fixed one keeps the bytes stable across runs and zones.
    const Poco::DateTime stamp(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(timestamp)));
    try {
      Poco::Zip::Compress zip(out, true);
      for (const auto& [name, bytes] : package.parts) {
        std::istringstream in(bytes);
        zip.addFile(in, stamp, name, Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_SUPERFAST);
      }
      zip.close();
    } catch (const Poco::Exception& e) {
      throw std::runtime_error("không ghi được tệp " + path + ": " + e.displayText());
    }
    if (!out.flush()) throw std::runtime_error("không ghi được tệp " + path + "; đĩa đầy hoặc không có quyền ghi.");
  }
  file.commit();
}

}  // namespace kehoach
