#include "read/row_stream.h"

#include <climits>
#include <algorithm>
#include <fstream>
#include <optional>
#include <string_view>

#include "package/file_bytes.h"
#include "read/csv_reader.h"
#include "read/legacy_columns.h"
#include "read/table_file.h"
#include "read/text_decoding.h"
#include "read/xls_reader.h"
#include "read/xlsx_reader.h"

namespace kehoach {
namespace {

// What is read row by row is bounded in time only, not in memory: its own, large, limit.
constexpr InputKind kStreamedKind = InputKind::Records;

constexpr std::size_t kChunkSize = 1 << 20;
// The encoding and the separator are judged on this much of the file's start (or the whole file,
// if smaller): enough for any header row, and the detection does not depend on the chunk size.
constexpr std::size_t kHeadSize = 1 << 20;

std::string read_some(std::ifstream& in, std::size_t size) {
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

bool at_end(std::ifstream& in) { return in.peek() == std::char_traits<char>::eof(); }

using PieceUser = std::function<void(std::string_view piece, bool last)>;

// Hands `use` the file in pieces of `chunk_size`, the last one marked: first the head, read
// already to sniff the file, then the rest, read into one buffer used again and again. A file that
// grows past its limit while it is read (open_input_file checked its size before) is refused there.
void for_each_piece(std::ifstream& in, std::string_view head, bool head_is_all, std::size_t chunk_size,
                    const std::string& path, const PieceUser& use) {
  for (std::size_t at = 0; at < head.size(); at += chunk_size) {
    const std::string_view piece = head.substr(at, chunk_size);
    use(piece, head_is_all && at + piece.size() == head.size());
  }
  if (head_is_all) return;
  const std::uint64_t limit = input_limits(kStreamedKind).file;
  std::uint64_t read = head.size();
  std::string buffer(chunk_size, '\0');
  while (true) {
    in.read(buffer.data(), static_cast<std::streamsize>(chunk_size));
    const auto got = static_cast<std::size_t>(in.gcount());
    read += got;
    if (read > limit) refuse_large_file(path, kStreamedKind, limit, true);
    const bool last = got < chunk_size || at_end(in);
    use(std::string_view(buffer).substr(0, got), last);
    if (last) return;
  }
}

// Decoded text waits in `text` until the parser can take it: at the start, until the first record
// is there to judge the separator by; then only the CR or quote the parser leaves at a piece's end.
void stream_csv(std::ifstream& in, const std::string& head, const std::string& path, const RowSink& sink,
                std::size_t chunk_size, EncodingChoice encoding) {
  const bool head_is_all = at_end(in);
  ChunkDecoder decoder(head, head_is_all, path, encoding);
  std::string text;
  std::optional<CsvParser> parser;
  for_each_piece(in, head, head_is_all, chunk_size, path, [&](std::string_view piece, bool last) {
    decoder.decode(piece, last, text);
    if (!parser && (last || text.size() >= kHeadSize || holds_first_record(text)))
      parser.emplace(detect_separator(text), path, sink);
    if (parser) text.erase(0, parser->feed(text, last));
  });
  parser->finish();  // made at the latest by the last piece
}

}  // namespace

namespace detail {

RowStream stream_table_file(const std::string& path, const std::string& sheet,
                            const std::function<void(const GridRow&)>& on_row, std::size_t chunk_size,
                            EncodingChoice encoding) {
  std::ifstream in = open_input_file(path, kStreamedKind);
  const std::string head = read_some(in, kHeadSize);
  const TableKind kind = sniff_table(head, path);
  if (kind == TableKind::Xls) {
    in.close();
    const std::string bytes = read_file_bytes(path, kStreamedKind);
    CellFonts fonts;
    LegacyRowFilter filter(path, encoding, [&](GridRow&& row) { on_row(row); }, &fonts);
    const std::function<void(GridRow&&)> each = [&](GridRow&& row) { filter.row(std::move(row)); };
    const XlsTable table = read_xls(path, path, bytes, sheet, kStreamedKind, &each, &fonts);
    filter.finish();
    return {path, table.grid.sheet, filter.notes()};
  }
  CellFonts fonts;  // an .xlsx's cells in a legacy font, noted as the sheet is read, before their rows come
  LegacyRowFilter filter(path, encoding, [&](GridRow&& row) { on_row(row); }, &fonts);
  if (kind == TableKind::Xlsx) {
    in.close();
    // The fonts of rows passed on are forgotten, so that a million rows in .VnTime need no more memory than one.
    const auto pass_on = [&](GridRow&& row) {
      const int source_row = row.source_row;
      filter.row(std::move(row));
      if (filter.decided()) fonts.erase(fonts.begin(), fonts.upper_bound({source_row, INT_MAX}));
    };
    std::string name = stream_xlsx(path, path, sheet, pass_on, &fonts);
    filter.finish();
    return {path, std::move(name), filter.notes()};
  }
  bool any_text = false;
  const RowSink sink = [&](GridRow&& row) {
    any_text = any_text || !row.is_blank();
    filter.row(std::move(row));
  };
  stream_csv(in, head, path, sink, std::max<std::size_t>(chunk_size, 1), encoding);
  if (!any_text) refuse_blank_table(path);
  filter.finish();
  return {path, "", filter.notes()};
}

}  // namespace detail

RowStream stream_table_file(const std::string& path, const std::string& sheet,
                            const std::function<void(const GridRow&)>& on_row, EncodingChoice encoding) {
  return detail::stream_table_file(path, sheet, on_row, kChunkSize, encoding);
}

}  // namespace kehoach
