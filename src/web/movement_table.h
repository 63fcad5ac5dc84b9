#pragma once
// A report period's movement table (bảng biến động) typed on the page: one row per village of the plan's
// village table, and for each indicator the plan has a target for, the seven movement columns of `kehoach
// report` (the decreases, then the increases, as the review forms have them) and its "Cuối kỳ" (the end
// count alone is enough, as the reader allows), then "Tổng số hộ cuối kỳ" (optional). Numbers as officers
// type them ("2.047"). The rows are written as the CSV the version keeps, in the layout the reader reads
// (two header rows: each group over its columns), and checked by the same reader and the same report
// (app/check_movements.h); each problem goes back to its cell.
//
// Field names: bd-N-ngheo-1 … bd-N-ngheo-7, bd-N-ngheo-cuoi-ky, bd-N-can-ngheo-1 … bd-N-can-ngheo-cuoi-ky,
// bd-N-tong-so-ho-cuoi-ky (N from 1, the villages in the plan's order; movement M as movement_columns()).
#include <optional>
#include <string>
#include <vector>

#include "app/plan_input.h"
#include "model/movements.h"
#include "web/form_data.h"
#include "web/form_view.h"
#include "web/table_form.h"

namespace kehoach {

// A column of the typed table: an indicator's movement (0 to 6), its end count, or the households at the end.
struct MovementField {
  enum class Kind { Movement, End, EndHouseholds };
  Kind kind = Kind::Movement;
  Indicator indicator = Indicator::Poor;
  int movement = 0;
  std::string part;   // "ngheo-5", "can-ngheo-cuoi-ky", "tong-so-ho-cuoi-ky"
  std::string group;  // "Hộ nghèo" ("" for the households)
  std::string label;  // "Tái nghèo", "Cuối kỳ", "Tổng số hộ cuối kỳ"
};

// The columns for the plan's indicators, in the table's order.
std::vector<MovementField> movement_fields(const std::vector<Indicator>& indicators);

// One village's row: its name (from the plan, never typed) and a value per column, as typed.
struct MovementRow {
  std::string village;
  std::vector<std::string> cells;
  friend bool operator==(const MovementRow&, const MovementRow&) = default;
};

// The plan's villages (its appendix rows) and the indicators it has targets for.
struct MovementTable {
  std::string unit_column;  // "Thôn"
  std::vector<std::string> villages;
  std::vector<MovementField> fields;
};
MovementTable movement_table_of(const PlanInput& plan);

// The field id of a cell: "bd-3-ngheo-5".
std::string movement_field_id(int row, const std::string& part);

// Blank rows; the rows a table read from a file gives (its figures as the report takes them: counts and end
// counts written, households at the end); and the rows as posted.
std::vector<MovementRow> blank_movement_rows(const MovementTable& table);
std::vector<MovementRow> rows_of_movements(const MovementTable& table, const Movements& movements);
std::vector<MovementRow> posted_movement_rows(const MovementTable& table, const FormData& form);

// The rows as the CSV kept. A "Cuối kỳ" column, or that of the households at the end, is written only when
// some row has a value in it (without one, an empty movement cell counts as 0, as the reader has it).
struct MovementCsv {
  TypedCsv csv;
  std::vector<std::string> column_parts;  // the field part of each column of the file ("" for TT and the name)
};
MovementCsv movement_csv(const MovementTable& table, const std::vector<MovementRow>& rows);

// The typed rows read and checked as an uploaded file would be against `plan`; each problem goes to `errors`
// at the field of its row and column (the row's first cell when the problem is the row's), worded "Đông Hà,
// Hộ nghèo – Tái nghèo: …". True when there is none.
bool check_typed_movements(const MovementTable& table, const std::vector<MovementRow>& rows, const MovementCsv& csv,
                           const PlanInput& plan, FormErrors& errors);

// The table of inputs, a row per village, a cell's message beside it when refused.
std::string movement_table_html(const MovementTable& table, const std::vector<MovementRow>& rows, const FormErrors& errors);

}  // namespace kehoach
