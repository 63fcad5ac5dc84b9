#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "model/input_error.h"
#include "package/docx_package_reader.h"
#include "package/docx_writer.h"
#include "package/fingerprint.h"
#include "scratch_folder.h"
#include "whole_file.h"
#include "template/document_template.h"

using namespace kehoach;
namespace fs = std::filesystem;

namespace {

const char* kDocument =
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:r><w:t>Xã {{ten}}</w:t></w:r></w:p></w:body></w:document>";

fs::path template_folder(const testing::ScratchFolder& scratch) {
  const fs::path folder = scratch.path() / "mau";
  fs::create_directories(folder / "word");
  std::ofstream(folder / "word" / "document.xml") << kDocument;
  std::ofstream(folder / "word" / "styles.xml") << "<w:styles/>";
  std::ofstream(folder / "[Content_Types].xml") << "<Types/>";
  std::ofstream(folder / ".~lock.document#") << "editor lock";
  return folder;
}

}  // namespace

TEST_CASE("a template folder is read with [Content_Types].xml first and editor droppings left out") {
  const testing::ScratchFolder scratch;
  const DocxPackage package = read_docx_package(template_folder(scratch).string());
  REQUIRE(package.parts.size() == 3);
  CHECK(package.parts[0].first == "[Content_Types].xml");
  CHECK(package.parts[1].first == "word/document.xml");
  CHECK(package.parts[2].first == "word/styles.xml");
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
