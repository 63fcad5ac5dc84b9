#pragma once
// Rows of a CSV or XLSX file one at a time, in file order, for files too large to hold whole (a
// province's household review): memory stays that of one chunk and one row, whatever the file's
// size.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "model/grid.h"
#include "text/legacy_encoding.h"

namespace kehoach {

struct RowStream {  // what was read, for messages
  std::string source;
  std::string sheet;  // the XLSX or XLS sheet read, empty for CSV
  std::vector<std::string> notes = {};  // legacy text converted, as Grid::notes
};

// The cells are those read_table_file gives (NFC, trimmed; XLSX numbers as their format shows
// them), except that XLSX merged ranges are not filled (the XML lists them after the rows). Blank
// rows may be skipped; every row passed carries its true source_row (CSV: the line where its
// record starts; XLSX: the Excel row number).
//
// A CSV is read in chunks of 1 MiB and decoded chunk by chunk; its encoding and separator are
// judged on the first MiB, so a file that starts as UTF-8 and holds other bytes further on is
// refused (read_table_file would take it all for Windows-1258). An XLSX sheet is parsed as it is
// unzipped; its shared strings are read whole first.
//
// An .xls is read whole by libfreexl (it has no other way), within kMaxXlsRecordCells, then handed
// over row by row. Text in TCVN3 or VNI is converted as read_table_file does, judged on the first
// rows (read/legacy_columns: LegacyRowFilter).
//
// Throws InputError like read_table_file, naming the file and the line or row where relevant. What
// `on_row` throws comes out as thrown, and nothing more is read.
RowStream stream_table_file(const std::string& path, const std::string& sheet,
                            const std::function<void(const GridRow&)>& on_row,
                            EncodingChoice encoding = EncodingChoice::Auto);

namespace detail {
// The same with a chosen chunk size, so that tests can cut records, characters and line breaks at
// every byte. The encoding and separator are still judged on the first MiB.
RowStream stream_table_file(const std::string& path, const std::string& sheet,
                            const std::function<void(const GridRow&)>& on_row, std::size_t chunk_size,
                            EncodingChoice encoding = EncodingChoice::Auto);
}  // namespace detail

}  // namespace kehoach
