#include "web/yaml_lines.h"

namespace kehoach {

std::string YamlText::field_of_line(int line) const {
  if (line < 1) return "";
  for (std::size_t i = static_cast<std::size_t>(line - 1); i < line_fields.size(); ++i)
    if (!line_fields[i].empty()) return line_fields[i];
  return "";
}

std::string yaml_quoted(const std::string& text) {
  std::string out = "\"";
  static const char* hex = "0123456789ABCDEF";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) out += std::string("\\x") + hex[c >> 4] + hex[c & 15];
    else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
             static_cast<unsigned char>(text[i + 1]) <= 0x9F) {  // C1 controls (U+0085 is a YAML line break)
      const unsigned char low = static_cast<unsigned char>(text[++i]);
      out += std::string("\\u00") + hex[low >> 4] + hex[low & 15];
    } else if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' && (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\L" : "\\P";  // line and paragraph separators
      i += 2;
    } else if (c == 0xEF && i + 2 < text.size() && text[i + 1] == '\xBB' && text[i + 2] == '\xBF') {
      out += "\\uFEFF";
      i += 2;
    } else out += static_cast<char>(c);
  }
  return out + "\"";
}

void YamlLines::text(const std::string& lines, const std::string& field) {
  for (std::size_t at = 0; at < lines.size();) {
    const std::size_t end = lines.find('\n', at);
    add(lines.substr(at, end == std::string::npos ? std::string::npos : end - at), field);
    if (end == std::string::npos) break;
    at = end + 1;
  }
}

void YamlLines::add(const std::string& line, const std::string& field) {
  text_ += line + "\n";
  fields_.push_back(field);
}

void YamlLines::value(const std::string& indent, const std::string& key, const std::string& value, const std::string& field) {
  add(indent + key + ": " + yaml_quoted(value), field);
}

void YamlLines::list(const std::string& indent, const std::vector<std::string>& items, const std::string& field) {
  for (const std::string& item : items) add(indent + "- " + yaml_quoted(item), field);
}

}  // namespace kehoach
