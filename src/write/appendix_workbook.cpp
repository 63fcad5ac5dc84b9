#include "write/appendix_workbook.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <stdexcept>

#include "text/column_letter.h"
#include "write/appendix_labels.h"
#include "write/document_time.h"
#include "write/records_notes.h"
#include "write/vietnamese_format.h"
#include "write/workbook_file.h"

namespace kehoach {
namespace {

constexpr lxw_row_t kHeaderRow = 4;      // first of the two header rows (0-based)
constexpr lxw_row_t kFirstDataRow = 6;
constexpr lxw_col_t kFirstFigureColumn = 3;
constexpr lxw_col_t kColumnsPerIndicator = 6;  // start, reduction, end; each count and rate

class AppendixSheet {
 public:
  AppendixSheet(lxw_workbook* book, const Plan& plan, const AppendixTable& table)
      : plan_(plan), table_(table), formats_(make_sheet_formats(book)),
        sheet_(add_worksheet(book, "Phụ lục")),
        last_column_(static_cast<lxw_col_t>(kFirstFigureColumn + kColumnsPerIndicator * table.indicators.size() - 1)),
        total_row_(static_cast<lxw_row_t>(kFirstDataRow + table.rows.size())) {}

  void write() {
    write_titles();
    write_header();
    for (std::size_t i = 0; i < table_.rows.size(); ++i) write_unit_row(i);
    write_total_row();
    write_notes();
    set_layout();
  }

 private:
  void write_titles() {
    merge_cells(sheet_, 0, 0, 0, last_column_, plan_.appendix_label.c_str(), formats_.label);
    merge_cells(sheet_, 1, 0, 1, last_column_, appendix_title(plan_, table_).c_str(), formats_.title);
    merge_cells(sheet_, 2, 0, 2, last_column_, attachment_line(plan_).c_str(), formats_.attachment);
    set_row_height(sheet_, 2, 36);  // the line wraps on narrow tables
  }

  void write_header() {
    const lxw_row_t top = kHeaderRow, bottom = kHeaderRow + 1;
    merge_cells(sheet_, top, 0, bottom, 0, kOrderLabel, formats_.header);
    merge_cells(sheet_, top, 1, bottom, 1, table_.unit_label.c_str(), formats_.header);
    merge_cells(sheet_, top, 2, bottom, 2, kHouseholdsLabel, formats_.header);
    lxw_col_t column = kFirstFigureColumn;
    for (const auto& target : table_.indicators) {
      for (Stage group : {Stage::Start, Stage::Reduction, Stage::End}) {
        const std::string label = stage_heading(target.indicator, group, table_.year);
        merge_cells(sheet_, top, column, top, column + 1, label.c_str(), formats_.header);
        write_text(sheet_, bottom, column, kCountLabel, formats_.header);
        write_text(sheet_, bottom, column + 1, kRateLabel, formats_.header);
        column += 2;
      }
    }
    set_row_height(sheet_, top, 48);
    set_row_height(sheet_, bottom, 30);
  }

  // ROUND(count/households*100, 2): half up for positive figures, the rule of the plans.
  void write_rate(lxw_row_t row, lxw_col_t count_column, Rate value, lxw_format* format) {
    formula_.assign("=ROUND(");
    append_cell_ref(formula_, row, count_column);
    formula_ += '/';
    append_cell_ref(formula_, row, 2, true);
    formula_ += "*100,2)";
    write_formula(sheet_, row, count_column + 1, formula_.c_str(), format, rate_value(value));
  }

  void write_figures(lxw_row_t row, const IndicatorFigures& f, lxw_col_t column, bool total) {
    lxw_format* count = total ? formats_.total_count : formats_.count;
    lxw_format* rate = total ? formats_.total_rate : formats_.rate;
    if (total) {
      for (auto [offset, value] : {std::pair{0, f.start}, std::pair{2, f.reduction}, std::pair{4, f.end}}) {
        const lxw_col_t c = column + static_cast<lxw_col_t>(offset);
        const std::string sum = "=SUM(" + cell_ref(kFirstDataRow, c) + ":" + cell_ref(row - 1, c) + ")";
        write_formula(sheet_, row, c, sum.c_str(), count, static_cast<double>(value));
      }
    } else {
      write_number(sheet_, row, column, static_cast<double>(f.start), count);
      write_number(sheet_, row, column + 2, static_cast<double>(f.reduction), count);
      formula_.assign("=");
      append_cell_ref(formula_, row, column);
      formula_ += '-';
      append_cell_ref(formula_, row, column + 2);
      write_formula(sheet_, row, column + 4, formula_.c_str(), count, static_cast<double>(f.end));
    }
    write_rate(row, column, f.start_rate, rate);
    write_rate(row, column + 2, f.reduction_rate, rate);
    write_rate(row, column + 4, f.end_rate, rate);
  }

  void write_unit_row(std::size_t index) {
    const AppendixRow& unit = table_.rows[index];
    const lxw_row_t row = static_cast<lxw_row_t>(kFirstDataRow + index);
    write_number(sheet_, row, 0, static_cast<double>(index + 1), formats_.order);
    write_text(sheet_, row, 1, unit.name.c_str(), formats_.text);
    write_number(sheet_, row, 2, static_cast<double>(unit.households), formats_.count);
    for (std::size_t k = 0; k < unit.figures.size(); ++k)
      write_figures(row, unit.figures[k], static_cast<lxw_col_t>(kFirstFigureColumn + kColumnsPerIndicator * k), false);
  }

  void write_total_row() {
    const lxw_row_t row = total_row_;
    merge_cells(sheet_, row, 0, row, 1, kTotalLabel, formats_.total_text);
    const std::string sum = "=SUM(" + cell_ref(kFirstDataRow, 2) + ":" + cell_ref(row - 1, 2) + ")";
    write_formula(sheet_, row, 2, sum.c_str(), formats_.total_count, static_cast<double>(table_.total.households));
    for (std::size_t k = 0; k < table_.total.figures.size(); ++k)
      write_figures(row, table_.total.figures[k], static_cast<lxw_col_t>(kFirstFigureColumn + kColumnsPerIndicator * k), true);
  }

  void write_notes() {
    lxw_row_t row = total_row_ + 2;
    for (const auto& note : records_notes(table_.notes)) write_text(sheet_, row++, 1, note.c_str(), formats_.footnote);
  }

  void set_layout() {
    std::size_t longest = display_length(table_.unit_label);
    for (const auto& unit : table_.rows) longest = std::max(longest, display_length(unit.name));
    set_column_width(sheet_, 0, 0, 5);
    set_column_width(sheet_, 1, 1, std::max(14.0, 1.15 * static_cast<double>(longest) + 2));
    set_column_width(sheet_, 2, 2, 10);
    set_column_width(sheet_, kFirstFigureColumn, last_column_, 9.5);
    set_table_page(sheet_, kHeaderRow, kFirstDataRow, 0.6);
  }

  const Plan& plan_;
  const AppendixTable& table_;
  SheetFormats formats_;
  lxw_worksheet* sheet_;
  lxw_col_t last_column_;
  lxw_row_t total_row_;
  std::string formula_;  // the formula being written: one string for every cell's
};

}  // namespace

void write_appendix_workbook(const Plan& plan, const AppendixTable& table, const AtomicFile& file) {
  write_workbook(file, plan.appendix_label + ": " + appendix_title(plan, table), document_timestamp(plan),
                 [&](lxw_workbook* book) { AppendixSheet(book, plan, table).write(); });
}

}  // namespace kehoach
