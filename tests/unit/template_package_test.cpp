#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "app/documents.h"
#include "model/input_error.h"
#include "package/docx_package_reader.h"
#include "package/docx_writer.h"
#include "package/file_bytes.h"
#include "read/template_locator.h"
#include "read/template_package.h"
#include "scratch_folder.h"
#include "test_support.h"
#include "whole_file.h"

using namespace kehoach;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::map<std::string, std::string> parts_of(const DocxPackage& package) {
  return {package.parts.begin(), package.parts.end()};
}

std::vector<std::string> names_of(const DocxPackage& package) {
  std::vector<std::string> names;
  for (const auto& part : package.parts) names.push_back(part.first);
  return names;
}

// Relationships to the parts `targets`, rId1, rId2…
std::string relationships(const std::vector<std::string>& targets) {
  std::string xml = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (std::size_t i = 0; i < targets.size(); ++i)
    xml += "<Relationship Id=\"rId" + std::to_string(i + 1) + "\" Type=\"t\" Target=\"" + targets[i] + "\"/>";
  return xml + "</Relationships>";
}

// A templates folder as shipped, in small: shared parts, blocks, and a template "mau" with only its own.
fs::path small_templates(const testing::ScratchFolder& scratch) {
  const fs::path templates = scratch.path() / "templates";
  write(templates / "chung" / "[Content_Types].xml", "<Types/>");
  write(templates / "chung" / "word" / "styles.xml", "<w:styles>chung</w:styles>");
  write(templates / "chung" / "word" / "settings.xml", "<w:settings/>");
  write(templates / "chung" / "_rels" / ".rels", relationships({"word/document.xml"}));
  write(templates / "chung" / "word" / "_rels" / "document.xml.rels", relationships({"styles.xml", "settings.xml"}));
  write(templates / "khoi" / "dau.xml", "    <w:p>đầu</w:p>\n    <w:p>số</w:p>\n");
  write(templates / "khoi" / "bang.xml", "    <w:tbl>\n      <?include khoi/vien.xml?>\n    </w:tbl>\n");
  write(templates / "khoi" / "vien.xml", "      <w:tblPr/>\n");
  write(templates / "mau" / "word" / "document.xml",
        "<w:document>\n  <w:body>\n    <?include khoi/dau.xml?>\n    <w:p>riêng</w:p>\n\t<?include  khoi/bang.xml ?>  \n"
        "  </w:body>\n</w:document>");
  return templates;
}

}  // namespace

TEST_CASE("a shipped template is the shared parts with its own over them, in package order") {
  const testing::ScratchFolder scratch;
  const fs::path templates = small_templates(scratch);
  write(templates / "mau" / "word" / "styles.xml", "<w:styles>riêng</w:styles>");
  const DocxPackage package = read_template_package((templates / "mau").string());
  CHECK(names_of(package) == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels",
                                                       "word/_rels/document.xml.rels", "word/document.xml",
                                                       "word/settings.xml", "word/styles.xml"});
  CHECK(*package.find("word/styles.xml") == "<w:styles>riêng</w:styles>");  // its own, not chung's
  CHECK(*package.find("word/settings.xml") == "<w:settings/>");
  // "templates/mau/" names the same folder.
  CHECK(parts_of(read_template_package((templates / "mau").string() + "/")) == parts_of(package));
}

