#include "package/xlsx_package.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "model/input_error.h"
#include "scratch_folder.h"
#include "zip_fixture.h"

namespace kehoach {
namespace {

using kehoach::testing::ScratchFolder;
using kehoach::testing::write_zip;
using kehoach::testing::ZipEntries;

const std::string kWorkbookNs =
    R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

std::string workbook_xml(const std::string& sheets) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook " + kWorkbookNs + "><sheets>" + sheets +
         "</sheets></workbook>";
}

std::string relationships_xml(const std::string& relationships) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
         relationships + "</Relationships>";
}

const char* const kType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Two sheets whose relationship ids run against workbook order, targets written relative, with
// "..", and absolute, a styles part, and an external link that names no part.
ZipEntries two_sheet_package() {
  const std::string type = kType;
  return {
      {"xl/workbook.xml", workbook_xml(R"(<sheet name="Thôn" sheetId="1" r:id="rId3"/>)"
                                       R"(<sheet name="Tổng hợp" sheetId="2" r:id="rId1"/>)")},
      {"xl/_rels/workbook.xml.rels",
       relationships_xml(R"(<Relationship Id="rId1" Type=")" + type + R"(worksheet" Target="/xl/worksheets/tong.xml"/>)" +
                         R"(<Relationship Id="rId2" Type=")" + type + R"(styles" Target="styles.xml"/>)" +
                         R"(<Relationship Id="rId3" Type=")" + type +
                         R"(worksheet" Target="worksheets/../worksheets/thon.xml"/>)" +
                         R"(<Relationship Id="rId4" Type=")" + type +
                         R"(hyperlink" Target="https://example.org/a.xml" TargetMode="External"/>)")},
  };
}

// The message of the InputError `read` throws on a package of these entries.
std::string error_of(const ZipEntries& entries, const std::function<void(XlsxPackage&)>& read) {
  ScratchFolder folder;
  const std::string path = folder.file("sach.xlsx");
  write_zip(path, entries);
  try {
    XlsxPackage package(path, "sach.xlsx");
    read(package);
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no error)";
}

std::string damaged(const std::string& part) {
  return "sach.xlsx: tệp .xlsx bị hỏng, không đọc được phần \"" + part +
         "\"; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.";
}

}  // namespace

TEST_CASE("a relationship target is resolved from the workbook's folder, from the package root, and through . and ..") {
  CHECK(resolve_part("xl/", "worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
  CHECK(resolve_part("xl/", "/xl/worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
  CHECK(resolve_part("xl/", "./worksheets//sheet1.xml") == "xl/worksheets/sheet1.xml");
  CHECK(resolve_part("xl/", "../customXml/item1.xml") == "customXml/item1.xml");
  CHECK(resolve_part("xl/", "../../../item1.xml") == "item1.xml");
}

TEST_CASE("the workbook lists its sheets in workbook order, each found through its relationship") {
  ScratchFolder folder;
  const std::string path = folder.file("sach.xlsx");
  write_zip(path, two_sheet_package());
  XlsxPackage package(path, "sach.xlsx");
  const XlsxWorkbook workbook = read_workbook(package);

  REQUIRE(workbook.sheets.size() == 2);
  CHECK(workbook.sheets[0].name == "Thôn");
  CHECK(workbook.sheets[1].name == "Tổng hợp");
  CHECK(workbook.relationships.count("rId4") == 0);  // external: no part of the package

  const ChosenSheet first = choose_sheet(workbook, "", package);
  CHECK(first.name == "Thôn");
  CHECK(first.part == "xl/worksheets/thon.xml");
  const ChosenSheet named = choose_sheet(workbook, "TO\xCC\x82\xCC\x89NG HỢP", package);  // decomposed "TỔNG HỢP"
  CHECK(named.name == "Tổng hợp");
  CHECK(named.part == "xl/worksheets/tong.xml");

  CHECK(part_of_type(workbook, "/styles") == "xl/styles.xml");
  CHECK(part_of_type(workbook, "/sharedStrings") == "");
}

TEST_CASE("a sheet name no sheet has is refused with every sheet's name, in workbook order") {
  const auto choose = [](const std::string& wanted) {
    return [wanted](XlsxPackage& package) { choose_sheet(read_workbook(package), wanted, package); };
  };
  CHECK(error_of(two_sheet_package(), choose("Xã")) ==
        "sach.xlsx: không có trang tính \"Xã\"; hãy chọn một trong các trang tính có trong tệp: "
        "\"Thôn\", \"Tổng hợp\".");
}

TEST_CASE("a workbook without sheets is refused, and a sheet without its relationship is a damaged file") {
  const auto choose_first = [](XlsxPackage& package) { choose_sheet(read_workbook(package), "", package); };
  const std::string no_relationships = relationships_xml("");

  CHECK(error_of({{"xl/workbook.xml", workbook_xml("")}, {"xl/_rels/workbook.xml.rels", no_relationships}},
                 choose_first) ==
        "sach.xlsx: tệp không có trang tính nào; hãy mở bằng Excel hoặc LibreOffice để kiểm tra.");
  CHECK(error_of({{"xl/workbook.xml", workbook_xml(R"(<sheet name="Thôn" sheetId="1" r:id="rId1"/>)")},
                  {"xl/_rels/workbook.xml.rels", no_relationships}},
                 choose_first) == damaged("xl/_rels/workbook.xml.rels"));
}

TEST_CASE("a workbook without its relationships part, or with broken XML, is a damaged file") {
  const auto read = [](XlsxPackage& package) { read_workbook(package); };
  CHECK(error_of({{"xl/workbook.xml", workbook_xml("")}}, read) == damaged("xl/_rels/workbook.xml.rels"));
  CHECK(error_of({{"xl/workbook.xml", "<workbook><sheets>"}, {"xl/_rels/workbook.xml.rels", relationships_xml("")}},
                 read) == damaged("xl/workbook.xml"));
}

}  // namespace kehoach
