#pragma once
// Office Open XML parts read with expat directly, as they are inflated: element names and attributes
// handed over as expat has them (C strings, no copies, no namespace processing), text in the pieces
// expat finds it. A sheet of a million rows is some twenty million elements: each costs the parser's
// work and little more.
#include <istream>
#include <string_view>

namespace kehoach {

// What a part's reader is told. Element names come without their namespace prefix ("x:row" is "row"):
// writers choose their own prefixes, and no part a reader looks at uses one name in two namespaces.
// Attributes come as expat gives them: name, value, name, value, …, then nullptr (see xml_attribute).
//
// Nothing may throw from these: expat is C. A handler that must give up calls stop(), and the parse
// ends there; the caller then says why.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char* const* attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view piece);  // nothing, unless the handler wants the text

  void stop() { stopped_ = true; }
  bool stopped() const { return stopped_; }

 private:
  bool stopped_ = false;
};

// The value of the attribute whose name, less any prefix, is `name` ("r:id" is "id"), or nullptr.
// Namespace declarations (xmlns, xmlns:r) are no attributes here.
const char* xml_attribute(const char* const* attributes, std::string_view name);

// The same as a view, "" when the attribute is absent.
std::string_view xml_attribute_text(const char* const* attributes, std::string_view name);

enum class XmlOutcome {
  Read,     // to the end, well formed
  Stopped,  // the handler called stop()
  Broken,   // not well formed XML, cut off, or the stream failed (its data damaged)
  TooDeep,  // elements nested deeper than the caller allows
};

// Parses `in` to its end through `handler`, in pieces of 64 KiB. A document type declaration is
// refused as Broken: no part of an Office file has one, and the entities it may declare can make a
// few bytes of XML expand into gigabytes.
XmlOutcome parse_xml(std::istream& in, XmlHandler& handler, int max_depth);

}  // namespace kehoach
