#include "web/movement_table.h"

#include "app/check_movements.h"
#include "read/csv_reader.h"
#include "text/number_words.h"
#include "text/unicode.h"
#include "web/html.h"

namespace kehoach {
namespace {

constexpr const char* kEndHouseholds = "Tổng số hộ cuối kỳ";
constexpr const char* kEndLabel = "Cuối kỳ";

const char* indicator_part(Indicator indicator) { return indicator == Indicator::Poor ? "ngheo" : "can-ngheo"; }

// Whether the column goes into the file: a movement always; an end count or the households at the end only
// when some row gives one (an end column makes a row of empty movements one that gives its end count alone).
bool written(const MovementField& field, std::size_t column, const std::vector<MovementRow>& rows) {
  if (field.kind == MovementField::Kind::Movement) return true;
  for (const MovementRow& row : rows)
    if (!row.cells[column].empty()) return true;
  return false;
}

const UnitMovements* unit_named(const Movements& movements, const std::string& name) {
  for (const UnitMovements& unit : movements.units)
    if (name_key(unit.name) == name_key(name)) return &unit;
  return nullptr;
}

std::string cell_of(const MovementField& field, const UnitMovements& unit) {
  const IndicatorMovements& given = unit.of(field.indicator);
  switch (field.kind) {
    case MovementField::Kind::Movement:
      return given.counts ? format_count((*given.counts)[static_cast<std::size_t>(field.movement)]) : "";
    case MovementField::Kind::End: return given.stated_end ? format_count(*given.stated_end) : "";
    case MovementField::Kind::EndHouseholds: return unit.end_households ? format_count(*unit.end_households) : "";
  }
  return "";
}

// "Hộ nghèo – Tái nghèo", "Tổng số hộ cuối kỳ": a column as the messages name it.
std::string column_words(const MovementField& field) {
  return field.group.empty() ? field.label : field.group + " – " + field.label;
}

const MovementField* field_of_part(const MovementTable& table, const std::string& part) {
  for (const MovementField& field : table.fields)
    if (field.part == part) return &field;
  return nullptr;
}

}  // namespace

std::vector<MovementField> movement_fields(const std::vector<Indicator>& indicators) {
  std::vector<MovementField> fields;
  for (Indicator indicator : indicators) {
    const std::string part = indicator_part(indicator);
    const auto& columns = movement_columns(indicator);
    for (std::size_t m = 0; m < columns.size(); ++m)
      fields.push_back({MovementField::Kind::Movement, indicator, static_cast<int>(m), part + "-" + std::to_string(m + 1),
                        indicator_heading(indicator), columns[m].label});
    fields.push_back({MovementField::Kind::End, indicator, -1, part + "-cuoi-ky", indicator_heading(indicator), kEndLabel});
  }
  fields.push_back({MovementField::Kind::EndHouseholds, Indicator::Poor, -1, "tong-so-ho-cuoi-ky", "", kEndHouseholds});
  return fields;
}

MovementTable movement_table_of(const PlanInput& plan) {
  MovementTable table;
  table.unit_column = plan.table.unit_label.empty() ? "Đơn vị" : plan.table.unit_label;
  for (const AppendixRow& row : plan.table.rows) table.villages.push_back(row.name);
  std::vector<Indicator> indicators;
  for (const IndicatorTarget& target : plan.table.indicators) indicators.push_back(target.indicator);
  table.fields = movement_fields(indicators);
  return table;
}

std::string movement_field_id(int row, const std::string& part) { return "bd-" + std::to_string(row) + "-" + part; }

std::vector<MovementRow> blank_movement_rows(const MovementTable& table) {
  std::vector<MovementRow> rows;
  for (const std::string& village : table.villages) rows.push_back({village, std::vector<std::string>(table.fields.size())});
  return rows;
}

std::vector<MovementRow> rows_of_movements(const MovementTable& table, const Movements& movements) {
  std::vector<MovementRow> rows = blank_movement_rows(table);
  for (MovementRow& row : rows)
    if (const UnitMovements* unit = unit_named(movements, row.village))
      for (std::size_t c = 0; c < table.fields.size(); ++c) row.cells[c] = cell_of(table.fields[c], *unit);
  return rows;
}

std::vector<MovementRow> posted_movement_rows(const MovementTable& table, const FormData& form) {
  std::vector<MovementRow> rows = blank_movement_rows(table);
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < table.fields.size(); ++c)
      rows[r].cells[c] = clean_text(form.value(movement_field_id(static_cast<int>(r + 1), table.fields[c].part)));
  return rows;
}

