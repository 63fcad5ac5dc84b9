#include "compute/table_check.h"

#include "compute/wide_int.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "compute/rate.h"
#include "model/unit_limits.h"
#include "text/number_text.h"
#include "text/number_words.h"

namespace kehoach {
namespace {

const std::string& cell_of(const ReceivedRow& row, int column) {
  static const std::string empty;
  return column >= 0 && static_cast<std::size_t>(column) < row.cells.size() ? row.cells[static_cast<std::size_t>(column)] : empty;
}

long long power_of_ten(int n) {
  long long p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Officials write rates rounded or cut to the decimals they show ("1.2" for 1,204%); either is
// fair, anything else is a slip.
bool rate_is_acceptable(const DecimalText& stated, long long count, long long households) {
  const WideInt scaled = static_cast<WideInt>(count) * 100 * power_of_ten(stated.decimals);
  const WideInt truncated = scaled / households;
  const WideInt rounded = (2 * scaled + households) / (2 * static_cast<WideInt>(households));
  return stated.units == truncated || stated.units == rounded;
}

class TableChecker {
 public:
  explicit TableChecker(const ReceivedTable& table) : table_(table) {}

  std::vector<Finding> run() {
    for (const auto& row : table_.units) check_row(row);
    if (table_.total) {
      check_row(*table_.total);
      check_totals(*table_.total);
    }
    std::sort(findings_.begin(), findings_.end(),
              [](const Finding& a, const Finding& b) { return std::tie(a.row, a.column) < std::tie(b.row, b.column); });
    return findings_;
  }

 private:
  void add(const ReceivedRow& row, const ReceivedColumn& column, std::string expected, std::string reason) {
    findings_.push_back({row.source_row, row.name, column.index, column.header, cell_of(row, column.index), std::move(expected),
                         std::move(reason)});
  }

  // The most households a row can count: a unit's, or a whole table's on the total row.
  long long most_in(const ReceivedRow& row) const {
    return table_.total && &row == &*table_.total ? kMostHouseholdsInTotal : kMostHouseholdsInUnit;
  }

  // A cell that should hold a count; reports it (once) when it does not, or holds more households
  // than any unit has.
  std::optional<long long> count(const ReceivedRow& row, const ReceivedColumn& column) {
    const CountText parsed = parse_count(cell_of(row, column.index));
    const bool number = parsed.status == CountText::Status::Ok || parsed.status == CountText::Status::TooLarge;
    if (parsed.status == CountText::Status::Ok && parsed.value <= most_in(row)) return parsed.value;
    if (reported_.insert({row.source_row, column.index}).second)
      add(row, column, number ? "tối đa " + format_count(most_in(row)) + " hộ" : "một số hộ",
          number ? "số hộ quá lớn" : "ô không phải số hộ");
    return std::nullopt;
  }

  void check_row(const ReceivedRow& row) {
    const std::optional<long long> households = table_.households ? count(row, *table_.households) : std::nullopt;
    for (const auto& column : table_.counts) {
      const auto value = count(row, column.count);
      if (column.rate && value && households) check_rate(row, *column.rate, *value, *households);
    }
    check_end_counts(row);
  }

  void check_rate(const ReceivedRow& row, const ReceivedColumn& column, long long value, long long households) {
    if (households <= 0) return;
    const auto stated = parse_decimal(cell_of(row, column.index));
    if (!stated) {
      add(row, column, format_rate(rate_of(value, households)), "ô không phải tỷ lệ");
    } else if (!rate_is_acceptable(*stated, value, households)) {
      add(row, column, format_rate(rate_of(value, households)),
          std::to_string(value) + "/" + std::to_string(households) + " hộ");
    }
  }

  const ReceivedCountColumn* column_for(std::optional<Indicator> indicator, Stage stage) const {
    for (const auto& c : table_.counts)
      if (c.indicator == indicator && c.stage == stage) return &c;
    return nullptr;
  }

  void check_end_counts(const ReceivedRow& row) {
    for (std::optional<Indicator> indicator : {std::optional(Indicator::Poor), std::optional(Indicator::NearPoor)}) {
      const auto* start = column_for(indicator, Stage::Start);
      const auto* reduction = column_for(indicator, Stage::Reduction);
      const auto* end = column_for(indicator, Stage::End);
      if (!start || !reduction || !end) continue;
      const auto s = count(row, start->count), r = count(row, reduction->count), e = count(row, end->count);
      if (s && r && e && *s - *r != *e)
        add(row, end->count, format_count(*s - *r), std::to_string(*s) + " - " + std::to_string(*r));
    }
  }

  void check_total(const ReceivedRow& total, const ReceivedColumn& column) {
    long long sum = 0;  // of at most kMostHouseholdsInUnit a row: no table has rows enough to overflow it
    for (const auto& row : table_.units) {
      const CountText parsed = parse_count(cell_of(row, column.index));
      if (parsed.status != CountText::Status::Ok || parsed.value > kMostHouseholdsInUnit) return;  // reported on its row
      sum += parsed.value;
    }
    const CountText stated = parse_count(cell_of(total, column.index));
    if (stated.status == CountText::Status::Ok && stated.value != sum && !table_.units.empty())
      add(total, column, format_count(sum),
          "tổng các dòng " + std::to_string(table_.units.front().source_row) + "-" +
              std::to_string(table_.units.back().source_row));
  }

  void check_totals(const ReceivedRow& total) {
    if (table_.households) check_total(total, *table_.households);
    for (const auto& column : table_.counts) check_total(total, column.count);
  }

  const ReceivedTable& table_;
  std::vector<Finding> findings_;
  std::set<std::pair<int, int>> reported_;
};

}  // namespace

std::vector<Finding> check_table(const ReceivedTable& table) { return TableChecker(table).run(); }

}  // namespace kehoach
