#include "read/movements_reader.h"

#include <algorithm>
#include <map>
#include <span>

#include "model/input_error.h"
#include "read/column_names.h"
#include "read/unit_cells.h"
#include "text/number_text.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr int kEndColumn = -2;  // the end count, beside the seven movements

struct MovementHeader {
  int column = -1;
  std::string name;       // "Hộ nghèo - Tái nghèo", for messages
  Indicator indicator = Indicator::Poor;
  int movement = -1;      // index into movement_columns(), or kEndColumn
};

bool contains(const std::string& folded, std::string_view phrase) {
  return (" " + folded + " ").find(" " + std::string(phrase) + " ") != std::string::npos;
}

// Which movement a label names, within its indicator's table. Order matters: "Hộ cận nghèo rơi
// xuống nghèo" in the poor table is a newly poor household, not one that became near-poor.
int movement_of(Indicator indicator, const std::string& label) {
  const std::string f = fold(label);
  const auto& columns = movement_columns(indicator);
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (f == fold(columns[i].key) || f == fold(columns[i].label)) return static_cast<int>(i);
  struct Rule { const char* phrase; int movement; };
  static const Rule poor[] = {{"tai ngheo", 4}, {"roi xuong", 3}, {"tu can ngheo", 3}, {"thanh ho can ngheo", 0},
                              {"thanh can ngheo", 0}, {"vuot", 1}, {"giam khac", 2}, {"phat sinh", 5},
                              {"tang khac", 6}, {"cuoi", kEndColumn}, {"hien nay", kEndColumn}, {"end", kEndColumn}};
  static const Rule near[] = {{"tai can ngheo", 4}, {"roi xuong", 1}, {"thanh ho ngheo", 1}, {"thoat thanh can ngheo", 3},
                              {"tu ho ngheo", 3}, {"thoat can ngheo", 0}, {"vuot", 0}, {"giam khac", 2},
                              {"phat sinh", 5}, {"tang khac", 6}, {"cuoi", kEndColumn}, {"hien nay", kEndColumn},
                              {"end", kEndColumn}};
  for (const Rule& rule : indicator == Indicator::Poor ? std::span<const Rule>(poor) : std::span<const Rule>(near))
    if (contains(f, rule.phrase)) return rule.movement;
  return -1;
}

std::optional<Indicator> group_indicator(const std::string& group) {
  const std::string f = fold(group);
  if (contains(f, "can ngheo") || contains(f, "near poor") || f == "near_poor") return Indicator::NearPoor;
  if (contains(f, "ngheo") || contains(f, "poor")) return Indicator::Poor;
  return std::nullopt;
}

bool is_label_row(const GridRow& row) {
  int labels = 0;
  for (const auto& cell : row.cells)
    if (!cell.empty() && parse_count(cell).status != CountText::Status::Ok) ++labels;
  return labels >= 3;
}

// "Tổng số hộ cuối kỳ", "Số hộ hiện nay": all households at the end of the period, over which the
// end rates are counted. A plain "Tổng số hộ" may be the start's copied over, so it is not taken.
bool names_end_households(const std::string& header) {
  const std::string f = fold(header);
  return classify_header(header).meaning == ColumnMeaning::Households &&
         (contains(f, "cuoi") || contains(f, "hien nay") || contains(f, "end"));
}

struct Layout {
  int unit = -1;
  std::optional<MovementHeader> end_households;  // the column of names_end_households(), if any
  std::size_t first_data = 0;
  std::vector<MovementHeader> columns;

  bool has_end_column(Indicator indicator) const {
    for (const auto& c : columns)
      if (c.indicator == indicator && c.movement == kEndColumn) return true;
    return false;
  }
};

Layout read_layout(const Grid& grid) {
  const std::optional<Header> header = find_header(grid, 1);
  if (!header) throw InputError(Location{grid.source, {}, {}, {}}, "không tìm thấy dòng tiêu đề có cột đơn vị (\"Thôn\", \"Đơn vị\").");
  Layout layout;
  layout.unit = header->column_of(ColumnMeaning::Unit);
  const GridRow& upper = grid.rows[header->row_index];
  const bool two_rows = header->row_index + 1 < grid.rows.size() && is_label_row(grid.rows[header->row_index + 1]);
  const GridRow* lower = two_rows ? &grid.rows[header->row_index + 1] : nullptr;
  layout.first_data = header->row_index + (two_rows ? 2 : 1);

  std::string group;
  const std::size_t width = std::max(upper.cells.size(), lower ? lower->cells.size() : 0);
  for (std::size_t c = 0; c < width; ++c) {
    if (static_cast<int>(c) == layout.unit) continue;
    if (names_end_households(upper.cell(c))) {
      layout.end_households = MovementHeader{static_cast<int>(c), upper.cell(c), Indicator::Poor, kEndColumn};
      group.clear();
      continue;
    }
    if (!upper.cell(c).empty()) group = upper.cell(c);
    std::string label = lower ? lower->cell(c) : "";
    std::string this_group = lower ? group : "";
    if (!lower) {  // "Hộ nghèo - Tái nghèo" in one cell
      const std::string& text = upper.cell(c);
      const auto dash = text.find(" - ");
      if (dash == std::string::npos) continue;
      this_group = text.substr(0, dash);
      label = text.substr(dash + 3);
    }
    if (label.empty()) continue;
    const auto indicator = group_indicator(this_group);
    if (!indicator) continue;  // "Tổng số hộ", "TT" and the like
    const std::string name = this_group + " - " + label;
    const int movement = movement_of(*indicator, label);
    if (movement == -1)
      throw InputError(Location{grid.source, upper.source_row + (lower ? 1 : 0), static_cast<int>(c), name},
                       "không rõ đây là cột biến động nào; các cột của bảng " +
                           std::string(indicator_households(*indicator)) +
                           " là: " + [&] {
                             std::string list;
                             for (const auto& m : movement_columns(*indicator)) list += (list.empty() ? "" : ", ") + std::string(m.label);
                             return list + ", Cuối kỳ";
                           }() + ".");
    layout.columns.push_back({static_cast<int>(c), name, *indicator, movement});
  }
  if (layout.columns.empty())
    throw InputError(Location{grid.source, upper.source_row, {}, {}},
                     "không tìm thấy cột biến động nào. Bảng cần nhóm cột \"Hộ nghèo\" / \"Hộ cận nghèo\" với các cột như "
                     "\"Thoát nghèo thành hộ cận nghèo\", \"Tái nghèo\", \"Phát sinh mới\", hoặc cột \"Cuối kỳ\".");
  return layout;
}

