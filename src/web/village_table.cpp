#include "web/village_table.h"

#include <map>
#include <set>

#include "compute/rate.h"
#include "model/indicator.h"
#include "model/unit_level.h"
#include "read/csv_reader.h"
#include "text/column_letter.h"
#include "text/number_words.h"
#include "web/html.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

constexpr int kMostRowsShown = 2000;
constexpr int kMostColumnsShown = 40;

std::string cell_id(int row, int column) { return "o-" + std::to_string(row) + "-" + column_letter(column); }

std::string count_cell(long long count) { return "<td class=\"number\">" + format_count(count) + "</td>"; }
std::string rate_cell(long long count, long long total) {
  return "<td class=\"number\">" + format_rate(rate_of(count, total)) + "</td>";
}

// A CSV cell: quoted when it holds a separator, a quote or a space at an end.
std::string csv_cell(std::string text) {
  for (char& c : text)
    if (c == '\r' || c == '\n') c = ' ';
  const bool quote = text.find_first_of(",;\"\t") != std::string::npos || (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The typed field of a column of the CSV written by typed_csv: B the name, C households, D poor, E near-poor.
const char* typed_part(int column) {
  switch (column) {
    case 1: return "ten";
    case 2: return "so-ho";
    case 3: return "ngheo";
    case 4: return "can-ngheo";
  }
  return "ten";
}

const char* typed_label(int column) {
  switch (column) {
    case 1: return "Tên";
    case 2: return "Tổng số hộ";
    case 3: return "Hộ nghèo";
    case 4: return "Hộ cận nghèo";
  }
  return "Tên";
}

}  // namespace

VillageTable village_table_of(const RequestContext& context, const VersionRecord& version) {
  VillageTable table{version, {}, {}};
  for (const VersionFile& file : version_files(context.db, version.id))
    if (file.role == "input") table.file = file;
  if (!table.file.sha256.empty()) table.check = check_statistics_file(stored_path(context, table.file), table.file.name);
  return table;
}

std::optional<VillageTable> latest_village_table(const RequestContext& context, int year) {
  const std::optional<VersionRecord> version = latest_version(context.db, context.unit->id, year, WorkKind::VillageTable);
  if (!version) return std::nullopt;
  return village_table_of(context, *version);
}

std::string statistics_html(const Statistics& statistics, const std::string& caption) {
  bool members = false;
  for (const UnitStatistics& unit : statistics.units) members = members || unit.members.has_value();
  std::string html = scroll_box(caption) + "<table class=\"table table--figures\">\n<caption class=\"table-caption\">" +
                     escape_html(caption) + "</caption>\n<thead><tr><th scope=\"col\">TT</th><th scope=\"col\">" +
                     escape_html(statistics.unit_column) +
                     "</th><th scope=\"col\" class=\"number\">Tổng số hộ</th><th scope=\"col\" class=\"number\">Hộ nghèo</th>"
                     "<th scope=\"col\" class=\"number\">Tỷ lệ hộ nghèo (%)</th><th scope=\"col\" class=\"number\">Hộ cận "
                     "nghèo</th><th scope=\"col\" class=\"number\">Tỷ lệ hộ cận nghèo (%)</th>" +
                     std::string(members ? "<th scope=\"col\" class=\"number\">Số khẩu</th>" : "") + "</tr></thead>\n<tbody>\n";
  long long households = 0, poor = 0, near_poor = 0, people = 0;
  int order = 0;
  for (const UnitStatistics& unit : statistics.units) {
    html += "<tr><td>" + std::to_string(++order) + "</td><th scope=\"row\">" + escape_html(unit.name) + "</th>" +
            count_cell(unit.households) + count_cell(unit.poor) + rate_cell(unit.poor, unit.households) +
            count_cell(unit.near_poor) + rate_cell(unit.near_poor, unit.households) +
            (members ? (unit.members ? count_cell(*unit.members) : std::string("<td></td>")) : "") + "</tr>\n";
    households += unit.households;
    poor += unit.poor;
    near_poor += unit.near_poor;
    people += unit.members.value_or(0);
  }
  html += "</tbody>\n<tfoot><tr class=\"total\"><td></td><th scope=\"row\">" + std::string(kTotalLabel) + "</th>" +
          count_cell(households) + count_cell(poor) + rate_cell(poor, households) + count_cell(near_poor) +
          rate_cell(near_poor, households) + (members ? count_cell(people) : "") + "</tr></tfoot>\n</table>\n</div>\n";
  return html;
}

std::string problem_anchor(const InputError& problem, const std::string& file_field) {
  const Location& where = problem.where();
  if (where.row && where.column) return cell_id(*where.row, *where.column);
  if (where.row) return "o-" + std::to_string(*where.row);
  return file_field;
}

std::string grid_html(const StatisticsCheck& check, const std::string& caption) {
  const Grid& grid = check.grid;
  if (grid.rows.empty()) return "";
  std::map<std::pair<int, int>, std::string> cell_problems;
  std::set<int> row_problems;
  for (const InputError& problem : check.problems) {
    const Location& where = problem.where();
    if (where.row && where.column) cell_problems[{*where.row, *where.column}] = problem.problem();
    else if (where.row) row_problems.insert(*where.row);
  }
  std::size_t columns = 0;
  for (const GridRow& row : grid.rows) columns = std::max(columns, row.cells.size());
  columns = std::min<std::size_t>(columns, kMostColumnsShown);
  std::string html = scroll_box(caption) + "<table class=\"table grid-view\">\n<caption class=\"table-caption\">" +
                     escape_html(caption) + "</caption>\n<thead><tr><th scope=\"col\"><span class=\"visually-hidden\">Dòng"
                     "</span></th>";
  for (std::size_t c = 0; c < columns; ++c) html += "<th scope=\"col\">" + column_letter(static_cast<int>(c)) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  int shown = 0;
  for (const GridRow& row : grid.rows) {
    if (++shown > kMostRowsShown) break;
    const bool row_bad = row_problems.count(row.source_row) > 0;
    html += std::string("<tr") + (row_bad ? " class=\"row--error\"" : "") + "><th scope=\"row\" id=\"o-" +
            std::to_string(row.source_row) + "\"" + (row_bad ? " tabindex=\"-1\"" : "") + ">" +
            std::to_string(row.source_row) + "</th>";
    for (std::size_t c = 0; c < columns; ++c) {
      const int column = static_cast<int>(c);
      const auto found = cell_problems.find({row.source_row, column});
      html += "<td id=\"" + cell_id(row.source_row, column) + "\"";
      if (found != cell_problems.end()) html += " class=\"cell--error\" tabindex=\"-1\"";
      html += ">" + escape_html(row.cell(c));
      if (found != cell_problems.end())
        html += "<span class=\"cell-error\"><span class=\"visually-hidden\">Lỗi: </span>" + escape_html(found->second) +
                "</span>";
      html += "</td>";
    }
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n</div>\n";
  if (shown > kMostRowsShown)
    html += "<p class=\"hint\">Chỉ hiện " + std::to_string(kMostRowsShown) + " dòng đầu của tệp.</p>\n";
  return html;
}

bool TypedRow::blank() const { return name.empty() && households.empty() && poor.empty() && near_poor.empty(); }

std::string typed_unit_column(const std::vector<UnitRecord>& villages) {
  std::set<std::string> words;
  for (const UnitRecord& village : villages) words.insert(village.level_word);
  if (words.size() == 1) return *words.begin();
  return words.empty() ? "Thôn" : "Đơn vị";
}

std::vector<TypedRow> rows_of_villages(const std::vector<UnitRecord>& villages) {
  const bool bare = typed_unit_column(villages) != "Đơn vị";
  std::vector<TypedRow> rows;
  for (const UnitRecord& village : villages) rows.push_back({bare ? village.name : village.full_name(), "", "", ""});
  return rows;
}

std::vector<TypedRow> rows_of_statistics(const Statistics& statistics) {
  std::vector<TypedRow> rows;
  for (const UnitStatistics& unit : statistics.units)
    rows.push_back({unit.name, format_count(unit.households), format_count(unit.poor), format_count(unit.near_poor)});
  return rows;
}

TypedCsv typed_csv(const std::vector<TypedRow>& rows, const std::string& unit_column) {
  TypedCsv csv;
  csv.text = "TT," + csv_cell(unit_column) + ",Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n";
  csv.line_rows.push_back(-1);
  int order = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const TypedRow& row = rows[i];
    if (row.blank()) continue;
    csv.text += std::to_string(++order) + "," + csv_cell(row.name) + "," + csv_cell(row.households) + "," +
                csv_cell(row.poor) + "," + csv_cell(row.near_poor) + "\n";
    csv.line_rows.push_back(static_cast<int>(i));
  }
  return csv;
}

std::string typed_field(int row, const std::string& part) { return "thon-" + std::to_string(row) + "-" + part; }

std::optional<Statistics> check_typed(const std::vector<TypedRow>& rows, const TypedCsv& csv, FormErrors& errors) {
  if (csv.line_rows.size() < 2) {
    errors.add(typed_field(1, "ten"), "Hãy nhập ít nhất một thôn: tên, tổng số hộ, số hộ nghèo và hộ cận nghèo.");
    return std::nullopt;
  }
  // A name a spreadsheet would take for a formula is refused before it goes into the CSV kept (and opened in
  // Excel by whoever downloads it).
  bool formulas = false;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!rows[i].name.empty() && std::string("=+-@").find(rows[i].name.front()) != std::string::npos) {
      errors.add(typed_field(static_cast<int>(i + 1), "ten"),
                 "Dòng " + std::to_string(i + 1) + ", Tên: tên thôn không bắt đầu bằng dấu " + rows[i].name.substr(0, 1) +
                     " (bảng tính sẽ coi là công thức); hãy gõ lại tên.");
      formulas = true;
    }
  if (formulas) return std::nullopt;
  StatisticsCheck check = check_statistics_grid(parse_csv(csv.text, "thon.csv"));
  for (const InputError& problem : check.problems) {
    const Location& where = problem.where();
    const int line = where.row.value_or(0);
    const int row = line >= 1 && line <= static_cast<int>(csv.line_rows.size()) ? csv.line_rows[static_cast<std::size_t>(line - 1)] : -1;
    if (row < 0) {
      errors.add(typed_field(1, "ten"), problem.problem());
      continue;
    }
    const int column = where.column.value_or(1);
    errors.add(typed_field(row + 1, typed_part(column)),
               "Dòng " + std::to_string(row + 1) + ", " + typed_label(column) + ": " + problem.problem());
  }
  return check.statistics;
}

}  // namespace kehoach
