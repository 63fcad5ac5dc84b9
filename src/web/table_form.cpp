#include "web/table_form.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "read/legacy_columns.h"
#include "read/table_file.h"
#include "text/column_letter.h"
#include "text/unicode.h"
#include "web/html.h"

namespace kehoach {
namespace {

constexpr int kMostRowsShown = 2000;
constexpr int kMostColumnsShown = 40;

std::string cell_id(int row, int column) { return "o-" + std::to_string(row) + "-" + column_letter(column); }

}  // namespace

std::string csv_cell(std::string text) {
  for (char& c : text)
    if (c == '\r' || c == '\n') c = ' ';
  const bool quote = text.find_first_of(",;\"\t") != std::string::npos || (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string input_cell(const InputCell& cell, const FormErrors& errors) {
  const std::string message = errors.message_for(cell.id);
  std::string html = std::string("<td") + (message.empty() ? "" : " class=\"cell--error\"") + ">";
  html += "<label class=\"visually-hidden\" for=\"" + cell.id + "\">" + escape_html(cell.label) + "</label>";
  if (!message.empty())
    html += "<span class=\"cell-error\" id=\"" + cell.id + "-loi\"><span class=\"visually-hidden\">Lỗi: </span>" +
            escape_html(message) + "</span>";
  html += "<input class=\"input" + std::string(cell.number ? " input--number" : "") + "\" type=\"text\" id=\"" + cell.id +
          "\" name=\"" + cell.id + "\" value=\"" + escape_html(cell.value) + "\"" + (cell.number ? " inputmode=\"numeric\"" : "") +
          (message.empty() ? "" : " aria-invalid=\"true\" aria-describedby=\"" + cell.id + "-loi\"") +
          " spellcheck=\"false\" autocomplete=\"off\"></td>";
  return html;
}

std::string upload_name(const std::string& browser_name) {
  const std::size_t slash = browser_name.find_last_of("/\\");
  const std::string name = clean_text(slash == std::string::npos ? browser_name : browser_name.substr(slash + 1));
  return name.empty() ? "tệp tải lên" : name;
}

std::string table_extension(const std::string& path, const std::string& name) {
  std::string head(8, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const TableKind kind = sniff_table(head, name);
  return kind == TableKind::Xlsx ? ".xlsx" : kind == TableKind::Xls ? ".xls" : ".csv";
}

std::string problem_anchor(const InputError& problem, const std::string& file_field) {
  const Location& where = problem.where();
  if (where.row && where.column) return cell_id(*where.row, *where.column);
  if (where.row) return "o-" + std::to_string(*where.row);
  return file_field;
}

std::string grid_html(const Grid& grid, const std::vector<InputError>& problems, const std::string& caption) {
  if (grid.rows.empty()) return "";
  std::map<std::pair<int, int>, std::string> cell_problems;
  std::set<int> row_problems;
  for (const InputError& problem : problems) {
    const Location& where = problem.where();
    if (where.row && where.column) cell_problems[{*where.row, *where.column}] = upload_message(problem.problem());
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

std::string upload_message(std::string message) {
  for (const EncodingAdvice& advice : encoding_advice())
    if (const auto at = message.find(advice.command_line); at != std::string::npos)
      message.replace(at, advice.command_line.size(), advice.upload);
  return message;
}

}  // namespace kehoach
