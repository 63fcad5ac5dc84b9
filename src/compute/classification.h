#pragma once
// Which group a household of the review falls in under a poverty standard (domain.md section 4).
#include "model/household.h"
#include "model/poverty_standard.h"

namespace kehoach {

// How many of the 12 indicators the household is deprived in.
int deprivation_count(const Household& household);

// By the lines of the household's area, its income in the standard's basis:
//   at or below poor:                 Poor with at least poor_deprivations deprivations, else NearPoor;
//   above poor, at or below near_poor: NearPoor (a local standard's second band);
//   above those, at or below middle:  MiddleIncome;
//   above everything:                 Other.
// A household above the lines is never poor or near-poor, however many its deprivations.
// A scored household (the review's income points) is placed by poor_score and middle_score
// instead; the standard must have poor_score for its area.
Classification classify(const Household& household, const PovertyStandard& standard);

}  // namespace kehoach
