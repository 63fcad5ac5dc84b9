#include "write/records_notes.h"

#include "text/unicode.h"
#include "write/report_labels.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

// "Chuẩn nghèo …" inside a sentence: "(Theo chuẩn nghèo …)". Other names (a resolution's own title)
// keep their capital.
std::string in_sentence(const std::string& label) {
  const std::string word = "Chuẩn ";
  return label.rfind(word, 0) == 0 ? "c" + label.substr(1) : label;
}

std::string with_skipped(long long households, long long skipped_rows) {
  std::string text = format_count(households) + " hộ";
  if (skipped_rows > 0) text += "; đã bỏ qua " + format_count(skipped_rows) + " dòng có giá trị sai";
  return text;
}

}  // namespace

std::string standard_label(const PovertyStandard& standard) {
  std::string name = standard.name;
  std::string document = standard.document;
  // "Tên (Nghị định …)": the bracketed tail is the document.
  if (document.empty() && name.size() > 2 && name.back() == ')') {
    const std::size_t open = name.rfind(" (");
    if (open != std::string::npos) {
      document = name.substr(open + 2, name.size() - open - 3);
      name = name.substr(0, open);
    }
  }
  return document.empty() ? name : name + ", " + document;
}

std::string standard_by_line(const PovertyStandard& standard) {
  return "(Theo " + in_sentence(standard_label(standard)) + ")";
}

std::string unconfirmed_standard_note(const PovertyStandard& standard) {
  if (standard.confirmed) return "";
  return standard_label(standard) + " chưa được văn bản pháp luật xác nhận: số liệu tính theo các mức dự kiến, "
                                    "cần tính lại khi có văn bản chính thức.";
}

std::string unconfirmed_standard_warning(const PovertyStandard& standard) {
  if (standard.confirmed) return "";
  return "cảnh báo: áp dụng " + standard_label(standard) + " (" + standard.file +
         "), các mức của chuẩn này chưa được văn bản pháp luật xác nhận (confirmed: false); số hộ nghèo, hộ cận "
         "nghèo tính theo mức dự kiến, cần tính lại khi có văn bản chính thức. Mỗi bảng được ghi chú điều này.";
}

NotedList noted(const RecordsSummary& records, NotedList::Role role, int year) {
  return NotedList{role, year, std::nullopt, records.households, records.skipped_rows};
}

std::string list_lead(const NotedList& list) {
  const std::string review = "danh sách hộ rà soát cuối năm " + std::to_string(list.year);
  switch (list.role) {
    case NotedList::Role::Only: return "Số liệu tính từ " + review;
    case NotedList::Role::YearStart: return "Số liệu đầu năm tính từ " + review;
    case NotedList::Role::Now:
      return "Số liệu hiện nay tính từ " +
             (list.update ? "danh sách hộ cập nhật " + period_label(*list.update, list.year) : review);
    case NotedList::Role::PeriodStart: return "Danh sách hộ rà soát đầu kỳ";
    case NotedList::Role::PeriodEnd: break;
  }
  return "D" + review.substr(1);
}

std::vector<std::string> records_notes(const TableNotes& table) {
  std::vector<std::string> notes;
  if (!table.standard) return notes;
  const PovertyStandard& standard = *table.standard;
  const std::string by = in_sentence(standard_label(standard));
  // One list and its standard make one line, short enough for a line under a landscape table.
  if (table.lists.size() == 1) {
    const NotedList& list = table.lists.front();
    notes.push_back(list_lead(list) + " (" + with_skipped(list.households, list.skipped_rows) + ") theo " + by + ".");
  } else if (!table.lists.empty()) {
    for (const NotedList& list : table.lists)
      notes.push_back(list_lead(list) + ": " + with_skipped(list.households, list.skipped_rows) + ".");
    notes.push_back("Hộ nghèo, hộ cận nghèo xác định theo " + by + ".");
  }
  if (!standard.confirmed) notes.push_back(unconfirmed_standard_note(standard));
  return notes;
}

std::string records_on_terminal(const RecordsSummary& records) {
  return records.source + " (" + with_skipped(records.households, records.skipped_rows) + ")";
}

}  // namespace kehoach
