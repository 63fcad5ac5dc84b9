#pragma once
// How documents name the poverty standard, and the lines under a table made from household records:
// what the lists are and how many households they hold, rows left out, the standard, and a warning
// when the standard is not yet confirmed. No file name: a file is the officer's business, not the
// reader's, so file names are shown on the terminal (and kept in the JSON, which is for programs).
#include <string>
#include <vector>

#include "model/poverty_standard.h"
#include "model/records_summary.h"
#include "model/table_notes.h"

namespace kehoach {

// "Chuẩn nghèo đa chiều giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP": the name and the legal text,
// with no brackets of its own, so that "(Theo …)" has one pair. A name written with its document in
// brackets, "… (Nghị định 07/2021/NĐ-CP)", is read the same way.
std::string standard_label(const PovertyStandard& standard);

// "(Theo chuẩn nghèo đa chiều giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP)": the line under a title.
std::string standard_by_line(const PovertyStandard& standard);

// The line under every table computed with a standard whose lines no legal text has set yet; "" for
// a confirmed standard.
std::string unconfirmed_standard_note(const PovertyStandard& standard);

// The same for the terminal, with the file, when the standard is not confirmed; "" otherwise.
std::string unconfirmed_standard_warning(const PovertyStandard& standard);

// A list as the notes name it: its role, year and counts, never its file.
NotedList noted(const RecordsSummary& records, NotedList::Role role, int year);

// What a list is, as its note begins: "Số liệu tính từ danh sách hộ rà soát cuối năm 2021".
std::string list_lead(const NotedList& list);

// The lines under a table. One list: "Số liệu tính từ danh sách hộ rà soát cuối năm 2021 (2.047 hộ)
// theo chuẩn nghèo đa chiều giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP."; several: "Danh sách hộ rà
// soát đầu kỳ: 2.047 hộ; đã bỏ qua 3 dòng có giá trị sai." for each, then "Hộ nghèo, hộ cận nghèo xác
// định theo chuẩn …". Then the unconfirmed standard's note when there is one (alone when there is no
// list).
std::vector<std::string> records_notes(const TableNotes& notes);

// "ho-gia-dinh-cuoi-2021.csv (2.047 hộ)": a list as the terminal names it.
std::string records_on_terminal(const RecordsSummary& records);

}  // namespace kehoach
