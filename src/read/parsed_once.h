#pragma once
// A data file's parsed form kept while its bytes stay the same: the web server reads the shipped office names
// and national programmes for every plan it shows or makes, and parsing their YAML again each time was an
// eighth of its work. The bytes are still read each time (so a changed file is read anew, and the input log
// notes the read as before); only the parsing is saved, for a file whose fingerprint is unchanged.
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "package/fingerprint.h"

namespace kehoach {

// `parse(bytes, path)`, or the value it gave for the same path and the same bytes before.
template <typename T, typename Parse>
T parsed_once(const std::string& path, const std::string& bytes, Parse parse) {
  static std::mutex mutex;
  static std::map<std::string, std::pair<std::string, T>> kept;  // path → (fingerprint of its bytes, value)
  const std::string print = fingerprint(bytes);
  {
    const std::lock_guard<std::mutex> lock(mutex);
    const auto found = kept.find(path);
    if (found != kept.end() && found->second.first == print) return found->second.second;
  }
  T value = parse(bytes, path);
  const std::lock_guard<std::mutex> lock(mutex);
  if (kept.size() >= 64) kept.clear();  // a few shipped files in practice; never a growing table
  kept[path] = {print, value};
  return value;
}

}  // namespace kehoach
