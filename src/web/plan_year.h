#pragma once
// The plan year a commune's pages are about: ?nam=2026 on every link of the home, the village table, the
// plan and the reports, and the small form that changes it.
#include <string>

#include "web/context.h"

namespace kehoach {

// The plan year of the page: ?nam=2025 when it is a year (2000 to 2100), else this year.
int page_year(const RequestContext& context);

// The form (GET, to the page itself) that shows another year: "Năm kế hoạch" and a button "Xem".
std::string year_form(const RequestContext& context, int year);

// "?nam=2026": the query a link to a page of that year carries.
std::string year_query(int year);

}  // namespace kehoach
