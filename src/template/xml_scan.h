#pragma once
// A scan of XML text that keeps byte positions, so that a Word part can be edited in place and
// every byte the template does not touch is written back as it was: each element with where its
// tags and its content start and end, its attributes and its namespace. The text must already be
// well-formed (PartTemplate checks it with Poco first); the scan does not check it again.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

struct XmlAttribute {
  std::string name;              // qualified, as written ("xml:space")
  std::size_t value_begin = 0;   // the raw value, between the quotes
  std::size_t value_end = 0;
};

struct XmlElement {
  std::string prefix;            // as written; empty for none
  std::string local;             // the name after the prefix
  std::string ns;                // the namespace the prefix stands for
  std::size_t begin = 0;         // '<' of the start tag
  std::size_t content_begin = 0; // just past the start tag
  std::size_t content_end = 0;   // '<' of the end tag; content_begin for <x/>
  std::size_t end = 0;           // just past the end tag
  int parent = -1;               // index in the scan; -1 for the root element
  std::vector<XmlAttribute> attributes;
};

// Every element, in the order of the start tags.
std::vector<XmlElement> scan_xml(std::string_view xml);

// Character data with its entity and character references replaced by the characters.
std::string decode_xml_text(std::string_view raw);

}  // namespace kehoach
