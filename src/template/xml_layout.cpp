#include "template/xml_layout.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "template/xml_scan.h"

namespace kehoach {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool only_spacing(std::string_view xml, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (!is_space(xml[i])) return false;
  return true;
}

// The element's own xml:space, else its parent's: "preserve" keeps every character under it.
bool preserves(std::string_view xml, const XmlElement& element, bool parent) {
  for (const XmlAttribute& attribute : element.attributes)
    if (attribute.name == "xml:space")
      return xml.substr(attribute.value_begin, attribute.value_end - attribute.value_begin) == "preserve";
  return parent;
}

}  // namespace

std::string without_layout_spacing(std::string_view xml) {
  const std::vector<XmlElement> elements = scan_xml(xml);
  if (elements.empty()) return std::string(xml);
  std::vector<std::pair<std::size_t, std::size_t>> cuts;  // byte ranges left out
  auto cut = [&](std::size_t from, std::size_t to) {
    if (from < to && only_spacing(xml, from, to)) cuts.emplace_back(from, to);
  };
  std::vector<bool> preserve(elements.size(), false);
  std::vector<std::size_t> after_child(elements.size(), std::string::npos);  // past the last child seen
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const XmlElement& element = elements[i];
    if (element.parent < 0) {  // the root: the spacing of the prolog before it
      std::size_t from = element.begin;
      while (from > 0 && is_space(xml[from - 1])) --from;
      cut(from, element.begin);
      preserve[i] = preserves(xml, element, false);
      continue;
    }
    const auto parent = static_cast<std::size_t>(element.parent);
    preserve[i] = preserves(xml, element, preserve[parent]);
    const std::size_t from = after_child[parent] == std::string::npos ? elements[parent].content_begin : after_child[parent];
    if (!preserve[parent]) cut(from, element.begin);
    after_child[parent] = element.end;
  }
  for (std::size_t i = 0; i < elements.size(); ++i)
    if (after_child[i] != std::string::npos && !preserve[i]) cut(after_child[i], elements[i].content_end);
  const XmlElement& root = elements.front();
  cut(root.end, xml.size());
  std::sort(cuts.begin(), cuts.end());
  std::string out;
  out.reserve(xml.size());
  std::size_t kept = 0;
  for (const auto& [from, to] : cuts) {
    out.append(xml.substr(kept, from - kept));
    kept = to;
  }
  out.append(xml.substr(kept));
  return out;
}

}  // namespace kehoach
