// The XLSX reader, one sheet: the input is the XML of xl/worksheets/sheet1.xml, zipped (stored, not
// deflated: the fuzzer's time goes to the XML) into a fixed, valid package whose shared strings hold
// the headers and whose styles have the number formats officials use, so that every mutation reaches
// the sheet's reader instead of stopping at the package.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/xlsx_reader.h"

using namespace kehoach;

namespace {

const char* const kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>)";

const char* const kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";

const char* const kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Thôn" sheetId="1" r:id="rId1"/></sheets></workbook>)";

const char* const kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

// Indices 0…: the header words of the statistics, household and movement tables, a unit name, "Tổng cộng".
const char* const kSharedStrings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="12" uniqueCount="12"><si><t>STT</t></si><si><t>Thôn</t></si><si><t>Tổng số hộ</t></si><si><t>Hộ nghèo</t></si><si><t>Hộ cận nghèo</t></si><si><t>Số khẩu</t></si><si><t xml:space="preserve"> Sâm Cồn </t></si><si><r><t>Đông</t></r><r><rPr><b/></rPr><t> Hà</t></r></si><si><t>Tổng cộng</t></si><si><t>Tái nghèo</t></si><si><t>Phát sinh mới</t></si><si><t>Cuối kỳ</t></si></sst>)";

// Styles 0…: General, 0.00, 0, #,##0, 0.00%, 0%, a date, a custom "#,##0.0".
const char* const kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts><cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="1"/><xf numFmtId="3"/><xf numFmtId="10"/><xf numFmtId="9"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>)";

std::string package_with_sheet(std::string_view sheet) {
  std::ostringstream zip_bytes;
  Poco::Zip::Compress zip(zip_bytes, true);
  const std::pair<const char*, std::string_view> parts[] = {
      {"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRootRels},
      {"xl/workbook.xml", kWorkbook},         {"xl/_rels/workbook.xml.rels", kWorkbookRels},
      {"xl/sharedStrings.xml", kSharedStrings}, {"xl/styles.xml", kStyles},
      {"xl/worksheets/sheet1.xml", sheet}};
  for (const auto& [name, content] : parts) {
    std::istringstream in{std::string(content)};
    zip.addFile(in, Poco::DateTime(2022, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_STORE);
  }
  zip.close();
  return zip_bytes.str();
}

}  // namespace

KEHOACH_FUZZ_TARGET(xlsx_sheet) {
  const std::string path = fuzz::write_input("thon.xlsx", package_with_sheet(input));
  fuzz::refusing_bad_input([&] { read_xlsx(path, "thon.xlsx"); });
  fuzz::refusing_bad_input([&] { stream_xlsx(path, "thon.xlsx", "thôn", [](GridRow&&) {}); });
}
