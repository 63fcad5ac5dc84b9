#pragma once
// The one door for tabular input: picks CSV, XLSX or XLS from the file's content (not only its
// name) and refuses anything else with a message that says what to do. Text typed in TCVN3 or VNI is
// converted to Unicode column by column (read/legacy_columns), as `encoding` (--encoding) allows, and
// what was converted is in the grid's notes.
#include <string>
#include <string_view>

#include "model/grid.h"
#include "text/legacy_encoding.h"

namespace kehoach {

Grid read_table_file(const std::string& path, const std::string& sheet = "",
                     EncodingChoice encoding = EncodingChoice::Auto);

enum class TableKind { Csv, Xlsx, Xls };

// What the first bytes of `path` say it is (Xls: any OLE2 compound file, an encrypted .xlsx too).
// Throws InputError for an empty file or a PDF.
TableKind sniff_table(std::string_view head, const std::string& path);

// Throws the InputError of a file with no text in it.
[[noreturn]] void refuse_blank_table(const std::string& path);

}  // namespace kehoach
