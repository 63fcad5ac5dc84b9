#include "read/unit_tree_reader.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <unordered_map>

#include "model/input_error.h"
#include "model/unit_tree_builder.h"
#include "read/column_names.h"
#include "read/household_columns.h"
#include "read/row_stream.h"
#include "read/unit_cells.h"
#include "text/number_text.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr int kHeaderSearchRows = 30;

struct TreeColumns {
  std::vector<int> levels;
  int households = -1, poor = -1, near_poor = -1, members = -1;
  std::vector<std::string> names;
};

// Count columns that name no stage, or the start: "Hộ nghèo", "Hộ nghèo đầu năm".
bool is_start_count(const ColumnKind& kind, Indicator indicator) {
  return kind.meaning == ColumnMeaning::Count && kind.indicator == indicator &&
         (kind.stage == Stage::Start || kind.stage == Stage::Unspecified);
}

std::optional<TreeColumns> tree_columns(const GridRow& row) {
  TreeColumns c;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const int column = static_cast<int>(i);
    c.names.push_back(row.cells[i]);
    if (is_level_header(fold(row.cells[i]))) {
      c.levels.push_back(column);
      continue;
    }
    const ColumnKind kind = classify_header(row.cells[i]);
    if (kind.meaning == ColumnMeaning::Households && c.households < 0) c.households = column;
    if (kind.meaning == ColumnMeaning::Members && c.members < 0) c.members = column;
    if (is_start_count(kind, Indicator::Poor) && c.poor < 0) c.poor = column;
    if (is_start_count(kind, Indicator::NearPoor) && c.near_poor < 0) c.near_poor = column;
  }
  if (c.levels.empty() || c.households < 0) return std::nullopt;
  return c;
}

class TreeRows {
 public:
  TreeRows(std::string source, std::size_t expected_units) : source_(std::move(source)), expected_units_(expected_units) {}

  void row(const GridRow& row) {
    if (row.is_blank() || done_) return;
    if (!columns_) return header(row);
    if (is_total_row(row)) {
      done_ = true;  // a total row, then notes and signatures
      return;
    }
    for (std::size_t level = 0; level < path_.size(); ++level) {
      const int column = columns_->levels[level];
      const std::string& name = row.cell(static_cast<std::size_t>(column));
      if (name.empty()) throw error(row, column, "thiếu tên đơn vị.");
      if (name == path_[level]) continue;  // the unit of the row above (a commune's villages follow one another)
      if (const std::string problem = unit_name_problem(name); !problem.empty()) throw error(row, column, problem);
      path_[level] = name;
    }
    const int unit = builder_->unit_of(path_);
    HouseholdTally& t = builder_->tree().nodes[static_cast<std::size_t>(unit)].tally;
    if (t.households > 0) throw error(row, columns_->levels.back(), "đơn vị này đã có ở một dòng trên; mỗi đơn vị chỉ ghi một dòng.");
    t.households = count(row, columns_->households);
    t.poor = count(row, columns_->poor);
    t.near_poor = count(row, columns_->near_poor);
    if (columns_->members >= 0 && !row.cell(static_cast<std::size_t>(columns_->members)).empty())
      t.members = count(row, columns_->members, kMostMembersInUnit, "khẩu");
    if (t.households == 0) throw error(row, columns_->households, "đơn vị có 0 hộ; hãy ghi tổng số hộ hoặc bỏ dòng này.");
    if (t.poor + t.near_poor > t.households)
      throw error(row, columns_->households, std::to_string(t.poor) + " hộ nghèo và " + std::to_string(t.near_poor) +
                                                 " hộ cận nghèo, nhiều hơn tổng số " + std::to_string(t.households) + " hộ.");
    households_ += t.households;
    if (const std::string problem = total_households_problem(households_); !problem.empty())
      throw error(row, columns_->households, problem);
    ++units_;
  }

  UnitTree finish() {
    if (!columns_ || units_ == 0)
      throw InputError(Location{source_, {}, {}, {}},
                       "không có dòng đơn vị nào; tệp đơn vị cần dòng tiêu đề có các cột cấp (\"Tỉnh\", \"Xã\", \"Thôn\"…), "
                       "\"Tổng số hộ\", \"Hộ nghèo\", \"Hộ cận nghèo\", và mỗi thôn một dòng.");
    UnitTree tree = std::move(builder_->tree());
    tree.levels.clear();
    for (int column : columns_->levels) tree.levels.push_back(columns_->names[static_cast<std::size_t>(column)]);
    return tree;
  }

