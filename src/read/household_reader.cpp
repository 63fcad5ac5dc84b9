#include "read/household_reader.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "model/input_error.h"
#include "read/column_names.h"
#include "read/row_stream.h"
#include "read/unit_cells.h"
#include "text/number_text.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr int kHeaderSearchRows = 30;    // titles above the header, as in the statistics files
constexpr std::size_t kProblemsShown = 20;
constexpr long long kMostMembers = 99;

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? (i + 1 == items.size() ? " và " : ", ") : "") + ("\"" + items[i] + "\"");
  return out;
}

std::string missing_message(const RecordLayout& layout, const std::vector<std::string>& missing) {
  std::string message = "không tìm thấy cột " + quoted_list(missing) + " trong dòng tiêu đề.";
  for (const auto& wanted : missing) {
    const std::string near = closest_header(layout.names, wanted);
    if (!near.empty()) message += " Có phải cột \"" + near + "\" là \"" + wanted + "\" viết sai?";
  }
  return message + " Tên các cột của tệp hộ gia đình: xem README.md, mục \"Tệp hộ gia đình\".";
}

// "Thu nhập bình quân/tháng", "… một năm": the basis a header states, if it states one.
std::optional<bool> stated_per_year(const std::string& header) {
  const std::string f = " " + fold(header) + " ";
  if (f.find(" nam ") != std::string::npos || f.find(" year ") != std::string::npos) return true;
  if (f.find(" thang ") != std::string::npos || f.find(" month ") != std::string::npos) return false;
  return std::nullopt;
}

// "x", "1", "có": deprived or in the group; "", "0", "không": not.
std::optional<bool> marker_value(const std::string& text) {
  if (text.empty() || text == "0" || text == "-") return false;
  if (text == "x" || text == "X" || text == "1") return true;
  const std::string f = fold(text);
  if (f == "x" || f == "co" || f == "true" || f == "yes" || f == "thieu" || f == "thieu hut") return true;
  if (f == "khong" || f == "false" || f == "no" || f == "k") return false;
  return std::nullopt;
}

std::optional<Area> area_value(const std::string& text) {
  const std::string f = fold(text);
  if (f == "nong thon" || f == "nt" || f == "rural" || f == "nong") return Area::Rural;
  if (f == "thanh thi" || f == "tt" || f == "urban" || f == "do thi") return Area::Urban;
  return std::nullopt;
}

}  // namespace

HouseholdRowReader::HouseholdRowReader(std::string source, const PovertyStandard& standard, RecordsOptions options,
                                       HouseholdSink sink)
    : source_(std::move(source)), standard_(standard), options_(std::move(options)), sink_(std::move(sink)) {
  summary_.source = source_;
}

void HouseholdRowReader::row(const GridRow& row) {
  if (row.is_blank()) return;
  if (!layout_) return header(row);
  if (!fill(row)) return;
  code_rows_.emplace_back(std::hash<std::string>{}(household_.code), row.source_row);
  // Each record is one household: a list longer than any table may hold is refused, which keeps every
  // tally of it exact.
  if (++summary_.households > kMostHouseholdsInTotal)
    throw InputError(Location{source_, row.source_row, {}, {}}, total_households_problem(summary_.households));
  sink_(household_);
}

void HouseholdRowReader::header(const GridRow& row) {
  layout_ = record_layout(row);
  if (!layout_) {
    if (++rows_before_header_ < kHeaderSearchRows) return;
    throw InputError(Location{source_, row.source_row, {}, {}},
                     "không tìm thấy dòng tiêu đề của tệp hộ gia đình trong " + std::to_string(kHeaderSearchRows) +
                         " dòng đầu; dòng tiêu đề phải có cột \"Mã hộ\" và các cột như \"Thôn\", \"Khu vực\", "
                         "\"Số khẩu\", \"Thu nhập bình quân\" (xem README.md, mục \"Tệp hộ gia đình\").");
  }
  const auto missing = missing_record_columns(*layout_);
  if (!missing.empty()) throw InputError(Location{source_, row.source_row, {}, {}}, missing_message(*layout_, missing));
  if (const std::string problem = unit_levels_problem(layout_->level_names()); !problem.empty())
    throw InputError(Location{source_, row.source_row, {}, {}}, problem);
  last_units_.assign(layout_->levels.size(), std::string());
  check_standard_fits();
  summary_.levels = layout_->level_names();
}

