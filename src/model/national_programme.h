#pragma once
// The projects of the national target programme for sustainable poverty reduction 2021–2025
// (Quyết định 90/QĐ-TTg, 18/01/2022), which a district plan walks through one by one.
#include <string>
#include <vector>

namespace kehoach {

struct ProgrammeProject {
  int number;
  std::string name;
  std::vector<std::string> subprojects;  // Tiểu dự án 1, 2, … in order
};

const std::vector<ProgrammeProject>& national_programme_2021_2025();

}  // namespace kehoach
