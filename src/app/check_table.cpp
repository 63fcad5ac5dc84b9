#include "app/check_table.h"

#include "read/received_table_reader.h"
#include "read/table_file.h"

namespace kehoach {

CheckedTable check_table_file(const std::string& path, const std::string& sheet, EncodingChoice encoding) {
  const Grid grid = read_table_file(path, sheet, encoding);
  CheckedTable checked{read_received_table(grid), {}, grid.notes};
  checked.findings = check_table(checked.table);
  return checked;
}

}  // namespace kehoach
