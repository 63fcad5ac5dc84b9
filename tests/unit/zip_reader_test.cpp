#include "package/zip_reader.h"

#include <doctest/doctest.h>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <fstream>
#include <sstream>
#include <string>

#include "model/input_error.h"
#include "scratch_folder.h"
#include "test_support.h"
#include "zip_fixture.h"

using namespace kehoach;
using testing::error_of;
using testing::ScopedEnvironment;
using testing::ScratchFolder;

namespace {

const std::string kNotZip = "không phải tệp Excel .xlsx.";

std::string hostile(const std::string& part_problem) {
  return "bang.xlsx: " + part_problem;
}

const std::string kRaise =
    "nếu tệp đúng là lớn như vậy, hãy đặt biến môi trường KEHOACH_MAX_TABLE_MB lớn hơn (số MB, hiện 1), ví dụ "
    "KEHOACH_MAX_TABLE_MB=10.";

// Sets a local header's and the central directory's uncompressed size of the entry `name` to `size`: a
// zip that lies about how far its part inflates.
void declare_size(const std::string& path, const std::string& name, std::uint32_t size) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), {});
  const auto patch = [&](std::size_t at) {
    for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((size >> (8 * i)) & 0xFF);
  };
  for (std::size_t at = bytes.find(name); at != std::string::npos; at = bytes.find(name, at + 1)) {
    if (at >= 30 && bytes.compare(at - 30, 4, "PK\x03\x04") == 0) patch(at - 30 + 22);
    if (at >= 46 && bytes.compare(at - 46, 4, "PK\x01\x02") == 0) patch(at - 46 + 24);
  }
  file.seekp(0);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST_CASE("a part name stays inside its package unless it climbs out, starts at the root or names a drive") {
  CHECK(stays_in_package("word/document.xml"));
  CHECK(stays_in_package("[Content_Types].xml"));
  CHECK(stays_in_package("word/..hidden.xml"));
  CHECK_FALSE(stays_in_package(""));
  CHECK_FALSE(stays_in_package("../secret.txt"));
  CHECK_FALSE(stays_in_package("word/../../secret.txt"));
  CHECK_FALSE(stays_in_package("word/.."));
  CHECK_FALSE(stays_in_package("/etc/passwd"));
  CHECK_FALSE(stays_in_package("..\\secret.txt"));
  CHECK_FALSE(stays_in_package("C:/Windows/win.ini"));
}

TEST_CASE("a zip with an entry named outside the package is refused when opened, whatever would be read") {
  const ScratchFolder scratch;
  for (const std::string name : {"../../etc/cron.d/x", "/etc/passwd", "xl/..\\..\\x.xml"}) {
    CAPTURE(name);
    const std::string path = scratch.file("bang.xlsx");
    testing::write_raw_zip(path, {{"xl/workbook.xml", "<workbook/>"}, {name, "x"}});
    CHECK(error_of([&] { ZipReader(path, "bang.xlsx", InputKind::Table, kNotZip); }) ==
          hostile("phần \"" + name +
                  "\" có tên trỏ ra ngoài tệp (\"../\" hoặc đường dẫn tuyệt đối); tệp bị hỏng hoặc cố ý gây hại: hãy mở "
                  "bằng Excel hoặc LibreOffice rồi lưu lại."));
  }
}

TEST_CASE("a file that does not start as a zip is not one, and parts are read whole") {
  const ScratchFolder scratch;
  const std::string text = scratch.write("bang.xlsx", "Thôn,Tổng số hộ\n");
  CHECK(error_of([&] { ZipReader(text, "bang.xlsx", InputKind::Table, kNotZip); }) == "bang.xlsx: " + kNotZip);
  const std::string path = scratch.file("goi.xlsx");
  testing::write_zip(path, {{"xl/workbook.xml", "<workbook/>"}, {"xl/a.xml", std::string(100000, 'a')}});
  ZipReader zip(path, "goi.xlsx", InputKind::Table, kNotZip);
  CHECK(zip.names() == std::vector<std::string>{"xl/a.xml", "xl/workbook.xml"});
  CHECK(zip.read("xl/workbook.xml") == "<workbook/>");
  CHECK(zip.read("xl/a.xml") == std::string(100000, 'a'));
  CHECK(error_of([&] { zip.read("xl/khong-co.xml"); }) ==
        "goi.xlsx: tệp bị hỏng, không đọc được phần \"xl/khong-co.xml\"; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại.");
}

