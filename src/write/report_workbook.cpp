#include "write/report_workbook.h"

#include <xlsxwriter.h>

#include <algorithm>

#include "write/appendix_labels.h"
#include "write/document_time.h"
#include "write/records_notes.h"
#include "write/report_labels.h"
#include "write/workbook_file.h"

namespace kehoach {
namespace {

constexpr lxw_row_t kHeadingRow = 3;  // "Biểu 1: Hộ nghèo"
constexpr lxw_row_t kHeaderRow = 4;   // first of the two header rows (0-based)
constexpr lxw_row_t kFirstDataRow = 6;
constexpr lxw_col_t kHouseholdsColumn = 2;

// The columns of a sheet: the indicator's start, the seven movements, end, its rate, target,
// achieved, share, then the note.
constexpr lxw_col_t kStart = 3;
constexpr lxw_col_t kFirstMovement = kStart + 1;
constexpr lxw_col_t kEnd = kFirstMovement + kMovementCount;
constexpr lxw_col_t kEndRate = kEnd + 1;
constexpr lxw_col_t kTarget = kEnd + 2;
constexpr lxw_col_t kAchieved = kEnd + 3;
constexpr lxw_col_t kShare = kEnd + 4;
constexpr lxw_col_t kNote = kShare + 1;

// Widths in characters. Seventeen columns of these print one A4 landscape page wide at about the
// size of the plan's appendix; the unit column grows with the names up to a limit, then they wrap.
constexpr double kOrderWidth = 4.5, kHouseholdsWidth = 8, kFigureWidth = 7.5, kNoteWidth = 12.5;
constexpr double kHeaderPoints = 11, kBodyPoints = 12, kNotePoints = 11, kTitlePoints = 13;

// One indicator's table on a sheet of its own, laid out like the review movement forms.
class IndicatorSheet {
 public:
  IndicatorSheet(lxw_workbook* book, const SheetFormats& formats, const Plan& plan, const Report& report, std::size_t k)
      : plan_(plan), report_(report), k_(k), indicator_(report.indicators[k]), f_(formats),
        sheet_(add_worksheet(book, report_stage_heading(indicator_))),
        total_row_(static_cast<lxw_row_t>(kFirstDataRow + report.rows.size())) {
    set_widths();
  }

  void write() {
    write_titles();
    write_header();
    for (std::size_t i = 0; i < report_.rows.size(); ++i) write_unit_row(i);
    write_total_row();
    write_notes();
    set_table_page(sheet_, kHeaderRow, kFirstDataRow, 0.4);
  }

 private:
  std::string unit_label() const { return report_.unit_label.empty() ? kReportUnitLabel : report_.unit_label; }

  // The households column holds what the end rate is a share of: the households at the end of the period
  // when the movements give them (a review list does), else those at the start.
  bool end_households() const { return report_.total.end_households.has_value(); }
  const char* households_label() const { return end_households() ? kReportEndHouseholdsLabel : kHouseholdsLabel; }
  long long households_of(const ReportRow& row) const { return row.end_households.value_or(row.households); }

  // "Biểu 1: Hộ nghèo" when the report has both indicators, "Hộ nghèo" when it has one.
  std::string heading() const {
    const std::string group = report_stage_heading(indicator_);
    return report_.indicators.size() > 1 ? "Biểu " + std::to_string(k_ + 1) + ": " + group : group;
  }

  void write_line(lxw_row_t row, const std::string& text, lxw_format* format, double points) {
    merge_cells(sheet_, row, 0, row, kNote, text.c_str(), format);
    set_row_height(sheet_, row, lines_height(wrapped_lines(text, table_width_, points), points));
  }

  void write_titles() {
    write_line(0, kReportTableLabel, f_.label, 14);
    write_line(1, report_table_title(report_), f_.title, kTitlePoints);
    write_line(2, report_attachment_line(plan_, report_), f_.attachment, kTitlePoints);
    write_line(kHeadingRow, heading(), f_.title, kTitlePoints);
  }

  void merged_down(lxw_col_t column, const char* label) {
    merge_cells(sheet_, kHeaderRow, column, kHeaderRow + 1, column, label, f_.header);
  }

