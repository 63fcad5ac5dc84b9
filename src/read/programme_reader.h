#pragma once
// The national programme files (YAML, data/chuong-trinh/*.yaml): the programme's name, the decision that
// approves it, its years, and its projects with their subprojects. The comment at the top of the shipped
// file documents every key.
#include <memory>
#include <string>
#include <vector>

#include "model/national_programme.h"

namespace kehoach {

// Throws InputError naming the file and line for an unknown key, a missing name or year, or a project
// number out of order.
NationalProgramme parse_programme(const std::string& yaml, const std::string& path);
NationalProgramme read_programme(const std::string& path);

// Every programme shipped in data/chuong-trinh, found beside the program or in the source tree (as the
// standards are), in file name order.
std::vector<NationalProgramme> shipped_programmes();

// The shipped programme a plan of `year` follows (programme_for_year); null when none began by then.
std::shared_ptr<const NationalProgramme> shipped_programme(int year);

}  // namespace kehoach
