#include "package/xlsx_package.h"

#include <algorithm>

#include "model/input_error.h"
#include "package/zip_reader.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

const char* const kNotXlsx =
    "không phải tệp Excel .xlsx; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx "
    "(Excel Workbook).";

const char* const kWorkbookPart = "xl/workbook.xml";
const char* const kWorkbookRels = "xl/_rels/workbook.xml.rels";

}  // namespace

// ---------------------------------------------------------------------------------------------
// The zip container.

XlsxPackage::XlsxPackage(const std::string& path, const std::string& display_name, InputKind kind)
    : display_name_(display_name), kind_(kind), zip_(std::make_unique<ZipReader>(path, display_name, kind, kNotXlsx)) {}

XlsxPackage::~XlsxPackage() = default;

bool XlsxPackage::has(const std::string& part) const { return zip_->has(part); }

void XlsxPackage::parse_xml(const std::string& part, XmlHandler& handler) {
  if (!zip_->has(part)) fail_broken(part);
  auto stream = zip_->stream(part);
  const XmlOutcome outcome = kehoach::parse_xml(*stream, handler, kMaxXmlDepth);
  stream->finish();  // a limit passed is the reason, not the XML it cut off
  if (outcome == XmlOutcome::TooDeep)
    fail("phần " + part + " lồng các thẻ XML sâu quá " + std::to_string(kMaxXmlDepth) +
         " lớp; tệp bị hỏng hoặc cố ý gây hại: hãy mở bằng Excel hoặc LibreOffice rồi lưu lại.");
  if (outcome == XmlOutcome::Broken) fail_broken(part);
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
class RelationshipsHandler : public XmlHandler {
 public:
  void start(std::string_view name, const char* const* attributes) override {
    ++depth_;
    if (depth_ != 2 || name != "Relationship") return;
    if (xml_attribute_text(attributes, "TargetMode") == "External") return;
    if (relationships_.size() == kMaxWorkbookEntries) too_many_ = true;
    if (too_many_) return;
    relationships_[std::string(xml_attribute_text(attributes, "Id"))] = {
        std::string(xml_attribute_text(attributes, "Type")),
        resolve_part("xl/", std::string(xml_attribute_text(attributes, "Target")))};
  }
  void end(std::string_view) override { --depth_; }

  bool too_many() const { return too_many_; }
  std::map<std::string, XlsxWorkbook::Relationship> take() { return std::move(relationships_); }

 private:
  std::map<std::string, XlsxWorkbook::Relationship> relationships_;
  int depth_ = 0;
  bool too_many_ = false;
};

// <workbook><sheets><sheet name=".." r:id=".."/>.
class SheetListHandler : public XmlHandler {
 public:
  void start(std::string_view name, const char* const* attributes) override {
    ++depth_;
    if (depth_ == 2 && name == "sheets") in_sheets_ = true;
    if (!in_sheets_ || depth_ != 3 || name != "sheet") return;
    if (sheets_.size() == kMaxWorkbookEntries) too_many_ = true;
    if (!too_many_)
      sheets_.push_back({std::string(xml_attribute_text(attributes, "name")), std::string(xml_attribute_text(attributes, "id"))});
  }
  void end(std::string_view) override {
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
  package.parse_xml(kWorkbookRels, handler);
  if (handler.too_many()) package.fail_broken(kWorkbookRels);
  return handler.take();
}

std::vector<XlsxWorkbook::Sheet> read_sheet_list(XlsxPackage& package) {
  SheetListHandler handler;
  package.parse_xml(kWorkbookPart, handler);
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
