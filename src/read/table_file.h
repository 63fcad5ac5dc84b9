#pragma once
// The one door for tabular input: picks CSV or XLSX from the file's content (not only its
// name) and refuses anything else with a message that says what to do.
#include <string>
#include <string_view>

#include "model/grid.h"

namespace kehoach {

Grid read_table_file(const std::string& path, const std::string& sheet = "");

enum class TableKind { Csv, Xlsx };

// What the first bytes of `path` say it is. Throws InputError for an empty file, an .xls or a PDF.
TableKind sniff_table(std::string_view head, const std::string& path);

// Throws the InputError of a file with no text in it.
[[noreturn]] void refuse_blank_table(const std::string& path);

}  // namespace kehoach
