#pragma once
// One household of the review (rà soát): personal data, never logged and never written to plan
// outputs (only aggregates are).
#include <array>
#include <string>
#include <vector>

#include "model/poverty_standard.h"

namespace kehoach {

inline constexpr std::size_t kDeprivationCount = 12;

// The 12 deprivation indicators in domain.md section 4's order: the header officers write for each,
// and the column of every table that counts them.
const std::array<const char*, kDeprivationCount>& deprivation_names();

struct Household {
  std::string code;                 // household code, unique within a list
  std::vector<std::string> units;   // where it lives, highest level first ("Xã Tứ Hiệp", "Thôn 1");
                                    // as many levels as the file has columns for
  Area area = Area::Rural;
  int members = 0;
  long long income = 0;             // per person, in the standard's basis (per month or per year), đồng
  bool scored = false;              // `income` is the review form's income score in points instead
  std::array<bool, kDeprivationCount> deprived{};  // the 12 indicators, in domain.md section 4's order
  bool able_to_work = false;        // has a member able to work
  bool social_protection = false;   // on social protection (BTXH)
  bool ethnic_minority = false;     // DTTS
  bool merit = false;               // family of people with merit to the revolution
  std::string origin;               // end-of-period lists: the household it split from, or a note
                                    // that it moved in; counted as an "other" change, not as new
  int source_row = 0;
};

}  // namespace kehoach
