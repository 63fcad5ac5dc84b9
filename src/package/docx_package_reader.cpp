#include "package/docx_package_reader.h"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>

#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <system_error>
#include <vector>

#include "model/input_error.h"
#include "package/file_bytes.h"
#include "package/input_limits.h"
#include "package/ooxml_xml.h"
#include "package/zip_reader.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;
using Poco::XML::XMLString;

constexpr const char* kContentTypes = "[Content_Types].xml";
constexpr const char* kDocument = "word/document.xml";
constexpr const char* kRepair = "hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx.";
// A Word document has a few dozen parts, a few hundred with many pictures.
constexpr std::size_t kMaxParts = 10000;
// [Content_Types].xml and a relationships part take a few KB. Bounded far below a part's limit, they
// cannot make the XML parser keep millions of open elements.
constexpr std::size_t kMaxListPart = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Where the parts come from: one or two folders, or a zip. Names given to has() and read() have
// been checked to stay inside the package.

class PartSource {
 public:
  virtual ~PartSource() = default;
  virtual bool has(const std::string& part) const = 0;
  virtual std::string read(const std::string& part) = 0;  // within the limit of one part
  virtual Location where(const std::string& part) const = 0;  // the file that holds it, for messages
};

// Folders, the first over the others. A part is a file below one of them, found by its name: the
// folders are never listed.
class FolderSource : public PartSource {
 public:
  explicit FolderSource(std::vector<fs::path> folders) : folders_(std::move(folders)) {}

  bool has(const std::string& part) const override { return !file_of(part).empty(); }

  std::string read(const std::string& part) override {
    return read_part_file(file_of(part).string(), InputKind::Template);
  }

  Location where(const std::string& part) const override {
    const fs::path file = file_of(part);
    return Location{(file.empty() ? folders_.front() / part : file).string(), {}, {}, {}};
  }

 private:
  // Anything by that name but a folder (which no part can be), regular or not: read_part_file refuses a
  // FIFO or a device by name rather than opening it.
  fs::path file_of(const std::string& part) const {
    for (const auto& folder : folders_) {
      std::error_code error;
      const fs::path file = folder / part;
      if (fs::exists(fs::symlink_status(file, error)) && !fs::is_directory(file, error)) return file;
    }
    return {};
  }

  std::vector<fs::path> folders_;
};

class ZipSource : public PartSource {
 public:
  explicit ZipSource(const std::string& path)
      : path_(path),
        zip_(path, path, InputKind::Template, std::string("không phải tệp Word .docx; ") + kRepair) {}

  bool has(const std::string& part) const override { return zip_.has(part); }
  std::string read(const std::string& part) override { return zip_.read(part); }
  Location where(const std::string& part) const override { return Location{path_ + ", phần " + part, {}, {}, {}}; }

 private:
  std::string path_;
  ZipReader zip_;
};

// ---------------------------------------------------------------------------------------------
// The two lists of parts a package keeps: content types and relationships.

// Collects one attribute (and, for relationships, the mode and id) of the elements of one name.
class ElementsHandler : public Poco::XML::DefaultHandler {
 public:
  struct Found {
    std::string value, id, mode;
  };

  ElementsHandler(std::string element, std::string attribute)
      : element_(std::move(element)), attribute_(std::move(attribute)) {}

  void startElement(const XMLString&, const XMLString& local, const XMLString& qualified,
                    const Poco::XML::Attributes& attributes) override {
    if (local_name(local, qualified) != element_ || found_.size() > kMaxParts) return;
    found_.push_back({sax_attribute(attributes, attribute_), sax_attribute(attributes, "Id"),
                      sax_attribute(attributes, "TargetMode")});
  }

  const std::vector<Found>& found() const { return found_; }

 private:
  std::string element_, attribute_;
  std::vector<Found> found_;
};

std::vector<ElementsHandler::Found> elements(const std::string& xml, const std::string& element,
                                             const std::string& attribute, const Location& where) {
  if (xml.size() > kMaxListPart)
    throw InputError(where, "phần này lớn " + format_size(xml.size()) + ", mà trong một mẫu Word nó chỉ vài KB (giới hạn " +
                                format_size(kMaxListPart) + "); mẫu bị hỏng hoặc cố ý gây hại: " + kRepair);
  ElementsHandler handler(element, attribute);
  try {
    std::istringstream in(xml);
    Poco::XML::InputSource source(in);
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.setContentHandler(&handler);
    parser.parse(&source);
  } catch (const Poco::Exception&) {
    throw InputError(where, std::string("không phải XML đọc được; ") + kRepair);
  }
  if (handler.found().size() > kMaxParts)
    throw InputError(where, "kể hơn " + std::to_string(kMaxParts) +
                                " phần; một mẫu Word không có nhiều phần như vậy. Mẫu bị hỏng hoặc cố ý gây hại: " + kRepair);
  return handler.found();
}

// The part a relationship target or a part name stands for, relative to `base` ("word/", or "" at the
// root) unless it starts with '/'; "." and ".." resolved. Empty when it leaves the package.
std::string resolved(const std::string& base, const std::string& target) {
  const std::string joined = !target.empty() && target.front() == '/' ? target.substr(1) : base + target;
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    const std::size_t slash = std::min(joined.find('/', start), joined.size());
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (segments.empty()) return "";
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string part;
  for (const auto& segment : segments) part += (part.empty() ? "" : "/") + segment;
  return stays_in_package(part) ? part : "";
}

