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

  // Refuses keys of `map` not in `keys`, listing those that are allowed in the order given.
  void allow(const YAML::Node& map, std::initializer_list<const char*> keys) const;
  YAML::Node required(const YAML::Node& map, const char* key) const;

  std::string text(const YAML::Node& node, const char* key) const;  // clean_text()ed, one line
  std::string block(const YAML::Node& node, const char* key) const; // NFC, line breaks kept
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
// with a colon written without quotes, gets a hint.
YAML::Node load_yaml(const std::string& text, const std::string& path);

// Splits text at blank lines into paragraphs; single line breaks inside a paragraph become spaces.
std::vector<std::string> split_paragraphs(const std::string& text);

}  // namespace kehoach
