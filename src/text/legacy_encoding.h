#pragma once
// The 8-bit Vietnamese encodings older offices still type in: TCVN3 (ABC, the .VnTime fonts, TCVN
// 5712:1993 table VN3) and VNI (the VNI-Times fonts). Their tables are data (data/encodings/*.txt),
// built into the program. A spreadsheet or a Windows-1252 reading shows such text as "Th«n §«ng"
// (TCVN3) or "Thoân Ñoâng" (VNI) for "Thôn Đông": every function here takes text in that form,
// each legacy byte as its Windows-1252 character, since that is how it reaches kehoach from an .xlsx,
// an .xls or a CSV (text_decoding reads such a CSV byte for byte as Windows-1252).
#include <optional>
#include <string>
#include <string_view>

namespace kehoach {

enum class LegacyEncoding { Tcvn3, Vni };

// What --encoding asks for: Auto (the default) detects per column; the others decide for the table.
enum class EncodingChoice { Auto, Unicode, Tcvn3, Vni };

// "TCVN3", "VNI".
const char* legacy_name(LegacyEncoding encoding);

// "tcvn3", "vni", "unicode" (either case) to the choice; "" and "auto" to Auto; anything else none.
std::optional<EncodingChoice> parse_encoding_choice(std::string_view word);

// UTF-8 text -> the bytes it stands for when each character is a Windows-1252 byte; none when a
// character has no byte there (the text cannot be legacy text).
std::optional<std::string> windows1252_bytes(std::string_view utf8);

// Whether windows1252_bytes would give bytes, without making them: most Unicode Vietnamese holds a
// letter Windows-1252 has not (ư, ạ, ễ…) and so cannot be legacy text, told here at little cost.
bool windows1252_only(std::string_view utf8);

// The reverse: each byte as its Windows-1252 character (the five bytes Windows-1252 leaves
// undefined as the C1 controls U+0081…), in UTF-8.
std::string windows1252_text(std::string_view bytes);

// Legacy text (in the Windows-1252 form above) to Unicode NFC; none when it holds a character
// outside Windows-1252 or a byte the encoding gives no letter (it is not text in that encoding).
// ASCII stays as it is. TCVN3 has no capitals with tone marks: a lower-case letter with a tone mark
// inside a word whose other letters are all capitals is written as a capital ("THµNH" -> "THÀNH").
std::optional<std::string> decode_legacy(std::string_view text, LegacyEncoding encoding);

// Unicode text to legacy bytes (not the Windows-1252 form: raw bytes, as a CSV would hold them).
// Characters the encoding has no code for are none; TCVN3 capitals with tone marks are written with
// their lower-case code (as typed for an upper-case font).
std::optional<std::string> encode_legacy(std::string_view utf8, LegacyEncoding encoding);

// Whether `word` (letters only, any case) is one Vietnamese syllable as written: an onset, a vowel
// group Vietnamese writes, an ending consonant, at most one tone mark and on a vowel. Loose enough
// for names of places and people (ethnic minorities' "Đắk", "Pơng"), strict enough that what the
// legacy encodings show ("Th«n", "Thoân", "Ñoâng") is not.
bool vietnamese_syllable(std::string_view word);

// How Vietnamese `utf8` reads: its words holding a character beyond ASCII that are syllables
// (vietnamese_syllable), less those that are not.
int vietnamese_score(std::string_view utf8);

// What one cell's text says of its encoding.
enum class CellEvidence {
  None,       // nothing to tell: ASCII, numbers, or no reading makes Vietnamese words
  Unicode,    // Unicode: no legacy reading is possible, or the text reads better as it is
  Ambiguous,  // Vietnamese words as it is and read as legacy text ("Thôn Hòa" or TCVN3 "Thụn Hũa")
  Tcvn3,      // reads as Vietnamese in TCVN3 and not as it is
  Vni,        // the same for VNI
};

// `font` (if known): the legacy encoding of the cell's font (.VnTime: TCVN3; VNI-Times: VNI); then a
// cell whose text reads at least as well in that encoding is taken for it.
CellEvidence judge_cell(std::string_view text, std::optional<LegacyEncoding> font = std::nullopt);

// The legacy encoding a font name says ("“.VnTime”", ".VnArialH", "VNI-Times", "VNI-Helve-Condense"):
// TCVN3's fonts are named ".Vn…", VNI's "VNI-…" or "VNI …". `upper_case`: a TCVN3 font for capitals
// (its name ends in "H"), whose lower-case codes print as capitals.
std::optional<LegacyEncoding> font_encoding(std::string_view font_name, bool* upper_case = nullptr);

}  // namespace kehoach
