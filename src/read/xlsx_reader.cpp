#include "read/xlsx_reader.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NamedNodeMap.h>
#include <Poco/DOM/Node.h>
#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <streambuf>
#include <string_view>
#include <vector>

#include "model/input_error.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

using Poco::XML::XMLString;

constexpr int kMaxRows = 1048576;  // Excel's limits: anything beyond is a damaged file
constexpr int kMaxColumns = 16384;
constexpr int kGeneralDigits = 10;  // significant digits General shows, per the contract

const char* const kNotXlsx =
    "không phải tệp Excel .xlsx; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx "
    "(Excel Workbook).";

Location in_file(const std::string& display_name) {
  Location where;
  where.source = display_name;
  return where;
}

std::string broken_part(const std::string& part) {
  return "tệp .xlsx bị hỏng, không đọc được phần \"" + part +
         "\"; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.";
}

// ---------------------------------------------------------------------------------------------
// A part's stream that reads as ended once `stop` is set. Handlers must not throw through the XML
// parser (expat is C), so a handler that must give up sets the flag instead: the parser then stops
// at its next buffer, with an error about the cut-off XML that the caller ignores, rather than
// reading the rest of a sheet of a million rows for nothing.
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

// ---------------------------------------------------------------------------------------------
// The zip container. Poco indexes the archive once; each part is then streamed from
// the same file, so a large sheet never has to sit in memory as XML text.

class Package {
 public:
  Package(const std::string& path, const std::string& display_name) : display_name_(display_name) {
    file_.open(path, std::ios::binary);
    if (!file_) fail("không mở được tệp; hãy kiểm tra tên và đường dẫn của tệp.");
    try {
      archive_ = std::make_unique<Poco::Zip::ZipArchive>(file_);
    } catch (const Poco::Exception&) {
      fail(kNotXlsx);
    }
  }

  bool has(const std::string& part) const { return archive_->findHeader(part) != archive_->headerEnd(); }

  // With `stop`, the part reads as ended once *stop is set.
  void parse_sax(const std::string& part, Poco::XML::ContentHandler& handler, const bool* stop = nullptr) {
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
      fail(broken_part(part));
    }
  }

  Poco::AutoPtr<Poco::XML::Document> parse_dom(const std::string& part) {
    try {
      auto stream = open(part);
      Poco::XML::InputSource source(*stream);
      Poco::XML::DOMParser parser;
      parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
      return parser.parse(&source);
    } catch (const Poco::Exception&) {
      fail(broken_part(part));
    }
  }

  [[noreturn]] void fail(const std::string& problem) const { throw InputError(in_file(display_name_), problem); }

 private:
  std::unique_ptr<Poco::Zip::ZipInputStream> open(const std::string& part) {
    auto header = archive_->findHeader(part);
    if (header == archive_->headerEnd()) fail(broken_part(part));
    file_.clear();  // ZipArchive leaves the stream failed once it has read the directory
    return std::make_unique<Poco::Zip::ZipInputStream>(file_, header->second, true);
  }

  std::string display_name_;
  std::ifstream file_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
};

// ---------------------------------------------------------------------------------------------
// Small helpers shared by the parts.

