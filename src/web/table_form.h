#pragma once
// Tables on a page, shared by the pages that take a table (the village table, a report's movements): a cell
// of a table typed into a form (its input with a
// hidden label and, when refused, its message), the CSV a typed table is kept as (and which typed row each
// of its lines came from, so that a reader's problem goes back to its field), and an uploaded file shown
// as it was read, every cell with an id that the error summary links to and the cells with a problem marked.
#include <string>
#include <vector>

#include "model/grid.h"
#include "model/input_error.h"
#include "web/form_view.h"

namespace kehoach {

// A cell of a CSV file: quoted when it holds a separator, a quote or a space at an end; line breaks become spaces.
std::string csv_cell(std::string text);

// One typed value of a table: the <td> with its input (`id` is also its name), a label said by screen
// readers ("Hộ nghèo dòng 3"), and the message beside it when the field was refused.
struct InputCell {
  std::string id;
  std::string label;
  std::string value;
  bool number = true;  // right-aligned, a numeric keyboard on phones
};
std::string input_cell(const InputCell& cell, const FormErrors& errors);

// A typed table as the CSV file kept. `line_rows[k]` is the typed row (0-based) of the file's line k + 1
// (-1 for a header line).
struct TypedCsv {
  std::string text;
  std::vector<int> line_rows;
};

// The table as it was read from an uploaded file, every cell with an id ("o-4-B": row 4, column B) that
// the error summary links to; the cells (or rows) with a problem marked, with the message beside them.
std::string grid_html(const Grid& grid, const std::vector<InputError>& problems, const std::string& caption);

// The name of an uploaded file as messages show it: the last part of what the browser gave, or words
// when it gave none.
std::string upload_name(const std::string& browser_name);

// ".xlsx" when the file at `path` is a workbook, else ".csv": the name its copy is kept under.
std::string table_extension(const std::string& path, const std::string& name);

// Where the error summary sends the reader for a problem of an upload: the cell, its row, or the file field.
std::string problem_anchor(const InputError& problem, const std::string& file_field);

// A reader's message as the user of an upload form reads it: the command line's advice (--encoding,
// which a form does not have) swapped for the form's (convert the column, upload again).
std::string upload_message(std::string message);

}  // namespace kehoach
