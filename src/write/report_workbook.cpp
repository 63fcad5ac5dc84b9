#include "write/report_workbook.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <stdexcept>

#include "text/column_letter.h"
#include "write/appendix_labels.h"
#include "write/document_time.h"
#include "write/workbook_file.h"
#include "write/report_labels.h"

namespace kehoach {
namespace {

constexpr lxw_row_t kHeaderRow = 4;  // first of the two header rows (0-based)
constexpr lxw_row_t kFirstDataRow = 6;
constexpr lxw_col_t kHouseholdsColumn = 2;
constexpr lxw_col_t kFirstFigureColumn = 3;

// An indicator's columns, from its first: start, the seven movements, end, its rate, target,
// achieved, share.
constexpr lxw_col_t kStart = 0;
constexpr lxw_col_t kFirstMovement = 1;
constexpr lxw_col_t kEnd = kFirstMovement + kMovementCount;
constexpr lxw_col_t kEndRate = kEnd + 1;
constexpr lxw_col_t kTarget = kEnd + 2;
constexpr lxw_col_t kAchieved = kEnd + 3;
constexpr lxw_col_t kShare = kEnd + 4;
constexpr lxw_col_t kColumnsPerIndicator = kShare + 1;

class ReportSheet {
 public:
  ReportSheet(lxw_workbook* book, const Plan& plan, const Report& report)
      : plan_(plan), report_(report), formats_(make_sheet_formats(book)),
        sheet_(workbook_add_worksheet(book, kReportTableLabel)),
        note_column_(static_cast<lxw_col_t>(kFirstFigureColumn + kColumnsPerIndicator * report.indicators.size())),
        total_row_(static_cast<lxw_row_t>(kFirstDataRow + report.rows.size())) {}

  void write() {
    write_titles();
    write_header();
    for (std::size_t i = 0; i < report_.rows.size(); ++i) write_unit_row(i);
    write_total_row();
    write_notes();
    set_layout();
  }

 private:
  std::string unit_label() const { return report_.unit_label.empty() ? kReportUnitLabel : report_.unit_label; }

  static lxw_col_t first_column(std::size_t indicator) {
    return static_cast<lxw_col_t>(kFirstFigureColumn + kColumnsPerIndicator * indicator);
  }

  void write_titles() {
    worksheet_merge_range(sheet_, 0, 0, 0, note_column_, kReportTableLabel, formats_.label);
    worksheet_merge_range(sheet_, 1, 0, 1, note_column_, report_table_title(report_).c_str(), formats_.title);
    worksheet_merge_range(sheet_, 2, 0, 2, note_column_, report_attachment_line(plan_, report_).c_str(),
                          formats_.attachment);
    worksheet_set_row(sheet_, 1, 20, nullptr);
    worksheet_set_row(sheet_, 2, 20, nullptr);
  }

  void write_header() {
    const lxw_row_t top = kHeaderRow, bottom = kHeaderRow + 1;
    worksheet_merge_range(sheet_, top, 0, bottom, 0, kOrderLabel, formats_.header);
    worksheet_merge_range(sheet_, top, 1, bottom, 1, unit_label().c_str(), formats_.header);
    worksheet_merge_range(sheet_, top, kHouseholdsColumn, bottom, kHouseholdsColumn, kHouseholdsLabel, formats_.header);
    for (std::size_t k = 0; k < report_.indicators.size(); ++k) {
      const Indicator indicator = report_.indicators[k];
      const lxw_col_t first = first_column(k);
      worksheet_merge_range(sheet_, top, first, top, first + kColumnsPerIndicator - 1, report_group_label(indicator),
                            formats_.header);
      worksheet_write_string(sheet_, bottom, first + kStart, kReportStartLabel, formats_.header);
      const auto& columns = movement_columns(indicator);
      for (std::size_t m = 0; m < kMovementCount; ++m)
        worksheet_write_string(sheet_, bottom, first + kFirstMovement + static_cast<lxw_col_t>(m), columns[m].label,
                               formats_.header);
      worksheet_write_string(sheet_, bottom, first + kEnd, kReportEndLabel, formats_.header);
      worksheet_write_string(sheet_, bottom, first + kEndRate, kReportRateLabel, formats_.header);
      worksheet_write_string(sheet_, bottom, first + kTarget, kReportTargetLabel, formats_.header);
      worksheet_write_string(sheet_, bottom, first + kAchieved, kReportAchievedLabel, formats_.header);
      worksheet_write_string(sheet_, bottom, first + kShare, kReportShareLabel, formats_.header);
    }
    worksheet_merge_range(sheet_, top, note_column_, bottom, note_column_, kReportNoteLabel, formats_.header);
    worksheet_set_row(sheet_, top, 24, nullptr);
    worksheet_set_row(sheet_, bottom, 66, nullptr);  // the movement labels wrap to up to four lines
  }

