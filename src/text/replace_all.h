#pragma once
// Every occurrence of a piece of text replaced: how a message that names a server's temporary path comes
// to name the file as its user knows it.
#include <string>
#include <string_view>

namespace kehoach {

// `text` with every `from` replaced by `to`, left to right, never inside what was put in; `from` empty:
// unchanged.
std::string replace_all(std::string text, std::string_view from, std::string_view to);

}  // namespace kehoach
