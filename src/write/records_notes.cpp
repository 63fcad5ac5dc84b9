#include "write/records_notes.h"

#include "text/unicode.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

// "Chuẩn nghèo …" inside a sentence: "(Theo chuẩn nghèo …)". Other names (a resolution's own title)
// keep their capital.
std::string in_sentence(const std::string& label) {
  const std::string word = "Chuẩn ";
  return label.rfind(word, 0) == 0 ? "c" + label.substr(1) : label;
}

std::string with_skipped(const RecordsSummary& records) {
  std::string text = format_count(records.households) + " hộ";
  if (records.skipped_rows > 0) text += "; đã bỏ qua " + format_count(records.skipped_rows) + " dòng có giá trị sai";
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

std::vector<std::string> records_notes(const PovertyStandard& standard, const std::vector<RecordsList>& lists) {
  std::vector<std::string> notes;
  const std::string by = in_sentence(standard_label(standard));
  // One list and its standard make one line, short enough for a line under a landscape table.
  if (lists.size() == 1) {
    notes.push_back(lists.front().lead + " (" + with_skipped(lists.front().records) + ") theo " + by + ".");
  } else {
    for (const RecordsList& list : lists) notes.push_back(list.lead + ": " + with_skipped(list.records) + ".");
    notes.push_back("Hộ nghèo, hộ cận nghèo xác định theo " + by + ".");
  }
  if (!standard.confirmed) notes.push_back(unconfirmed_standard_note(standard));
  return notes;
}

std::string records_on_terminal(const RecordsSummary& records) {
  return records.source + " (" + with_skipped(records) + ")";
}

}  // namespace kehoach
