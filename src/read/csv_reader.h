#pragma once
// RFC 4180 CSV as Excel and LibreOffice write it, in either of the separators Vietnamese
// offices use: ',' or ';' (the latter when ',' is the decimal mark).
#include <string>
#include <string_view>

#include "model/grid.h"

namespace kehoach {

// The separator of the first non-blank record: whichever of ';' ',' '\t' occurs most often
// outside quotes (',' when none occurs).
char detect_separator(std::string_view utf8);

// Parses decoded UTF-8 text. Quoted fields may hold separators, doubled quotes and line
// breaks; CRLF, LF and CR line ends are accepted. Cells are clean_text()ed. Each row's
// source_row is the line on which its record starts. An unterminated quote is an InputError
// naming the line where the quoted field began.
Grid parse_csv(std::string_view utf8, const std::string& source);

}  // namespace kehoach
