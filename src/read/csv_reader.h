#pragma once
// RFC 4180 CSV as Excel and LibreOffice write it, in either of the separators Vietnamese
// offices use: ',' or ';' (the latter when ',' is the decimal mark).
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "model/grid.h"

namespace kehoach {

// The separator of the first non-blank record: whichever of ';' ',' '\t' occurs most often
// outside quotes (',' when none occurs).
char detect_separator(std::string_view utf8);

// Whether `utf8`, the start of a file, holds all of its first non-blank record (so that
// detect_separator can be asked already), quoted line breaks included.
bool holds_first_record(std::string_view utf8);

// Parses decoded UTF-8 text. Quoted fields may hold separators, doubled quotes and line
// breaks; CRLF, LF and CR line ends are accepted. Cells are clean_text()ed. Each row's
// source_row is the line on which its record starts. An unterminated quote is an InputError
// naming the line where the quoted field began.
Grid parse_csv(std::string_view utf8, const std::string& source);

using RowSink = std::function<void(GridRow&&)>;

// The same parser fed piece by piece, for files read in chunks: each record goes to the sink as
// soon as it ends. feed() returns how many bytes of `chunk` it used; the caller passes the rest
// again in front of the next chunk (a CR or a quote at the very end waits for the byte after it).
// `last` marks the final chunk; finish() ends the last record and reports an unclosed quote.
class CsvParser {
 public:
  CsvParser(char separator, const std::string& source, RowSink sink);
  ~CsvParser();
  std::size_t feed(std::string_view chunk, bool last);
  void finish();
  int line() const;  // the line being read, for messages about the bytes around it

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kehoach
