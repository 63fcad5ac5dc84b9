#pragma once
// What every workbook kehoach writes shares: the file written whole or not at all with fixed
// document properties, the formats of an official table (Times New Roman, borders, counts and
// rates), and cell references for formulas.
#include <xlsxwriter.h>

#include <functional>
#include <stdexcept>
#include <string>

#include "package/atomic_file.h"
#include "text/rate.h"

namespace kehoach {

// Writes the workbook into `file`'s temporary file (the caller commits it): sets title, author and the
// (fixed) creation time, lets `fill` add the sheets, then closes it. Throws OutputError naming the file,
// also when `fill` meets a value libxlsxwriter refused.
void write_workbook(const AtomicFile& file, const std::string& title, long long timestamp,
                    const std::function<void(lxw_workbook*)>& fill);

// The cells of a sheet, written through libxlsxwriter with its return value checked. libxlsxwriter
// refuses what a workbook cannot hold (a text over 32.767 characters, a cell beyond the last row or
// column) by a return value and leaves the cell empty; a workbook that said nothing of it would be
// silently incomplete. These throw CellRefused instead, naming the cell; write_workbook makes it an
// OutputError naming the file. Writers call these, never libxlsxwriter's worksheet_write_* directly.
class CellRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
lxw_worksheet* add_worksheet(lxw_workbook* book, const char* name);
void write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const char* text, lxw_format* format);
void write_number(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, double value, lxw_format* format);
void write_blank(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, lxw_format* format);
// A formula with its value cached, as computed here (a reader that does not recalculate shows it).
void write_formula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const char* formula, lxw_format* format,
                   double value);
void write_formula_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const char* formula,
                        lxw_format* format, const char* value);
void merge_cells(lxw_worksheet* sheet, lxw_row_t first_row, lxw_col_t first_column, lxw_row_t last_row,
                 lxw_col_t last_column, const char* text, lxw_format* format);
void set_row_height(lxw_worksheet* sheet, lxw_row_t row, double points);
void set_column_width(lxw_worksheet* sheet, lxw_col_t first, lxw_col_t last, double characters);

struct SheetFormats {
  lxw_format *label, *title, *attachment, *header, *text, *order, *count, *rate, *note;
  lxw_format *total_text, *total_count, *total_rate;
  lxw_format* group_text;  // a unit that sums units below it: bold, left-aligned like a name
  lxw_format* footnote;    // a line under a table: italic, no border
  lxw_format *wrapped_text, *wrapped_group_text;  // a name too long for its column: on several lines
  lxw_format *whole_rate, *total_whole_rate;      // a percentage shown without decimals: "100", "50"
};

SheetFormats make_sheet_formats(lxw_workbook* book);

// A4 landscape, centred, the two header rows repeated on every page, one page wide, frozen below the
// header and right of the unit names: how an official table is printed and read.
void set_table_page(lxw_worksheet* sheet, lxw_row_t header_row, lxw_row_t first_data_row, double left_margin);

// How many lines `text` wraps to in a column `width` characters wide (Excel's unit: a digit of the
// default font) at `points`, in Times New Roman. Row heights of wrapped headers and names are set from
// it, since neither Excel nor LibreOffice sizes a merged or fixed row to its text; it errs on the
// generous side (Excel's narrow columns, upper case as wide as it gets).
int wrapped_lines(const std::string& text, double width, double points);
double lines_height(int lines, double points);  // a row that shows `lines` lines at `points`, in points

std::string cell_ref(lxw_row_t row, lxw_col_t column);             // "D7"
// cell_ref's "D7" (or "$D7") added to `formula`: a formula of a table's row built in one string, without a
// string made for each reference.
void append_cell_ref(std::string& formula, lxw_row_t row, lxw_col_t column, bool absolute_column = false);
std::string absolute_column_ref(lxw_row_t row, lxw_col_t column);  // "$C7": the households column in a rate
std::size_t display_length(const std::string& utf8);               // characters, for column widths
double rate_value(Rate rate);                                      // 6.25 for 6,25%

}  // namespace kehoach