  void write_count(lxw_row_t row, lxw_col_t column, long long value, bool total) {
    worksheet_write_number(sheet_, row, column, static_cast<double>(value), total ? formats_.total_count : formats_.count);
  }

  void write_sum(lxw_row_t row, lxw_col_t column, long long value) {
    const std::string sum = "=SUM(" + cell_ref(kFirstDataRow, column) + ":" + cell_ref(row - 1, column) + ")";
    worksheet_write_formula_num(sheet_, row, column, sum.c_str(), formats_.total_count, static_cast<double>(value));
  }

  // end = start − decreases + increases, with the signs of the form's columns.
  void write_end_formula(lxw_row_t row, lxw_col_t first, Indicator indicator, long long value) {
    std::string formula = "=" + cell_ref(row, first + kStart);
    const auto& columns = movement_columns(indicator);
    for (std::size_t m = 0; m < kMovementCount; ++m)
      formula += (columns[m].sign < 0 ? "-" : "+") + cell_ref(row, first + kFirstMovement + static_cast<lxw_col_t>(m));
    worksheet_write_formula_num(sheet_, row, first + kEnd, formula.c_str(), formats_.count, static_cast<double>(value));
  }

  // ROUND(end/households*100, 2): half up for positive figures, the rule of the plans.
  void write_end_rate(lxw_row_t row, lxw_col_t first, Rate value, bool total) {
    const std::string formula =
        "=ROUND(" + cell_ref(row, first + kEnd) + "/" + absolute_column_ref(row, kHouseholdsColumn) + "*100,2)";
    worksheet_write_formula_num(sheet_, row, first + kEndRate, formula.c_str(),
                                total ? formats_.total_rate : formats_.rate, rate_value(value));
  }

  // achieved/target as a percentage; a unit without a target has no share, an empty cell.
  void write_share(lxw_row_t row, lxw_col_t first, const ReportFigures& f, bool total) {
    const std::string target = cell_ref(row, first + kTarget);
    const std::string formula =
        "=IF(" + target + "=0,\"\",ROUND(" + cell_ref(row, first + kAchieved) + "/" + target + "*100,2))";
    lxw_format* format = total ? formats_.total_rate : formats_.rate;
    if (f.target == 0 || !f.share)
      worksheet_write_formula_str(sheet_, row, first + kShare, formula.c_str(), format, "");
    else
      worksheet_write_formula_num(sheet_, row, first + kShare, formula.c_str(), format, rate_value(*f.share));
  }

  void write_unit_figures(lxw_row_t row, std::size_t k, const ReportFigures& f) {
    const lxw_col_t first = first_column(k);
    write_count(row, first + kStart, f.start, false);
    if (f.movements_known) {
      for (std::size_t m = 0; m < kMovementCount; ++m)
        write_count(row, first + kFirstMovement + static_cast<lxw_col_t>(m), f.movements[m], false);
      write_end_formula(row, first, report_.indicators[k], f.end);
    } else {
      // Only the end count was given: the movement cells stay empty, the end is a figure.
      for (std::size_t m = 0; m < kMovementCount; ++m)
        worksheet_write_blank(sheet_, row, first + kFirstMovement + static_cast<lxw_col_t>(m), formats_.count);
      write_count(row, first + kEnd, f.end, false);
    }
    write_end_rate(row, first, f.end_rate, false);
    write_count(row, first + kTarget, f.target, false);
    const std::string achieved = "=" + cell_ref(row, first + kStart) + "-" + cell_ref(row, first + kEnd);
    worksheet_write_formula_num(sheet_, row, first + kAchieved, achieved.c_str(), formats_.count,
                                static_cast<double>(f.achieved));
    write_share(row, first, f, false);
  }

  void write_note(lxw_row_t row, bool behind, bool total) {
    lxw_format* format = total ? formats_.total_text : formats_.note;
    if (behind)
      worksheet_write_string(sheet_, row, note_column_, kReportBehindNote, format);
    else
      worksheet_write_blank(sheet_, row, note_column_, format);
  }