long long count_at(const Grid& grid, const GridRow& row, const MovementHeader& column, bool empty_is_zero) {
  const std::string& text = row.cell(static_cast<std::size_t>(column.column));
  const CountText parsed = parse_count(text);
  if (parsed.status == CountText::Status::Empty && empty_is_zero) return 0;
  if (parsed.status != CountText::Status::Ok)
    throw InputError(Location{grid.source, row.source_row, column.column, column.name}, count_problem(parsed, text));
  if (const std::string problem = unit_count_problem(parsed.value, kMostHouseholdsInUnit); !problem.empty())
    throw InputError(Location{grid.source, row.source_row, column.column, column.name}, problem);
  return parsed.value;
}

}  // namespace

int movements_first_data_row(const Grid& grid) {
  const Layout layout = read_layout(grid);
  if (layout.first_data < grid.rows.size()) return grid.rows[layout.first_data].source_row;
  return grid.rows.empty() ? 1 : grid.rows.back().source_row + 1;
}

Movements read_movements(const Grid& grid) {
  const Layout layout = read_layout(grid);
  Movements movements;
  movements.source = grid.source;
  std::map<std::string, int> row_of_name;
  for (std::size_t i = layout.first_data; i < grid.rows.size(); ++i) {
    const GridRow& row = grid.rows[i];
    if (row.is_blank()) continue;
    const std::string name = clean_text(row.cell(static_cast<std::size_t>(layout.unit)));
    if (is_total_label(name)) break;
    const Location where{grid.source, row.source_row, layout.unit, ""};
    if (name.empty()) throw InputError(where, "thiếu tên đơn vị; hãy ghi tên thôn/đơn vị cho dòng này.");
    if (const std::string problem = unit_name_problem(name); !problem.empty()) throw InputError(where, problem);
    if (auto [previous, inserted] = row_of_name.emplace(name_key(name), row.source_row); !inserted)
      throw InputError(where, "\"" + name + "\" đã có ở dòng " + std::to_string(previous->second) + "; mỗi đơn vị chỉ ghi một dòng.");

    UnitMovements unit{name, row.source_row, {}, {}, std::nullopt};
    // Given for every unit or for none: end rates over two kinds of denominator would not add up.
    if (const auto& column = layout.end_households) {
      if (row.cell(static_cast<std::size_t>(column->column)).empty())
        throw InputError(Location{grid.source, row.source_row, column->column, column->name},
                         "ô trống; hãy ghi tổng số hộ cuối kỳ của \"" + name + "\", hoặc bỏ cả cột này (khi đó tỷ lệ "
                         "cuối kỳ tính trên số hộ đầu năm).");
      unit.end_households = count_at(grid, row, *column, false);
    }
    for (const auto& column : layout.columns) {
      IndicatorMovements& target = column.indicator == Indicator::Poor ? unit.poor : unit.near_poor;
      const bool empty = row.cell(static_cast<std::size_t>(column.column)).empty();
      if (column.movement == kEndColumn) {
        if (!empty) target.stated_end = count_at(grid, row, column, false);
        continue;
      }
      // Where the file has an end-count column, a row whose movement cells are all empty gives its
      // end count alone; elsewhere an empty movement cell is a zero, as officials leave them.
      if (empty && layout.has_end_column(column.indicator)) continue;
      if (!target.counts) target.counts.emplace();
      (*target.counts)[static_cast<std::size_t>(column.movement)] += count_at(grid, row, column, true);
    }
    movements.units.push_back(std::move(unit));
  }
  if (movements.units.empty())
    throw InputError(Location{grid.source, {}, {}, {}}, "không có dòng số liệu nào dưới dòng tiêu đề.");
  return movements;
}

}  // namespace kehoach
