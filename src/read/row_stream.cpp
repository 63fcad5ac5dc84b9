#include "read/row_stream.h"

#include <algorithm>
#include <fstream>

#include "model/input_error.h"
#include "read/csv_reader.h"
#include "read/file_bytes.h"
#include "read/table_file.h"
#include "read/text_decoding.h"
#include "read/xlsx_reader.h"

namespace kehoach {
namespace {

constexpr std::size_t kChunkSize = 1 << 20;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string read_some(std::ifstream& in, std::size_t size) {
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// Bytes at the end of `text` that begin a UTF-8 character not yet complete.
std::size_t incomplete_tail(std::string_view text) {
  for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
    const auto byte = static_cast<unsigned char>(text[text.size() - back]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

// The separator is that of the first non-blank record, so the first piece must hold all of it.
bool holds_first_record(std::string_view text) {
  const std::size_t content = text.find_first_not_of(" \t\r\n");
  return content != std::string_view::npos && text.find_first_of("\r\n", content) != std::string_view::npos;
}

// A UTF-8 CSV piece by piece: what the parser leaves (a CR, a quote) and an unfinished character
// are carried in front of the next piece.
void stream_utf8_csv(std::ifstream& in, std::string first, const std::string& path, const RowSink& sink,
                     std::size_t chunk_size) {
  if (first.starts_with(kUtf8Bom)) first.erase(0, kUtf8Bom.size());
  std::string pending = std::move(first);
  bool last = in.peek() == std::char_traits<char>::eof();
  while (!last && !holds_first_record(pending)) {
    pending += read_some(in, chunk_size);
    last = in.peek() == std::char_traits<char>::eof();
  }
  CsvParser parser(detect_separator(pending), path, sink);
  while (true) {
    const std::size_t whole = last ? pending.size() : pending.size() - incomplete_tail(pending);
    check_utf8_text(std::string_view(pending).substr(0, whole), path, parser.line());
    const std::size_t used = parser.feed(std::string_view(pending).substr(0, whole), last);
    pending.erase(0, used);
    if (last) break;
    pending += read_some(in, chunk_size);
    last = in.peek() == std::char_traits<char>::eof();
  }
  parser.finish();
}

}  // namespace

namespace detail {

RowStream stream_table_file(const std::string& path, const std::string& sheet,
                            const std::function<void(const GridRow&)>& on_row, std::size_t chunk_size) {
  std::ifstream in = open_input_file(path);
  std::string first = read_some(in, std::max(chunk_size, std::size_t{8}));
  if (sniff_table(first, path) == TableKind::Xlsx) {
    in.close();
    return {path, stream_xlsx(path, path, sheet, [&](GridRow&& row) { on_row(row); })};
  }
  bool any_text = false;
  const RowSink sink = [&](GridRow&& row) {
    any_text = any_text || !row.is_blank();
    on_row(row);
  };
  const TextEncoding encoding = detect_encoding(first);
  if (encoding == TextEncoding::Utf8 || encoding == TextEncoding::Utf8Bom) {
    stream_utf8_csv(in, std::move(first), path, sink, chunk_size);
  } else {
    // Legacy encodings are decoded whole: their converters need the text around a character.
    const std::string text = decode_to_utf8(read_file_bytes(path), path);
    CsvParser whole(detect_separator(text), path, sink);
    whole.feed(text, true);
    whole.finish();
  }
  if (!any_text) refuse_blank_table(path);
  return {path, ""};
}

}  // namespace detail

RowStream stream_table_file(const std::string& path, const std::string& sheet,
                            const std::function<void(const GridRow&)>& on_row) {
  return detail::stream_table_file(path, sheet, on_row, kChunkSize);
}

}  // namespace kehoach