TEST_CASE("a part that says it inflates past the limit of a part is refused when the zip is opened") {
  const ScratchFolder scratch;
  const ScopedEnvironment limit("KEHOACH_MAX_TABLE_MB", "1");  // a part: 10 MB, the package: 20 MB
  const std::string path = scratch.file("bang.xlsx");
  testing::write_zip(path, {{"xl/workbook.xml", "<workbook/>"}, {"xl/worksheets/sheet1.xml", std::string(10 * kMiB + 1, ' ')}});
  CHECK(error_of([&] { ZipReader(path, "bang.xlsx", InputKind::Table, kNotZip); }) ==
        hostile("phần xl/worksheets/sheet1.xml giải nén ra 10,1 MB, quá giới hạn 10 MB của một phần trong bảng số liệu "
                "(gấp 10 lần giới hạn tệp). Tệp nén bất thường như vậy thường là tệp hỏng hoặc cố ý gây hại; " + kRaise));
}

TEST_CASE("parts that say they inflate past the package's limit together are refused when the zip is opened") {
  const ScratchFolder scratch;
  const ScopedEnvironment limit("KEHOACH_MAX_TABLE_MB", "1");
  const std::string path = scratch.file("bang.xlsx");
  const std::string nine_mb(9 * kMiB, ' ');
  testing::write_zip(path, {{"xl/a.xml", nine_mb}, {"xl/b.xml", nine_mb}, {"xl/c.xml", nine_mb}});
  CHECK(error_of([&] { ZipReader(path, "bang.xlsx", InputKind::Table, kNotZip); }) ==
        hostile("các phần của tệp giải nén ra 27 MB, quá giới hạn 20 MB của cả tệp bảng số liệu (gấp 20 lần giới hạn "
                "tệp). Tệp nén bất thường như vậy thường là tệp hỏng hoặc cố ý gây hại; " + kRaise));
}

TEST_CASE("a part that lies about its size is inflated no further than its limit, then refused") {
  const ScratchFolder scratch;
  const ScopedEnvironment limit("KEHOACH_MAX_TABLE_MB", "1");
  const std::string path = scratch.file("bang.xlsx");
  testing::write_zip(path, {{"xl/worksheets/sheet1.xml", std::string(12 * kMiB, '>')}});
  declare_size(path, "xl/worksheets/sheet1.xml", 100);
  ZipReader zip(path, "bang.xlsx", InputKind::Table, kNotZip);
  const std::string refused =
      hostile("phần xl/worksheets/sheet1.xml giải nén ra hơn 10 MB, quá giới hạn 10 MB của một phần trong bảng số liệu "
              "(gấp 10 lần giới hạn tệp). Tệp nén bất thường như vậy thường là tệp hỏng hoặc cố ý gây hại; " + kRaise);
  CHECK(error_of([&] { zip.read("xl/worksheets/sheet1.xml"); }) == refused);
  // Streamed, the part reads as ended at the limit, and finish() says why.
  auto stream = zip.stream("xl/worksheets/sheet1.xml");
  std::uint64_t read = 0;
  char piece[1 << 16];
  while (stream->read(piece, sizeof piece) || stream->gcount() > 0) read += static_cast<std::uint64_t>(stream->gcount());
  CHECK(read <= 10 * kMiB);
  CHECK(stream->passed_limit());
  CHECK(error_of([&] { stream->finish(); }) == refused);
}

TEST_CASE("parts that lie about their sizes are counted together against the package's limit") {
  const ScratchFolder scratch;
  const ScopedEnvironment limit("KEHOACH_MAX_TABLE_MB", "1");
  const std::string path = scratch.file("bang.xlsx");
  const std::string nine_mb(9 * kMiB, '>');
  testing::write_zip(path, {{"xl/a.xml", nine_mb}, {"xl/b.xml", nine_mb}, {"xl/c.xml", nine_mb}});
  for (const char* name : {"xl/a.xml", "xl/b.xml", "xl/c.xml"}) declare_size(path, name, 10);
  ZipReader zip(path, "bang.xlsx", InputKind::Table, kNotZip);
  CHECK(zip.read("xl/a.xml").size() == 9 * kMiB);
  CHECK(zip.read("xl/b.xml").size() == 9 * kMiB);
  CHECK(error_of([&] { zip.read("xl/c.xml"); }) ==
        hostile("các phần của tệp giải nén ra hơn 20 MB, quá giới hạn 20 MB của cả tệp bảng số liệu (gấp 20 lần giới "
                "hạn tệp). Tệp nén bất thường như vậy thường là tệp hỏng hoặc cố ý gây hại; " + kRaise));
}