  // TT, unit, households, start; the decreases and the increases under their groups; the end as
  // count and rate under "Hiện nay"; target, achieved, share; note.
  void write_header() {
    const lxw_row_t top = kHeaderRow, bottom = kHeaderRow + 1;
    merged_down(0, kOrderLabel);
    merged_down(1, unit_label().c_str());
    merged_down(kHouseholdsColumn, households_label());
    int lines = wrapped_lines(households_label(), kHouseholdsWidth, kHeaderPoints) - 1;  // over two rows
    merged_down(kStart, kReportStartLabel);
    const auto& columns = movement_columns(indicator_);
    lines = std::max(lines, 1);
    for (std::size_t m = 0; m < kMovementCount; ++m) {
      write_text(sheet_, bottom, movement_column(m), columns[m].label, f_.header);
      lines = std::max(lines, wrapped_lines(columns[m].label, kFigureWidth, kHeaderPoints));
    }
    const lxw_col_t first_increase = static_cast<lxw_col_t>(
        kFirstMovement + std::count_if(columns.begin(), columns.end(), [](const auto& c) { return c.sign < 0; }));
    merge_cells(sheet_, top, kFirstMovement, top, first_increase - 1, "Giảm trong kỳ", f_.header);
    merge_cells(sheet_, top, first_increase, top, kEnd - 1, "Tăng trong kỳ", f_.header);
    merge_cells(sheet_, top, kEnd, top, kEndRate, kReportEndLabel, f_.header);
    write_text(sheet_, bottom, kEnd, kCountLabel, f_.header);
    write_text(sheet_, bottom, kEndRate, kReportRateLabel, f_.header);
    for (auto [column, label] : {std::pair{kTarget, kReportTargetLabel}, std::pair{kAchieved, kReportAchievedLabel},
                                 std::pair{kShare, kReportShareLabel}, std::pair{kNote, kReportNoteLabel}}) {
      merged_down(column, label);
      lines = std::max(lines, wrapped_lines(label, kFigureWidth, kHeaderPoints) - 1);
    }
    set_row_height(sheet_, top, lines_height(1, kHeaderPoints));
    set_row_height(sheet_, bottom, lines_height(lines, kHeaderPoints));
  }

  static lxw_col_t movement_column(std::size_t m) { return kFirstMovement + static_cast<lxw_col_t>(m); }

  void write_count(lxw_row_t row, lxw_col_t column, long long value, bool total) {
    write_number(sheet_, row, column, static_cast<double>(value), total ? f_.total_count : f_.count);
  }

  void write_sum(lxw_row_t row, lxw_col_t column, long long value) {
    const std::string sum = "=SUM(" + cell_ref(kFirstDataRow, column) + ":" + cell_ref(row - 1, column) + ")";
    write_formula(sheet_, row, column, sum.c_str(), f_.total_count, static_cast<double>(value));
  }

  // end = start − decreases + increases, with the signs of the form's columns.
  void write_end_formula(lxw_row_t row, long long value) {
    std::string formula = "=" + cell_ref(row, kStart);
    const auto& columns = movement_columns(indicator_);
    for (std::size_t m = 0; m < kMovementCount; ++m)
      formula += (columns[m].sign < 0 ? "-" : "+") + cell_ref(row, movement_column(m));
    write_formula(sheet_, row, kEnd, formula.c_str(), f_.count, static_cast<double>(value));
  }

  // ROUND(end/households*100, 2): half up for positive figures, the rule of the plans; the households
  // of the end of the period when known (see households_label()).
  void write_end_rate(lxw_row_t row, Rate value, bool total) {
    const std::string formula =
        "=ROUND(" + cell_ref(row, kEnd) + "/" + absolute_column_ref(row, kHouseholdsColumn) + "*100,2)";
    write_formula(sheet_, row, kEndRate, formula.c_str(), total ? f_.total_rate : f_.rate,
                                rate_value(value));
  }

  // achieved/target as a percentage; a unit without a target has no share, an empty cell. A whole
  // share is shown without decimals ("100", "50"), any other with two ("59,26").
  void write_share(lxw_row_t row, const ReportFigures& f, bool total) {
    const std::string target = cell_ref(row, kTarget);
    const std::string formula =
        "=IF(" + target + "=0,\"\",ROUND(" + cell_ref(row, kAchieved) + "/" + target + "*100,2))";
    if (f.target == 0 || !f.share) {
      write_formula_text(sheet_, row, kShare, formula.c_str(), total ? f_.total_rate : f_.rate, "");
      return;
    }
    const bool whole = f.share->hundredths % 100 == 0;
    lxw_format* format = total ? (whole ? f_.total_whole_rate : f_.total_rate) : (whole ? f_.whole_rate : f_.rate);
    write_formula(sheet_, row, kShare, formula.c_str(), format, rate_value(*f.share));
  }

  void write_unit_figures(lxw_row_t row, const ReportFigures& f) {
    write_count(row, kStart, f.start, false);
    if (f.movements_known) {
      for (std::size_t m = 0; m < kMovementCount; ++m) write_count(row, movement_column(m), f.movements[m], false);
      write_end_formula(row, f.end);
    } else {
      // Only the end count was given: the movement cells stay empty, the end is a figure.
      for (std::size_t m = 0; m < kMovementCount; ++m) write_blank(sheet_, row, movement_column(m), f_.count);
      write_count(row, kEnd, f.end, false);
    }
    write_end_rate(row, f.end_rate, false);
    write_count(row, kTarget, f.target, false);
    const std::string achieved = "=" + cell_ref(row, kStart) + "-" + cell_ref(row, kEnd);
    write_formula(sheet_, row, kAchieved, achieved.c_str(), f_.count, static_cast<double>(f.achieved));
    write_share(row, f, false);
  }

