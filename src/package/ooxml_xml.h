#pragma once
// Small helpers for reading Office Open XML parts through Poco's SAX parser, shared by the package and
// the readers of its parts: names and attributes matched whatever the writer's namespace prefixes,
// integers as the parts write them, and Excel's _xHHHH_ escapes.
#include <Poco/SAX/Attributes.h>
#include <Poco/XML/XMLString.h>

#include <optional>
#include <string>
#include <string_view>

namespace kehoach {

// Namespace prefixes vary between writers (some write <x:row>), so elements are matched by
// their local name only.
std::string_view local_name(const Poco::XML::XMLString& local, const Poco::XML::XMLString& qualified);

// The value of the attribute with that local name, or "".
std::string sax_attribute(const Poco::XML::Attributes& attributes, std::string_view name);

// The whole text as a decimal int, or nothing.
std::optional<int> parse_int(std::string_view text);

// Excel writes characters XML cannot carry as _xHHHH_ (a pasted Windows line break arrives as
// "_x000D_"); left encoded they would end up inside header names.
std::string decode_escapes(std::string_view text);

}  // namespace kehoach
