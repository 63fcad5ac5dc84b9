#pragma once
// A plan file written from a form, line by line, remembering which field each line's value came from: the
// plan reader's message about a line (it names the line) then goes back to the field that made it. Values
// are written as YAML double-quoted scalars, so that whatever was typed reaches the reader as typed.
#include <string>
#include <vector>

namespace kehoach {

struct YamlText {
  std::string text;
  std::vector<std::string> line_fields;  // the field each line's value came from ("" for none), line 1 first
  // The field of the value at `line` (1-based), or of the first line after it that has one; "" when none.
  std::string field_of_line(int line) const;
};

// A YAML scalar in double quotes: every character the plan reader will see, escaped where YAML wants it
// (a control character typed reaches the reader, which names it, and breaks no line).
std::string yaml_quoted(const std::string& text);

class YamlLines {
 public:
  // Text already written, each of its lines of `field`.
  void text(const std::string& lines, const std::string& field = "");
  void add(const std::string& line, const std::string& field = "");
  void value(const std::string& indent, const std::string& key, const std::string& value, const std::string& field);
  void list(const std::string& indent, const std::vector<std::string>& items, const std::string& field);
  YamlText done() { return {std::move(text_), std::move(fields_)}; }

 private:
  std::string text_;
  std::vector<std::string> fields_;
};

}  // namespace kehoach
