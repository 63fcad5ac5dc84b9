#pragma once
// Reading typed fields out of a YAML document, every mistake reported with the file and line
// in the user's language. Shared by the readers of plan files and poverty standard files.
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/input_error.h"

namespace kehoach {

class YamlFields {
 public:
  // `kind` names the file in messages: "tệp kế hoạch", "tệp chuẩn nghèo".
  YamlFields(std::string path, std::string kind) : path_(std::move(path)), kind_(std::move(kind)) {}

  const std::string& path() const { return path_; }
  InputError error(const YAML::Node& node, const std::string& problem) const;

  // A key written with nothing under it ("document:") is the same as a key left out.
  static bool present(const YAML::Node& node) { return node && !node.IsNull(); }

  // A mapping's key as text. Every key a reader reads goes through here: a key that is a list or a
  // mapping ("[a]: 1", "? { a: 1 }"), or empty ("? :", "~: 1"), is refused at its line.
  std::string key(const YAML::Node& key) const;

  // Refuses keys of `map` not in `keys`, listing those that are allowed in the order given.
  void allow(const YAML::Node& map, std::initializer_list<const char*> keys) const;
  YAML::Node required(const YAML::Node& map, const char* key) const;

  // clean_text()ed, one line; refused when a hidden character (hidden_characters.h) is left in it.
  std::string text(const YAML::Node& node, const char* key) const;
  std::string block(const YAML::Node& node, const char* key) const; // NFC, line breaks kept
  // A unit's name given as a value ("unit: xã An Hòa Thịnh"), cleaned, refused at its line when
  // unit_name_problem finds it too long or hiding a character.
  std::string unit_name(const YAML::Node& node, const char* key) const;
  // The same check of a name taken from a key or a path (cleaned): `name`, or an InputError at `node`.
  std::string checked_unit_name(const YAML::Node& node, std::string name) const;
  long long integer(const YAML::Node& node, const char* key, long long low, long long high) const;

  // 2022-01-05 or 05/01/2022; a draft may leave the day blank: 2022-01 or 01/2022 (day 0).
  Date date(const YAML::Node& node) const;

  // A list of texts ("- …" items), or one text whose blank lines separate paragraphs.
  std::vector<std::string> paragraphs(const YAML::Node& node, const char* key) const;

 private:
  std::string path_;
  std::string kind_;
};

// Parses YAML text, a syntax error becoming an InputError at its line. The commonest slip, a sentence
// with a colon written without quotes, gets a hint. Aliases ("*name") are refused at their line: each
// one is the whole anchored node again, so that a few kilobytes could stand for a document of
// millions of paragraphs, and no file of kehoach needs them.
YAML::Node load_yaml(const std::string& text, const std::string& path);

// What yaml-cpp throws when a document has a shape a reader did not expect, as an InputError at the
// line it names.
InputError yaml_shape_error(const YAML::Exception& e, const std::string& path);

// load_yaml, then `parse` of the document: whatever yaml-cpp throws on the way becomes an InputError
// at its line, so that no reader lets a YAML exception out.
template <typename Parse>
auto parse_yaml(const std::string& text, const std::string& path, Parse&& parse) {
  const YAML::Node root = load_yaml(text, path);
  try {
    return parse(root);
  } catch (const YAML::Exception& e) {
    throw yaml_shape_error(e, path);
  }
}

// Splits text at blank lines into paragraphs; single line breaks inside a paragraph become spaces.
std::vector<std::string> split_paragraphs(const std::string& text);

}  // namespace kehoach