 private:
  void header(const GridRow& row) {
    columns_ = tree_columns(row);
    if (!columns_) {
      if (++rows_before_header_ < kHeaderSearchRows) return;
      throw InputError(Location{source_, row.source_row, {}, {}},
                       "không tìm thấy dòng tiêu đề trong " + std::to_string(kHeaderSearchRows) +
                           " dòng đầu; dòng tiêu đề cần các cột cấp đơn vị (\"Tỉnh\", \"Xã\", \"Thôn\"…) và \"Tổng số hộ\".");
    }
    std::vector<std::string> missing;
    if (columns_->poor < 0) missing.push_back("\"Hộ nghèo\"");
    if (columns_->near_poor < 0) missing.push_back("\"Hộ cận nghèo\"");
    if (!missing.empty())
      throw InputError(Location{source_, row.source_row, {}, {}},
                       "không tìm thấy cột " + missing.front() + (missing.size() > 1 ? " và " + missing.back() : "") + ".");
    std::vector<std::string> levels;
    for (int column : columns_->levels) levels.push_back(columns_->names[static_cast<std::size_t>(column)]);
    if (const std::string problem = unit_levels_problem(levels); !problem.empty())
      throw InputError(Location{source_, row.source_row, {}, {}}, problem);
    builder_.emplace(std::vector<std::string>(columns_->levels.size()));
    builder_->reserve(expected_units_);
    path_.assign(columns_->levels.size(), std::string());
  }

  // Whether the row is the total row that ends the table. Its first level's cell is folded to be
  // compared with "Tổng cộng" and the like only when it differs from the row above's: a province's
  // thousands of villages all start with its name, and folding it again for each would cost more
  // than the rest of the row.
  bool is_total_row(const GridRow& row) {
    const std::string& first = row.cell(static_cast<std::size_t>(columns_->levels.front()));
    if (!first.empty() && first == path_.front()) return false;
    return is_total_label(first);
  }

  long long count(const GridRow& row, int column, long long most = kMostHouseholdsInUnit, const char* words = "hộ") const {
    const std::string& text = row.cell(static_cast<std::size_t>(column));
    const CountText parsed = parse_count(text);
    if (parsed.status != CountText::Status::Ok) throw error(row, column, count_problem(parsed, text));
    if (const std::string problem = unit_count_problem(parsed.value, most, words); !problem.empty())
      throw error(row, column, problem);
    return parsed.value;
  }

  InputError error(const GridRow& row, int column, const std::string& problem) const {
    return InputError(Location{source_, row.source_row, column, columns_->names[static_cast<std::size_t>(column)]}, problem);
  }

  std::string source_;
  std::size_t expected_units_;
  std::optional<TreeColumns> columns_;
  std::optional<UnitTreeBuilder> builder_;
  std::vector<std::string> path_;  // the units of the row read last, highest first, checked already
  int rows_before_header_ = 0;
  long long units_ = 0;
  long long households_ = 0;
  bool done_ = false;
};

// A units table has a row for each of its lowest units, forty bytes or more of CSV each: room for as many
// units is made at once, so that the tree does not grow by copying itself into twice its size (a country's
// 135.000 units: some 100 MB at the peak instead of 150). Memory reserved and not used is never touched, so
// an estimate too large costs nothing but address space, bounded here; one too small (an .xlsx, whose
// rows are compressed) leaves the tree to grow as it would have.
std::size_t expected_units(const std::string& path) {
  constexpr std::uintmax_t kBytesPerRow = 40;
  constexpr std::uintmax_t kMostReserved = 1'000'000;
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::size_t>(std::min(size / kBytesPerRow + 1, kMostReserved));
}

}  // namespace

UnitTree read_unit_tree(const std::string& path, const std::string& sheet, EncodingChoice encoding,
                        std::vector<std::string>* notes) {
  TreeRows rows(path, expected_units(path));
  const RowStream read = stream_table_file(path, sheet, [&](const GridRow& row) { rows.row(row); }, encoding);
  UnitTree tree = rows.finish();
  if (notes) notes->insert(notes->end(), read.notes.begin(), read.notes.end());
  return tree;
}

}  // namespace kehoach
