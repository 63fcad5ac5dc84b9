#include "package/xlsx_package.h"

#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Element.h>
#include <Poco/Exception.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <istream>
#include <streambuf>

#include "model/input_error.h"
#include "package/ooxml_xml.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

const char* const kNotXlsx =
    "không phải tệp Excel .xlsx; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx "
    "(Excel Workbook).";

const char* const kWorkbookPart = "xl/workbook.xml";
const char* const kWorkbookRels = "xl/_rels/workbook.xml.rels";

// A part's stream that reads as ended once `stop` is set (see XlsxPackage::parse_sax).
class StoppableBuffer : public std::streambuf {
 public:
  StoppableBuffer(std::istream& source, const bool& stop) : source_(source), stop_(stop), buffer_(1 << 16) {}

 protected:
  int_type underflow() override {
    if (stop_) return traits_type::eof();
    source_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    const std::streamsize got = source_.gcount();
    if (got <= 0) return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return traits_type::to_int_type(buffer_.front());
  }

 private:
  std::istream& source_;
  const bool& stop_;
  std::vector<char> buffer_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// The zip container.

XlsxPackage::XlsxPackage(const std::string& path, const std::string& display_name) : display_name_(display_name) {
  file_.open(path, std::ios::binary);
  if (!file_) fail("không mở được tệp; hãy kiểm tra tên và đường dẫn của tệp.");
  try {
    archive_ = std::make_unique<Poco::Zip::ZipArchive>(file_);
  } catch (const Poco::Exception&) {
    fail(kNotXlsx);
  }
}

XlsxPackage::~XlsxPackage() = default;

bool XlsxPackage::has(const std::string& part) const {
  return archive_->findHeader(part) != archive_->headerEnd();
}

void XlsxPackage::parse_sax(const std::string& part, Poco::XML::ContentHandler& handler, const bool* stop) {
  static const bool kNever = false;
  try {
    auto stream = open(part);
    StoppableBuffer buffer(*stream, stop ? *stop : kNever);
    std::istream stoppable(&buffer);
    Poco::XML::InputSource source(stoppable);
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.setContentHandler(&handler);
    parser.parse(&source);
  } catch (const Poco::Exception&) {
    fail_broken(part);
  }
}

Poco::AutoPtr<Poco::XML::Document> XlsxPackage::parse_dom(const std::string& part) {
  try {
    auto stream = open(part);
    Poco::XML::InputSource source(*stream);
    Poco::XML::DOMParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    return parser.parse(&source);
  } catch (const Poco::Exception&) {
    fail_broken(part);
  }
}

void XlsxPackage::fail(const std::string& problem) const {
  throw InputError(Location{display_name_, {}, {}, {}}, problem);
}

void XlsxPackage::fail_broken(const std::string& part) const {
  fail("tệp .xlsx bị hỏng, không đọc được phần \"" + part +
       "\"; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.");
}

std::unique_ptr<Poco::Zip::ZipInputStream> XlsxPackage::open(const std::string& part) {
  auto header = archive_->findHeader(part);
  if (header == archive_->headerEnd()) fail_broken(part);
  file_.clear();  // ZipArchive leaves the stream failed once it has read the directory
  return std::make_unique<Poco::Zip::ZipInputStream>(file_, header->second, true);
}

// ---------------------------------------------------------------------------------------------
// The workbook.

namespace {

std::map<std::string, XlsxWorkbook::Relationship> read_relationships(XlsxPackage& package) {
  std::map<std::string, XlsxWorkbook::Relationship> relationships;
  if (!package.has(kWorkbookRels)) package.fail_broken(kWorkbookRels);
  auto document = package.parse_dom(kWorkbookRels);
  for (const auto* element : child_elements(document->documentElement(), "Relationship")) {
    if (dom_attribute(*element, "TargetMode") == "External") continue;
    relationships[dom_attribute(*element, "Id")] = {dom_attribute(*element, "Type"),
                                                    resolve_part("xl/", dom_attribute(*element, "Target"))};
  }
  return relationships;
}

std::vector<XlsxWorkbook::Sheet> read_sheet_list(XlsxPackage& package) {
  std::vector<XlsxWorkbook::Sheet> sheets;
  auto document = package.parse_dom(kWorkbookPart);
  const auto* list = first_child(document->documentElement(), "sheets");
  for (const auto* element : child_elements(list, "sheet"))
    sheets.push_back({dom_attribute(*element, "name"), dom_attribute(*element, "id")});
  return sheets;
}

std::string quoted_sheet_names(const std::vector<XlsxWorkbook::Sheet>& sheets) {
  std::string names;
  for (const auto& sheet : sheets) {
    if (!names.empty()) names += ", ";
    names += '"' + sheet.name + '"';
  }
  return names;
}

const XlsxWorkbook::Sheet& find_sheet(const XlsxWorkbook& workbook, const std::string& wanted,
                                      const XlsxPackage& package) {
  if (workbook.sheets.empty()) package.fail("tệp không có trang tính nào; hãy mở bằng Excel hoặc LibreOffice để kiểm tra.");
  if (wanted.empty()) return workbook.sheets.front();
  const std::string key = name_key(wanted);
  for (const auto& sheet : workbook.sheets)
    if (name_key(sheet.name) == key) return sheet;
  package.fail("không có trang tính \"" + wanted + "\"; hãy chọn một trong các trang tính có trong tệp: " +
               quoted_sheet_names(workbook.sheets) + ".");
}

std::string sheet_part(const XlsxWorkbook& workbook, const XlsxWorkbook::Sheet& sheet, const XlsxPackage& package) {
  auto found = workbook.relationships.find(sheet.relationship_id);
  if (found == workbook.relationships.end()) package.fail_broken(kWorkbookRels);
  return found->second.part;
}

}  // namespace

XlsxWorkbook read_workbook(XlsxPackage& package) {
  if (!package.has(kWorkbookPart)) package.fail(kNotXlsx);
  XlsxWorkbook workbook;
  workbook.sheets = read_sheet_list(package);
  workbook.relationships = read_relationships(package);
  return workbook;
}

ChosenSheet choose_sheet(const XlsxWorkbook& workbook, const std::string& wanted, const XlsxPackage& package) {
  const XlsxWorkbook::Sheet& chosen = find_sheet(workbook, wanted, package);
  return {chosen.name, sheet_part(workbook, chosen, package)};
}

std::string part_of_type(const XlsxWorkbook& workbook, std::string_view type_suffix) {
  for (const auto& [id, relationship] : workbook.relationships)
    if (relationship.type.ends_with(type_suffix)) return relationship.part;
  return "";
}

std::string resolve_part(const std::string& base_folder, const std::string& target) {
  std::string joined = !target.empty() && target.front() == '/' ? target.substr(1) : base_folder + target;
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    auto slash = std::min(joined.find('/', start), joined.size());
    std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string part;
  for (const auto& segment : segments) {
    if (!part.empty()) part += '/';
    part += segment;
  }
  return part;
}

}  // namespace kehoach
