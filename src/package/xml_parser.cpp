#include "package/xml_parser.h"

#include <expat.h>

#include <cstring>
#include <memory>

namespace kehoach {
namespace {

constexpr int kPieceSize = 1 << 16;

// One pass over the name for its end and its last ':' (names are a few letters: a call to strchr and
// another to strlen cost more than the name).
std::string_view without_prefix(const char* name) {
  const char* start = name;
  const char* end = name;
  for (; *end != '\0'; ++end)
    if (*end == ':') start = end + 1;
  return std::string_view(start, static_cast<std::size_t>(end - start));
}

bool is_namespace_declaration(const char* name) {
  return std::strncmp(name, "xmlns", 5) == 0 && (name[5] == '\0' || name[5] == ':');
}

// What expat's callbacks share: the handler, how deep the elements nest, and why the parse stopped.
struct Parse {
  XML_Parser parser;
  XmlHandler& handler;
  int max_depth;
  int depth = 0;
  bool too_deep = false;
  bool doctype = false;

  void stop_if_asked() {
    if (handler.stopped()) XML_StopParser(parser, XML_FALSE);
  }
};

void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& parse = *static_cast<Parse*>(data);
  if (++parse.depth > parse.max_depth) {
    parse.too_deep = true;
    XML_StopParser(parse.parser, XML_FALSE);
    return;
  }
  parse.handler.start(without_prefix(name), attributes);
  parse.stop_if_asked();
}

void on_end(void* data, const XML_Char* name) {
  auto& parse = *static_cast<Parse*>(data);
  --parse.depth;
  parse.handler.end(without_prefix(name));
  parse.stop_if_asked();
}

void on_text(void* data, const XML_Char* text, int length) {
  auto& parse = *static_cast<Parse*>(data);
  parse.handler.text(std::string_view(text, static_cast<std::size_t>(length)));
  parse.stop_if_asked();
}

void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto& parse = *static_cast<Parse*>(data);
  parse.doctype = true;
  XML_StopParser(parse.parser, XML_FALSE);
}

struct FreeParser {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

}  // namespace

void XmlHandler::text(std::string_view) {}

const char* xml_attribute(const char* const* attributes, std::string_view name) {
  for (const char* const* at = attributes; at[0] != nullptr; at += 2)
    if (!is_namespace_declaration(at[0]) && without_prefix(at[0]) == name) return at[1];
  return nullptr;
}

std::string_view xml_attribute_text(const char* const* attributes, std::string_view name) {
  const char* value = xml_attribute(attributes, name);
  return value == nullptr ? std::string_view() : std::string_view(value);
}

XmlOutcome parse_xml(std::istream& in, XmlHandler& handler, int max_depth) {
  const std::unique_ptr<XML_ParserStruct, FreeParser> owned(XML_ParserCreate(nullptr));
  if (!owned) return XmlOutcome::Broken;  // no memory for a parser
  Parse parse{owned.get(), handler, max_depth};
  XML_SetUserData(parse.parser, &parse);
  XML_SetElementHandler(parse.parser, on_start, on_end);
  XML_SetCharacterDataHandler(parse.parser, on_text);
  XML_SetStartDoctypeDeclHandler(parse.parser, on_doctype);
  while (true) {
    void* piece = XML_GetBuffer(parse.parser, kPieceSize);
    if (piece == nullptr) return XmlOutcome::Broken;
    in.read(static_cast<char*>(piece), kPieceSize);
    const auto got = static_cast<int>(in.gcount());
    if (in.bad()) return XmlOutcome::Broken;  // the inflater found the data damaged
    const bool last = !in;
    if (XML_ParseBuffer(parse.parser, got, last) != XML_STATUS_OK) {
      if (parse.too_deep) return XmlOutcome::TooDeep;
      if (handler.stopped()) return XmlOutcome::Stopped;
      return XmlOutcome::Broken;  // a doctype, or XML that is not well formed
    }
    if (last) return XmlOutcome::Read;
  }
}

}  // namespace kehoach
