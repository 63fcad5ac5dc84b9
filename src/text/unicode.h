#pragma once
// Vietnamese text arrives composed and decomposed, in any case, with stray spaces. These
// functions give the forms we store (NFC) and compare (name keys, folded header words).
#include <string>
#include <string_view>

namespace kehoach {

bool is_valid_utf8(std::string_view bytes);

// Every byte below 0x80 (checked eight at a time): text no Unicode step can change.
bool is_ascii(std::string_view bytes);

// Unicode NFC; invalid UTF-8 is returned unchanged (readers decode before calling this).
std::string to_nfc(std::string_view utf8);

// NFC, trimmed, inner runs of white space collapsed to one space: how names are stored.
std::string clean_text(std::string_view utf8);

// The same, written into `out` in the memory it has already: for readers that make millions of cells.
void clean_text_into(std::string_view utf8, std::string& out);

// How two unit names are compared: clean_text, then case-folded. "Tân Thịnh", "TÂN THỊNH" and a
// decomposed "Tân Thịnh" give the same key; "Trung Mỹ" and "Trùng Mỹ" do not.
std::string name_key(std::string_view utf8);

// How column headers are compared: lower case, diacritics and đ removed, punctuation made
// space, spaces collapsed. "Tỷ lệ (%)" -> "ty le", "Hộ cận nghèo" -> "ho can ngheo".
std::string fold(std::string_view utf8);

// Upper case with diacritics kept ("xã An Hòa Thịnh" -> "XÃ AN HÒA THỊNH").
std::string to_upper(std::string_view utf8);

}  // namespace kehoach
