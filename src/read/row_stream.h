#pragma once
// Rows of a CSV or XLSX file one at a time, in file order, for files too large to hold whole (a
// province's household review): memory stays that of one chunk and one row.
#include <functional>
#include <string>

#include "model/grid.h"

namespace kehoach {

struct RowStream {
  std::string source;
  std::string sheet;  // the XLSX sheet read, empty for CSV
};

// The cells are those read_table_file gives (NFC, trimmed; XLSX numbers as their format shows them),
// except that XLSX merged ranges are not filled. A UTF-8 CSV is read in chunks of 1 MiB; UTF-16 and
// Windows-1258 files are converted whole first (offices export large files as UTF-8 or XLSX). Throws
// InputError like read_table_file; what `on_row` throws comes out as thrown.
RowStream stream_table_file(const std::string& path, const std::string& sheet,
                            const std::function<void(const GridRow&)>& on_row);

namespace detail {
// The same with a chosen chunk size, so that tests can cut records at every byte.
RowStream stream_table_file(const std::string& path, const std::string& sheet,
                            const std::function<void(const GridRow&)>& on_row, std::size_t chunk_size);
}  // namespace detail

}  // namespace kehoach
