#include "read/statistics_reader.h"

#include <map>

#include "model/input_error.h"
#include "read/column_names.h"
#include "read/unit_cells.h"
#include "text/number_text.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

struct StatisticsColumns {
  int unit = -1, households = -1, poor = -1, near_poor = -1, members = -1;
};

// A start-of-year count column: "Hộ nghèo", "Hộ nghèo đầu năm"; not "Giảm …" or "… cuối năm".
int start_count_column(const Header& header, Indicator indicator) {
  int unspecified = -1;
  for (std::size_t i = 0; i < header.kinds.size(); ++i) {
    const ColumnKind& k = header.kinds[i];
    if (k.meaning != ColumnMeaning::Count || k.indicator != indicator) continue;
    if (k.stage == Stage::Start) return static_cast<int>(i);
    if (k.stage == Stage::Unspecified && unspecified < 0) unspecified = static_cast<int>(i);
  }
  return unspecified;
}

std::string missing_column_message(const Header* header, const std::vector<std::string>& missing) {
  std::string message = "không tìm thấy cột ";
  for (std::size_t i = 0; i < missing.size(); ++i)
    message += (i ? (i + 1 == missing.size() ? " và " : ", ") : "") + ("\"" + missing[i] + "\"");
  message += ".";
  if (!header) {
    return message + " Dòng tiêu đề cần có các cột \"Thôn\" (hoặc \"Đơn vị\"), \"Tổng số hộ\", \"Hộ nghèo\", "
                     "\"Hộ cận nghèo\" (có thể thêm \"Số khẩu\").";
  }
  std::string present;
  for (const auto& name : header->names)
    if (!name.empty()) present += (present.empty() ? "\"" : ", \"") + name + "\"";
  message += " Các cột đang có: " + present + ".";
  for (const auto& wanted : missing) {
    const std::string near = closest_header(header->names, wanted);
    if (!near.empty()) message += " Có phải cột \"" + near + "\" là \"" + wanted + "\" viết sai?";
  }
  return message;
}

StatisticsColumns locate_columns(const Grid& grid, const std::optional<Header>& header) {
  StatisticsColumns columns;
  std::vector<std::string> missing;
  if (header) {
    columns.unit = header->column_of(ColumnMeaning::Unit);
    columns.households = header->column_of(ColumnMeaning::Households);
    columns.members = header->column_of(ColumnMeaning::Members);
    columns.poor = start_count_column(*header, Indicator::Poor);
    columns.near_poor = start_count_column(*header, Indicator::NearPoor);
  }
  if (columns.unit < 0) missing.push_back("Thôn");
  if (columns.households < 0) missing.push_back("Tổng số hộ");
  if (columns.poor < 0) missing.push_back(indicator_heading(Indicator::Poor));
  if (columns.near_poor < 0) missing.push_back(indicator_heading(Indicator::NearPoor));
  if (!missing.empty()) {
    const int row = header ? grid.rows[header->row_index].source_row : 1;
    throw InputError(Location{grid.source, row, {}, {}}, missing_column_message(header ? &*header : nullptr, missing));
  }
  return columns;
}

class RowReader {
 public:
  RowReader(const Grid& grid, const Header& header, const GridRow& row)
      : grid_(grid), header_(header), row_(row) {}

  long long count(int column, long long most = kMostHouseholdsInUnit, const char* words = "hộ") const {
    const std::string& text = row_.cell(static_cast<std::size_t>(column));
    const CountText parsed = parse_count(text);
    if (parsed.status != CountText::Status::Ok) throw error(column, count_problem(parsed, text));
    if (const std::string problem = unit_count_problem(parsed.value, most, words); !problem.empty())
      throw error(column, problem);
    return parsed.value;
  }

  InputError error(int column, const std::string& problem) const {
    return InputError(Location{grid_.source, row_.source_row, column, header_.names[static_cast<std::size_t>(column)]},
                      problem);
  }

 private:
  const Grid& grid_;
  const Header& header_;
  const GridRow& row_;
};

void check_unit(const RowReader& reader, const UnitStatistics& unit, const StatisticsColumns& c) {
  if (unit.households == 0)
    throw reader.error(c.households, "\"" + unit.name + "\" có 0 hộ; hãy ghi tổng số hộ của đơn vị, "
                                     "hoặc bỏ dòng này nếu đơn vị không còn.");
  if (unit.poor + unit.near_poor > unit.households)
    throw reader.error(c.households, "\"" + unit.name + "\" có " + std::to_string(unit.poor) + " hộ nghèo và " +
                                         std::to_string(unit.near_poor) + " hộ cận nghèo, cộng lại " +
                                         std::to_string(unit.poor + unit.near_poor) + " hộ, nhiều hơn tổng số " +
                                         std::to_string(unit.households) + " hộ.");
}

}  // namespace

Statistics read_statistics(const Grid& grid) {
  const std::optional<Header> found = find_header(grid, 1);
  const StatisticsColumns c = locate_columns(grid, found);
  const Header& header = *found;
  Statistics statistics;
  statistics.source = grid.source;
  statistics.unit_column = header.names[static_cast<std::size_t>(c.unit)];
  std::map<std::string, int> row_of_name;
  long long households = 0;

  for (std::size_t i = header.first_data_index; i < grid.rows.size(); ++i) {
    const GridRow& row = grid.rows[i];
    if (row.is_blank()) continue;
    const RowReader reader(grid, header, row);
    const std::string name = clean_text(row.cell(static_cast<std::size_t>(c.unit)));
    if (is_total_label(name)) break;  // what follows a total row is notes and signatures
    if (name.empty()) throw reader.error(c.unit, "thiếu tên đơn vị; hãy ghi tên thôn/đơn vị cho dòng này.");
    if (const std::string problem = unit_name_problem(name); !problem.empty()) throw reader.error(c.unit, problem);

    UnitStatistics unit{name, reader.count(c.households), reader.count(c.poor), reader.count(c.near_poor),
                        std::nullopt, row.source_row};
    if (c.members >= 0 && !row.cell(static_cast<std::size_t>(c.members)).empty())
      unit.members = reader.count(c.members, kMostMembersInUnit, "khẩu");
    check_unit(reader, unit, c);
    households += unit.households;
    if (const std::string problem = total_households_problem(households); !problem.empty())
      throw reader.error(c.households, problem);

    auto [previous, inserted] = row_of_name.emplace(name_key(name), row.source_row);
    if (!inserted)
      throw reader.error(c.unit, "\"" + name + "\" đã có ở dòng " + std::to_string(previous->second) +
                                     "; mỗi đơn vị chỉ ghi một dòng.");
    statistics.units.push_back(std::move(unit));
  }
  if (statistics.units.empty())
    throw InputError(Location{grid.source, grid.rows[header.row_index].source_row, {}, {}},
                     "không có dòng số liệu nào dưới dòng tiêu đề.");
  return statistics;
}

}  // namespace kehoach
