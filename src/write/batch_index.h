#pragma once
// The index of a batch: every unit with its figures and its files, as CSV (for Excel) and as a small
// HTML page (to open in a browser and click through).
#include <string>
#include <vector>

namespace kehoach {

struct IndexFigures {
  long long start = 0, reduction = 0, end = 0;
  std::string end_rate;  // "4,93"
};

struct IndexEntry {
  std::string unit;        // "Xã An Hòa Thịnh" (the path joined with " / ")
  std::string level;       // "Xã"
  long long households = 0;
  std::vector<IndexFigures> figures;  // per indicator, in the order of `indicator_labels`
  std::string plan_file, appendix_file;  // relative to the index; plan empty for units above the plan level
                                         // (both empty for a unit whose files could not be written)
  std::string note;                      // "tên thư mục được rút ngắn …"; a "Ghi chú" column when any unit has one
};

struct BatchIndex {
  std::string title;                           // "Kế hoạch giảm nghèo năm 2026: …"
  std::vector<std::string> indicator_labels;   // "Hộ nghèo", "Hộ cận nghèo"
  std::vector<IndexEntry> entries;
};

// index.csv: UTF-8 with BOM, so that Excel reads the diacritics. A text that Excel or LibreOffice would
// take for a formula (a unit named "=HYPERLINK(…)", "+1", "-", "@x") starts with an apostrophe, which
// they show as text and do not run.
std::string index_csv(const BatchIndex& index);
// index.html, to open in a browser.
std::string index_html(const BatchIndex& index);

// A CSV field as index.csv writes it: quoted when it holds a comma, quote or line break, and an
// apostrophe before a leading =, +, -, @, tab or carriage return (CSV injection).
std::string csv_field(const std::string& text);

}  // namespace kehoach
