#pragma once
// Many files into one zip written straight to a stream that cannot seek back (a download as it goes out):
// each file read in pieces and deflated as it is copied, its sizes and checksum in a data descriptor after
// it, so that neither the files nor the zip are ever held whole in memory. Names are the caller's, made
// safe with safe_zip_name.
#include <ostream>
#include <string>
#include <vector>

namespace kehoach {

struct ZipSource {
  std::string path;  // the file's bytes, on the disk
  std::string name;  // its name in the zip: "xa-an-hoa-thinh/ke-hoach.docx" (folders made as needed)
};

// A text made inside the zip (a list of what it holds).
struct ZipText {
  std::string name;
  std::string text;
};

// Writes the zip: the texts first, then the files in order; every entry dated `timestamp` (seconds since
// 1970). Throws OutputError when a file cannot be read or the stream refuses the bytes (the browser went
// away).
void write_zip_stream(std::ostream& out, const std::vector<ZipText>& texts, const std::vector<ZipSource>& files,
                      long long timestamp);

// A name any unzip and file system takes: ASCII letters, digits, '.', '-' and '_' (Vietnamese letters without
// their marks, đ as d, anything else '-'), no leading dot, at most 100 bytes, never empty ("tep").
std::string safe_zip_name(const std::string& name);

}  // namespace kehoach
