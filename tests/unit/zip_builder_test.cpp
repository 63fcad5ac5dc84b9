#include <doctest/doctest.h>

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "model/input_error.h"
#include "package/docx_writer.h"
#include "package/zip_builder.h"
#include "package/zip_reader.h"
#include "scratch_folder.h"
#include "template/document_template.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

std::uint32_t u16(const std::string& b, std::size_t at) {
  return static_cast<unsigned char>(b[at]) | (static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t u32(const std::string& b, std::size_t at) { return u16(b, at) | (u16(b, at + 2) << 16); }

// An entry as the zip's own headers say, read without any zip library: what a reader relies on.
struct Header {
  std::string name;
  std::uint32_t method, flags, time, date, crc, compressed, size, offset, attributes;
};

// The central directory, through the end record, each entry checked against its local header.
std::vector<Header> central_directory(const std::string& zip) {
  REQUIRE(zip.size() >= 22);
  const std::size_t end = zip.size() - 22;
  REQUIRE(u32(zip, end) == 0x06054b50);
  const std::uint32_t count = u16(zip, end + 10);
  CHECK(u16(zip, end + 8) == count);
  const std::uint32_t directory_size = u32(zip, end + 12), directory_at = u32(zip, end + 16);
  CHECK(directory_at + directory_size == end);
  std::vector<Header> headers;
  std::size_t at = directory_at;
  for (std::uint32_t i = 0; i < count; ++i) {
    REQUIRE(u32(zip, at) == 0x02014b50);
    Header h{};
    h.flags = u16(zip, at + 8);
    h.method = u16(zip, at + 10);
    h.time = u16(zip, at + 12);
    h.date = u16(zip, at + 14);
    h.crc = u32(zip, at + 16);
    h.compressed = u32(zip, at + 20);
    h.size = u32(zip, at + 24);
    const std::size_t name_size = u16(zip, at + 28), extra = u16(zip, at + 30), comment = u16(zip, at + 32);
    h.attributes = u32(zip, at + 38);
    h.offset = u32(zip, at + 42);
    h.name = zip.substr(at + 46, name_size);
    at += 46 + name_size + extra + comment;
    // The local header says the same: a reader that streams the zip trusts it alone.
    const std::size_t local = h.offset;
    REQUIRE(u32(zip, local) == 0x04034b50);
    CHECK(u16(zip, local + 6) == h.flags);
    CHECK(u16(zip, local + 8) == h.method);
    CHECK(u32(zip, local + 14) == h.crc);
    CHECK(u32(zip, local + 18) == h.compressed);
    CHECK(u32(zip, local + 22) == h.size);
    CHECK(zip.substr(local + 30, u16(zip, local + 26)) == h.name);
    headers.push_back(h);
  }
  CHECK(at == end);
  return headers;
}

// The entry's bytes as they are in the zip, inflated with zlib (raw deflate) when deflated.
std::string entry_bytes(const std::string& zip, const Header& h) {
  const std::size_t data = h.offset + 30 + u16(zip, h.offset + 26) + u16(zip, h.offset + 28);
  const std::string stored = zip.substr(data, h.compressed);
  if (h.method == 0) return stored;
  std::string out(h.size, '\0');
  z_stream z{};
  REQUIRE(inflateInit2(&z, -15) == Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stored.data()));
  z.avail_in = static_cast<uInt>(stored.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = inflate(&z, Z_FINISH);
  inflateEnd(&z);
  CHECK(status == Z_STREAM_END);
  CHECK(z.total_out == h.size);
  return out;
}

std::uint32_t zlib_crc(const std::string& bytes) {
  return static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

// Text that deflates, but not to nothing: rows of a village table.
std::string rows(int count) {
  std::string text;
  for (int i = 0; i < count; ++i)
    text += "<row r=\"" + std::to_string(i) + "\"><c>Thôn " + std::to_string(i * 7919 % 1000) + "</c></row>\n";
  return text;
}

}  // namespace

TEST_CASE("zip_crc32 is the CRC-32 of zip files") {
  CHECK(zip_crc32("") == 0);
  CHECK(zip_crc32("123456789") == 0xCBF43926u);  // the check value of CRC-32/ISO-HDLC
  const std::string text = rows(3000);
  CHECK(zip_crc32(text) == zlib_crc(text));
}

TEST_CASE("a zip made in memory: stored, deflated, empty, a folder, a part over 64 KB, each as its headers say") {
  const std::string small = "<w:styles/>";
  const std::string large = rows(5000);  // ~180 KB
  REQUIRE(large.size() > 64 * 1024);
  const std::string binary("\x89PNG\r\n\x1a\n\x00\x01\x02\xff", 12);
  ZipBuilder zip(1'640'995'200);  // 2022-01-01 00:00:00 UTC
  zip.add_stored("a/stored.bin", binary);
  zip.add_deflated("a/small.xml", small, kFastestDeflate);
  zip.add_folder("word/");
  zip.add_deflated("word/large.xml", large, kFastestDeflate);
  zip.add(deflated_entry("word/once.xml", large, kOnceDeflate));
  zip.add_deflated("rong.txt", "", kFastestDeflate);
  zip.add(stored_entry("Thôn Đông.txt", "Sâm Cồn"));
  const std::string bytes = zip.finish();

  const std::vector<Header> headers = central_directory(bytes);
  REQUIRE(headers.size() == 7);
  const std::vector<std::string> names{"a/stored.bin", "a/small.xml", "word/", "word/large.xml", "word/once.xml",
                                       "rong.txt", "Thôn Đông.txt"};
  const std::vector<std::string> contents{binary, small, "", large, large, "", "Sâm Cồn"};
  const std::vector<std::uint32_t> methods{0, 8, 0, 8, 8, 0, 0};
  for (std::size_t i = 0; i < headers.size(); ++i) {
    CAPTURE(names[i]);
    CHECK(headers[i].name == names[i]);
    CHECK(headers[i].method == methods[i]);
    CHECK(headers[i].size == contents[i].size());
    CHECK(headers[i].crc == zlib_crc(contents[i]));
    CHECK(entry_bytes(bytes, headers[i]) == contents[i]);
    CHECK(headers[i].date == ((42u << 9) | (1u << 5) | 1u));  // 2022-01-01
    CHECK(headers[i].time == 0);
  }
  CHECK(headers[3].compressed < large.size() / 4);  // deflated indeed
  CHECK(headers[4].compressed <= headers[3].compressed);  // the slower level is no larger
  CHECK((headers[2].attributes & 0x10) != 0);             // a folder, for MS-DOS too
  CHECK(headers[6].flags == 0x0800);                      // a name in UTF-8 says so
  CHECK(headers[0].flags == 0);

  // And a zip library reads it back, checking every CRC.
  const ScratchFolder folder;
  const std::string path = folder.write("t.zip", bytes);
  ZipReader reader(path, "t.zip", InputKind::Records, "không phải tệp nén");
  CHECK(reader.read("word/large.xml") == large);
  CHECK(reader.read("word/once.xml") == large);
  CHECK(reader.read("a/stored.bin") == binary);
  CHECK(reader.read("rong.txt").empty());
  CHECK(reader.read("Thôn Đông.txt") == "Sâm Cồn");
}

TEST_CASE("an entry compressed once is the same bytes as the part compressed in place") {
  const std::string text = rows(2000);
  ZipBuilder once(1'700'000'000), in_place(1'700'000'000);
  once.add(deflated_entry("x.xml", text, kFastestDeflate));
  in_place.add_deflated("x.xml", text, kFastestDeflate);
  CHECK(once.finish() == in_place.finish());
}

TEST_CASE("many parts: the directory counts them all, and the same entries give the same bytes") {
  auto make = [] {
    ZipBuilder zip(1'780'000'000);
    for (int i = 0; i < 3000; ++i) zip.add_deflated("p/" + std::to_string(i) + ".xml", rows(i % 7 + 1), kFastestDeflate);
    return zip.finish();
  };
  const std::string bytes = make();
  CHECK(bytes == make());
  const std::vector<Header> headers = central_directory(bytes);
  REQUIRE(headers.size() == 3000);
  CHECK(headers[2999].name == "p/2999.xml");
  CHECK(entry_bytes(bytes, headers[2999]) == rows(2999 % 7 + 1));
  const ScratchFolder folder;
  ZipReader reader(folder.write("many.zip", bytes), "many.zip", InputKind::Records, "không phải tệp nén");
  CHECK(reader.names().size() == 3000);
  CHECK(reader.read("p/1234.xml") == rows(1234 % 7 + 1));
}

TEST_CASE("dates before 1980 are 1980-01-01 (a zip cannot say earlier), seconds in twos") {
  ZipBuilder early(0);
  early.add_stored("a", "x");
  const std::vector<Header> a = central_directory(early.finish());
  CHECK(a[0].date == ((0u << 9) | (1u << 5) | 1u));
  ZipBuilder later(1'640'995'200 + 8 * 3600 + 5 * 60 + 7);  // 2022-01-01 08:05:07 UTC
  later.add_stored("a", "x");
  const std::vector<Header> b = central_directory(later.finish());
  CHECK(b[0].time == ((8u << 11) | (5u << 5) | 3u));
}

TEST_CASE("more entries than a plain zip can count is an OutputError, not a broken file") {
  ZipBuilder zip(1'700'000'000);
  for (int i = 0; i < 65535; ++i) zip.add_folder("d" + std::to_string(i) + "/");
  CHECK_THROWS_AS(zip.add_folder("one-more/"), OutputError);
}

TEST_CASE("a Word package zipped with its fixed parts compressed once holds every part as given") {
  DocxPackage package;
  package.parts = {{"[Content_Types].xml", "<Types/>"},
                   {"_rels/.rels", "<Relationships/>"},
                   {"docProps/core.xml",
                    "<cp:coreProperties xmlns:cp=\"c\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"></cp:coreProperties>"},
                   {"word/_rels/document.xml.rels", "<Relationships/>"},
                   {"word/document.xml", "<w:document/>"},
                   {"word/header1.xml", "<w:hdr/>"},
                   {"word/styles.xml", rows(100)}};
  const DocxZip prepared(package, {"word/header1.xml", "word/document.xml"});
  // The parts given in the order of `changing`, not the package's.
  const std::string bytes = prepared.zip({"<w:hdr>1</w:hdr>", rows(300)}, 1'640'995'200);
  CHECK(bytes == prepared.zip({"<w:hdr>1</w:hdr>", rows(300)}, 1'640'995'200));
  const std::vector<Header> headers = central_directory(bytes);
  std::vector<std::string> names;
  for (const Header& h : headers) names.push_back(h.name);
  // The folders listed as Poco's zip listed them: only for parts two folders deep.
  CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/",
                                          "word/_rels/", "word/_rels/document.xml.rels", "word/document.xml",
                                          "word/header1.xml", "word/styles.xml"});
  CHECK(entry_bytes(bytes, headers[6]) == rows(300));
  CHECK(entry_bytes(bytes, headers[7]) == "<w:hdr>1</w:hdr>");
  CHECK(entry_bytes(bytes, headers[8]) == rows(100));
  CHECK(entry_bytes(bytes, headers[2]).find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-01-01T00:00:00Z"
                                            "</dcterms:created>") != std::string::npos);
  // The whole package zipped at once gives the same parts.
  DocxPackage filled = package;
  *filled.find("word/document.xml") = rows(300);
  *filled.find("word/header1.xml") = "<w:hdr>1</w:hdr>";
  const std::string whole = docx_bytes(filled, 1'640'995'200);
  const std::vector<Header> again = central_directory(whole);
  REQUIRE(again.size() == headers.size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    CHECK(again[i].name == headers[i].name);
    CHECK(again[i].crc == headers[i].crc);
    CHECK(entry_bytes(whole, again[i]) == entry_bytes(bytes, headers[i]));
  }
}

TEST_CASE("a template's text parts without tags are compressed once, those with tags for each document") {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  DocxPackage package;
  package.parts = {{"[Content_Types].xml", "<Types/>"},
                   {"word/document.xml", "<w:document " + w + "><w:body>\n  <w:p><w:r><w:t>Xã {{ten}}</w:t></w:r></w:p>\n"
                                         "</w:body></w:document>"},
                   {"word/header1.xml", "<w:hdr " + w + ">\n  <w:p><w:r><w:t>Trang</w:t></w:r></w:p>\n</w:hdr>"},
                   {"word/header2.xml", "<w:hdr " + w + "><w:p><w:r><w:t>{{ten}}</w:t></w:r></w:p></w:hdr>"}};
  const DocumentTemplate document = DocumentTemplate::compile(package, "mau");
  const std::string a = document.render_docx({{"ten", "An Hòa"}}, 1'640'995'200);
  const std::string b = document.render_docx({{"ten", "Sơn Tây"}}, 1'640'995'200);
  const std::vector<Header> in_a = central_directory(a), in_b = central_directory(b);
  REQUIRE(in_a.size() == 4);
  REQUIRE(in_b.size() == 4);
  // The same parts as render() gives, whatever was compressed when.
  const DocxPackage filled = document.render({{"ten", "An Hòa"}});
  for (std::size_t i = 0; i < in_a.size(); ++i) {
    CHECK(in_a[i].name == filled.parts[i].first);
    CHECK(entry_bytes(a, in_a[i]) == filled.parts[i].second);
  }
  CHECK(entry_bytes(a, in_a[2]) == "<w:hdr " + w + "><w:p><w:r><w:t>Trang</w:t></w:r></w:p></w:hdr>");
  CHECK(entry_bytes(b, in_b[3]).find("Sơn Tây") != std::string::npos);
  // The header without tags: the very same compressed bytes in both, at the level of parts compressed once.
  auto stored = [](const std::string& zip, const Header& h) {
    return zip.substr(h.offset + 30 + h.name.size(), h.compressed);
  };
  CHECK(stored(a, in_a[2]) == stored(b, in_b[2]));
  CHECK(stored(a, in_a[2]) == deflate_bytes(entry_bytes(a, in_a[2]), kOnceDeflate));
  CHECK(stored(a, in_a[3]) == deflate_bytes(entry_bytes(a, in_a[3]), kFastestDeflate));
}
