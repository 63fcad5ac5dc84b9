#include "write/submission_status_workbook.h"

#include <xlsxwriter.h>

#include <algorithm>

#include "compute/rate.h"
#include "write/workbook_file.h"

namespace kehoach {
namespace {

constexpr lxw_row_t kCountsHeaderRow = 5;  // 0-based; the counts follow it

class StatusWorksheet {
 public:
  StatusWorksheet(lxw_workbook* book, const StatusSheet& sheet)
      : sheet_(sheet), formats_(make_sheet_formats(book)), ws_(add_worksheet(book, "Tình hình nộp")),
        last_column_(sheet.with_within ? 7 : 6) {}

  void write() {
    write_titles();
    const lxw_row_t after = write_counts();
    write_table(after + 2);
    set_layout();
  }

 private:
  void write_titles() {
    merge_cells(ws_, 0, 0, 0, last_column_, sheet_.title.c_str(), formats_.title);
    merge_cells(ws_, 1, 0, 1, last_column_, sheet_.unit.c_str(), formats_.attachment);
    merge_cells(ws_, 2, 0, 2, last_column_, sheet_.as_of.c_str(), formats_.attachment);
    merge_cells(ws_, 3, 0, 3, last_column_, sheet_.deadline.c_str(), formats_.attachment);
  }

  // A count, and its percentage of the count in `denominator`: ROUND(count/denominator*100,2), half up as
  // rate_of computes the cached value; left blank when there is nothing to divide by.
  void count_row(lxw_row_t row, const char* label, int value) {
    merge_cells(ws_, row, 0, row, 1, label, formats_.text);
    write_number(ws_, row, 2, value, formats_.count);
  }
  void share(lxw_row_t row, const std::string& denominator, const std::optional<Rate>& value) {
    if (!value) {
      write_blank(ws_, row, 3, formats_.rate);
      return;
    }
    const std::string formula = "=ROUND(" + cell_ref(row, 2) + "/" + denominator + "*100,2)";
    write_formula(ws_, row, 3, formula.c_str(), formats_.rate, rate_value(*value));
  }

  // The counts and their percentages: completeness (sent ÷ expected), approved ÷ expected, on time ÷ sent
  // (of those with a deadline). Returns the last row written.
  lxw_row_t write_counts() {
    const StatusCounts& c = sheet_.counts;
    const lxw_row_t head = kCountsHeaderRow;
    merge_cells(ws_, head, 0, head, 1, "Chỉ số", formats_.header);
    write_text(ws_, head, 2, "Số đơn vị", formats_.header);
    write_text(ws_, head, 3, "Tỷ lệ (%)", formats_.header);
    const lxw_row_t expected = head + 1;
    const std::string all = "$C$" + std::to_string(expected + 1);
    count_row(expected, "Số đơn vị phải nộp", c.expected);
    write_blank(ws_, expected, 3, formats_.rate);
    count_row(expected + 1, "Đã gửi (đã gửi, bị trả lại, đã duyệt)", c.sent);
    share(expected + 1, all, c.sent_share);
    count_row(expected + 2, "Đã duyệt", c.approved);
    share(expected + 2, all, c.approved_share);
    count_row(expected + 3, "Đã gửi, chờ duyệt", c.submitted);
    share(expected + 3, all, c.expected ? std::optional<Rate>(rate_of(c.submitted, c.expected)) : std::nullopt);
    count_row(expected + 4, "Bị trả lại", c.returned);
    share(expected + 4, all, c.expected ? std::optional<Rate>(rate_of(c.returned, c.expected)) : std::nullopt);
    count_row(expected + 5, "Đang nhập, chưa gửi", c.entering);
    share(expected + 5, all, c.expected ? std::optional<Rate>(rate_of(c.entering, c.expected)) : std::nullopt);
    count_row(expected + 6, "Quá hạn, chưa gửi", c.overdue);
    share(expected + 6, all, c.expected ? std::optional<Rate>(rate_of(c.overdue, c.expected)) : std::nullopt);
    const lxw_row_t on_time = expected + 7, late = expected + 8;
    const std::string judged = "(" + cell_ref(on_time, 2) + "+" + cell_ref(late, 2) + ")";
    count_row(on_time, "Gửi đúng hạn", c.on_time);
    share(on_time, judged, c.on_time_share);
    count_row(late, "Gửi muộn", c.late);
    share(late, judged, c.judged ? std::optional<Rate>(rate_of(c.late, c.judged)) : std::nullopt);
    return late;
  }