TEST_CASE("each include line becomes the lines of its block, blocks in blocks too, nothing else moved") {
  const testing::ScratchFolder scratch;
  const fs::path templates = small_templates(scratch);
  CHECK(*read_template_package((templates / "mau").string()).find("word/document.xml") ==
        "<w:document>\n  <w:body>\n    <w:p>đầu</w:p>\n    <w:p>số</w:p>\n    <w:p>riêng</w:p>\n"
        "    <w:tbl>\n      <w:tblPr/>\n    </w:tbl>\n  </w:body>\n</w:document>");
  // A block without a last line break, and a marker on the last line without one, each stay a line.
  write(templates / "khoi" / "dau.xml", "<w:p>đầu</w:p>");
  CHECK(expand_includes("a\n<?include khoi/dau.xml?>\nb", templates.string(), "x.xml") == "a\n<w:p>đầu</w:p>\nb");
  CHECK(expand_includes("a\n<?include khoi/dau.xml?>", templates.string(), "x.xml") == "a\n<w:p>đầu</w:p>");
  CHECK(expand_includes("a\r\n  <?include khoi/dau.xml?>\r\nb", templates.string(), "x.xml") == "a\r\n<w:p>đầu</w:p>\nb");
  CHECK(expand_includes("<?xml version=\"1.0\"?>\n<a/>", templates.string(), "x.xml") == "<?xml version=\"1.0\"?>\n<a/>");
}

TEST_CASE("an include marker that cannot be followed is refused at its file and line") {
  const testing::ScratchFolder scratch;
  const fs::path templates = small_templates(scratch);
  const std::string root = templates.string();
  CHECK_THROWS_WITH_AS(expand_includes("<a>\n  <w:p/><?include khoi/dau.xml?>\n</a>", root, "templates/mau/word/document.xml"),
                       "templates/mau/word/document.xml:2: <?include …?> phải đứng riêng một dòng (một khối thay cho cả "
                       "dòng).",
                       InputError);
  CHECK_THROWS_WITH_AS(expand_includes("<?include khoi/chan-trang.xml?>", root, "d.xml"),
                       ("d.xml:1: không có khối khoi/chan-trang.xml (" + (templates / "khoi" / "chan-trang.xml").string() +
                        ").")
                           .c_str(),
                       InputError);
  CHECK_THROWS_WITH_AS(expand_includes("x\n<?include ../mat-khau.xml?>", root, "d.xml"),
                       "d.xml:2: khối ../mat-khau.xml phải là một tệp trong thư mục templates, như khoi/dau-van-ban.xml.",
                       InputError);
  CHECK_THROWS_WITH_AS(expand_includes("<?include /etc/passwd?>", root, "d.xml"),
                       "d.xml:1: khối /etc/passwd phải là một tệp trong thư mục templates, như khoi/dau-van-ban.xml.",
                       InputError);
  // A block that includes itself is named where the chain gives up, not followed for ever.
  write(templates / "khoi" / "vong.xml", "<w:p/>\n<?include khoi/vong.xml?>\n");
  CHECK_THROWS_WITH_AS(expand_includes("<?include khoi/vong.xml?>", root, "d.xml"),
                       ((templates / "khoi" / "vong.xml").string() +
                        ":2: các khối chèn lẫn nhau (quá 8 lớp khối trong khối).")
                           .c_str(),
                       InputError);
  // In a template, the message names the template's own file.
  write(templates / "mau" / "word" / "document.xml", "<w:document>\n<?include khoi/khong-co.xml?>\n</w:document>");
  CHECK_THROWS_WITH_AS(read_template_package((templates / "mau").string()),
                       ((templates / "mau" / "word" / "document.xml").string() + ":2: không có khối khoi/khong-co.xml (" +
                        (templates / "khoi" / "khong-co.xml").string() + ").")
                           .c_str(),
                       InputError);
}

