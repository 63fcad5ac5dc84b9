#pragma once
// A commune's village table (bảng số liệu thôn) for a plan year: the statistics its plan starts from,
// kept as versions of the kind VillageTable with one input file, "thon.csv" or "thon.xlsx" (the file
// uploaded, or the rows typed on the page written as CSV). Read back with the same reader as
// `kehoach appendix` (app/check_statistics.h).
#include <optional>
#include <string>
#include <vector>

#include "app/check_statistics.h"
#include "store/units.h"
#include "store/versions.h"
#include "web/context.h"
#include "web/form_view.h"
#include "web/table_form.h"

namespace kehoach {

struct VillageTable {
  VersionRecord version;
  VersionFile file;       // thon.csv or thon.xlsx
  StatisticsCheck check;  // its figures (a saved table always reads; a problem here is a reader changed since)
};

// The latest village table of the route's unit for the year, if any.
std::optional<VillageTable> latest_village_table(const RequestContext& context, int year);
// The same for a given version (of the kind VillageTable).
VillageTable village_table_of(const RequestContext& context, const VersionRecord& version);

// The table as a page shows it: one row per village (households, poor and near-poor with their rates,
// members when given) and the total.
std::string statistics_html(const Statistics& statistics, const std::string& caption);

// One row typed on the page, as typed ("2.047" is 2047).
struct TypedRow {
  std::string name, households, poor, near_poor;
  bool blank() const;
};

// The header of the unit column for the commune's villages ("Thôn", "Tổ dân phố"; "Đơn vị" for a mix),
// and the names the typed table starts with (without their level word under such a header).
std::string typed_unit_column(const std::vector<UnitRecord>& villages);
std::vector<TypedRow> rows_of_villages(const std::vector<UnitRecord>& villages);
std::vector<TypedRow> rows_of_statistics(const Statistics& statistics);

// The typed rows as the CSV file kept ("TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo"), blank rows left out.
TypedCsv typed_csv(const std::vector<TypedRow>& rows, const std::string& unit_column);

// The typed table (`rows`, written as `csv`) read and checked as a file would be; each problem goes to
// `errors` at the field of its row and column ("thon-3-so-ho"), worded "Dòng 3, Tổng số hộ: …". A name
// starting as a spreadsheet formula does (= + - @) is refused first. Returns the figures when there is no problem.
std::optional<Statistics> check_typed(const std::vector<TypedRow>& rows, const TypedCsv& csv, FormErrors& errors);

// The field id of a typed cell: "thon-3-ten", "thon-3-so-ho", "thon-3-ngheo", "thon-3-can-ngheo" (1-based row).
std::string typed_field(int row, const std::string& part);

}  // namespace kehoach
