#include "write/document_time.h"

#include <cstdlib>
#include <ctime>

namespace kehoach {

namespace {

long long timestamp_of(int year, int month, int day_of_month) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) return std::atoll(epoch);
  std::tm day{};
  day.tm_year = year - 1900;
  day.tm_mon = month - 1;
  day.tm_mday = day_of_month;
  day.tm_hour = 8;
  return static_cast<long long>(timegm(&day));
}

}  // namespace

long long document_timestamp(const Plan& plan) {
  if (plan.date) return timestamp_of(plan.date->year, plan.date->month, plan.date->day > 0 ? plan.date->day : 1);
  return timestamp_of(plan.year, 1, 1);
}

long long year_timestamp(int year) { return timestamp_of(year, 1, 1); }

}  // namespace kehoach
