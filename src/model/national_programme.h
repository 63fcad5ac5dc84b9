#pragma once
// A national target programme for sustainable poverty reduction (2021–2025: Quyết định 90/QĐ-TTg,
// 18/01/2022), whose projects a district plan walks through one by one. Data, as the standards are:
// data/chuong-trinh/, read by read/programme_reader.
#include <string>
#include <vector>

namespace kehoach {

struct ProgrammeProject {
  int number = 0;
  std::string name;
  std::vector<std::string> subprojects;  // Tiểu dự án 1, 2, … in order
};

struct NationalProgramme {
  std::string file;                       // for messages
  std::string name;                       // "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025"
  std::string source;                     // the decision that approves it
  int first_year = 0, last_year = 0;      // the years it covers
  std::vector<ProgrammeProject> projects;  // in order
};

// The programme a plan of `year` follows: the one covering the year, else the latest that began before
// it (a new programme not yet in data/chuong-trinh). Null when none began by then.
const NationalProgramme* programme_for_year(const std::vector<NationalProgramme>& programmes, int year);

}  // namespace kehoach
