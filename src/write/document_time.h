#pragma once
#include "model/plan.h"

namespace kehoach {

// The time written into generated files (document properties, zip entries): SOURCE_DATE_EPOCH
// when set, else the plan's date, else 1 January of its year. Never the clock, so the same inputs
// give the same bytes.
long long document_timestamp(const Plan& plan);

// The same for outputs of no plan (the household summary): 1 January of `year`.
long long year_timestamp(int year);

}  // namespace kehoach
