// The .xls reader (read/xls_reader: its own scan of the compound file and the BIFF records, then
// libfreexl): a file's bytes as an Excel 97-2003 workbook, read whole as a table and for a household list.
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/xls_reader.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(xls) {
  const std::string path = fuzz::write_input("bang.xls", input);
  fuzz::refusing_bad_input([&] { read_xls(path, "bang.xls", input, "", InputKind::Table); });
  fuzz::refusing_bad_input([&] { read_xls(path, "bang.xls", input, "", InputKind::Records); });
}
