#include "compute/report.h"

#include <map>

#include "compute/appendix.h"
#include "compute/rate.h"
#include "model/input_error.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

// achieved / target as a rate; the count may be negative when households were added.
Rate share_of(long long achieved, long long target) {
  const Rate magnitude = rate_of(achieved < 0 ? -achieved : achieved, target);
  return achieved < 0 ? Rate{-magnitude.hundredths} : magnitude;
}

class ReportBuilder {
 public:
  ReportBuilder(const Plan& plan, const AppendixTable& table, const Movements& movements)
      : plan_(plan), table_(table), movements_(movements) {}

  Report build(Period period, Rate threshold) {
    Report report;
    report.year = plan_.year;
    report.period = period;
    report.threshold = threshold;
    report.unit_label = table_.unit_label;
    for (const auto& target : table_.indicators) report.indicators.push_back(target.indicator);
    const auto by_name = index_movements();
    end_households_known_ = every_unit_gives_end_households(by_name);
    report.total = {kTotalLabel, table_.total.households, {}, false, std::nullopt};
    if (end_households_known_) report.total.end_households = 0;
    report.total.figures.resize(report.indicators.size());
    for (auto& t : report.total.figures) t.movements_known = true;
    for (const auto& row : table_.rows) {
      auto found = by_name.find(name_key(row.name));
      if (found == by_name.end())
        throw InputError(Location{movements_.source, {}, {}, {}},
                         "không có số liệu của \"" + row.name + "\" (đơn vị trong kế hoạch); hãy thêm một dòng cho đơn vị này.");
      report.rows.push_back(unit_row(row, *found->second, threshold));
      add_to_total(report.total, report.rows.back());
    }
    finish_total(report.total);
    return report;
  }

 private:
  std::map<std::string, const UnitMovements*> index_movements() const {
    std::map<std::string, bool> in_plan;
    for (const auto& row : table_.rows) in_plan[name_key(row.name)] = true;
    std::map<std::string, const UnitMovements*> index;
    for (const auto& unit : movements_.units) {
      if (!in_plan.count(name_key(unit.name)))
        throw InputError(Location{movements_.source, unit.source_row, {}, {}},
                         "\"" + unit.name + "\" không có trong kế hoạch " + plan_.file + "; hãy sửa tên cho khớp với bảng số liệu.");
      index[name_key(unit.name)] = &unit;
    }
    return index;
  }

  // The end households are used for every unit or for none, so that the total's rate is over the sum of
  // the units' denominators (quarters whose last file lacks a unit may leave one without them).
  bool every_unit_gives_end_households(const std::map<std::string, const UnitMovements*>& by_name) const {
    for (const auto& row : table_.rows) {
      auto found = by_name.find(name_key(row.name));
      if (found == by_name.end() || !found->second->end_households) return false;
    }
    return true;
  }

  ReportFigures figures(const AppendixRow& row, std::size_t k, const UnitMovements& unit) const {
    const Indicator indicator = table_.indicators[k].indicator;
    const IndicatorMovements& given = unit.of(indicator);
    ReportFigures f;
    f.start = row.figures[k].start;
    f.target = row.figures[k].reduction;
    const std::string households = indicator_households(indicator);
    const Location where{movements_.source, unit.source_row, {}, {}};
    if (given.counts) {
      f.movements = *given.counts;
      f.movements_known = true;
      f.end = f.start;
      for (std::size_t m = 0; m < kMovementCount; ++m) f.end += movement_columns(indicator)[m].sign * f.movements[m];
      if (given.stated_end && *given.stated_end != f.end)
        throw InputError(where, "\"" + unit.name + "\": " + households + " đầu năm " + std::to_string(f.start) +
                                    ", cộng trừ các cột biến động được " + std::to_string(f.end) +
                                    ", nhưng cột cuối kỳ ghi " + std::to_string(*given.stated_end) +
                                    "; hãy kiểm tra các cột biến động " + households + " và cột cuối kỳ.");
    } else if (given.stated_end) {
      f.end = *given.stated_end;
    } else {
      throw InputError(where, "\"" + unit.name + "\": thiếu số liệu " + households +
                                  " (các cột biến động hoặc cột cuối kỳ).");
    }
    if (f.end < 0)
      throw InputError(where, "\"" + unit.name + "\": " + households + " cuối kỳ tính ra " + std::to_string(f.end) +
                                  " (âm): số giảm lớn hơn số đầu năm cộng số tăng; hãy kiểm tra các cột biến động.");
    if (f.end > households_at_end(row, unit))
      throw InputError(where, "\"" + unit.name + "\": " + households + " cuối kỳ " + (given.counts ? "tính ra " : "ghi ") +
                                  std::to_string(f.end) + ", nhiều hơn " + households_at_end_words(row, unit) +
                                  "; hãy kiểm tra " + (given.counts ? "các cột biến động " : "cột cuối kỳ ") + households +
                                  end_households_hint() + ".");
    f.achieved = f.start - f.end;
    if (f.target > 0) f.share = share_of(f.achieved, f.target);
    f.target_rate = row.figures[k].end_rate;
    f.start_rate = rate_of(f.start, row.households);
    f.end_rate = rate_of(f.end, end_households_known_ ? *unit.end_households : row.households);
    return f;
  }

