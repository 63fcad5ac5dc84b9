#include "model/grid.h"

namespace kehoach {

const std::string& GridRow::cell(std::size_t column) const {
  static const std::string empty;
  return column < cells.size() ? cells[column] : empty;
}

bool GridRow::is_blank() const {
  for (const auto& c : cells)
    if (!c.empty()) return false;
  return true;
}

}  // namespace kehoach