MovementCsv movement_csv(const MovementTable& table, const std::vector<MovementRow>& rows) {
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < table.fields.size(); ++c)
    if (written(table.fields[c], c, rows)) columns.push_back(c);
  MovementCsv out;
  out.column_parts = {"", ""};
  std::string groups = "TT," + csv_cell(table.unit_column);
  std::string labels = ",";
  std::string group;
  for (std::size_t c : columns) {
    const MovementField& field = table.fields[c];
    out.column_parts.push_back(field.part);
    if (field.kind == MovementField::Kind::EndHouseholds) {
      groups += "," + csv_cell(field.label);
      labels += ",";
      continue;
    }
    groups += "," + (field.group == group ? std::string() : csv_cell(field.group));
    group = field.group;
    labels += "," + csv_cell(field.label);
  }
  out.csv.text = groups + "\n" + labels + "\n";
  out.csv.line_rows = {-1, -1};
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line = std::to_string(r + 1) + "," + csv_cell(rows[r].village);
    for (std::size_t c : columns) line += "," + csv_cell(rows[r].cells[c]);
    out.csv.text += line + "\n";
    out.csv.line_rows.push_back(static_cast<int>(r));
  }
  return out;
}

bool check_typed_movements(const MovementTable& table, const std::vector<MovementRow>& rows, const MovementCsv& csv,
                           const PlanInput& plan, FormErrors& errors) {
  const MovementsCheck check = check_movements_grid(parse_csv(csv.csv.text, "bien-dong.csv"), plan);
  for (const InputError& problem : check.problems) {
    const Location& where = problem.where();
    const int line = where.row.value_or(0);
    const int row = line >= 1 && line <= static_cast<int>(csv.csv.line_rows.size())
                        ? csv.csv.line_rows[static_cast<std::size_t>(line - 1)]
                        : -1;
    const std::size_t column = static_cast<std::size_t>(where.column.value_or(0));
    const std::string part = column < csv.column_parts.size() ? csv.column_parts[column] : "";
    const MovementField* field = field_of_part(table, part);
    // A problem of a cell at its cell; one of the row (the report's own checks) at the row's first cell.
    const int at = row < 0 ? 1 : row + 1;
    const std::string id = movement_field_id(at, field ? field->part : table.fields.front().part);
    if (row >= 0 && field)
      errors.add(id, rows[static_cast<std::size_t>(row)].village + ", " + column_words(*field) + ": " + problem.problem());
    else
      errors.add(id, problem.problem());
  }
  return check.problems.empty();
}

std::string movement_table_html(const MovementTable& table, const std::vector<MovementRow>& rows, const FormErrors& errors) {
  const std::string caption = "Biến động hộ nghèo, hộ cận nghèo từ đầu năm của từng " + name_key(table.unit_column);
  std::string head = "<tr><th scope=\"col\" rowspan=\"2\">" + escape_html(table.unit_column) + "</th>";
  std::string labels = "<tr>";
  for (std::size_t c = 0; c < table.fields.size();) {
    const MovementField& field = table.fields[c];
    if (field.group.empty()) {
      head += "<th scope=\"col\" rowspan=\"2\" class=\"number\">" + escape_html(field.label) + "</th>";
      ++c;
      continue;
    }
    std::size_t span = 0;
    for (; c + span < table.fields.size() && table.fields[c + span].group == field.group; ++span)
      labels += "<th scope=\"col\" class=\"number\">" + escape_html(table.fields[c + span].label) + "</th>";
    head += "<th scope=\"colgroup\" colspan=\"" + std::to_string(span) + "\">" + escape_html(field.group) + "</th>";
    c += span;
  }
  std::string html = scroll_box(caption) + "<table class=\"table typed-table movement-table\">\n<caption class=\"table-caption\">" +
                     escape_html(caption) + "</caption>\n<thead>\n" + head + "</tr>\n" + labels + "</tr>\n</thead>\n<tbody>\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const MovementRow& row = rows[r];
    html += "<tr><th scope=\"row\">" + escape_html(row.village) + "</th>";
    for (std::size_t c = 0; c < table.fields.size(); ++c) {
      const MovementField& field = table.fields[c];
      html += input_cell({movement_field_id(static_cast<int>(r + 1), field.part),
                          row.village + ", " + column_words(field), row.cells[c], true},
                         errors);
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n";
}

}  // namespace kehoach
