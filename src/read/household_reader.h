#pragma once
// Household review files (rà soát), read row by row so that a province's million records never sit
// in memory: each good record is handed to the caller and forgotten. Records are personal data:
// messages name rows and columns and the offending cell, never a whole record.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/grid.h"
#include "model/household.h"
#include "model/poverty_standard.h"
#include "model/records_summary.h"
#include "read/household_columns.h"

namespace kehoach {

using HouseholdSink = std::function<void(const Household&)>;

// Turns the rows of one file into households. Rows before the header (titles) are passed over.
// A row with a bad value is remembered; finish() refuses the file listing the first of them (file,
// row, column, what is wrong) unless bad rows are skipped. A household code used twice is always
// refused: which of the two rows is right cannot be guessed.
class HouseholdRowReader {
 public:
  HouseholdRowReader(std::string source, const PovertyStandard& standard, RecordsOptions options, HouseholdSink sink);
  void row(const GridRow& row);
  RecordsSummary finish();

 private:
  void header(const GridRow& row);
  bool fill(const GridRow& row);  // false: a bad value, recorded
  bool bad(const GridRow& row, int column, const std::string& problem);  // records it; always false
  bool marker(const GridRow& row, int column, bool& value);
  void check_standard_fits() const;
  void check_duplicates();

  std::string source_;
  const PovertyStandard& standard_;
  RecordsOptions options_;
  HouseholdSink sink_;
  std::optional<RecordLayout> layout_;
  int rows_before_header_ = 0;
  Household household_;                                  // reused: its strings keep their capacity
  std::string last_area_text_;                           // the area as last written, and what it meant
  std::optional<Area> last_area_;
  std::vector<std::string> last_units_;                  // the unit names last checked, one per level
  std::vector<std::pair<std::uint64_t, int>> code_rows_;  // hash of each code and its row, 16 bytes a record
  std::vector<std::string> problems_;                    // the first bad rows, as messages
  long long bad_rows_ = 0;
  RecordsSummary summary_;
};

// The whole file through a HouseholdRowReader (CSV or XLSX, streamed). Throws InputError.
RecordsSummary read_households(const std::string& path, const PovertyStandard& standard, const RecordsOptions& options,
                               const HouseholdSink& sink);

}  // namespace kehoach
