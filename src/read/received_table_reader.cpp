#include "read/received_table_reader.h"

#include "model/input_error.h"
#include "read/column_names.h"
#include "read/unit_cells.h"

namespace kehoach {
namespace {

// Each "Tỷ lệ" column belongs to the count column just before it, as officials lay them out.
std::vector<ReceivedCountColumn> count_columns(const Header& header) {
  std::vector<ReceivedCountColumn> counts;
  for (std::size_t i = 0; i < header.kinds.size(); ++i) {
    const ColumnKind& kind = header.kinds[i];
    const ReceivedColumn column{static_cast<int>(i), header.names[i]};
    if (kind.meaning == ColumnMeaning::Count) {
      counts.push_back({column, std::nullopt, kind.indicator, kind.stage});
    } else if (kind.meaning == ColumnMeaning::Rate && !counts.empty() && !counts.back().rate &&
               counts.back().count.index == static_cast<int>(i) - 1) {
      // A bare "Tỷ lệ %" says nothing in a message; name it after its count column.
      ReceivedColumn rate = column;
      if (!kind.indicator) rate.header = counts.back().count.header + " - " + column.header;
      counts.back().rate = rate;
    }
  }
  return counts;
}

bool is_total_row(const GridRow& row, int unit_column) {
  // The label may sit in the unit column or, merged, in the TT column before it.
  for (int c = 0; c <= unit_column; ++c)
    if (is_total_label(row.cell(static_cast<std::size_t>(c)))) return true;
  return false;
}

}  // namespace

ReceivedTable read_received_table(const Grid& grid) {
  const std::optional<Header> header = find_header(grid, 1);
  ReceivedTable table;
  table.source = grid.source;
  if (header) table.counts = count_columns(*header);
  if (!header || table.counts.empty())
    throw InputError(Location{grid.source, {}, {}, {}},
                     "không tìm thấy dòng tiêu đề của bảng chỉ tiêu. Dòng tiêu đề cần có cột đơn vị (\"Thôn\", \"Đơn vị\"), "
                     "\"Tổng số hộ\" và các cột số hộ như \"Hộ nghèo đầu năm\", \"Giảm hộ nghèo\", \"Hộ nghèo cuối năm\", "
                     "mỗi cột có thể kèm cột \"Tỷ lệ %\".");
  const int unit_column = header->column_of(ColumnMeaning::Unit);
  if (int h = header->column_of(ColumnMeaning::Households); h >= 0)
    table.households = ReceivedColumn{h, header->names[static_cast<std::size_t>(h)]};

  for (std::size_t i = header->first_data_index; i < grid.rows.size(); ++i) {
    const GridRow& row = grid.rows[i];
    if (row.is_blank()) continue;
    ReceivedRow received{row.source_row, row.cell(static_cast<std::size_t>(unit_column)), row.cells};
    if (is_total_row(row, unit_column)) {
      // "Tổng cộng" may stand in the TT column with the unit cell empty; findings name the row by it.
      for (int c = 0; received.name.empty() && c <= unit_column; ++c)
        if (is_total_label(row.cell(static_cast<std::size_t>(c)))) received.name = row.cell(static_cast<std::size_t>(c));
      table.total = std::move(received);
      break;  // notes and signatures follow the total
    }
    // The check's findings quote the name on a terminal and in its report.
    if (const std::string problem = unit_name_problem(received.name); !problem.empty())  // a name needs its column
      throw InputError(Location{grid.source, row.source_row, unit_column, header->names.at(static_cast<std::size_t>(unit_column))},
                       problem);
    table.units.push_back(std::move(received));
  }
  return table;
}

}  // namespace kehoach
