#include "write/unit_tree_sheet.h"

#include <algorithm>
#include <map>

#include "compute/rate.h"

namespace kehoach {
namespace {

constexpr lxw_row_t kHeaderRow = 3;  // two header rows, 0-based
constexpr lxw_row_t kFirstDataRow = 5;
constexpr lxw_col_t kFirstFigureColumn = 3;
constexpr std::size_t kSumArguments = 200;  // Excel allows 255 arguments to SUM
constexpr double kHeaderPoints = 11, kBodyPoints = 12;  // the sizes of make_sheet_formats()

// "=SUM(D7:D25)" for adjacent children, "=SUM(D7,D30,D52)" for children with their own units in
// between, split into several SUMs joined by + past Excel's argument limit.
std::string sum_formula(const std::vector<lxw_row_t>& rows, lxw_col_t column) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    parts.push_back(j == i ? cell_ref(rows[i], column) : cell_ref(rows[i], column) + ":" + cell_ref(rows[j], column));
    i = j + 1;
  }
  std::string formula = "=";
  for (std::size_t i = 0; i < parts.size(); i += kSumArguments) {
    if (i) formula += "+";
    formula += "SUM(";
    for (std::size_t k = i; k < std::min(parts.size(), i + kSumArguments); ++k) formula += (k > i ? "," : "") + parts[k];
    formula += ")";
  }
  return formula;
}

class TreeSheetWriter {
 public:
  TreeSheetWriter(lxw_workbook* book, const SheetFormats& formats, const UnitTree& tree, const TreeSheet& spec)
      : f_(formats), tree_(tree), spec_(spec), sheet_(add_worksheet(book, spec.name.c_str())),
        units_(tree.listed()), last_column_(static_cast<lxw_col_t>(kFirstFigureColumn + spec.columns.size() - 1)) {
    for (std::size_t i = 0; i < units_.size(); ++i) row_of_[units_[i]] = static_cast<lxw_row_t>(kFirstDataRow + i);
    set_widths();
  }

  void write() {
    merge_cells(sheet_, 0, 0, 0, last_column_, spec_.title.c_str(), f_.title);
    merge_cells(sheet_, 1, 0, 1, last_column_, spec_.subtitle.c_str(), f_.attachment);
    set_row_height(sheet_, 0, lines_height(wrapped_lines(spec_.title, table_width_, 13), 13));
    set_row_height(sheet_, 1, lines_height(wrapped_lines(spec_.subtitle, table_width_, 13), 13));
    write_header();
    for (std::size_t i = 0; i < units_.size(); ++i) write_unit(i);
    write_notes();
    set_table_page(sheet_, kHeaderRow, kFirstDataRow, 0.4);
  }

 private:
  static lxw_col_t column(std::size_t index) { return static_cast<lxw_col_t>(kFirstFigureColumn + index); }

  void write_header() {
    const lxw_row_t top = kHeaderRow, bottom = kHeaderRow + 1;
    merge_cells(sheet_, top, 0, bottom, 0, "TT", f_.header);
    merge_cells(sheet_, top, 1, bottom, 1, "Đơn vị", f_.header);
    merge_cells(sheet_, top, 2, bottom, 2, "Cấp", f_.header);
    for (std::size_t i = 0; i < spec_.columns.size();) {
      const TreeColumn& c = spec_.columns[i];
      if (c.group.empty()) {
        merge_cells(sheet_, top, column(i), bottom, column(i), c.label.c_str(), f_.header);
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j + 1 < spec_.columns.size() && spec_.columns[j + 1].group == c.group) ++j;
      if (j > i)
        merge_cells(sheet_, top, column(i), top, column(j), c.group.c_str(), f_.header);
      else
        write_text(sheet_, top, column(i), c.group.c_str(), f_.header);
      for (std::size_t k = i; k <= j; ++k)
        write_text(sheet_, bottom, column(k), spec_.columns[k].label.c_str(), f_.header);
      i = j + 1;
    }
    // The groups' row as high as the longest group needs, the labels' row as the longest label; a
    // label merged over both rows has their height together.
    int top_lines = 1, bottom_lines = 1;
    for (std::size_t i = 0; i < spec_.columns.size();) {
      std::size_t span = 1;
      while (i + span < spec_.columns.size() && spec_.columns[i + span].group == spec_.columns[i].group) ++span;
      if (!spec_.columns[i].group.empty())
        top_lines = std::max(top_lines, wrapped_lines(spec_.columns[i].group, spec_.figure_width * static_cast<double>(span),
                                                      kHeaderPoints));
      i += span;
    }
    for (const TreeColumn& c : spec_.columns) {
      const int lines = wrapped_lines(c.label, spec_.figure_width, kHeaderPoints);
      bottom_lines = std::max(bottom_lines, c.group.empty() ? lines - top_lines : lines);
    }
    set_row_height(sheet_, top, lines_height(top_lines, kHeaderPoints));
    set_row_height(sheet_, bottom, lines_height(bottom_lines, kHeaderPoints));
  }

