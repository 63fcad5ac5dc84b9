#include "package/fingerprint.h"

#include <cstdint>
#include <cstdio>

namespace kehoach {

std::string fingerprint(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

std::string package_fingerprint(const DocxPackage& package) {
  std::string text;
  for (const auto& [part, bytes] : package.parts) text += part + '\n' + fingerprint(bytes) + '\n';
  return fingerprint(text);
}

}  // namespace kehoach
