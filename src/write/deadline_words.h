#pragma once
// A report's deadline in words, as `kehoach deadlines` prints it and a commune's home page shows it:
// "hạn 10/06/2022 (còn 5 ngày)", "…, số 30/BC-UBND đã ban hành ngày 08/06/2022 (đúng hạn)".
#include <string>

#include "compute/deadlines.h"

namespace kehoach {

// "08/06/2022".
std::string day_month_year(const Date& date);

// What follows the due date: "(còn 5 ngày)", "(hạn là hôm nay)", "(đã quá hạn 3 ngày)"; an issued
// report: ", số 30/BC-UBND đã ban hành ngày 08/06/2022 (đúng hạn)". `symbol` is the reports' (BC-UBND).
std::string deadline_status(const Deadline& deadline, const std::string& symbol);

}  // namespace kehoach
