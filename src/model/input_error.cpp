#include "model/input_error.h"

#include "text/column_letter.h"
#include "text/hidden_characters.h"

namespace kehoach {

std::string format_location(const Location& where) {
  std::string out = where.source;
  if (where.row) out += ":" + std::to_string(*where.row);
  if (where.column || !where.column_name.empty()) {
    out += ", cột";
    if (where.column) out += " " + column_letter(*where.column);
    if (!where.column_name.empty()) out += " (" + where.column_name + ")";
  }
  return out;
}

// A message may quote a cell or a file name: what it holds reaches the terminal as <U+001B>, never as
// the control itself.
static std::string compose(const Location& where, const std::string& problem) {
  std::string place = format_location(where);
  return visible_text(place.empty() ? problem : place + ": " + problem);
}

InputError::InputError(Location where, const std::string& problem)
    : std::runtime_error(compose(where, problem)), where_(std::move(where)), problem_(problem) {}

InputError::InputError(const std::string& problem)
    : std::runtime_error(visible_text(problem)), problem_(problem) {}

}  // namespace kehoach
