#pragma once
// Spreadsheet exports from Vietnamese offices come as UTF-8 (with or without BOM), UTF-16
// (LE/BE, with or without BOM) or Windows-1258. decode_to_utf8 finds which and returns NFC UTF-8;
// ChunkDecoder does the same piece by piece for files too large to hold.
#include <memory>
#include <string>
#include <string_view>

#include "text/legacy_encoding.h"

namespace kehoach {

// Windows1252: 8-bit text in TCVN3 or VNI, each byte kept as its Windows-1252 character for
// read/legacy_columns to convert.
enum class TextEncoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1258, Windows1252 };

// Guesses the encoding from BOMs, the pattern of zero bytes, and UTF-8 validity (anything that
// is not valid UTF-8 and has no zero bytes is taken as Windows-1258, or, when its fields read as TCVN3
// or VNI rather than as Windows-1258, or `choice` says so, as Windows1252 for the legacy detection).
TextEncoding detect_encoding(std::string_view bytes, EncodingChoice choice = EncodingChoice::Auto);

// Decoded, BOM removed, NFC. Throws InputError naming `source` when the bytes cannot be
// decoded (e.g. an odd-length UTF-16 file, or binary data with NUL bytes that is not UTF-16).
std::string decode_to_utf8(std::string_view bytes, const std::string& source,
                           EncodingChoice choice = EncodingChoice::Auto);

// Decodes a file in the pieces it is read in, for files too large to hold whole. A character cut
// at the end of a piece (a UTF-8 sequence, an odd UTF-16 byte, half a surrogate pair) waits for
// the next piece; the BOM is dropped. The text is not normalised: a file cannot be brought to NFC
// piece by piece (a piece may end between a letter and its tone mark), so readers NFC each cell.
// Errors are decode_to_utf8's, naming the line where decoding stopped; a file that starts as UTF-8
// (no BOM) and later holds other bytes is refused as mixing two encodings.
class ChunkDecoder {
 public:
  // For a file that starts with `head` (all of it if `whole_file`, else its first MiB, say): the
  // encoding is detect_encoding's guess from the head, in which a UTF-8 character cut at the end
  // is not taken for Windows-1258. A head of binary data is refused at once, as by decode_to_utf8.
  ChunkDecoder(std::string_view head, bool whole_file, const std::string& source,
               EncodingChoice choice = EncodingChoice::Auto);
  ~ChunkDecoder();
  ChunkDecoder(const ChunkDecoder&) = delete;
  ChunkDecoder& operator=(const ChunkDecoder&) = delete;

  // Appends the UTF-8 of `bytes`, the next piece of the file (the first call starts at its first
  // byte, so the head is passed again), to `out`. `last` marks the end of the file: then nothing
  // may be left unfinished.
  void decode(std::string_view bytes, bool last, std::string& out);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kehoach
