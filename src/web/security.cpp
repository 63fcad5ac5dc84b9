#include "web/security.h"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

namespace kehoach {
namespace {

// Each hash takes its memory cost (64 MiB) while it runs: at most four at once, so that many sign-ins
// together queue instead of taking the server's memory.
std::counting_semaphore<4> hashing(4);

class Hashing {
 public:
  Hashing() { hashing.acquire(); }
  ~Hashing() { hashing.release(); }
  Hashing(const Hashing&) = delete;
  Hashing& operator=(const Hashing&) = delete;
};

}  // namespace

PasswordCost interactive_password_cost() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost minimum_password_cost() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

void init_security() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
}

std::string hash_password(const std::string& password, const PasswordCost& cost) {
  char hash[crypto_pwhash_STRBYTES];
  const Hashing one;
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), cost.operations, cost.memory,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("not enough memory to hash a password");
  return hash;
}

bool verify_password(const std::string& hash, const std::string& password) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const Hashing one;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& hash, const PasswordCost& cost) {
  return crypto_pwhash_str_needs_rehash(hash.c_str(), cost.operations, cost.memory) != 0;
}

std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes, sizeof bytes);
  return text;
}

std::string token_hash(const std::string& token) {
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

bool same_secret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  return a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string one_time_password() {
  static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";  // 31: no 0, o, 1, l, i
  std::string password;
  for (int i = 0; i < 12; ++i) {
    if (i > 0 && i % 4 == 0) password += '-';
    password += alphabet[randombytes_uniform(sizeof alphabet - 1)];
  }
  return password;
}

std::string new_password_problem(const std::string& password) {
  std::size_t characters = 0;
  for (unsigned char byte : password) characters += (byte & 0xC0) != 0x80;
  if (password.find_first_not_of(' ') == std::string::npos) return "Hãy nhập mật khẩu mới.";
  if (characters < 10) return "Mật khẩu mới cần ít nhất 10 ký tự.";
  if (password.size() > 200) return "Mật khẩu mới dài quá 200 byte; hãy chọn mật khẩu ngắn hơn.";
  return "";
}

}  // namespace kehoach
