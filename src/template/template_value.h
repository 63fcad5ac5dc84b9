#pragma once
// The data a document template is filled with: already formatted text ("6,25", "ngày 05 tháng 01
// năm 2022"), flags, lists of records and records. Templates only place values; they compute
// nothing (style.md: logic-light templates).
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace kehoach {

struct TemplateValue;
using TemplateRecord = std::map<std::string, TemplateValue>;
using TemplateList = std::vector<TemplateRecord>;

struct TemplateValue {
  std::variant<std::string, bool, TemplateList, TemplateRecord> value;

  TemplateValue() : value(std::string()) {}
  TemplateValue(std::string text) : value(std::move(text)) {}
  TemplateValue(const char* text) : value(std::string(text)) {}
  TemplateValue(bool flag) : value(flag) {}
  TemplateValue(TemplateList list) : value(std::move(list)) {}
  TemplateValue(TemplateRecord record) : value(std::move(record)) {}
};

}  // namespace kehoach
