#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "model/input_error.h"
#include "package/docx_package_reader.h"
#include "package/docx_writer.h"
#include "package/fingerprint.h"
#include "package/input_limits.h"
#include "scratch_folder.h"
#include "whole_file.h"
#include "template/document_template.h"
#include "test_support.h"
#include "zip_fixture.h"

using namespace kehoach;
namespace fs = std::filesystem;

namespace {

const char* kDocument =
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:r><w:t>Xã {{ten}}</w:t></w:r></w:p></w:body></w:document>";

std::string relationships(const std::string& target) {
  return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"t\" Target=\"" + target + "\"/></Relationships>";
}

fs::path template_folder(const testing::ScratchFolder& scratch) {
  const fs::path folder = scratch.path() / "mau";
  fs::create_directories(folder / "word");
  std::ofstream(folder / "word" / "document.xml") << kDocument;
  std::ofstream(folder / "word" / "styles.xml") << "<w:styles/>";
  std::ofstream(folder / "[Content_Types].xml") << "<Types/>";
  fs::create_directories(folder / "_rels");
  fs::create_directories(folder / "word" / "_rels");
  std::ofstream(folder / "_rels" / ".rels") << relationships("word/document.xml");
  std::ofstream(folder / "word" / "_rels" / "document.xml.rels") << relationships("styles.xml");
  std::ofstream(folder / ".~lock.document#") << "editor lock";
  return folder;
}

}  // namespace

TEST_CASE("a template folder is read with [Content_Types].xml first and editor droppings left out") {
  const testing::ScratchFolder scratch;
  const DocxPackage package = read_docx_package(template_folder(scratch).string());
  REQUIRE(package.parts.size() == 5);
  CHECK(package.parts[0].first == "[Content_Types].xml");
  CHECK(package.parts[1].first == "_rels/.rels");
  CHECK(package.parts[2].first == "word/_rels/document.xml.rels");
  CHECK(package.parts[3].first == "word/document.xml");
  CHECK(package.parts[4].first == "word/styles.xml");
}