TEST_CASE("a user's whole folder and .docx are read as they are, even beside the shared parts") {
  const testing::ScratchFolder scratch;
  const fs::path templates = small_templates(scratch);
  // A whole package (its own [Content_Types].xml): no shared part added, no marker touched.
  const fs::path whole = templates / "cua-toi";
  write(whole / "[Content_Types].xml", "<Types>riêng</Types>");
  write(whole / "_rels" / ".rels", relationships({"word/document.xml"}));
  write(whole / "word" / "document.xml", "<w:document>\n<?include khoi/dau.xml?>\n</w:document>");
  const DocxPackage folder = read_template_package(whole.string());
  CHECK(parts_of(folder) == parts_of(read_docx_package(whole.string())));
  CHECK(names_of(folder) == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "word/document.xml"});
  CHECK(*folder.find("word/document.xml") == "<w:document>\n<?include khoi/dau.xml?>\n</w:document>");
  // A .docx: the same parts, in its own order.
  const fs::path docx = scratch.path() / "mau-cua-toi.docx";
  testing::write_whole(docx.string(), [&](const AtomicFile& file) { write_docx(folder, file, 1'640'995'200); });
  const DocxPackage zipped = read_template_package(docx.string());
  CHECK(names_of(zipped) == names_of(read_docx_package(docx.string())));
  CHECK(parts_of(zipped) == parts_of(folder));
}

TEST_CASE("a copy of a shipped template's folder elsewhere takes the shipped shared parts") {
  const testing::ScratchFolder scratch;
  const fs::path copy = scratch.path() / "mau-xa";
  fs::copy(fs::path(templates_folder()) / "xa", copy, fs::copy_options::recursive);
  const DocxPackage package = read_template_package(copy.string());
  CHECK(parts_of(package) == parts_of(read_template_package((fs::path(templates_folder()) / "xa").string())));
}

TEST_CASE("the shipped templates: each whole, the shared parts once, no marker left") {
  const fs::path templates = templates_folder();
  for (const std::string name : {"xa", "huyen", "hoi-phu-nu", "bao-cao"}) {
    CAPTURE(name);
    const DocxPackage package = read_template_package((templates / name).string());
    CHECK(names_of(package) == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml",
                                                         "docProps/core.xml", "word/_rels/document.xml.rels",
                                                         "word/document.xml", "word/fontTable.xml", "word/header1.xml",
                                                         "word/header2.xml", "word/settings.xml", "word/styles.xml"});
    for (const auto& entry : package.parts) {
      // CAPTURE is a lambda, and clang 14 cannot capture a structured binding.
      const auto& [part, bytes] = entry;
      CAPTURE(entry.first);
      CHECK(bytes.find("<?include") == std::string::npos);
      // Only the document, and the report's styles (templates/README.md), are a template's own.
      const bool own = part == "word/document.xml" || (name == "bao-cao" && part == "word/styles.xml");
      CHECK(fs::exists(templates / name / part) == own);
      if (!own) CHECK(bytes == read_file_bytes((templates / "chung" / part).string(), InputKind::Template));
    }
    // Every template opens with the one two-column header (quốc hiệu, cơ quan, số, địa danh và ngày).
    const std::string header = read_file_bytes((templates / "khoi" / "dau-van-ban.xml").string(), InputKind::Template);
    CHECK(package.find("word/document.xml")->find(header) != std::string::npos);
    CHECK(package.find("word/document.xml")->find(read_file_bytes((templates / "khoi" / "noi-nhan-chu-ky.xml").string(), InputKind::Template)) !=
          std::string::npos);
  }
}

TEST_CASE("chung and khoi are not templates a plan can name, nor the templates folder itself or its parent") {
  const testing::ScratchFolder scratch;
  const std::string plan = scratch.file("ke-hoach.yaml");
  for (const std::string name : {"chung", "khoi", ".", ".."})
    CHECK_THROWS_WITH_AS(locate_template(name, plan),
                         (plan + ": không có mẫu \"" + name +
                          "\". Các mẫu có sẵn: bao-cao, hoi-phu-nu, huyen, xa; hoặc ghi đường dẫn đến tệp mẫu .docx của bạn.")
                             .c_str(),
                         InputError);
  CHECK(locate_template("xa", plan) == (fs::path(templates_folder()) / "xa").string());
}

TEST_CASE("blocks that multiply are refused once the part they make passes a part's limit") {
  const testing::ScratchFolder scratch;
  const fs::path templates = small_templates(scratch);
  const testing::ScopedEnvironment limit("KEHOACH_MAX_TEMPLATE_MB", "1");
  // Three levels of a thousand lines each: a thousand million paragraphs, if nothing stopped them.
  std::string a, b, c;
  for (int i = 0; i < 1000; ++i) {
    a += "<?include khoi/b.xml?>\n";
    b += "<?include khoi/c.xml?>\n";
    c += "<w:p><w:r><w:t>x</w:t></w:r></w:p>\n";
  }
  write(templates / "khoi" / "a.xml", a);
  write(templates / "khoi" / "b.xml", b);
  write(templates / "khoi" / "c.xml", c);
  write(templates / "mau" / "word" / "document.xml", "<w:document>\n<?include khoi/a.xml?>\n</w:document>");
  // Refused in the block whose lines pass the limit first, at the line where they do.
  const std::string message = testing::error_of([&] { read_template_package((templates / "mau").string()); });
  CHECK(message.starts_with((templates / "khoi" / "b.xml").string() + ":"));
  CHECK(message.ends_with(": sau khi chèn các khối, phần này lớn hơn 10 MB, quá giới hạn của một phần trong mẫu Word (gấp "
                          "10 lần giới hạn tệp); nếu tệp đúng là lớn như vậy, hãy đặt biến môi trường "
                          "KEHOACH_MAX_TEMPLATE_MB lớn hơn (số MB, hiện 1), ví dụ KEHOACH_MAX_TEMPLATE_MB=10."));
}

TEST_CASE("a template folder is never walked: what it holds besides its parts is not read") {
  const testing::ScratchFolder scratch;
  const fs::path templates = small_templates(scratch);
  write(templates / "mau" / "secret.txt", "mật khẩu");
  write(templates / "mau" / "word" / "secret.xml", "<mat-khau/>");
  write(templates / "chung" / "docProps" / "ghi-chu.xml", "<ghi-chu/>");
  // A FIFO in it would block whoever opened it.
  REQUIRE(::mkfifo((templates / "mau" / "ong").c_str(), 0600) == 0);
  CHECK(names_of(read_template_package((templates / "mau").string())) ==
        std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
                                 "word/settings.xml", "word/styles.xml"});
  // A folder that is no template at all (a whole /usr/share) is refused for what it lacks, not read through.
  CHECK(testing::error_of([&] { read_template_package(scratch.path().string()); }) ==
        scratch.path().string() + ": mẫu không có phần word/document.xml; đây không phải mẫu Word.");
}

