#include "package/ooxml_xml.h"

#include <charconv>

namespace kehoach {
namespace {

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

}  // namespace

std::string_view local_name(const Poco::XML::XMLString& local, const Poco::XML::XMLString& qualified) {
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

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

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

}  // namespace kehoach