// Namespace prefixes vary between writers (some write <x:row>), so elements are matched by
// their local name only.
std::string_view local_name(const XMLString& local, const XMLString& qualified) {
  if (!local.empty()) return local;
  std::string_view name = qualified;
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string sax_attribute(const Poco::XML::Attributes& attributes, std::string_view name) {
  for (int i = 0; i < attributes.getLength(); ++i)
    if (local_name(attributes.getLocalName(i), attributes.getQName(i)) == name) return attributes.getValue(i);
  return "";
}

std::string dom_attribute(const Poco::XML::Element& element, std::string_view name) {
  Poco::AutoPtr<Poco::XML::NamedNodeMap> attributes = element.attributes();
  for (unsigned long i = 0; i < attributes->length(); ++i) {
    const Poco::XML::Node* attribute = attributes->item(i);
    if (local_name(attribute->localName(), attribute->nodeName()) == name) return attribute->nodeValue();
  }
  return "";
}

std::vector<const Poco::XML::Element*> child_elements(const Poco::XML::Node* parent, std::string_view name) {
  std::vector<const Poco::XML::Element*> found;
  if (!parent) return found;
  for (auto* node = parent->firstChild(); node; node = node->nextSibling())
    if (node->nodeType() == Poco::XML::Node::ELEMENT_NODE && local_name(node->localName(), node->nodeName()) == name)
      found.push_back(static_cast<const Poco::XML::Element*>(node));
  return found;
}

const Poco::XML::Element* first_child(const Poco::XML::Node* parent, std::string_view name) {
  auto found = child_elements(parent, name);
  return found.empty() ? nullptr : found.front();
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void append_utf8(std::string& out, unsigned code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0xD800 || code_point > 0xDFFF) {  // a lone surrogate is dropped
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// Excel writes characters XML cannot carry as _xHHHH_ (a pasted Windows line break arrives as
// "_x000D_"); left encoded they would end up inside header names.
std::string decode_escapes(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned code_point = 0;
    if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_') {
      auto digits = text.substr(i + 2, 4);
      auto [end, error] = std::from_chars(digits.data(), digits.data() + 4, code_point, 16);
      if (error == std::errc() && end == digits.data() + 4) {
        append_utf8(out, code_point);
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cell references: "C5" is column 2 (0-based), row 5 (1-based).

struct CellRef {
  int row = 0;
  int column = 0;
};

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  CellRef cell;
  std::size_t i = 0;
  int column = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
    column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
  }
  auto row = parse_int(ref.substr(i));
  if (column == 0 || !row || *row < 1 || *row > kMaxRows) return std::nullopt;
  cell.column = column - 1;
  cell.row = *row;
  return cell;
}

struct CellRange {
  CellRef first;
  CellRef last;
};

std::optional<CellRange> parse_range(std::string_view ref) {
  auto colon = ref.find(':');
  auto first = parse_cell_ref(ref.substr(0, colon));
  auto last = colon == std::string_view::npos ? first : parse_cell_ref(ref.substr(colon + 1));
  if (!first || !last) return std::nullopt;
  return CellRange{*first, *last};
}

// ---------------------------------------------------------------------------------------------
// Numbers. Excel keeps 15 significant decimal digits and rounds what it shows from those, so
// the value goes through that decimal form first: 2.675 (binary 2.67499999...) shows as "2.68"
// under "0.00", and 0.1 + 0.2 shows as "0.3" under General, exactly as the user sees them.

struct NumberFormat {
  bool general = true;
  bool percent = false;
  int decimals = 0;
};

// value = d.ddd... x 10^exponent; no trailing zeros in digits; zero is {"0", 0}.
struct Decimal {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

void normalize(Decimal& number) {
  while (!number.digits.empty() && number.digits.back() == '0') number.digits.pop_back();
  if (!number.digits.empty()) return;
  number = Decimal{false, "0", 0};
}

Decimal to_decimal(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.14e", value);
  std::string_view text = buffer;
  const auto e = text.find_first_of("eE");
  Decimal number;
  number.negative = text.front() == '-';
  for (char c : text.substr(0, e))  // digits only, whatever decimal mark the C locale uses
    if (std::isdigit(static_cast<unsigned char>(c))) number.digits += c;
  number.exponent = std::atoi(buffer + e + 1);
  normalize(number);
  return number;
}

// Keeps `keep` significant digits, rounding half away from zero as Excel does.
void round_digits(Decimal& number, int keep) {
  if (keep >= static_cast<int>(number.digits.size())) return;
  if (keep < 0) {
    number = Decimal{false, "0", 0};
    return;
  }
  bool carry = number.digits[static_cast<std::size_t>(keep)] >= '5';
  number.digits.resize(static_cast<std::size_t>(keep));
  for (auto i = number.digits.size(); carry && i-- > 0;) {
    carry = number.digits[i] == '9';
    number.digits[i] = carry ? '0' : static_cast<char>(number.digits[i] + 1);
  }
  if (carry) {
    number.digits.insert(number.digits.begin(), '1');
    ++number.exponent;
  }
  normalize(number);
}

std::string fixed_text(const Decimal& number, int decimals) {
  auto digit_at = [&](int power) {
    const int index = number.exponent - power;
    return index >= 0 && index < static_cast<int>(number.digits.size()) ? number.digits[static_cast<std::size_t>(index)] : '0';
  };
  std::string out = number.negative ? "-" : "";
  for (int power = std::max(number.exponent, 0); power >= 0; --power) out += digit_at(power);
  if (decimals > 0) out += '.';
  for (int power = -1; power >= -decimals; --power) out += digit_at(power);
  return out;
}

// Only for magnitudes no village statistic has; written the way Excel writes them ("1.5E+20").
std::string scientific_text(const Decimal& number) {
  std::string out = number.negative ? "-" : "";
  out += number.digits.front();
  if (number.digits.size() > 1) {
    out += '.';
    out.append(number.digits, 1);
  }
  char exponent[16];
  std::snprintf(exponent, sizeof exponent, "E%c%02d", number.exponent < 0 ? '-' : '+', std::abs(number.exponent));
  return out + exponent;
}

std::string general_text(Decimal number) {
  round_digits(number, kGeneralDigits);
  if (number.exponent >= 15 || number.exponent < -9) return scientific_text(number);
  const int decimals = std::max(0, static_cast<int>(number.digits.size()) - 1 - number.exponent);
  return fixed_text(number, decimals);
}

std::string number_text(std::string_view value, const NumberFormat& format) {
  double parsed = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(parsed))
    return std::string(value);  // not a number after all: show what the file holds
  Decimal number = to_decimal(parsed);
  if (format.general) return general_text(number);
  if (format.percent && number.digits != "0") number.exponent += 2;
  round_digits(number, number.exponent + 1 + format.decimals);
  return fixed_text(number, format.decimals);
}

// What the format code's first (positive) section shows: its decimals and whether it is a
// percentage. Quoted text, escaped characters and [colour]/[locale] blocks are not format.
// A code without digit placeholders (dates, text "@", "General") is shown as General.
NumberFormat parse_format_code(std::string_view code) {
  NumberFormat format;
  bool after_point = false;
  bool has_placeholder = false;
  for (std::size_t i = 0; i < code.size() && code[i] != ';'; ++i) {
    const char c = code[i];
    if (c == '"' || c == '[') {
      i = code.find(c == '"' ? '"' : ']', i + 1);
      if (i == std::string_view::npos) break;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal, a width, or a fill
    } else if (c == '%') {
      format.percent = true;
    } else if (c == '.') {
      after_point = true;
    } else if (c == '0' || c == '#' || c == '?') {
      has_placeholder = true;
      if (after_point) ++format.decimals;
    }
  }
  format.general = !has_placeholder;
  return format;
}

// Built-in formats have no code in styles.xml; these are the numeric ones the contract names.
std::string builtin_format_code(int id) {
  static const std::map<int, std::string> codes = {{1, "0"},    {2, "0.00"}, {3, "#,##0"},
                                                   {4, "#,##0.00"}, {9, "0%"},   {10, "0.00%"}};
  auto found = codes.find(id);
  return found == codes.end() ? "General" : found->second;
}

// ---------------------------------------------------------------------------------------------
// Part paths. Relationship targets are relative to the workbook's folder ("worksheets/a.xml")
// or absolute within the package ("/xl/worksheets/a.xml"); zip entries have no leading '/'.

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

// ---------------------------------------------------------------------------------------------
// xl/workbook.xml and its relationships: which sheets exist, in order, and where their parts are.

const char* const kWorkbookPart = "xl/workbook.xml";
const char* const kWorkbookRels = "xl/_rels/workbook.xml.rels";

struct Relationship {
  std::string type;
  std::string part;
};

struct SheetEntry {
  std::string name;
  std::string relationship_id;
};

struct WorkbookParts {
  std::vector<SheetEntry> sheets;
  std::map<std::string, Relationship> relationships;  // by Id
};

std::map<std::string, Relationship> read_relationships(Package& package) {
  std::map<std::string, Relationship> relationships;
  if (!package.has(kWorkbookRels)) package.fail(broken_part(kWorkbookRels));
  auto document = package.parse_dom(kWorkbookRels);
  for (const auto* element : child_elements(document->documentElement(), "Relationship")) {
    if (dom_attribute(*element, "TargetMode") == "External") continue;
    relationships[dom_attribute(*element, "Id")] = {dom_attribute(*element, "Type"),
                                                    resolve_part("xl/", dom_attribute(*element, "Target"))};
  }
  return relationships;
}

std::vector<SheetEntry> read_sheet_list(Package& package) {
  std::vector<SheetEntry> sheets;
  auto document = package.parse_dom(kWorkbookPart);
  const auto* list = first_child(document->documentElement(), "sheets");
  for (const auto* element : child_elements(list, "sheet"))
    sheets.push_back({dom_attribute(*element, "name"), dom_attribute(*element, "id")});
  return sheets;
}

// The part of the first relationship whose type ends with `type_suffix` ("/styles"), or "".
std::string part_of_type(const WorkbookParts& workbook, std::string_view type_suffix) {
  for (const auto& [id, relationship] : workbook.relationships)
    if (relationship.type.ends_with(type_suffix)) return relationship.part;
  return "";
}

std::string quoted_sheet_names(const std::vector<SheetEntry>& sheets) {
  std::string names;
  for (const auto& sheet : sheets) {
    if (!names.empty()) names += ", ";
    names += '"' + sheet.name + '"';
  }
  return names;
}

const SheetEntry& choose_sheet(const WorkbookParts& workbook, const std::string& wanted, const Package& package) {
  if (workbook.sheets.empty()) package.fail("tệp không có trang tính nào; hãy mở bằng Excel hoặc LibreOffice để kiểm tra.");
  if (wanted.empty()) return workbook.sheets.front();
  const std::string key = name_key(wanted);
  for (const auto& sheet : workbook.sheets)
    if (name_key(sheet.name) == key) return sheet;
  package.fail("không có trang tính \"" + wanted + "\"; hãy chọn một trong các trang tính có trong tệp: " +
               quoted_sheet_names(workbook.sheets) + ".");
}

std::string sheet_part(const WorkbookParts& workbook, const SheetEntry& sheet, const Package& package) {
  auto found = workbook.relationships.find(sheet.relationship_id);
  if (found == workbook.relationships.end()) package.fail(broken_part(kWorkbookRels));
  return found->second.part;
}

// ---------------------------------------------------------------------------------------------
// xl/styles.xml: the number format of each cell style (a cell's s="" indexes cellXfs).

std::map<int, std::string> read_custom_formats(const Poco::XML::Element* style_sheet) {
  std::map<int, std::string> codes;
  for (const auto* element : child_elements(first_child(style_sheet, "numFmts"), "numFmt"))
    if (auto id = parse_int(dom_attribute(*element, "numFmtId"))) codes[*id] = dom_attribute(*element, "formatCode");
  return codes;
}

std::vector<NumberFormat> read_cell_formats(Package& package, const std::string& part) {
  std::vector<NumberFormat> formats;
  if (part.empty() || !package.has(part)) return formats;  // no styles: every cell is General
  auto document = package.parse_dom(part);
  const auto* style_sheet = document->documentElement();
  const auto custom = read_custom_formats(style_sheet);
  for (const auto* xf : child_elements(first_child(style_sheet, "cellXfs"), "xf")) {
    const int id = parse_int(dom_attribute(*xf, "numFmtId")).value_or(0);
    auto code = custom.find(id);
    formats.push_back(parse_format_code(code != custom.end() ? code->second : builtin_format_code(id)));
  }
  return formats;
}

// ---------------------------------------------------------------------------------------------
// xl/sharedStrings.xml, streamed: each <si> is one string, made of its <t> texts (plain, or one
// per rich-text run <r>); the <t> inside phonetic hints <rPh> is not part of the cell's text.

class SharedStringsHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const XMLString&, const XMLString& local, const XMLString& qualified,
                    const Poco::XML::Attributes&) override {
    const auto name = local_name(local, qualified);
    if (name == "si") text_.clear();
    if (name == "rPh") in_phonetic_ = true;
    if (name == "t" && !in_phonetic_) collecting_ = true;
  }

  void endElement(const XMLString&, const XMLString& local, const XMLString& qualified) override {
    const auto name = local_name(local, qualified);
    if (name == "t") collecting_ = false;
    if (name == "rPh") in_phonetic_ = false;
    if (name == "si") strings_.push_back(decode_escapes(text_));
  }

  void characters(const Poco::XML::XMLChar characters[], int start, int length) override {
    if (collecting_) text_.append(characters + start, static_cast<std::size_t>(length));
  }

  std::vector<std::string> take() { return std::move(strings_); }

 private:
  std::vector<std::string> strings_;
  std::string text_;
  bool in_phonetic_ = false;
  bool collecting_ = false;
};

std::vector<std::string> read_shared_strings(Package& package, const std::string& part) {
  if (part.empty() || !package.has(part)) return {};  // a workbook of numbers only has none
  SharedStringsHandler handler;
  package.parse_sax(part, handler);
  return handler.take();
}

// ---------------------------------------------------------------------------------------------
// The worksheet, streamed: <sheetData><row><c r="C5" t=".." s=".."><v>..</v></c></row>, then
// <mergeCells><mergeCell ref="D5:E5"/>. Handlers must not throw through the XML parser, so a
// damaged value only marks the sheet broken and read_sheet reports it afterwards.

struct Cell {
  CellRef where;
  std::string type;  // t=""
  int style = 0;     // s=""
  std::string value;  // <v> or the inline string's text
};

// Two modes: rows collected for read_xlsx (merged ranges filled at the end), or, with `on_row`,
// each row handed over as soon as it ends and forgotten (merged ranges are listed after the rows
// in the XML, too late to fill; records files do not merge cells). An exception from `on_row` is
// kept and the parse stopped (stop_flag()), then rethrown by read_sheet.
class SheetHandler : public Poco::XML::DefaultHandler {
 public:
  SheetHandler(const std::vector<std::string>& strings, const std::vector<NumberFormat>& formats,
               const RowCallback* on_row = nullptr)
      : strings_(strings), formats_(formats), on_row_(on_row) {}

  void startElement(const XMLString&, const XMLString& local, const XMLString& qualified,
                    const Poco::XML::Attributes& attributes) override {
    if (failure_) return;
    const auto name = local_name(local, qualified);
    if (name == "sheetData") in_sheet_data_ = true;
    if (name == "mergeCell" && !in_sheet_data_) add_merge(sax_attribute(attributes, "ref"));
    if (!in_sheet_data_) return;
    if (name == "row") start_row(attributes);
    if (name == "c") start_cell(attributes);
    if (name == "v" && in_cell_) collecting_ = true;
    if (name == "is" && in_cell_) in_inline_ = true;
    if (name == "rPh" && in_inline_) in_phonetic_ = true;
    if (name == "t" && in_inline_ && !in_phonetic_) collecting_ = true;
  }

  void endElement(const XMLString&, const XMLString& local, const XMLString& qualified) override {
    if (failure_) return;
    const auto name = local_name(local, qualified);
    if (name == "v" || name == "t") collecting_ = false;
    if (name == "rPh") in_phonetic_ = false;
    if (name == "is") in_inline_ = false;
    if (name == "c" && in_cell_) end_cell();
    if (name == "row" && on_row_ && in_sheet_data_) hand_over_row();
    if (name == "sheetData") in_sheet_data_ = false;
  }

  void characters(const Poco::XML::XMLChar characters[], int start, int length) override {
    if (collecting_) cell_.value.append(characters + start, static_cast<std::size_t>(length));
  }

  bool broken() const { return broken_; }
  std::exception_ptr failure() const { return failure_; }
  const bool* stop_flag() const { return &stopped_; }
  std::vector<GridRow> take_rows();

 private:
  void hand_over_row() {
    current_.source_row = row_;
    try {
      if (!current_.is_blank()) (*on_row_)(std::move(current_));
    } catch (...) {
      failure_ = std::current_exception();
      stopped_ = true;
    }
    current_.cells.clear();  // keeps its capacity for the next row, unless on_row took the cells
  }

  // <row r="5">; without r, rows follow one another.
  void start_row(const Poco::XML::Attributes& attributes) {
    const std::string r = sax_attribute(attributes, "r");
    auto number = r.empty() ? std::optional<int>(row_ + 1) : parse_int(r);
    if (!number || *number < 1 || *number > kMaxRows) return mark_broken();
    row_ = *number;
    column_ = -1;
  }

  // <c r="C5" t="s" s="3">; without r, cells follow one another in the current row.
  void start_cell(const Poco::XML::Attributes& attributes) {
    const std::string r = sax_attribute(attributes, "r");
    auto where = r.empty() ? std::optional<CellRef>(CellRef{row_, column_ + 1}) : parse_cell_ref(r);
    if (!where || where->row < 1 || where->column >= kMaxColumns) return mark_broken();
    column_ = where->column;
    cell_ = Cell{*where, sax_attribute(attributes, "t"), parse_int(sax_attribute(attributes, "s")).value_or(0), ""};
    in_cell_ = true;
  }

  void end_cell() {
    in_cell_ = false;
    std::string text = clean_text(cell_text());
    if (!text.empty()) store(cell_.where, std::move(text));
  }

  std::string cell_text() {
    const std::string& type = cell_.type;
    if (cell_.value.empty()) return "";
    if (type == "s") return shared_string();
    if (type == "inlineStr" || type == "str") return decode_escapes(cell_.value);
    if (type == "b") return cell_.value == "1" ? "TRUE" : "FALSE";
    if (type == "e" || type == "d") return cell_.value;  // error codes (#DIV/0!) and ISO dates as written
    return number_text(cell_.value, number_format());
  }

  std::string shared_string() {
    auto index = parse_int(cell_.value);
    if (!index || *index < 0 || static_cast<std::size_t>(*index) >= strings_.size()) {
      mark_broken();
      return "";
    }
    return strings_[static_cast<std::size_t>(*index)];
  }

  NumberFormat number_format() const {
    if (cell_.style < 0 || static_cast<std::size_t>(cell_.style) >= formats_.size()) return NumberFormat{};
    return formats_[static_cast<std::size_t>(cell_.style)];
  }

  void store(const CellRef& where, std::string text) {
    if (on_row_) {
      auto& cells = current_.cells;
      if (static_cast<int>(cells.size()) <= where.column) cells.resize(static_cast<std::size_t>(where.column) + 1);
      cells[static_cast<std::size_t>(where.column)] = std::move(text);
      return;
    }
    while (static_cast<int>(rows_.size()) < where.row) {
      rows_.emplace_back();
      rows_.back().source_row = static_cast<int>(rows_.size());
    }
    auto& cells = rows_[static_cast<std::size_t>(where.row - 1)].cells;
    if (static_cast<int>(cells.size()) <= where.column) cells.resize(static_cast<std::size_t>(where.column) + 1);
    cells[static_cast<std::size_t>(where.column)] = std::move(text);
  }

  void add_merge(const std::string& ref) {
    if (on_row_) return;
    if (auto range = parse_range(ref)) merges_.push_back(*range);
  }

  void fill_merge(const CellRange& range, int last_row, int last_column);
  void mark_broken() { broken_ = true; }

  const std::vector<std::string>& strings_;
  const std::vector<NumberFormat>& formats_;
  const RowCallback* on_row_;
  GridRow current_;               // the row being read, when rows are handed over
  std::exception_ptr failure_;    // what on_row threw
  bool stopped_ = false;          // set with failure_: the parser is to read no further
  std::vector<GridRow> rows_;
  std::vector<CellRange> merges_;
  Cell cell_;
  int row_ = 0;
  int column_ = -1;
  bool in_sheet_data_ = false;
  bool in_cell_ = false;
  bool in_inline_ = false;
  bool in_phonetic_ = false;
  bool collecting_ = false;
  bool broken_ = false;
};

// Copies the top-left text over the range, but not beyond the cells that hold data: a title
// merged across a whole row or column must not turn into a million copies.
void SheetHandler::fill_merge(const CellRange& range, int last_row, int last_column) {
  const int top = std::min(range.first.row, range.last.row);
  const int left = std::min(range.first.column, range.last.column);
  const int bottom = std::min(std::max(range.first.row, range.last.row), last_row);
  const int right = std::min(std::max(range.first.column, range.last.column), last_column);
  if (top > last_row) return;  // the range starts below every row with data
  const std::string text = rows_[static_cast<std::size_t>(top - 1)].cell(static_cast<std::size_t>(left));
  if (text.empty()) return;
  for (int row = top; row <= bottom; ++row)
    for (int column = left; column <= right; ++column) store(CellRef{row, column}, text);
}

std::vector<GridRow> SheetHandler::take_rows() {
  const int last_row = static_cast<int>(rows_.size());
  int last_column = -1;
  for (const auto& row : rows_) last_column = std::max(last_column, static_cast<int>(row.cells.size()) - 1);
  for (const auto& range : merges_) fill_merge(range, last_row, last_column);
  return std::move(rows_);
}

std::vector<GridRow> read_sheet(Package& package, const std::string& part, const std::vector<std::string>& strings,
                                const std::vector<NumberFormat>& formats, const RowCallback* on_row = nullptr) {
  if (!package.has(part)) package.fail(broken_part(part));
  SheetHandler handler(strings, formats, on_row);
  try {
    package.parse_sax(part, handler, on_row ? handler.stop_flag() : nullptr);
  } catch (const InputError&) {
    if (!handler.failure()) throw;  // else the XML was only cut off by the stop
  }
  if (handler.failure()) std::rethrow_exception(handler.failure());
  if (handler.broken()) package.fail(broken_part(part));
  return handler.take_rows();
}

// Everything but the sheet's rows: the sheet chosen, its part, the shared strings and formats.
struct OpenedSheet {
  std::string name, part;
  std::vector<std::string> strings;
  std::vector<NumberFormat> formats;
};

OpenedSheet open_sheet(Package& package, const std::string& sheet) {
  if (!package.has(kWorkbookPart)) package.fail(kNotXlsx);
  WorkbookParts workbook{read_sheet_list(package), read_relationships(package)};
  const SheetEntry& chosen = choose_sheet(workbook, sheet, package);
  return {chosen.name, sheet_part(workbook, chosen, package),
          read_shared_strings(package, part_of_type(workbook, "/sharedStrings")),
          read_cell_formats(package, part_of_type(workbook, "/styles"))};
}

}  // namespace

Grid read_xlsx(const std::string& path, const std::string& display_name, const std::string& sheet) {
  Package package(path, display_name);
  const OpenedSheet opened = open_sheet(package, sheet);
  Grid grid;
  grid.source = display_name;
  grid.sheet = opened.name;
  grid.rows = read_sheet(package, opened.part, opened.strings, opened.formats);
  return grid;
}

std::string stream_xlsx(const std::string& path, const std::string& display_name, const std::string& sheet,
                        const RowCallback& on_row) {
  Package package(path, display_name);
  const OpenedSheet opened = open_sheet(package, sheet);
  read_sheet(package, opened.part, opened.strings, opened.formats, &on_row);
  return opened.name;
}

}  // namespace kehoach
