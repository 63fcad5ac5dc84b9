#include "write/report_sentences.h"

#include <algorithm>

#include "compute/appendix.h"
#include "model/unit_level.h"
#include "write/report_labels.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

std::string households(long long count) { return format_count(count) + " hộ"; }

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

// A list of clauses: "; " between them when one has a comma of its own, ", " otherwise.
std::string clauses(const std::vector<std::string>& parts) {
  bool commas = false;
  for (const auto& part : parts) commas = commas || part.find(',') != std::string::npos;
  return joined(parts, commas ? "; " : ", ");
}

void add_if(std::vector<std::string>& parts, long long count, const std::string& label) {
  if (count > 0) parts.push_back(label + " " + households(count));
}

// The decrease columns with households in them (movements.h: the three first columns).
std::vector<std::string> decrease_parts(const ReportFigures& f, Indicator indicator) {
  const auto& m = f.movements;
  std::vector<std::string> parts;
  if (indicator == Indicator::Poor) {
    if (m[0] > 0 && m[1] > 0) {
      parts.push_back("thoát nghèo " + households(m[0] + m[1]) + ", trong đó " + households(m[0]) +
                      " thành hộ cận nghèo và " + households(m[1]) + " vượt chuẩn cận nghèo");
    } else {
      add_if(parts, m[0], "thoát nghèo thành hộ cận nghèo");
      add_if(parts, m[1], "thoát nghèo vượt chuẩn cận nghèo");
    }
  } else {
    add_if(parts, m[0], "vượt chuẩn cận nghèo");
    add_if(parts, m[1], "rơi xuống hộ nghèo");
  }
  add_if(parts, m[2], "giảm khác");
  return parts;
}

std::vector<std::string> increase_parts(const ReportFigures& f, Indicator indicator) {
  const auto& m = f.movements;
  const bool poor = indicator == Indicator::Poor;
  std::vector<std::string> parts;
  add_if(parts, m[3], poor ? "hộ cận nghèo rơi xuống nghèo" : "hộ nghèo thành hộ cận nghèo");
  add_if(parts, m[4], poor ? "tái nghèo" : "tái cận nghèo");
  add_if(parts, m[5], "phát sinh mới");
  add_if(parts, m[6], "tăng khác");
  return parts;
}

long long signed_sum(const ReportFigures& f, Indicator indicator, int sign) {
  long long sum = 0;
  for (std::size_t m = 0; m < kMovementCount; ++m)
    if (movement_columns(indicator)[m].sign == sign) sum += f.movements[m];
  return sum;
}

// "giảm được 16/27 hộ theo chỉ tiêu năm, đạt 59,26% kế hoạch"
std::string achievement(const ReportFigures& f) {
  if (f.achieved < 0)
    return "tăng " + households(-f.achieved) + " so với đầu năm" +
           (f.target > 0 ? " (chỉ tiêu năm giảm " + households(f.target) + ")" : "");
  if (f.target <= 0) return "giảm được " + households(f.achieved) + " (kế hoạch không giao chỉ tiêu giảm)";
  return "giảm được " + format_count(f.achieved) + "/" + households(f.target) + " theo chỉ tiêu năm, đạt " +
         format_share(*f.share) + "% kế hoạch";
}

std::string threshold_words(const Report& report) { return format_share(report.threshold) + "% chỉ tiêu năm"; }

bool full_target(const Report& report) { return report.threshold >= Rate{10000}; }

std::vector<std::string> behind_names(const Report& report) {
  std::vector<std::string> names;
  for (const auto& row : report.rows)
    if (row.behind) names.push_back(row.name);
  return names;
}

}  // namespace


std::string movements_sentence(const Report& report, const ReportFigures& f, Indicator indicator) {
  const std::string kind = indicator_households(indicator);
  const std::string opening = "Trong " + period_label(report.period, report.year) + ", ";
  if (!f.movements_known) {
    // Only end counts were given: the net change, without categories.
    if (f.end == f.start) return opening + "số " + kind + " không thay đổi.";
    return opening + "số " + kind + (f.end < f.start ? " giảm " : " tăng ") +
           households(f.end < f.start ? f.start - f.end : f.end - f.start) + ".";
  }
  const long long decreases = signed_sum(f, indicator, -1);
  const long long increases = signed_sum(f, indicator, +1);
  if (decreases == 0 && increases == 0) return opening + "không có biến động " + kind + ".";
  const std::string decreased = "giảm " + households(decreases) + " (" + clauses(decrease_parts(f, indicator)) + ")";
  const std::string increased = "tăng " + households(increases) + " (" + clauses(increase_parts(f, indicator)) + ")";
  if (increases == 0) return opening + "số " + kind + " " + decreased + ", không có " + kind + " tăng thêm.";
  if (decreases == 0) return opening + "số " + kind + " không giảm mà " + increased + ".";
  return opening + "số " + kind + " " + decreased + " và " + increased + ".";
}

