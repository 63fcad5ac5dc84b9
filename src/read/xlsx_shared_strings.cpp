#include "read/xlsx_shared_strings.h"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>

#include "package/ooxml_xml.h"

namespace kehoach {
namespace {

using Poco::XML::XMLString;

// Streamed: each <si> is one string, made of its <t> texts (plain, or one per rich-text run <r>);
// the <t> inside phonetic hints <rPh> is not part of the cell's text.
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

}  // namespace

std::vector<std::string> read_shared_strings(XlsxPackage& package, const std::string& part) {
  if (part.empty() || !package.has(part)) return {};  // a workbook of numbers only has none
  SharedStringsHandler handler;
  package.parse_sax(part, handler);
  return handler.take();
}

}  // namespace kehoach