// Part names are URIs: a space or a letter with diacritics may be written %20, %C3%A0.
std::string percent_decoded(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%' && i + 2 < name.size() && std::isxdigit(static_cast<unsigned char>(name[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(name[i + 2]))) {
      out += static_cast<char>(std::stoi(name.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += name[i];
    }
  }
  return out;
}

// "word/_rels/document.xml.rels" for "word/document.xml"; "_rels/.rels" for the package itself ("").
std::string relationships_part(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + name + ".rels";
}

std::string folder_of(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// ---------------------------------------------------------------------------------------------
// The parts of a package, taken from [Content_Types].xml and the relationships.

class PackageCollector {
 public:
  PackageCollector(PartSource& source, std::string label, const PartFilter& filter)
      : source_(source), label_(std::move(label)), filter_(filter), limits_(input_limits(InputKind::Template)) {}

  DocxPackage collect() {
    if (!source_.has(kContentTypes)) {
      if (!source_.has(kDocument)) refuse_no_document();
      throw InputError(Location{label_, {}, {}, {}},
                       std::string("mẫu không có phần ") + kContentTypes + "; đây không phải mẫu Word đầy đủ: " + kRepair);
    }
    take(kContentTypes);
    for (const auto& type : elements(parts_[kContentTypes], "Override", "PartName", source_.where(kContentTypes)))
      reach(type.value, "", kContentTypes, "tên phần (PartName)");
    follow_relationships("");
    while (!waiting_.empty()) {
      const std::string part = waiting_.front();
      waiting_.pop_front();
      follow_relationships(part);
    }
    if (!parts_.count(kDocument)) refuse_no_document();
    DocxPackage package;
    package.parts.emplace_back(kContentTypes, std::move(parts_[kContentTypes]));
    for (auto& [name, bytes] : parts_)
      if (name != kContentTypes) package.parts.emplace_back(name, std::move(bytes));
    return package;
  }

 private:
  [[noreturn]] void refuse_no_document() const {
    throw InputError(Location{label_, {}, {}, {}}, std::string("mẫu không có phần ") + kDocument + "; đây không phải mẫu Word.");
  }

  // Reads the relationships of `part` ("" for the package), if it has any, and takes what they reach.
  void follow_relationships(const std::string& part) {
    const std::string rels = relationships_part(part);
    if (parts_.count(rels) || !source_.has(rels)) return;
    take(rels);
    for (const auto& relationship : elements(parts_[rels], "Relationship", "Target", source_.where(rels))) {
      // A web address, or no part at all (an empty target, a place in the same part).
      if (relationship.mode == "External" || relationship.value.empty() || relationship.value.front() == '#') continue;
      reach(relationship.value, folder_of(part), rels, "quan hệ " + relationship.id);
    }
  }

  // Takes the part `name` names, from `base`, if the package has it; refuses it when it leaves.
  void reach(const std::string& name, const std::string& base, const std::string& named_in, const std::string& what) {
    const std::string part = resolved(base, name);
    if (part.empty())
      throw InputError(source_.where(named_in), what + " trỏ đến \"" + name +
                                                    "\", ra ngoài gói; mẫu bị hỏng hoặc cố ý gây hại: " + kRepair);
    for (const std::string& candidate : {part, percent_decoded(part)}) {
      if (parts_.count(candidate)) return;
      if (!stays_in_package(candidate) || !source_.has(candidate)) continue;
      take(candidate);
      waiting_.push_back(candidate);
      return;
    }
  }

  void take(const std::string& part) {
    if (parts_.size() == kMaxParts)
      throw InputError(Location{label_, {}, {}, {}}, "mẫu có hơn " + std::to_string(kMaxParts) +
                                                         " phần; một mẫu Word không có nhiều phần như vậy. " + kRepair);
    std::string bytes = source_.read(part);
    if (filter_) bytes = filter_(part, source_.where(part).source, std::move(bytes));
    total_ += bytes.size();
    if (total_ > limits_.package)
      throw InputError(Location{label_, {}, {}, {}},
                       "các phần của mẫu lớn hơn " + format_size(limits_.package) + ", quá giới hạn của cả " +
                           kind_noun(InputKind::Template) + " (gấp " + std::to_string(kPackageFactor) +
                           " lần giới hạn tệp); " + raise_advice(InputKind::Template));
    parts_[part] = std::move(bytes);
  }

  PartSource& source_;
  std::string label_;
  const PartFilter& filter_;
  InputLimits limits_;
  std::map<std::string, std::string> parts_;  // by name: the package order after [Content_Types].xml
  std::deque<std::string> waiting_;           // parts taken whose relationships are still to follow
  std::uint64_t total_ = 0;
};

}  // namespace

DocxPackage read_docx_package(const std::string& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    FolderSource folder({fs::path(path)});
    return PackageCollector(folder, path, {}).collect();
  }
  ZipSource zip(path);
  return PackageCollector(zip, path, {}).collect();
}

DocxPackage read_layered_docx_package(const std::string& folder, const std::string& beneath, const PartFilter& filter) {
  FolderSource folders({fs::path(folder), fs::path(beneath)});
  return PackageCollector(folders, folder, filter).collect();
}

}  // namespace kehoach
