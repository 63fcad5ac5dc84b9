#include "app/check_table.h"

#include "read/received_table_reader.h"
#include "read/table_file.h"

namespace kehoach {

CheckedTable check_table_file(const std::string& path, const std::string& sheet) {
  CheckedTable checked{read_received_table(read_table_file(path, sheet)), {}};
  checked.findings = check_table(checked.table);
  return checked;
}

}  // namespace kehoach
