#include "write/document_time.h"

#include <cstdlib>
#include <ctime>

namespace kehoach {

long long document_timestamp(const Plan& plan) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) return std::atoll(epoch);
  std::tm day{};
  day.tm_year = (plan.date ? plan.date->year : plan.year) - 1900;
  day.tm_mon = plan.date ? plan.date->month - 1 : 0;
  day.tm_mday = plan.date && plan.date->day > 0 ? plan.date->day : 1;
  day.tm_hour = 8;
  return static_cast<long long>(timegm(&day));
}

}  // namespace kehoach