TEST_CASE("a streamed part with megabytes and no '>' is cut off: an XML parser would hold it whole") {
  const ScratchFolder scratch;
  const std::string path = scratch.file("bang.xlsx");
  const std::string part = "<worksheet><c r=\"" + std::string(kMaxXmlRun + 1, 'A') + "\"/>";
  testing::write_zip(path, {{"xl/worksheets/sheet1.xml", part}});
  ZipReader zip(path, "bang.xlsx", InputKind::Table, kNotZip);
  auto stream = zip.stream("xl/worksheets/sheet1.xml");
  std::string text((std::istreambuf_iterator<char>(*stream)), {});
  CHECK(text.size() <= kMaxXmlRun + (1 << 16));
  CHECK(error_of([&] { stream->finish(); }) ==
        hostile("phần xl/worksheets/sheet1.xml có một đoạn dài hơn 4 MB không có thẻ XML nào đóng lại (ký tự '>'); tệp "
                "bị hỏng hoặc cố ý gây hại: hãy mở bằng Excel hoặc LibreOffice rồi lưu lại."));
  // Read whole (a picture of a template, say), the same bytes are no XML and pass.
  CHECK(zip.read("xl/worksheets/sheet1.xml") == part);
}

TEST_CASE("a zip of more entries than any package has is refused before they are indexed") {
  const ScratchFolder scratch;
  testing::ZipEntries entries;
  for (std::size_t i = 0; i <= kMaxEntries; ++i) entries.emplace_back(std::to_string(i), "");
  const std::string path = scratch.file("bang.xlsx");
  testing::write_raw_zip(path, entries);
  CHECK(error_of([&] { ZipReader(path, "bang.xlsx", InputKind::Table, kNotZip); }) ==
        hostile("tệp nén có hơn 100.000 phần; một tệp Excel hay Word không có nhiều phần như vậy: tệp bị hỏng hoặc cố ý "
                "gây hại: hãy mở bằng Excel hoặc LibreOffice rồi lưu lại."));
  entries.pop_back();
  testing::write_raw_zip(path, entries);
  CHECK(ZipReader(path, "bang.xlsx", InputKind::Table, kNotZip).names().size() == kMaxEntries);
}

// Parts are inflated with zlib directly (raw deflate, or stored), their CRC-32 checked at their end.
namespace {

// The bytes of a zip Poco writes on a stream it cannot seek: each entry's sizes and CRC in a data
// descriptor after its data, as zips streamed by servers and some tools are.
void write_streamed_zip(const std::string& path, const testing::ZipEntries& entries) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, false);
  for (const auto& [name, content] : entries) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  zip.close();
  std::ofstream(path, std::ios::binary) << out.str();
}

std::string with_byte_changed(const std::string& path, std::size_t at) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  bytes[at] = static_cast<char>(bytes[at] ^ 0x5A);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return bytes;
}

}  // namespace

TEST_CASE("stored parts, and deflated ones whose sizes follow their data, are read as written") {
  const ScratchFolder scratch;
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "<row r=\"" + std::to_string(i) + "\"><c><v>" + std::to_string(i * 7) + "</v></c></row>";
  const std::string stored = scratch.file("luu.xlsx");
  testing::write_raw_zip(stored, {{"xl/workbook.xml", "<workbook/>"}, {"xl/a.xml", text}, {"xl/empty.xml", ""}});
  ZipReader plain(stored, "luu.xlsx", InputKind::Table, kNotZip);
  CHECK(plain.read("xl/a.xml") == text);
  CHECK(plain.read("xl/empty.xml").empty());
  const std::string streamed = scratch.file("dong.xlsx");
  write_streamed_zip(streamed, {{"xl/workbook.xml", "<workbook/>"}, {"xl/a.xml", text}});
  ZipReader zip(streamed, "dong.xlsx", InputKind::Table, kNotZip);
  CHECK(zip.read("xl/a.xml") == text);
  CHECK(zip.read("xl/workbook.xml") == "<workbook/>");
}

TEST_CASE("a part whose data does not match its CRC-32, or whose deflated data is broken, is a damaged file") {
  const ScratchFolder scratch;
  const std::string damaged =
      "bang.xlsx: tệp bị hỏng, không đọc được phần \"xl/a.xml\"; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại.";
  const std::string text(5000, 'x');
  const std::string stored = scratch.file("bang.xlsx");
  testing::write_raw_zip(stored, {{"xl/a.xml", text}});
  with_byte_changed(stored, 30 + 8 + 100);  // a byte of the stored text: its CRC no longer matches
  CHECK(error_of([&] { ZipReader(stored, "bang.xlsx", InputKind::Table, kNotZip).read("xl/a.xml"); }) == damaged);
  std::string varied;
  for (int i = 0; i < 5000; ++i) varied += std::to_string(i * 7919 % 10007) + ",";
  const std::string deflated = scratch.file("bang.xlsx");
  testing::write_zip(deflated, {{"xl/a.xml", varied}});
  with_byte_changed(deflated, 30 + 8 + 40);  // inside the deflated data
  CHECK(error_of([&] { ZipReader(deflated, "bang.xlsx", InputKind::Table, kNotZip).read("xl/a.xml"); }) == damaged);
}