// Scores need score lines, and an income column that states its basis must match the standard's.
void HouseholdRowReader::check_standard_fits() const {
  const int column = layout_->income;
  const Location where{source_, layout_->header_row, column, layout_->names[static_cast<std::size_t>(column)]};
  if (layout_->scored) {
    if (!standard_.rural.poor_score || !standard_.urban.poor_score)
      throw InputError(where, "tệp ghi điểm thu nhập nhưng " + standard_.name +
                                  " không có mức điểm (poor_score) cho cả nông thôn và thành thị; hãy ghi thu nhập "
                                  "bằng đồng, hoặc thêm poor_score vào tệp chuẩn nghèo.");
    return;
  }
  const auto per_year = stated_per_year(layout_->names[static_cast<std::size_t>(column)]);
  if (per_year && *per_year != standard_.per_year)
    throw InputError(where, std::string("cột ghi thu nhập một ") + (*per_year ? "năm" : "tháng") + " nhưng " +
                                standard_.name + " tính theo thu nhập một " + (standard_.per_year ? "năm" : "tháng") +
                                "; hãy đổi cột thu nhập, hoặc chọn chuẩn nghèo khác (--standard).");
}

bool HouseholdRowReader::bad(const GridRow& row, int column, const std::string& problem) {
  if (++bad_rows_ > static_cast<long long>(kProblemsShown)) return false;
  problems_.push_back(
      InputError(Location{source_, row.source_row, column, layout_->names[static_cast<std::size_t>(column)]}, problem)
          .what());
  return false;
}

bool HouseholdRowReader::marker(const GridRow& row, int column, bool& value) {
  if (column < 0) {
    value = false;
    return true;
  }
  const std::string& text = row.cell(static_cast<std::size_t>(column));
  const auto parsed = marker_value(text);
  if (!parsed) {
    return bad(row, column, "\"" + text + "\" không phải dấu đánh; ghi \"x\" (có) hoặc để trống (không).");
  }
  value = *parsed;
  return true;
}

bool HouseholdRowReader::fill(const GridRow& row) {
  const RecordLayout& c = *layout_;
  Household& h = household_;
  h.source_row = row.source_row;
  h.code = row.cell(static_cast<std::size_t>(c.code));
  if (h.code.empty()) return bad(row, c.code, "thiếu mã hộ.");
  h.units.resize(c.levels.size());
  for (std::size_t i = 0; i < c.levels.size(); ++i) {
    h.units[i] = row.cell(static_cast<std::size_t>(c.levels[i]));
    if (h.units[i].empty()) return bad(row, c.levels[i], "thiếu tên đơn vị.");
    if (h.units[i] == last_units_[i]) continue;  // the unit of the record above, already checked
    if (const std::string problem = unit_name_problem(h.units[i]); !problem.empty()) return bad(row, c.levels[i], problem);
    last_units_[i] = h.units[i];
  }
  const std::string& area_text = row.cell(static_cast<std::size_t>(c.area));
  // A file spells its areas one or two ways; folding each record's spelling again would cost more
  // than everything else the record needs.
  if (area_text != last_area_text_) {
    last_area_text_ = area_text;
    last_area_ = area_value(area_text);
  }
  const auto area = last_area_;
  if (!area) return bad(row, c.area, "\"" + area_text + "\" không phải khu vực; ghi \"Nông thôn\" hoặc \"Thành thị\".");
  h.area = *area;

  const std::string& members_text = row.cell(static_cast<std::size_t>(c.members));
  const CountText members = parse_count(members_text);
  if (members.status != CountText::Status::Ok || members.value < 1 || members.value > kMostMembers)
    return bad(row, c.members, "số khẩu phải là số nguyên từ 1 đến " + std::to_string(kMostMembers) + ", không phải \"" +
                                   members_text + "\".");
  h.members = static_cast<int>(members.value);

  const std::string& income_text = row.cell(static_cast<std::size_t>(c.income));
  const CountText income = parse_count(income_text);
  if (income.status != CountText::Status::Ok)
    return bad(row, c.income, c.scored ? "điểm thu nhập phải là số nguyên từ 0 trở lên, không phải \"" + income_text + "\"."
                                       : "thu nhập phải là số đồng từ 0 trở lên, ghi như 1.500.000 hoặc 1500000, không "
                                         "phải \"" + income_text + "\".");
  h.income = income.value;
  h.scored = c.scored;

  for (std::size_t i = 0; i < kDeprivationCount; ++i)
    if (!marker(row, c.deprivations[i], h.deprived[i])) return false;
  if (!marker(row, c.able_to_work, h.able_to_work) || !marker(row, c.social_protection, h.social_protection) ||
      !marker(row, c.ethnic_minority, h.ethnic_minority) || !marker(row, c.merit, h.merit))
    return false;
  h.origin = c.origin >= 0 ? row.cell(static_cast<std::size_t>(c.origin)) : std::string();
  return true;
}

