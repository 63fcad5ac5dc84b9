#include "app/uploaded_table.h"

#include "read/table_file.h"
#include "text/replace_all.h"

namespace kehoach {

UploadedTable read_uploaded_table(const std::string& path, const std::string& shown_name) {
  UploadedTable table;
  try {
    table.grid = read_table_file(path);
    table.grid->source = shown_name;
  } catch (const InputError& e) {
    Location where = e.where();
    where.source = shown_name;
    table.problem = InputError(where, replace_all(e.problem(), path, shown_name));
  }
  return table;
}

}  // namespace kehoach