  void write_unit_row(std::size_t index) {
    const ReportRow& unit = report_.rows[index];
    const lxw_row_t row = static_cast<lxw_row_t>(kFirstDataRow + index);
    worksheet_write_number(sheet_, row, 0, static_cast<double>(index + 1), formats_.order);
    worksheet_write_string(sheet_, row, 1, unit.name.c_str(), formats_.text);
    write_count(row, kHouseholdsColumn, unit.households, false);
    for (std::size_t k = 0; k < unit.figures.size() && k < report_.indicators.size(); ++k)
      write_unit_figures(row, k, unit.figures[k]);
    write_note(row, unit.behind, false);
  }

  // The total's movements are sums when they are known, that is when every unit's are; a partial
  // sum would not lead from the total at the start to the total now, so then they stay empty.
  void write_total_movements(lxw_row_t row, lxw_col_t first, const ReportFigures& total) {
    for (std::size_t m = 0; m < kMovementCount; ++m) {
      const lxw_col_t column = first + kFirstMovement + static_cast<lxw_col_t>(m);
      if (total.movements_known)
        write_sum(row, column, total.movements[m]);
      else
        worksheet_write_blank(sheet_, row, column, formats_.total_count);
    }
  }

  void write_total_row() {
    const lxw_row_t row = total_row_;
    const ReportRow& total = report_.total;
    worksheet_merge_range(sheet_, row, 0, row, 1, kTotalLabel, formats_.total_text);
    write_sum(row, kHouseholdsColumn, total.households);
    for (std::size_t k = 0; k < total.figures.size() && k < report_.indicators.size(); ++k) {
      const ReportFigures& f = total.figures[k];
      const lxw_col_t first = first_column(k);
      write_sum(row, first + kStart, f.start);
      write_total_movements(row, first, f);
      write_sum(row, first + kEnd, f.end);
      write_end_rate(row, first, f.end_rate, true);
      write_sum(row, first + kTarget, f.target);
      write_sum(row, first + kAchieved, f.achieved);
      write_share(row, first, f, true);
    }
    write_note(row, total.behind, true);
  }

  void write_notes() {
    lxw_row_t row = total_row_ + 2;
    for (const auto& note : report_.notes) worksheet_write_string(sheet_, row++, 1, note.c_str(), formats_.footnote);
  }

  void set_layout() {
    std::size_t longest = display_length(unit_label());
    for (const auto& unit : report_.rows) longest = std::max(longest, display_length(unit.name));
    worksheet_set_column(sheet_, 0, 0, 5, nullptr);
    worksheet_set_column(sheet_, 1, 1, std::max(14.0, 1.15 * static_cast<double>(longest) + 2), nullptr);
    worksheet_set_column(sheet_, kHouseholdsColumn, kHouseholdsColumn, 10, nullptr);
    for (std::size_t k = 0; k < report_.indicators.size(); ++k) {
      const lxw_col_t first = first_column(k);
      worksheet_set_column(sheet_, first + kStart, first + kStart, 8, nullptr);
      worksheet_set_column(sheet_, first + kFirstMovement, first + kEnd - 1, 9, nullptr);
      worksheet_set_column(sheet_, first + kEnd, first + kEnd, 8, nullptr);
      worksheet_set_column(sheet_, first + kEndRate, first + kEndRate, 7.5, nullptr);
      worksheet_set_column(sheet_, first + kTarget, first + kAchieved, 8, nullptr);
      worksheet_set_column(sheet_, first + kShare, first + kShare, 7.5, nullptr);
    }
    worksheet_set_column(sheet_, note_column_, note_column_, 13, nullptr);
    set_table_page(sheet_, kHeaderRow, kFirstDataRow, 0.4);
  }

  const Plan& plan_;
  const Report& report_;
  SheetFormats formats_;
  lxw_worksheet* sheet_;
  lxw_col_t note_column_;
  lxw_row_t total_row_;
};

}  // namespace

void write_report_workbook(const Plan& plan, const Report& report, const std::string& path) {
  write_workbook(path, std::string(kReportTableLabel) + ": " + report_table_title(report), document_timestamp(plan),
                 [&](lxw_workbook* book) { ReportSheet(book, plan, report).write(); });
}

}  // namespace kehoach
