#include "web/throttle.h"

#include <algorithm>

namespace kehoach {

std::string account_throttle_key(const std::string& login) { return "tai-khoan:" + login; }
std::string address_throttle_key(const std::string& address) { return "dia-chi:" + address; }

std::int64_t seconds_blocked(const ThrottleRecord& record, std::int64_t now) {
  return record.blocked_until > now ? record.blocked_until - now : 0;
}

ThrottleRecord after_failure(ThrottleRecord record, const ThrottlePolicy& policy, std::int64_t now) {
  if (record.failures > 0 && now - record.last_failure > policy.forget_after) record.failures = 0;
  record.failures += 1;
  record.last_failure = now;
  if (record.failures >= policy.free_failures) {
    const int doublings = std::min(record.failures - policy.free_failures, 30);
    const std::int64_t wait = std::min(policy.first_wait << doublings, policy.longest_wait);
    record.blocked_until = now + wait;
  }
  return record;
}

std::string wait_words(std::int64_t seconds) {
  if (seconds < 60) return std::to_string(std::max<std::int64_t>(seconds, 1)) + " giây";
  return std::to_string((seconds + 59) / 60) + " phút";
}

}  // namespace kehoach
