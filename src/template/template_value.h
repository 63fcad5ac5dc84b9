#pragma once
// The data a document template is filled with: already formatted text ("6,25", "ngày 05 tháng 01
// năm 2022"), flags, lists of records and records. Templates only place values; they compute
// nothing (style.md: logic-light templates).
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kehoach {

struct TemplateValue;
using TemplateRecord = std::map<std::string, TemplateValue>;
using TemplateList = std::vector<TemplateRecord>;

// The names of a TemplateTable's records, the same in each: a name is a text (a column of the table) or a
// record of names of its own ("poor" holding "start", "end_rate", …).
struct TemplateColumns {
  struct Column {
    std::string name;
    int text = -1;                                  // the column, or
    std::shared_ptr<const TemplateColumns> record;  // the names within
  };
  std::vector<Column> columns;

  const Column* find(std::string_view name) const {
    for (const Column& column : columns)
      if (column.name == name) return &column;
    return nullptr;
  }
};

// A list of records that all have the same names, held as a table: the texts of each record in a row
// (the appendix's villages, tens of them in every plan). A template sees a list of records, as a
// TemplateList ({{#rows}}{{name}} {{poor.start}}{{/rows}}, {{#poor}}…{{/poor}} inside); the data are
// one vector of texts, with no map made, searched or copied for each record.
struct TemplateTable {
  std::shared_ptr<const TemplateColumns> columns;
  std::size_t width = 0;            // texts in a row: the columns', records' within included
  std::vector<std::string> texts;   // row after row

  std::size_t size() const { return width == 0 ? 0 : texts.size() / width; }
};

struct TemplateValue {
  std::variant<std::string, bool, TemplateList, TemplateRecord, TemplateTable> value;

  TemplateValue() : value(std::string()) {}
  TemplateValue(std::string text) : value(std::move(text)) {}
  TemplateValue(const char* text) : value(std::string(text)) {}
  TemplateValue(bool flag) : value(flag) {}
  TemplateValue(TemplateList list) : value(std::move(list)) {}
  TemplateValue(TemplateRecord record) : value(std::move(record)) {}
  TemplateValue(TemplateTable table) : value(std::move(table)) {}
};

}  // namespace kehoach