std::string outcome_sentence(const Report& report, const ReportFigures& f, Indicator indicator) {
  const std::string kind = indicator_households(indicator);
  if (!is_year_end(report))
    return "Đến nay còn " + format_count(f.end) + " " + kind + ", chiếm tỷ lệ " + format_rate(f.end_rate) + "%; " +
           achievement(f) + ".";
  // The year's end: the rate reached against the rate the plan set (domain.md 8b).
  const bool reached = f.end_rate <= f.target_rate;
  return "Đến cuối năm " + std::to_string(report.year) + " còn " + format_count(f.end) + " " + kind + ", tỷ lệ " + kind +
         " còn " + format_rate(f.end_rate) + "%, so với chỉ tiêu " + format_rate(f.target_rate) + "% là " +
         (reached ? "đạt" : "chưa đạt") + "; " + achievement(f) + ".";
}

std::string behind_intro(const Report& report, const std::string& unit_label) {
  if (!is_year_end(report))
    return "Các " + unit_label + " đạt dưới " + threshold_words(report) + ", chậm so với tiến độ:";
  if (full_target(report)) return "Các " + unit_label + " chưa hoàn thành chỉ tiêu năm " + std::to_string(report.year) + ":";
  return "Các " + unit_label + " đạt dưới " + threshold_words(report) + ", chưa hoàn thành chỉ tiêu năm " +
         std::to_string(report.year) + ":";
}

std::string none_behind(const Report& report, const std::string& unit_label) {
  if (is_year_end(report) && full_target(report))
    return "Tất cả các " + unit_label + " đều hoàn thành chỉ tiêu năm " + std::to_string(report.year) + ".";
  return "Tất cả các " + unit_label + " đều đạt từ " + threshold_words(report) + " trở lên" +
         (is_year_end(report) ? "." : ", bảo đảm tiến độ đề ra.");
}

// "thôn Thiên Nhẫn", "các thôn Nậy, Thiên Nhẫn"; names that all carry their level word stand as they are
// ("Tổ dân phố 2, Tổ dân phố 3", not "các tổ dân phố Tổ dân phố 2, …"). The table's order is kept.
std::string behind_units(const Report& report, const std::string& unit_label) {
  const std::vector<std::string> names = behind_names(report);
  if (names.empty()) return "";
  const bool all_leveled =
      std::all_of(names.begin(), names.end(), [](const std::string& name) { return split_level(name).level != nullptr; });
  if (all_leveled) return joined(names, ", ");
  return (names.size() == 1 ? "" : "các ") + unit_label + " " + joined(names, ", ");
}

std::vector<std::string> shortcomings(const Report& report, const std::string& unit_label) {
  std::vector<std::string> found;
  const std::vector<std::string> behind = behind_names(report);
  if (!behind.empty())
    found.push_back("Còn " + std::to_string(behind.size()) + "/" + std::to_string(report.rows.size()) + " " + unit_label +
                    (is_year_end(report) ? " chưa hoàn thành chỉ tiêu năm " + std::to_string(report.year)
                                         : " chậm so với tiến độ") +
                    " (" + joined(behind, ", ") + ").");
  for (std::size_t k = 0; k < report.indicators.size(); ++k) {
    const ReportFigures& f = report.total.figures[k];
    const std::string kind = indicator_households(report.indicators[k]);
    const bool short_of_share = f.share && *f.share < report.threshold;
    if (!is_year_end(report)) {
      if (short_of_share)
        found.push_back("Kết quả giảm " + kind + " mới đạt " + format_share(*f.share) + "% kế hoạch năm, chậm so với tiến độ.");
    } else if (short_of_share || f.end_rate > f.target_rate) {
      // The year's end: the count short of its target, the rate above the rate targeted, or both.
      std::vector<std::string> facts;
      if (short_of_share)
        facts.push_back("giảm được " + format_count(f.achieved) + "/" + households(f.target) + " (đạt " +
                        format_share(*f.share) + "% kế hoạch)");
      if (f.end_rate > f.target_rate)
        facts.push_back("tỷ lệ " + kind + " cuối năm còn " + format_rate(f.end_rate) + "%, cao hơn chỉ tiêu " +
                        format_rate(f.target_rate) + "%");
      found.push_back("Chưa hoàn thành chỉ tiêu giảm " + kind + ": " + joined(facts, "; ") + ".");
    }
    if (!f.movements_known) continue;
    // Households that fell into the indicator, not those that came up from below it.
    const bool poor = report.indicators[k] == Indicator::Poor;
    const long long fell = (poor ? f.movements[3] : 0) + f.movements[4] + f.movements[5];
    if (fell == 0) continue;
    std::vector<std::string> parts;
    if (poor) add_if(parts, f.movements[3], "hộ cận nghèo rơi xuống nghèo");
    add_if(parts, f.movements[4], poor ? "tái nghèo" : "tái cận nghèo");
    add_if(parts, f.movements[5], "phát sinh mới");
    found.push_back("Vẫn còn " + households(fell) + (poor ? " rơi vào nghèo" : " rơi vào cận nghèo") + " (" +
                    clauses(parts) + ").");
  }
  return found;
}

}  // namespace kehoach
