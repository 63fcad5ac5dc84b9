#pragma once
// When failed sign-ins stop being tried: per account name (someone guessing one officer's password)
// and per address (someone trying many names). The first failures are free (typing slips); from the
// limit on, each failure makes the next try wait, twice as long each time up to a ceiling; failures
// are forgotten after a quiet while. Pure functions over the stored counts (store/login_throttle.h).
#include <cstdint>
#include <string>

#include "store/login_throttle.h"

namespace kehoach {

struct ThrottlePolicy {
  int free_failures;           // failures before any wait
  std::int64_t first_wait;     // seconds, after the limit is reached
  std::int64_t longest_wait;   // the ceiling
  std::int64_t forget_after;   // seconds without a failure after which the count starts again
};

// An account: 5 failures, then 1, 2, 4, 8, 15 minutes. An address (an office shares one): 20.
inline constexpr ThrottlePolicy kAccountThrottle{5, 60, 15 * 60, 24 * 60 * 60};
inline constexpr ThrottlePolicy kAddressThrottle{20, 60, 15 * 60, 60 * 60};

std::string account_throttle_key(const std::string& login);  // "tai-khoan:nguyenvana"
std::string address_throttle_key(const std::string& address);  // "dia-chi:203.0.113.5"

// Seconds left before the key may try again; 0 when it may now.
std::int64_t seconds_blocked(const ThrottleRecord& record, std::int64_t now);

// The record after one more failure at `now`.
ThrottleRecord after_failure(ThrottleRecord record, const ThrottlePolicy& policy, std::int64_t now);

// "2 phút", "45 giây": how long to wait, as the sign-in page says it (whole minutes rounded up).
std::string wait_words(std::int64_t seconds);

}  // namespace kehoach
