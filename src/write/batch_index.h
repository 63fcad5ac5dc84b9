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
};

struct BatchIndex {
  std::string title;                           // "Kế hoạch giảm nghèo năm 2026: …"
  std::vector<std::string> indicator_labels;   // "Hộ nghèo", "Hộ cận nghèo"
  std::vector<IndexEntry> entries;
};

// Writes index.csv (UTF-8 with BOM, so that Excel reads the diacritics) and index.html into `folder`,
// each whole or not at all. Throws std::runtime_error.
void write_batch_index(const BatchIndex& index, const std::string& folder);

}  // namespace kehoach