  // The households the end counts are among: those at the end when the file gives them, else the start's.
  long long households_at_end(const AppendixRow& row, const UnitMovements& unit) const {
    return end_households_known_ ? *unit.end_households : row.households;
  }

  std::string households_at_end_words(const AppendixRow& row, const UnitMovements& unit) const {
    return (end_households_known_ ? "tổng số hộ cuối kỳ (" : "tổng số hộ của đơn vị (") +
           std::to_string(households_at_end(row, unit)) + " hộ)";
  }

  // Where the file gives no end households, a unit that gained households may say so.
  std::string end_households_hint() const {
    return end_households_known_ ? "" : " (nếu đơn vị có thêm hộ mới, hãy thêm cột \"Tổng số hộ cuối kỳ\")";
  }

  // A household is poor or near-poor, not both: the two end counts together are among the unit's
  // households too.
  void check_end_counts(const ReportRow& out, const AppendixRow& row, const UnitMovements& unit) const {
    if (out.figures.size() < 2) return;
    long long together = 0;
    std::string counts;
    for (std::size_t k = 0; k < out.figures.size(); ++k) {
      together += out.figures[k].end;
      counts += (k ? " và " : "") + std::to_string(out.figures[k].end) + " " + indicator_households(table_.indicators[k].indicator);
    }
    if (together > households_at_end(row, unit))
      throw InputError(Location{movements_.source, unit.source_row, {}, {}},
                       "\"" + unit.name + "\": cuối kỳ có " + counts + ", cộng lại " + std::to_string(together) +
                           " hộ, nhiều hơn " + households_at_end_words(row, unit) + "; hãy kiểm tra các cột biến động" +
                           end_households_hint() + ".");
  }

  // A household that left the poor table for the near-poor one is counted in both.
  void check_crossings(const UnitMovements& unit) const {
    if (!unit.poor.counts || !unit.near_poor.counts) return;
    const auto& poor = *unit.poor.counts;
    const auto& near = *unit.near_poor.counts;
    const Location where{movements_.source, unit.source_row, {}, {}};
    if (poor[0] != near[3])
      throw InputError(where, "\"" + unit.name + "\": " + std::to_string(poor[0]) + " hộ nghèo thoát thành hộ cận nghèo, nhưng bảng "
                              "hộ cận nghèo ghi " + std::to_string(near[3]) + " hộ từ hộ nghèo chuyển sang; hai cột phải bằng nhau.");
    if (poor[3] != near[1])
      throw InputError(where, "\"" + unit.name + "\": " + std::to_string(poor[3]) + " hộ cận nghèo rơi xuống nghèo ở bảng hộ nghèo, "
                              "nhưng bảng hộ cận nghèo ghi " + std::to_string(near[1]) + " hộ rơi xuống hộ nghèo; hai cột phải bằng nhau.");
  }

  ReportRow unit_row(const AppendixRow& row, const UnitMovements& unit, Rate threshold) const {
    check_crossings(unit);
    ReportRow out{row.name, row.households, {}, false,
                  end_households_known_ ? unit.end_households : std::nullopt};
    for (std::size_t k = 0; k < table_.indicators.size(); ++k) {
      out.figures.push_back(figures(row, k, unit));
      ReportFigures& f = out.figures.back();
      f.behind = f.share && *f.share < threshold;
      if (f.behind) out.behind = true;
    }
    check_end_counts(out, row, unit);
    return out;
  }

  static void add_to_total(ReportRow& total, const ReportRow& row) {
    if (total.end_households) *total.end_households += *row.end_households;
    for (std::size_t k = 0; k < row.figures.size(); ++k) {
      ReportFigures& t = total.figures[k];
      const ReportFigures& f = row.figures[k];
      t.start += f.start;
      t.end += f.end;
      t.target += f.target;
      for (std::size_t m = 0; m < kMovementCount; ++m) t.movements[m] += f.movements[m];
      t.movements_known = t.movements_known && f.movements_known;  // a total of movements needs every unit's
    }
  }

  void finish_total(ReportRow& total) const {
    for (std::size_t k = 0; k < total.figures.size(); ++k) {
      const IndicatorTarget& target = table_.indicators[k];
      total.figures[k].target_rate = target.from_rate ? target.requested_end_rate : table_.total.figures[k].end_rate;
    }
    for (auto& t : total.figures) {
      t.achieved = t.start - t.end;
      if (t.target > 0) t.share = share_of(t.achieved, t.target);
      t.start_rate = rate_of(t.start, total.households);
      t.end_rate = rate_of(t.end, total.end_households.value_or(total.households));
    }
  }

  const Plan& plan_;
  const AppendixTable& table_;
  const Movements& movements_;
  bool end_households_known_ = false;
};

}  // namespace

Report build_report(const Plan& plan, const AppendixTable& table, const Movements& movements, Period period,
                    std::optional<Rate> threshold) {
  if (!threshold) {
    auto configured = plan.reports.thresholds.find(period);
    threshold = configured != plan.reports.thresholds.end() ? configured->second : default_threshold(period);
  }
  return ReportBuilder(plan, table, movements).build(period, *threshold);
}

}  // namespace kehoach
