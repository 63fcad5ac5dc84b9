#pragma once
// `kehoach serve --demo`: the example units (the province of Hà Tĩnh; the commune An Hòa Thịnh with the
// villages of data/examples/an-hoa-thinh-2022/thon.csv; Kỳ Anh and Sơn Tây with theirs from
// data/examples/ha-tinh-2026/don-vi.csv) and one account each, so that a newcomer can sign in at once.
// Loading again keeps what is there and gives each demo account a new one-time password.
#include <string>
#include <vector>

#include "web/account_admin.h"
#include "web/site.h"

namespace kehoach {

// The examples folder beside the program (build/../data/examples or ../share/kehoach/examples), else the
// source tree's. Throws std::runtime_error when there is none.
std::string examples_folder();

// Loads the demo and returns its accounts with their one-time passwords: an administrator, a province
// officer of Hà Tĩnh, and an officer of each commune (their people's names made up).
std::vector<NewPassword> load_demo(Site& site);

}  // namespace kehoach
