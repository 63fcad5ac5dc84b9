#include "package/xlsx_package.h"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>

#include <algorithm>

#include "model/input_error.h"
#include "package/ooxml_xml.h"
#include "package/zip_reader.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

using Poco::XML::XMLString;

const char* const kNotXlsx =
    "không phải tệp Excel .xlsx; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx "
    "(Excel Workbook).";

const char* const kWorkbookPart = "xl/workbook.xml";
const char* const kWorkbookRels = "xl/_rels/workbook.xml.rels";

// Passes every event on to `inner`, counting how deep the elements nest; past kMaxXmlDepth, or once
// the caller's `stop` is set, it sets stopped(), which ends the part's stream at the next buffer.
class DepthGuard : public Poco::XML::ContentHandler {
 public:
  DepthGuard(Poco::XML::ContentHandler& inner, const bool* stop) : inner_(inner), stop_(stop) {}

  const bool* stopped() const { return &stopped_; }
  bool too_deep() const { return too_deep_; }

  void setDocumentLocator(const Poco::XML::Locator* locator) override { inner_.setDocumentLocator(locator); }
  void startDocument() override { inner_.startDocument(); }
  void endDocument() override { inner_.endDocument(); }
  void startElement(const XMLString& uri, const XMLString& local, const XMLString& qualified,
                    const Poco::XML::Attributes& attributes) override {
    if (stopped_) return;
    if (++depth_ > kMaxXmlDepth) {
      too_deep_ = stopped_ = true;
      return;
    }
    inner_.startElement(uri, local, qualified, attributes);
    check_stop();
  }
  void endElement(const XMLString& uri, const XMLString& local, const XMLString& qualified) override {
    if (stopped_) return;
    --depth_;
    inner_.endElement(uri, local, qualified);
    check_stop();
  }
  void characters(const Poco::XML::XMLChar text[], int start, int length) override {
    if (!stopped_) inner_.characters(text, start, length);
  }
  void ignorableWhitespace(const Poco::XML::XMLChar text[], int start, int length) override {
    if (!stopped_) inner_.ignorableWhitespace(text, start, length);
  }
  void processingInstruction(const XMLString& target, const XMLString& data) override {
    if (!stopped_) inner_.processingInstruction(target, data);
  }
  void startPrefixMapping(const XMLString& prefix, const XMLString& uri) override {
    if (!stopped_) inner_.startPrefixMapping(prefix, uri);
  }
  void endPrefixMapping(const XMLString& prefix) override {
    if (!stopped_) inner_.endPrefixMapping(prefix);
  }
  void skippedEntity(const XMLString& name) override {
    if (!stopped_) inner_.skippedEntity(name);
  }

 private:
  void check_stop() { stopped_ = stopped_ || (stop_ != nullptr && *stop_); }

  Poco::XML::ContentHandler& inner_;
  const bool* stop_;
  int depth_ = 0;
  bool stopped_ = false;
  bool too_deep_ = false;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// The zip container.

XlsxPackage::XlsxPackage(const std::string& path, const std::string& display_name, InputKind kind)
    : display_name_(display_name), kind_(kind), zip_(std::make_unique<ZipReader>(path, display_name, kind, kNotXlsx)) {}

XlsxPackage::~XlsxPackage() = default;

bool XlsxPackage::has(const std::string& part) const { return zip_->has(part); }

void XlsxPackage::parse_sax(const std::string& part, Poco::XML::ContentHandler& handler, const bool* stop) {
  if (!zip_->has(part)) fail_broken(part);
  DepthGuard guard(handler, stop);
  auto stream = zip_->stream(part, guard.stopped());
  bool broken = false;
  try {
    Poco::XML::InputSource source(*stream);
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.setContentHandler(&guard);
    parser.parse(&source);
  } catch (const Poco::Exception&) {
    broken = true;
  }
  stream->finish();  // a limit passed is the reason, not the XML it cut off
  if (guard.too_deep())
    fail("phần " + part + " lồng các thẻ XML sâu quá " + std::to_string(kMaxXmlDepth) +
         " lớp; tệp bị hỏng hoặc cố ý gây hại: hãy mở bằng Excel hoặc LibreOffice rồi lưu lại.");
  if (broken && !(stop != nullptr && *stop)) fail_broken(part);
}

void XlsxPackage::fail(const std::string& problem) const {
  throw InputError(Location{display_name_, {}, {}, {}}, problem);
}

void XlsxPackage::fail_broken(const std::string& part) const {
  fail("tệp .xlsx bị hỏng, không đọc được phần \"" + part +
       "\"; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.");
}

// ---------------------------------------------------------------------------------------------
// The workbook.

namespace {

// The most sheets or relationships a workbook may list: far beyond any real one, and bounding what is kept.
constexpr std::size_t kMaxWorkbookEntries = 65536;

// <Relationships><Relationship Id=".." Type=".." Target=".." TargetMode=".."/>: the internal ones.
class RelationshipsHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const XMLString&, const XMLString& local, const XMLString& qualified,
                    const Poco::XML::Attributes& attributes) override {
    ++depth_;
    if (depth_ != 2 || local_name(local, qualified) != "Relationship") return;
    if (sax_attribute(attributes, "TargetMode") == "External") return;
    if (relationships_.size() == kMaxWorkbookEntries) too_many_ = true;
    if (too_many_) return;
    relationships_[sax_attribute(attributes, "Id")] = {sax_attribute(attributes, "Type"),
                                                        resolve_part("xl/", sax_attribute(attributes, "Target"))};
  }
  void endElement(const XMLString&, const XMLString&, const XMLString&) override { --depth_; }

  bool too_many() const { return too_many_; }
  std::map<std::string, XlsxWorkbook::Relationship> take() { return std::move(relationships_); }

 private:
  std::map<std::string, XlsxWorkbook::Relationship> relationships_;
  int depth_ = 0;
  bool too_many_ = false;
};

// <workbook><sheets><sheet name=".." r:id=".."/>.
class SheetListHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const XMLString&, const XMLString& local, const XMLString& qualified,
                    const Poco::XML::Attributes& attributes) override {
    const auto name = local_name(local, qualified);
    ++depth_;
    if (depth_ == 2 && name == "sheets") in_sheets_ = true;
    if (!in_sheets_ || depth_ != 3 || name != "sheet") return;
    if (sheets_.size() == kMaxWorkbookEntries) too_many_ = true;
    if (!too_many_) sheets_.push_back({sax_attribute(attributes, "name"), sax_attribute(attributes, "id")});
  }
  void endElement(const XMLString&, const XMLString&, const XMLString&) override {
    if (depth_ == 2) in_sheets_ = false;
    --depth_;
  }

  bool too_many() const { return too_many_; }
  std::vector<XlsxWorkbook::Sheet> take() { return std::move(sheets_); }

 private:
  std::vector<XlsxWorkbook::Sheet> sheets_;
  int depth_ = 0;
  bool in_sheets_ = false;
  bool too_many_ = false;
};

std::map<std::string, XlsxWorkbook::Relationship> read_relationships(XlsxPackage& package) {
  if (!package.has(kWorkbookRels)) package.fail_broken(kWorkbookRels);
  RelationshipsHandler handler;
  package.parse_sax(kWorkbookRels, handler);
  if (handler.too_many()) package.fail_broken(kWorkbookRels);
  return handler.take();
}

std::vector<XlsxWorkbook::Sheet> read_sheet_list(XlsxPackage& package) {
  SheetListHandler handler;
  package.parse_sax(kWorkbookPart, handler);
  if (handler.too_many()) package.fail_broken(kWorkbookPart);
  return handler.take();
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
