#pragma once
// Spreadsheet exports from Vietnamese offices come as UTF-8 (with or without BOM), UTF-16
// (LE/BE, with or without BOM) or Windows-1258. decode_to_utf8 finds which and returns NFC UTF-8.
#include <string>
#include <string_view>

namespace kehoach {

enum class TextEncoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1258 };

// Guesses the encoding from BOMs, the pattern of zero bytes, and UTF-8 validity (anything that
// is not valid UTF-8 and has no zero bytes is taken as Windows-1258).
TextEncoding detect_encoding(std::string_view bytes);

// Decoded, BOM removed, NFC. Throws InputError naming `source` when the bytes cannot be
// decoded (e.g. an odd-length UTF-16 file, or binary data with NUL bytes that is not UTF-16).
std::string decode_to_utf8(std::string_view bytes, const std::string& source);

// For a UTF-8 file read in pieces: `bytes`, a piece that starts on line `line` and ends on a
// whole character, holds no NUL and no invalid sequence; else the InputError decode_to_utf8 gives.
void check_utf8_text(std::string_view bytes, const std::string& source, int line);

}  // namespace kehoach