TEST_CASE("a template is compiled once while its parts stay the same, and again when one changes") {
  const testing::ScratchFolder scratch;
  const fs::path copy = scratch.path() / "mau-xa";
  fs::copy(fs::path(templates_folder()) / "xa", copy, fs::copy_options::recursive);
  const std::string plan_file = (scratch.path() / "ke-hoach.yaml").string();
  const auto first = load_document_template("./mau-xa", plan_file);
  CHECK(load_document_template("./mau-xa", plan_file) == first);  // the same compiled template, shared
  CHECK(first->names().count("kiem_tra_moi") == 0);
  const fs::path document = copy / "word" / "document.xml";
  std::ifstream in(document, std::ios::binary);
  std::string xml((std::istreambuf_iterator<char>(in)), {});
  std::size_t tag = xml.find("{{");  // a value's tag, not a section's: {{unit}}, not {{^sections.…}}
  while (tag != std::string::npos && !std::isalpha(static_cast<unsigned char>(xml[tag + 2]))) tag = xml.find("{{", tag + 2);
  REQUIRE(tag != std::string::npos);
  xml.insert(tag, "{{kiem_tra_moi}}");
  write(document, xml);
  const auto changed = load_document_template("./mau-xa", plan_file);
  CHECK(changed != first);
  CHECK(changed->names().count("kiem_tra_moi") == 1);
}