  // A name or a note too long for its column wraps, and its row grows to show it.
  void write_unit_row(std::size_t index) {
    const ReportRow& unit = report_.rows[index];
    const ReportFigures& f = unit.figures[k_];
    const lxw_row_t row = static_cast<lxw_row_t>(kFirstDataRow + index);
    // A name no longer than the column was made for fits; only those past its limit are measured.
    const int name_lines = name_width_for(display_length(unit.name)) <= name_width_
                               ? 1 : wrapped_lines(unit.name, name_width_, kBodyPoints);
    const int note_lines = f.behind ? wrapped_lines(report_behind_note(report_), kNoteWidth, kNotePoints) : 1;
    if (name_lines > 1 || note_lines > 1)
      set_row_height(sheet_, row, std::max(lines_height(name_lines, kBodyPoints), lines_height(note_lines, kNotePoints)));
    write_number(sheet_, row, 0, static_cast<double>(index + 1), f_.order);
    write_text(sheet_, row, 1, unit.name.c_str(), name_lines > 1 ? f_.wrapped_text : f_.text);
    write_count(row, kHouseholdsColumn, households_of(unit), false);
    write_unit_figures(row, f);
    if (f.behind)
      write_text(sheet_, row, kNote, report_behind_note(report_), f_.note);
    else
      write_blank(sheet_, row, kNote, f_.note);
  }

  // The total's movements are sums when they are known, that is when every unit's are; a partial
  // sum would not lead from the total at the start to the total now, so then they stay empty.
  void write_total_row() {
    const lxw_row_t row = total_row_;
    const ReportFigures& f = report_.total.figures[k_];
    merge_cells(sheet_, row, 0, row, 1, kTotalLabel, f_.total_text);
    write_sum(row, kHouseholdsColumn, households_of(report_.total));
    write_sum(row, kStart, f.start);
    for (std::size_t m = 0; m < kMovementCount; ++m) {
      if (f.movements_known)
        write_sum(row, movement_column(m), f.movements[m]);
      else
        write_blank(sheet_, row, movement_column(m), f_.total_count);
    }
    write_sum(row, kEnd, f.end);
    write_end_rate(row, f.end_rate, true);
    write_sum(row, kTarget, f.target);
    write_sum(row, kAchieved, f.achieved);
    write_share(row, f, true);
    write_blank(sheet_, row, kNote, f_.total_text);
  }

  void write_notes() {
    lxw_row_t row = total_row_ + 2;
    for (const auto& note : records_notes(report_.notes)) write_text(sheet_, row++, 1, note.c_str(), f_.footnote);
  }

  static double name_width_for(std::size_t characters) { return 1.1 * static_cast<double>(characters) + 3; }

  void set_widths() {
    std::size_t longest = display_length(unit_label());
    for (const auto& unit : report_.rows) longest = std::max(longest, display_length(unit.name));
    name_width_ = std::clamp(name_width_for(longest), 12.0, 22.0);
    set_column_width(sheet_, 0, 0, kOrderWidth);
    set_column_width(sheet_, 1, 1, name_width_);
    set_column_width(sheet_, kHouseholdsColumn, kHouseholdsColumn, kHouseholdsWidth);
    set_column_width(sheet_, kStart, kShare, kFigureWidth);
    set_column_width(sheet_, kNote, kNote, kNoteWidth);
    table_width_ = kOrderWidth + name_width_ + kHouseholdsWidth + kFigureWidth * (kShare - kStart + 1) + kNoteWidth;
  }

  const Plan& plan_;
  const Report& report_;
  std::size_t k_;
  Indicator indicator_;
  const SheetFormats& f_;
  lxw_worksheet* sheet_;
  lxw_row_t total_row_;
  double name_width_ = 0, table_width_ = 0;
};

}  // namespace

void write_report_workbook(const Plan& plan, const Report& report, const AtomicFile& file) {
  write_workbook(file, std::string(kReportTableLabel) + ": " + report_table_title(report), document_timestamp(plan),
                 [&](lxw_workbook* book) {
                   const SheetFormats formats = make_sheet_formats(book);
                   for (std::size_t k = 0; k < report.indicators.size(); ++k)
                     IndicatorSheet(book, formats, plan, report, k).write();
                 });
}

}  // namespace kehoach
