#include "template/xml_scan.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace kehoach {
namespace {

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_spaces(std::string_view xml, std::size_t pos) {
  while (pos < xml.size() && is_space(xml[pos])) ++pos;
  return pos;
}

// Past the end of a construct that ends with `terminator`, or the end of the text.
std::size_t past(std::string_view xml, std::size_t from, std::string_view terminator) {
  auto at = xml.find(terminator, from);
  return at == std::string_view::npos ? xml.size() : at + terminator.size();
}

// Past the '>' of a <!DOCTYPE …>, whose internal subset may hold '>' inside brackets and quotes.
std::size_t past_doctype(std::string_view xml, std::size_t pos) {
  int depth = 0;
  char quote = 0;
  for (; pos < xml.size(); ++pos) {
    char c = xml[pos];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '>' && depth == 0) {
      return pos + 1;
    }
  }
  return xml.size();
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The namespaces in scope while scanning: declarations pushed with each element, popped with it.
class NamespaceScope {
 public:
  void declare(std::string prefix, std::string uri) { declared_.emplace_back(std::move(prefix), std::move(uri)); }
  std::size_t mark() const { return declared_.size(); }
  void pop_to(std::size_t mark) { declared_.resize(mark); }

  std::string resolve(std::string_view prefix) const {
    if (prefix == "xml") return std::string(kXmlNamespace);
    for (auto it = declared_.rbegin(); it != declared_.rend(); ++it)
      if (it->first == prefix) return it->second;
    return {};
  }

 private:
  std::vector<std::pair<std::string, std::string>> declared_;
};

class Scanner {
 public:
  explicit Scanner(std::string_view xml) : xml_(xml) {}

  std::vector<XmlElement> scan() {
    std::size_t pos = 0;
    while (pos < xml_.size()) {
      auto lt = xml_.find('<', pos);
      if (lt == std::string_view::npos) break;
      std::string_view rest = xml_.substr(lt);
      if (rest.starts_with("<?")) {
        pos = past(xml_, lt, "?>");
      } else if (rest.starts_with("<!--")) {
        pos = past(xml_, lt, "-->");
      } else if (rest.starts_with("<![CDATA[")) {
        pos = past(xml_, lt, "]]>");
      } else if (rest.starts_with("<!")) {
        pos = past_doctype(xml_, lt);
      } else if (rest.starts_with("</")) {
        pos = end_tag(lt);
      } else {
        pos = start_tag(lt);
      }
    }
    return std::move(elements_);
  }

 private:
  std::size_t start_tag(std::size_t lt) {
    XmlElement element;
    element.begin = lt;
    element.parent = open_.empty() ? -1 : open_.back().first;
    std::size_t pos = lt + 1;
    std::size_t name_end = pos;
    while (name_end < xml_.size() && !is_space(xml_[name_end]) && xml_[name_end] != '>' && xml_[name_end] != '/')
      ++name_end;
    std::string_view qualified = xml_.substr(pos, name_end - pos);
    pos = name_end;

    auto mark = namespaces_.mark();
    bool self_closing = false;
    while (true) {
      pos = skip_spaces(xml_, pos);
      if (pos >= xml_.size()) break;
      if (xml_[pos] == '>') {
        ++pos;
        break;
      }
      if (xml_[pos] == '/') {
        self_closing = true;
        pos = past(xml_, pos, ">");
        break;
      }
      pos = attribute(pos, element);
    }

    auto colon = qualified.find(':');
    if (colon == std::string_view::npos) {
      element.local = std::string(qualified);
    } else {
      element.prefix = std::string(qualified.substr(0, colon));
      element.local = std::string(qualified.substr(colon + 1));
    }
    element.ns = namespaces_.resolve(element.prefix);
    element.content_begin = pos;

    int index = static_cast<int>(elements_.size());
    elements_.push_back(std::move(element));
    if (self_closing) {
      elements_.back().content_end = pos;
      elements_.back().end = pos;
      namespaces_.pop_to(mark);
    } else {
      open_.emplace_back(index, mark);
    }
    return pos;
  }

  // Reads one attribute starting at its name; records namespace declarations.
  std::size_t attribute(std::size_t pos, XmlElement& element) {
    auto equals = xml_.find('=', pos);
    if (equals == std::string_view::npos) return xml_.size();
    std::string_view name = xml_.substr(pos, equals - pos);
    while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
    auto quote_at = skip_spaces(xml_, equals + 1);
    if (quote_at >= xml_.size()) return xml_.size();
    char quote = xml_[quote_at];
    auto close = xml_.find(quote, quote_at + 1);
    if (close == std::string_view::npos) return xml_.size();

    XmlAttribute attribute{std::string(name), quote_at + 1, close};
    std::string_view value = xml_.substr(attribute.value_begin, close - attribute.value_begin);
    if (name == "xmlns")
      namespaces_.declare("", decode_xml_text(value));
    else if (name.starts_with("xmlns:"))
      namespaces_.declare(std::string(name.substr(6)), decode_xml_text(value));
    element.attributes.push_back(std::move(attribute));
    return close + 1;
  }

  std::size_t end_tag(std::size_t lt) {
    std::size_t after = past(xml_, lt, ">");
    if (!open_.empty()) {
      auto [index, mark] = open_.back();
      open_.pop_back();
      elements_[static_cast<std::size_t>(index)].content_end = lt;
      elements_[static_cast<std::size_t>(index)].end = after;
      namespaces_.pop_to(mark);
    }
    return after;
  }

  std::string_view xml_;
  std::vector<XmlElement> elements_;
  std::vector<std::pair<int, std::size_t>> open_;  // open elements with their namespace mark
  NamespaceScope namespaces_;
};

}  // namespace

std::vector<XmlElement> scan_xml(std::string_view xml) { return Scanner(xml).scan(); }

std::string decode_xml_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  std::size_t pos = 0;
  while (pos < raw.size()) {
    auto amp = raw.find('&', pos);
    auto cdata = raw.find("<![CDATA[", pos);
    auto next = std::min(amp, cdata);
    if (next == std::string_view::npos) {
      out.append(raw.substr(pos));
      break;
    }
    out.append(raw.substr(pos, next - pos));
    if (next == cdata) {
      auto close = raw.find("]]>", cdata);
      if (close == std::string_view::npos) close = raw.size();
      out.append(raw.substr(cdata + 9, close - cdata - 9));
      pos = std::min(raw.size(), close + 3);
      continue;
    }
    auto semicolon = raw.find(';', amp);
    if (semicolon == std::string_view::npos) {
      out.append(raw.substr(amp));
      break;
    }
    std::string_view name = raw.substr(amp + 1, semicolon - amp - 1);
    if (name == "lt") {
      out += '<';
    } else if (name == "gt") {
      out += '>';
    } else if (name == "amp") {
      out += '&';
    } else if (name == "quot") {
      out += '"';
    } else if (name == "apos") {
      out += '\'';
    } else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::uint32_t code = 0;
      for (char c : name.substr(hex ? 2 : 1)) {
        int digit = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : 0;
        code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
        if (code > 0x10FFFF) break;
      }
      append_utf8(out, code > 0x10FFFF ? 0xFFFD : code);
    } else {
      out.append(raw.substr(amp, semicolon - amp + 1));  // a DTD entity: left as written
    }
    pos = semicolon + 1;
  }
  return out;
}

}  // namespace kehoach