  std::vector<lxw_row_t> child_rows(int node) const {
    std::vector<lxw_row_t> rows;
    for (int child : tree_.nodes[static_cast<std::size_t>(node)].children) rows.push_back(row_of_.at(child));
    return rows;
  }

  void write_unit(std::size_t index) {
    const int node = units_[index];
    const UnitNode& unit = tree_.nodes[static_cast<std::size_t>(node)];
    const lxw_row_t row = row_of_.at(node);
    const bool group = !unit.children.empty();
    write_number(sheet_, row, 0, static_cast<double>(index + 1), f_.order);
    // A long name wraps inside its column rather than widening the table past the page.
    const int lines = name_lines(unit.name);
    if (lines > 1) set_row_height(sheet_, row, lines_height(lines, kBodyPoints));
    write_text(sheet_, row, 1, unit.name.c_str(),
                           group ? (lines > 1 ? f_.wrapped_group_text : f_.group_text)
                                 : (lines > 1 ? f_.wrapped_text : f_.text));
    const std::string level = unit.level < 0 ? "" : tree_.levels[static_cast<std::size_t>(unit.level)];
    write_text(sheet_, row, 2, level.c_str(), group ? f_.total_text : f_.order);
    const std::vector<lxw_row_t> children = child_rows(node);
    for (std::size_t i = 0; i < spec_.columns.size(); ++i) write_cell(row, i, node, group ? &children : nullptr);
  }

  void write_cell(lxw_row_t row, std::size_t index, int node, const std::vector<lxw_row_t>* children) {
    const TreeColumn& c = spec_.columns[index];
    const bool group = children != nullptr;
    if (c.kind == TreeColumn::Kind::Rate) {
      const std::string formula = "=ROUND(" + cell_ref(row, column(c.numerator)) + "/" +
                                  absolute_column_ref(row, column(c.denominator)) + "*100,2)";
      const Rate value = rate_of(spec_.columns[c.numerator].count(node), spec_.columns[c.denominator].count(node));
      write_formula(sheet_, row, column(index), formula.c_str(), group ? f_.total_rate : f_.rate,
                                  rate_value(value));
      return;
    }
    const double value = static_cast<double>(c.count(node));
    lxw_format* format = group ? f_.total_count : f_.count;
    if (group) {
      write_formula(sheet_, row, column(index), sum_formula(*children, column(index)).c_str(), format, value);
    } else if (c.kind == TreeColumn::Kind::Balance) {
      std::string formula = "=";
      for (const auto& [term, sign] : c.terms)
        formula += (sign < 0 ? "-" : formula.size() > 1 ? "+" : "") + cell_ref(row, column(term));
      write_formula(sheet_, row, column(index), formula.c_str(), format, value);
    } else {
      write_number(sheet_, row, column(index), value, format);
    }
  }

  void write_notes() {
    lxw_row_t row = static_cast<lxw_row_t>(kFirstDataRow + units_.size() + 1);
    for (const auto& note : spec_.notes) write_text(sheet_, row++, 1, note.c_str(), f_.footnote);
  }

  // A name no longer than the column was made for fits; only those past its limit are measured.
  int name_lines(const std::string& name) const {
    return name_width_for(display_length(name)) <= name_width_ ? 1 : wrapped_lines(name, name_width_, kBodyPoints);
  }

  static double name_width_for(std::size_t characters) { return 1.1 * static_cast<double>(characters) + 3; }

  // Names up to about 20 characters keep one line; longer ones wrap. Levels are short words.
  void set_widths() {
    std::size_t longest = 6;
    for (int node : units_) longest = std::max(longest, display_length(tree_.nodes[static_cast<std::size_t>(node)].name));
    std::size_t level = 3;
    for (const auto& name : tree_.levels) level = std::max(level, display_length(name));
    name_width_ = std::clamp(name_width_for(longest), 12.0, 25.0);
    const double level_width = std::min(12.0, 1.1 * static_cast<double>(level) + 2);
    set_column_width(sheet_, 0, 0, 4.5);
    set_column_width(sheet_, 1, 1, name_width_);
    set_column_width(sheet_, 2, 2, level_width);
    set_column_width(sheet_, kFirstFigureColumn, last_column_, spec_.figure_width);
    table_width_ = 4.5 + name_width_ + level_width + spec_.figure_width * static_cast<double>(spec_.columns.size());
  }

  const SheetFormats& f_;
  const UnitTree& tree_;
  const TreeSheet& spec_;
  lxw_worksheet* sheet_;
  std::vector<int> units_;
  std::map<int, lxw_row_t> row_of_;
  lxw_col_t last_column_;
  double name_width_ = 0, table_width_ = 0;
};

}  // namespace

void write_tree_sheet(lxw_workbook* book, const SheetFormats& formats, const UnitTree& tree, const TreeSheet& sheet) {
  TreeSheetWriter(book, formats, tree, sheet).write();
}

}  // namespace kehoach