TEST_CASE("a filled document is zipped, read back part by part, and the same twice") {
  const testing::ScratchFolder scratch;
  const DocumentTemplate document = DocumentTemplate::compile(read_docx_package(template_folder(scratch).string()), "mau");
  CHECK(document.names() == std::set<std::string>{"ten"});
  const DocxPackage filled = document.render({{"ten", "An Hòa Thịnh & Tân Thịnh"}});
  const fs::path out = scratch.path();
  testing::write_whole((out / "a.docx").string(), [&](const AtomicFile& file) {
    write_docx(filled, file, 1'640'995'200);
  });
  testing::write_whole((out / "b.docx").string(), [&](const AtomicFile& file) {
    write_docx(filled, file, 1'640'995'200);
  });
  const DocxPackage back = read_docx_package((out / "a.docx").string());
  CHECK(*back.find("word/document.xml") ==
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Xã An Hòa Thịnh &amp; Tân Thịnh</w:t></w:r></w:p></w:body></w:document>");
  CHECK(*back.find("word/styles.xml") == "<w:styles/>");
  std::ifstream a(out / "a.docx", std::ios::binary), b(out / "b.docx", std::ios::binary);
  const std::string bytes_a((std::istreambuf_iterator<char>(a)), {}), bytes_b((std::istreambuf_iterator<char>(b)), {});
  CHECK(bytes_a == bytes_b);
}

TEST_CASE("a package without word/document.xml is not a Word template") {
  const testing::ScratchFolder scratch;
  const fs::path& folder = scratch.path();
  std::ofstream(folder / "ghi-chu.txt") << "x";
  CHECK_THROWS_WITH_AS(read_docx_package(folder.string()),
                       (folder.string() + ": mẫu không có phần word/document.xml; đây không phải mẫu Word.").c_str(),
                       InputError);
}

TEST_CASE("a document's created and modified dates are its own, not the template's") {
  const std::string core =
      "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"c\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:xsi=\"x\"><dc:creator>kehoach</dc:creator>"
      "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>"
      "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>";
  const long long march_15_2022 = 1647331200;  // 2022-03-15T08:00:00Z
  const std::string stamped = stamped_core_properties(core, march_15_2022);
  CHECK(stamped.find(">2022-03-15T08:00:00Z</dcterms:created>") != std::string::npos);
  CHECK(stamped.find(">2022-03-15T08:00:00Z</dcterms:modified>") != std::string::npos);
  CHECK(stamped.find("2000-01-01") == std::string::npos);
  // A template without the dates gets them; one without the namespaces is left as it is.
  const std::string bare = "<cp:coreProperties xmlns:cp=\"c\" xmlns:dcterms=\"d\" xmlns:xsi=\"x\"></cp:coreProperties>";
  CHECK(stamped_core_properties(bare, march_15_2022) ==
        "<cp:coreProperties xmlns:cp=\"c\" xmlns:dcterms=\"d\" xmlns:xsi=\"x\">"
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-03-15T08:00:00Z</dcterms:created>"
        "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2022-03-15T08:00:00Z</dcterms:modified></cp:coreProperties>");
  CHECK(stamped_core_properties("<cp:coreProperties/>", march_15_2022) == "<cp:coreProperties/>");
}

TEST_CASE("a fingerprint is FNV-1a of the text, and a package's changes with any part's name or bytes") {
  CHECK(fingerprint("") == "cbf29ce484222325");
  CHECK(fingerprint("a") == "af63dc4c8601ec8c");
  DocxPackage package{{{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}}};
  const std::string before = package_fingerprint(package);
  CHECK(before == package_fingerprint(package));
  package.parts[1].second += " ";
  CHECK(package_fingerprint(package) != before);
  package.parts[1] = {"word/document2.xml", "<w:document/>"};
  CHECK(package_fingerprint(package) != before);
}

namespace {

const std::string kRepair = "hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx.";

std::string part_names(const DocxPackage& package) {
  std::string names;
  for (const auto& [name, bytes] : package.parts) names += name + " ";
  return names;
}

std::string error_reading(const std::string& path) {
  return testing::error_of([&] { read_docx_package(path); });
}

// The parts of template_folder, as a zip's entries, with `extra` entries after them.
testing::ZipEntries zipped(const fs::path& folder, const testing::ZipEntries& extra = {}) {
  testing::ZipEntries entries;
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
                           "word/styles.xml"}) {
    std::ifstream in(folder / name, std::ios::binary);
    entries.emplace_back(name, std::string((std::istreambuf_iterator<char>(in)), {}));
  }
  entries.insert(entries.end(), extra.begin(), extra.end());
  return entries;
}

}  // namespace

TEST_CASE("only the parts a Word package names are taken: a secret beside them is never read nor packed") {
  const testing::ScratchFolder scratch;
  const fs::path folder = template_folder(scratch);
  std::ofstream(folder / "secret.txt") << "mật khẩu";
  std::ofstream(folder / "word" / "ghi-chu.xml") << "<ghi-chu/>";  // an .xml the content types' Default would type
  fs::create_directories(folder / "word" / "media");
  std::ofstream(folder / "word" / "media" / "anh-cu.png") << "PNG";
  // A FIFO nothing names is not opened either: reading it would wait for ever.
  REQUIRE(::mkfifo((folder / "word" / "media" / "ong").c_str(), 0600) == 0);
  const std::string expected = "[Content_Types].xml _rels/.rels word/_rels/document.xml.rels word/document.xml word/styles.xml ";
  CHECK(part_names(read_docx_package(folder.string())) == expected);
  const DocxPackage filled = DocumentTemplate::compile(read_docx_package(folder.string()), "mau").render({{"ten", "A"}});
  const std::string docx = (scratch.path() / "ke-hoach.docx").string();
  testing::write_whole(docx, [&](const AtomicFile& file) { write_docx(filled, file, 1'640'995'200); });
  CHECK(part_names(read_docx_package(docx)) == expected);
  // A zip is taken the same way: its extra entries stay out.
  const std::string with_secret = (scratch.path() / "co-bi-mat.docx").string();
  testing::write_zip(with_secret, zipped(folder, {{"secret.txt", "mật khẩu"}, {"word/ghi-chu.xml", "<x/>"}}));
  CHECK(part_names(read_docx_package(with_secret)) == expected);
}

TEST_CASE("parts named by the content types, reached through relationships of parts, and written as URIs are taken") {
  const testing::ScratchFolder scratch;
  const fs::path folder = template_folder(scratch);
  std::ofstream(folder / "[Content_Types].xml")
      << "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Override PartName=\"/customXml/item1.xml\" ContentType=\"application/xml\"/></Types>";
  fs::create_directories(folder / "customXml");
  std::ofstream(folder / "customXml" / "item1.xml") << "<item/>";
  std::ofstream(folder / "word" / "_rels" / "document.xml.rels")
      << "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"t\" Target=\"styles.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"t\" Target=\"media/%E1%BA%A3nh%201.png\"/>"
         "<Relationship Id=\"rId3\" Type=\"t\" Target=\"https://example.org/../../x\" TargetMode=\"External\"/>"
         "<Relationship Id=\"rId4\" Type=\"t\" Target=\"/word/header1.xml\"/>"
         // No part: an empty target, a place, a folder.
         "<Relationship Id=\"rId5\" Type=\"t\" Target=\"\"/><Relationship Id=\"rId6\" Type=\"t\" Target=\"#_Toc1\"/>"
         "<Relationship Id=\"rId7\" Type=\"t\" Target=\"media\"/></Relationships>";
  fs::create_directories(folder / "word" / "media");
  std::ofstream(folder / "word" / "media" / "ảnh 1.png") << "PNG";
  std::ofstream(folder / "word" / "header1.xml") << "<w:hdr/>";
  std::ofstream(folder / "word" / "_rels" / "header1.xml.rels")
      << "<Relationships><Relationship Id=\"rId1\" Type=\"t\" Target=\"media/../footer1.xml\"/></Relationships>";
  std::ofstream(folder / "word" / "footer1.xml") << "<w:ftr/>";
  CHECK(part_names(read_docx_package(folder.string())) ==
        "[Content_Types].xml _rels/.rels customXml/item1.xml word/_rels/document.xml.rels word/_rels/header1.xml.rels "
        "word/document.xml word/footer1.xml word/header1.xml word/media/ảnh 1.png word/styles.xml ");
}

TEST_CASE("a name that leaves the package is refused when the template is read, where it is written") {
  const testing::ScratchFolder scratch;
  const fs::path folder = template_folder(scratch);
  std::ofstream(scratch.path() / "secret.txt") << "mật khẩu";
  const std::string leaving = "<Relationships><Relationship Id=\"rId9\" Type=\"t\" Target=\"../../secret.txt\"/></Relationships>";
  std::ofstream(folder / "word" / "_rels" / "document.xml.rels") << leaving;
  CHECK(error_reading(folder.string()) ==
        (folder / "word" / "_rels" / "document.xml.rels").string() +
            ": quan hệ rId9 trỏ đến \"../../secret.txt\", ra ngoài gói; mẫu bị hỏng hoặc cố ý gây hại: " + kRepair);
  const std::string docx = (scratch.path() / "mau.docx").string();
  testing::write_zip(docx, zipped(folder));
  CHECK(error_reading(docx) == docx + ", phần word/_rels/document.xml.rels: quan hệ rId9 trỏ đến \"../../secret.txt\", "
                                      "ra ngoài gói; mẫu bị hỏng hoặc cố ý gây hại: " + kRepair);
  // Also from the root, and as a part name in the content types.
  std::ofstream(folder / "word" / "_rels" / "document.xml.rels") << relationships("styles.xml");
  std::ofstream(folder / "_rels" / ".rels") << relationships("/../etc/passwd");
  CHECK(error_reading(folder.string()) == (folder / "_rels" / ".rels").string() +
                                              ": quan hệ rId1 trỏ đến \"/../etc/passwd\", ra ngoài gói; mẫu bị hỏng hoặc "
                                              "cố ý gây hại: " + kRepair);
  std::ofstream(folder / "_rels" / ".rels") << relationships("word/document.xml");
  std::ofstream(folder / "[Content_Types].xml") << "<Types><Override PartName=\"/word/../../x.xml\" ContentType=\"a\"/></Types>";
  CHECK(error_reading(folder.string()) == (folder / "[Content_Types].xml").string() +
                                              ": tên phần (PartName) trỏ đến \"/word/../../x.xml\", ra ngoài gói; mẫu bị "
                                              "hỏng hoặc cố ý gây hại: " + kRepair);
}

TEST_CASE("a .docx with an entry named outside it is refused when read, not when the document is written") {
  const testing::ScratchFolder scratch;
  const fs::path folder = template_folder(scratch);
  for (const std::string name : {"../evil.xml", "/etc/evil.xml", "word/../../evil.xml"}) {
    CAPTURE(name);
    const std::string docx = (scratch.path() / "mau.docx").string();
    testing::write_raw_zip(docx, zipped(folder, {{name, "<x/>"}}));
    CHECK(error_reading(docx) == docx + ": phần \"" + name +
                                     "\" có tên trỏ ra ngoài tệp (\"../\" hoặc đường dẫn tuyệt đối); tệp bị hỏng hoặc cố "
                                     "ý gây hại: hãy mở bằng Word hoặc LibreOffice rồi lưu lại.");
  }
}

TEST_CASE("a template's parts are bounded one by one and together, a .docx's as they inflate") {
  const testing::ScratchFolder scratch;
  const testing::ScopedEnvironment limit("KEHOACH_MAX_TEMPLATE_MB", "1");  // a part: 10 MB, all: 20 MB
  const fs::path folder = template_folder(scratch);
  const std::string raise =
      "nếu tệp đúng là lớn như vậy, hãy đặt biến môi trường KEHOACH_MAX_TEMPLATE_MB lớn hơn (số MB, hiện 1), ví dụ "
      "KEHOACH_MAX_TEMPLATE_MB=10.";
  std::ofstream(folder / "word" / "styles.xml") << "<w:styles>" << std::string(10 * kMiB, ' ') << "</w:styles>";
  CHECK(error_reading(folder.string()) ==
        (folder / "word" / "styles.xml").string() +
            ": tệp lớn 10,1 MB, quá giới hạn 10 MB của một phần trong mẫu Word (gấp 10 lần giới hạn tệp); " + raise);
  const std::string docx = (scratch.path() / "mau.docx").string();
  testing::write_zip(docx, zipped(folder));
  CHECK(error_reading(docx) == docx + ": phần word/styles.xml giải nén ra 10,1 MB, quá giới hạn 10 MB của một phần trong "
                                      "mẫu Word (gấp 10 lần giới hạn tệp). Tệp nén bất thường như vậy thường là tệp hỏng "
                                      "hoặc cố ý gây hại; " + raise);
  // Two parts within their limit, too large together.
  std::ofstream(folder / "word" / "styles.xml") << "<w:styles>" << std::string(9 * kMiB, ' ') << "</w:styles>";
  std::ofstream(folder / "word" / "document.xml") << kDocument << std::string(9 * kMiB, ' ');
  std::ofstream(folder / "word" / "_rels" / "document.xml.rels") << relationships("styles.xml") ;
  fs::create_directories(folder / "word" / "media");
  std::ofstream(folder / "word" / "media" / "a.png") << std::string(3 * kMiB, 'x');
  std::ofstream(folder / "[Content_Types].xml") << "<Types><Override PartName=\"/word/media/a.png\" ContentType=\"a\"/></Types>";
  CHECK(error_reading(folder.string()) ==
        folder.string() + ": các phần của mẫu lớn hơn 20 MB, quá giới hạn của cả mẫu Word (gấp 20 lần giới hạn tệp); " +
            raise);
}

TEST_CASE("a package without its content types is not a whole Word package") {
  const testing::ScratchFolder scratch;
  const fs::path folder = template_folder(scratch);
  fs::remove(folder / "[Content_Types].xml");
  CHECK(error_reading(folder.string()) == folder.string() +
                                              ": mẫu không có phần [Content_Types].xml; đây không phải mẫu Word đầy đủ: " +
                                              kRepair);
  // A document its relationships do not reach is not the package's.
  std::ofstream(folder / "[Content_Types].xml") << "<Types/>";
  fs::remove(folder / "_rels" / ".rels");
  CHECK(error_reading(folder.string()) == folder.string() + ": mẫu không có phần word/document.xml; đây không phải mẫu Word.");
}
