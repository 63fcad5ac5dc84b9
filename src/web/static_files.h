#pragma once
// The style sheet (and any other static file of src/web/static/, installed to share/kehoach/static),
// read once at start and served from memory: only the files that were there, by their exact names.
#include <map>
#include <string>

namespace kehoach {

struct StaticFile {
  std::string content_type;
  std::string bytes;
};

// The static folder beside the program (build/../src/web/static or ../share/kehoach/static), else the
// source tree's. Throws std::runtime_error when there is none.
std::string static_folder();

// Every .css, .svg, .png, .ico and .woff2 file of the folder, by name.
std::map<std::string, StaticFile> load_static_files(const std::string& folder);

}  // namespace kehoach
