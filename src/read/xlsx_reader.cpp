#include "read/xlsx_reader.h"

#include <vector>

#include "package/xlsx_package.h"
#include "read/xlsx_number_format.h"
#include "read/xlsx_shared_strings.h"
#include "read/xlsx_sheet.h"

namespace kehoach {
namespace {

// Everything but the sheet's rows: the sheet chosen, its part, the shared strings and formats.
struct OpenedSheet {
  std::string name, part;
  SharedStrings strings;
  CellStyles styles;
};

OpenedSheet open_sheet(XlsxPackage& package, const std::string& sheet) {
  const XlsxWorkbook workbook = read_workbook(package);
  ChosenSheet chosen = choose_sheet(workbook, sheet, package);
  return {std::move(chosen.name), std::move(chosen.part),
          read_shared_strings(package, part_of_type(workbook, "/sharedStrings")),
          read_cell_styles(package, part_of_type(workbook, "/styles"))};
}

}  // namespace

Grid read_xlsx(const std::string& path, const std::string& display_name, const std::string& sheet,
               CellFonts* fonts) {
  XlsxPackage package(path, display_name, InputKind::Table);
  const OpenedSheet opened = open_sheet(package, sheet);
  Grid grid;
  grid.source = display_name;
  grid.sheet = opened.name;
  grid.rows = read_sheet(package, opened.part, opened.strings, opened.styles, nullptr, fonts);
  return grid;
}

std::string stream_xlsx(const std::string& path, const std::string& display_name, const std::string& sheet,
                        const RowCallback& on_row, CellFonts* fonts) {
  XlsxPackage package(path, display_name, InputKind::Records);
  const OpenedSheet opened = open_sheet(package, sheet);
  read_sheet(package, opened.part, opened.strings, opened.styles, &on_row, fonts);
  return opened.name;
}

}  // namespace kehoach
