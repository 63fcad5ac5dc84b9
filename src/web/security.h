#pragma once
// The secrets of the web application, all through libsodium: passwords hashed with Argon2id
// (crypto_pwhash_str, salt and cost inside the hash), tokens from the system's random source, stored
// only as their BLAKE2b hash, and compared in constant time.
#include <cstddef>
#include <string>

namespace kehoach {

// What hashing one password costs: libsodium's "interactive" limits (64 MiB, about a tenth of a second)
// for the server; the smallest ones for tests, which hash many passwords.
struct PasswordCost {
  unsigned long long operations = 0;
  std::size_t memory = 0;
};
PasswordCost interactive_password_cost();
PasswordCost minimum_password_cost();

// Initialises libsodium once for the process; throws std::runtime_error when it cannot.
void init_security();

std::string hash_password(const std::string& password, const PasswordCost& cost);
bool verify_password(const std::string& hash, const std::string& password);
// Whether a stored hash was made with other limits (or another algorithm): hashed again at the next sign-in.
bool password_needs_rehash(const std::string& hash, const PasswordCost& cost);

// 32 random bytes as 43 characters of URL-safe base64: a session's token, a form's token.
std::string random_token();
// The token as stored: hex of its 32-byte BLAKE2b hash. A copy of the database holds no usable token.
std::string token_hash(const std::string& token);
// Whether two secrets are equal, in time that does not depend on where they differ.
bool same_secret(const std::string& a, const std::string& b);

// A one-time password an administrator reads out or writes down: 12 letters and digits that cannot be
// mistaken for one another (no 0/o, 1/l/i), in three groups: "k7mp-x3rt-9wqa" (about 59 bits).
std::string one_time_password();

// What a new password must be, in words, or "" when it can stand: at least 10 characters, at most
// 200 bytes, not only spaces.
std::string new_password_problem(const std::string& password);

}  // namespace kehoach
