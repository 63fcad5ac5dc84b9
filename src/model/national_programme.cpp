#include "model/national_programme.h"

namespace kehoach {

const NationalProgramme* programme_for_year(const std::vector<NationalProgramme>& programmes, int year) {
  const NationalProgramme* chosen = nullptr;
  for (const auto& programme : programmes) {
    if (programme.first_year <= year && year <= programme.last_year) return &programme;
    if (programme.first_year <= year && (!chosen || programme.first_year > chosen->first_year)) chosen = &programme;
  }
  return chosen;
}

}  // namespace kehoach