  void write_table(lxw_row_t head) {
    header_row_ = head;
    lxw_col_t column = 0;
    std::vector<const char*> headers{"TT", "Đơn vị"};
    if (sheet_.with_within) headers.push_back("Thuộc");
    for (const char* label : {"Trạng thái", "Gửi lần đầu", "Thay đổi lần cuối", "Hạn nộp", "Đúng hạn, muộn"})
      headers.push_back(label);
    for (const char* label : headers) write_text(ws_, head, column++, label, formats_.header);
    set_row_height(ws_, head, 30);
    lxw_row_t row = head + 1;
    int order = 0;
    for (const StatusSheetRow& line : sheet_.rows) {
      column = 0;
      write_number(ws_, row, column++, ++order, formats_.order);
      write_text(ws_, row, column++, line.unit.c_str(), formats_.text);
      if (sheet_.with_within) write_text(ws_, row, column++, line.within.c_str(), formats_.text);
      for (const std::string* text : {&line.state, &line.first_sent, &line.last_changed, &line.deadline, &line.timeliness})
        write_text(ws_, row, column++, text->c_str(), formats_.text);
      ++row;
    }
    if (sheet_.rows.empty())
      merge_cells(ws_, row, 0, row, last_column_, "Không có đơn vị nào theo bộ lọc này.", formats_.text);
    if (!sheet_.filter.empty()) write_text(ws_, row + 1, 1, sheet_.filter.c_str(), formats_.footnote);
  }

  void set_layout() {
    std::size_t longest = 10;
    for (const StatusSheetRow& line : sheet_.rows) longest = std::max(longest, display_length(line.unit));
    lxw_col_t column = 0;
    set_column_width(ws_, column, column, 5);
    ++column;
    set_column_width(ws_, column, column, std::max(24.0, 1.15 * static_cast<double>(longest) + 2));
    ++column;
    if (sheet_.with_within) {
      std::size_t within = 8;
      for (const StatusSheetRow& line : sheet_.rows) within = std::max(within, display_length(line.within));
      set_column_width(ws_, column, column, 1.15 * static_cast<double>(within) + 2);
      ++column;
    }
    set_column_width(ws_, column, column, 14);                      // state
    set_column_width(ws_, column + 1, column + 2, 17);              // first sent, last changed
    set_column_width(ws_, column + 3, column + 3, 12);              // deadline
    set_column_width(ws_, column + 4, column + 4, 18);              // on time
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_set_margins(ws_, 0.6, 0.4, 0.8, 0.6);
    worksheet_center_horizontally(ws_);
    worksheet_repeat_rows(ws_, header_row_, header_row_);
    worksheet_fit_to_pages(ws_, 1, 0);
    worksheet_freeze_panes(ws_, header_row_ + 1, 2);
  }

  const StatusSheet& sheet_;
  SheetFormats formats_;
  lxw_worksheet* ws_;
  lxw_col_t last_column_;
  lxw_row_t header_row_ = 0;
};

}  // namespace

void write_status_workbook(const StatusSheet& sheet, long long timestamp, const AtomicFile& file) {
  write_workbook(file, sheet.title, timestamp, [&](lxw_workbook* book) { StatusWorksheet(book, sheet).write(); });
}

}  // namespace kehoach
