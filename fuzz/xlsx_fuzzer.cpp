// The XLSX reader, whole package: a file's bytes as an .xlsx, read whole (read_xlsx, merged ranges
// filled) and streamed row by row (stream_xlsx, as the household lists are read).
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/xlsx_reader.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(xlsx) {
  const std::string path = fuzz::write_input("bang.xlsx", input);
  fuzz::refusing_bad_input([&] { read_xlsx(path, "bang.xlsx"); });
  fuzz::refusing_bad_input([&] { stream_xlsx(path, "bang.xlsx", "", [](GridRow&&) {}); });
}