// Codes are kept as 64-bit hashes only (memory of 16 bytes a record, not the codes themselves).
void HouseholdRowReader::check_duplicates() {
  std::sort(code_rows_.begin(), code_rows_.end());
  std::vector<std::string> found;
  long long count = 0;
  for (std::size_t i = 1; i < code_rows_.size(); ++i) {
    if (code_rows_[i].first != code_rows_[i - 1].first) continue;
    if (++count > static_cast<long long>(kProblemsShown)) continue;
    const int column = layout_->code;
    found.push_back(InputError(Location{source_, code_rows_[i].second, column, layout_->names[static_cast<std::size_t>(column)]},
                               "mã hộ trùng với dòng " + std::to_string(code_rows_[i - 1].second) + ".")
                        .what());
  }
  if (found.empty()) return;
  std::string message = source_ + ": " + std::to_string(count) +
                        " dòng có mã hộ đã dùng ở dòng khác; mỗi hộ chỉ ghi một dòng, hãy sửa mã hộ hoặc bỏ dòng thừa:";
  for (const auto& line : found) message += "\n  " + line;
  if (count > static_cast<long long>(found.size())) message += "\n  … và " + std::to_string(count - static_cast<long long>(found.size())) + " dòng khác.";
  throw InputError(message);
}

RecordsSummary HouseholdRowReader::finish() {
  if (!layout_)
    throw InputError(Location{source_, {}, {}, {}}, "không có dòng tiêu đề hay dòng hộ nào; tệp hộ gia đình cần dòng "
                                                   "tiêu đề (\"Mã hộ\", \"Thôn\", …) và mỗi hộ một dòng.");
  check_duplicates();
  if (bad_rows_ > 0 && !options_.skip_bad_rows) {
    std::string message = source_ + ": " + std::to_string(bad_rows_) +
                          " dòng có giá trị sai; hãy sửa các dòng này, hoặc chạy lại với --skip-bad-rows để bỏ qua "
                          "chúng (số dòng bỏ qua được ghi vào kết quả):";
    for (const auto& line : problems_) message += "\n  " + line;
    if (bad_rows_ > static_cast<long long>(problems_.size()))
      message += "\n  … và " + std::to_string(bad_rows_ - static_cast<long long>(problems_.size())) + " dòng khác.";
    throw InputError(message);
  }
  summary_.skipped_rows = bad_rows_;
  if (summary_.households == 0)
    throw InputError(Location{source_, layout_->header_row, {}, {}}, "không có hộ nào dưới dòng tiêu đề" +
                                                                        std::string(bad_rows_ ? " (mọi dòng đều sai)." : "."));
  return summary_;
}

RecordsSummary read_households(const std::string& path, const PovertyStandard& standard, const RecordsOptions& options,
                               const HouseholdSink& sink) {
  HouseholdRowReader reader(path, standard, options, sink);
  const RowStream read = stream_table_file(path, options.sheet, [&](const GridRow& row) { reader.row(row); }, options.encoding);
  RecordsSummary summary = reader.finish();
  summary.notes = read.notes;
  return summary;
}

}  // namespace kehoach
