#include "read/text_decoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "model/input_error.h"
#include "text/legacy_encoding.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// A UTF-16 file is recognised within its first code units; a CSV opens with a header row.
constexpr std::size_t kSniffUnits = 512;

const std::string kResaveHint =
    "hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng CSV UTF-8.";

// Without a BOM, UTF-16 shows itself by zero bytes: ASCII letters, digits and separators
// all have a zero high byte, which sits at odd offsets in LE and even offsets in BE. A
// decomposed text adds some zeros on the other side (U+0300..U+03FF has a zero low byte),
// so we ask for one side to dominate rather than for the other to be clean. Binary files
// (zip, images) have zeros too, but far fewer and on both sides.
std::optional<TextEncoding> utf16_by_zero_bytes(std::string_view bytes) {
  std::size_t units = std::min(bytes.size() / 2, kSniffUnits);
  std::size_t even_zeros = 0, odd_zeros = 0;
  for (std::size_t i = 0; i < units * 2; ++i) {
    if (bytes[i] != '\0') continue;
    (i % 2 == 0 ? even_zeros : odd_zeros) += 1;
  }
  auto dominates = [units](std::size_t mine, std::size_t other) {
    return mine * 4 >= units && other * 2 < mine;
  };
  if (dominates(odd_zeros, even_zeros)) return TextEncoding::Utf16Le;
  if (dominates(even_zeros, odd_zeros)) return TextEncoding::Utf16Be;
  return std::nullopt;
}

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf16Le: return "UTF-16LE";
    case TextEncoding::Utf16Be: return "UTF-16BE";
    case TextEncoding::Windows1258: return "CP1258";
    default: return "UTF-8";
  }
}

// How the user sees the encoding in messages.
const char* encoding_label(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf16Le: return "UTF-16 LE";
    case TextEncoding::Utf16Be: return "UTF-16 BE";
    case TextEncoding::Windows1258: return "Windows-1258";
    case TextEncoding::Windows1252: return "TCVN3/VNI";
    default: return "UTF-8";
  }
}

InputError undecodable(TextEncoding encoding, const std::string& source, int line) {
  return InputError(Location{source, line, std::nullopt, ""},
                    std::string("tệp có byte không đọc được theo bảng mã ") +
                        encoding_label(encoding) + "; " + kResaveHint);
}

// A file read piece by piece was found to be UTF-8 by its first megabyte; bytes that are not
// UTF-8 further on mean two exports pasted together, or a file edited in two programs.
InputError mixed_encodings(const std::string& source, int line) {
  return InputError(Location{source, line, std::nullopt, ""},
                    "tệp trộn lẫn hai bảng mã: phần đầu là UTF-8 nhưng dòng này có byte không phải UTF-8 "
                    "(có lẽ là Windows-1258); " + kResaveHint);
}

InputError not_text(const std::string& source) {
  return InputError(Location{source, std::nullopt, std::nullopt, ""},
                    "tệp này không phải là tệp văn bản CSV (có byte 0 của dữ liệu nhị phân); "
                    "nếu đây là bảng Excel, hãy dùng tệp .xlsx hoặc lưu lại dưới dạng CSV UTF-8.");
}

InputError odd_length(TextEncoding encoding, const std::string& source) {
  return InputError(Location{source, std::nullopt, std::nullopt, ""},
                    std::string("tệp ") + encoding_label(encoding) +
                        " có số byte lẻ nên bị cắt cụt hoặc hỏng; " + kResaveHint);
}

struct IconvCloser {
  void operator()(iconv_t cd) const { iconv_close(cd); }
};
using IconvHandle = std::unique_ptr<std::remove_pointer_t<iconv_t>, IconvCloser>;

IconvHandle open_iconv(TextEncoding encoding) {
  iconv_t raw = iconv_open("UTF-8", encoding_name(encoding));
  if (raw == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error(std::string("iconv does not know ") + encoding_name(encoding));
  return IconvHandle(raw);
}

bool is_utf16(TextEncoding encoding) {
  return encoding == TextEncoding::Utf16Le || encoding == TextEncoding::Utf16Be;
}

std::string_view bom_of(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf8Bom: return kUtf8Bom;
    case TextEncoding::Utf16Le: return kUtf16LeBom;
    case TextEncoding::Utf16Be: return kUtf16BeBom;
    default: return {};
  }
}

// C0 controls other than the white space a CSV may hold (tab, line breaks, form feed).
bool has_control_characters(std::string_view utf8) {
  for (char c : utf8) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return true;
  }
  return false;
}

// Byte offset where the line holding the first invalid UTF-8 sequence begins. Line breaks
// are ASCII and never part of a multi-byte sequence, so checking line by line is exact.
std::size_t start_of_first_bad_line(std::string_view bytes) {
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = std::min(bytes.find_first_of("\r\n", start), bytes.size());
    if (!is_valid_utf8(bytes.substr(start, end - start))) return start;
    start = end + 1;
  }
  return bytes.size();
}

// Bytes at the end of `text` that begin a UTF-8 character not yet complete.
std::size_t incomplete_utf8_tail(std::string_view text) {
  for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
    const auto byte = static_cast<unsigned char>(text[text.size() - back]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

// The line at the end of the text decoded so far, for messages; CRLF, LF and CR each end one
// line, as in the CSV reader. Written without branches so that it costs little on every piece.
class LineCount {
 public:
  int line() const { return line_; }
  int line_after(std::string_view text) const {
    LineCount copy = *this;
    copy.advance(text);
    return copy.line_;
  }
  void advance(std::string_view text) {
    if (text.empty()) return;
    int breaks = (text[0] == '\r') + (text[0] == '\n' && !after_cr_);
    for (std::size_t i = 1; i < text.size(); ++i)
      breaks += int(text[i] == '\r') | (int(text[i] == '\n') & int(text[i - 1] != '\r'));
    line_ += breaks;
    after_cr_ = text.back() == '\r';
  }

 private:
  int line_ = 1;
  bool after_cr_ = false;
};

TextEncoding encoding_of_head(std::string_view head, bool whole_file, EncodingChoice choice) {
  const TextEncoding encoding = detect_encoding(head, choice);
  if (whole_file || (encoding != TextEncoding::Windows1258 && encoding != TextEncoding::Windows1252)) return encoding;
  return detect_encoding(head.substr(0, head.size() - incomplete_utf8_tail(head)), choice);
}

// Whether 8-bit text (not UTF-8) reads better as TCVN3 or VNI than as Windows-1258: the Vietnamese
// words each reading makes (text/legacy_encoding: vietnamese_score), field by field for the legacy
// encodings (cut at separators, quotes and line breaks: a field with a byte the encoding has no letter
// for counts against it).
bool legacy_bytes(std::string_view bytes) {
  int as_1258 = 0;
  try {
    as_1258 = vietnamese_score(decode_to_utf8(bytes, "", EncodingChoice::Unicode));
  } catch (const InputError&) {
    as_1258 = -1000000;  // not Windows-1258 at all
  }
  int legacy[2] = {0, 0};
  std::size_t start = 0;
  for (std::size_t i = 0; i <= bytes.size(); ++i) {
    if (i < bytes.size() && std::string_view(",;\t\r\n\"").find(bytes[i]) == std::string_view::npos) continue;
    const std::string_view field = bytes.substr(start, i - start);
    start = i + 1;
    if (std::all_of(field.begin(), field.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) continue;
    const std::string shown = windows1252_text(field);
    for (LegacyEncoding encoding : {LegacyEncoding::Tcvn3, LegacyEncoding::Vni}) {
      const auto decoded = decode_legacy(shown, encoding);
      legacy[static_cast<int>(encoding)] += decoded ? vietnamese_score(*decoded) : -1;
    }
  }
  const int best = std::max(legacy[0], legacy[1]);
  return best > 0 && best > as_1258;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The decoder. UTF-8 is checked and copied; UTF-16 and Windows-1258 go through glibc's iconv,
// which converts what it can of a piece and says where an unfinished character begins.

class ChunkDecoder::Impl {
 public:
  Impl(TextEncoding encoding, const std::string& source) : encoding_(encoding), source_(source) {
    if (is_utf16(encoding) || encoding == TextEncoding::Windows1258) cd_ = open_iconv(encoding);
  }

  // Faults the whole file shows at once are refused before any other is found in the pieces,
  // whatever their size: zero bytes that are not UTF-16 (binary data), and an odd UTF-16 length
  // (a byte lost or added, which would otherwise show as garbled text further on).
  void check_head(std::string_view head, bool whole_file) const {
    if (!is_utf16(encoding_) && head.find('\0') != std::string_view::npos) throw not_text(source_);
    const std::size_t bom = head.starts_with(bom_of(encoding_)) ? bom_of(encoding_).size() : 0;
    if (is_utf16(encoding_) && whole_file && (head.size() - bom) % 2 != 0) throw odd_length(encoding_, source_);
  }

  void decode(std::string_view bytes, bool last, std::string& out) {
    if (!started_) return start(bytes, last, out);
    if (!carry_.empty()) {
      // The character cut at the end of the last piece is finished with the first bytes of this
      // one, so that the piece itself need not be copied behind it. What is then left over lies
      // within the bytes taken: no character is longer than four bytes.
      const std::size_t take = std::min(bytes.size(), kJoinBytes);
      std::string joined = std::move(carry_);
      joined.append(bytes.substr(0, take));
      carry_.clear();
      decode_piece(joined, last && take == bytes.size(), out);
      if (take == bytes.size()) return;
      bytes.remove_prefix(take - carry_.size());
      carry_.clear();
    }
    decode_piece(bytes, last, out);
  }

 private:
  static constexpr std::size_t kJoinBytes = 8;

  // The BOM is dropped before anything is decoded, even when it comes in pieces.
  void start(std::string_view bytes, bool last, std::string& out) {
    const std::string_view bom = bom_of(encoding_);
    if (carry_.size() + bytes.size() < bom.size() && !last) {
      carry_.append(bytes);
      return;
    }
    started_ = true;
    std::string joined;
    if (!carry_.empty()) {  // only after pieces shorter than the BOM
      joined = std::move(carry_) + std::string(bytes);
      carry_.clear();
      bytes = joined;
    }
    if (bytes.starts_with(bom)) bytes.remove_prefix(bom.size());
    decode_piece(bytes, last, out);
  }

  void decode_piece(std::string_view bytes, bool last, std::string& out) {
    // Checked first so that the message can say what is wrong: a cut-off file.
    if (is_utf16(encoding_) && last && (consumed_ + bytes.size()) % 2 != 0) throw odd_length(encoding_, source_);
    if (!is_utf16(encoding_) && bytes.find('\0') != std::string_view::npos) throw not_text(source_);
    const std::size_t old_size = out.size();
    if (encoding_ == TextEncoding::Windows1252) out += windows1252_text(bytes);  // a byte a character
    else if (cd_) convert_with_iconv(bytes, last, out);
    else copy_utf8(bytes, last, out);
    const std::string_view added = std::string_view(out).substr(old_size);
    // A short binary file can pass the zero-byte test; read as UTF-16 it is full of control
    // characters that no spreadsheet writes.
    if (is_utf16(encoding_) && has_control_characters(added)) throw not_text(source_);
    lines_.advance(added);
  }

  void copy_utf8(std::string_view bytes, bool last, std::string& out) {
    const std::size_t whole = last ? bytes.size() : bytes.size() - incomplete_utf8_tail(bytes);
    const std::string_view text = bytes.substr(0, whole);
    if (!is_valid_utf8(text)) {
      const int line = lines_.line_after(text.substr(0, start_of_first_bad_line(text)));
      // Without a BOM the file was taken for UTF-8 because its first part is.
      throw encoding_ == TextEncoding::Utf8 ? mixed_encodings(source_, line)
                                            : undecodable(TextEncoding::Utf8, source_, line);
    }
    out.append(text);
    carry_.assign(bytes.substr(whole));
    consumed_ += whole;
  }

  // CP1258 keeps a base letter back to combine it with a following tone mark, hence the final
  // flush call; iconv keeps that letter across calls.
  void convert_with_iconv(std::string_view bytes, bool last, std::string& out) {
    const std::size_t old_size = out.size();
    out.resize(old_size + bytes.size() * 3 + 16);
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
    std::size_t in_left = bytes.size();
    std::size_t written = old_size;
    bool flushing = false;
    while (true) {
      char* out_ptr = out.data() + written;
      std::size_t out_left = out.size() - written;
      const std::size_t result = flushing ? iconv(cd_.get(), nullptr, nullptr, &out_ptr, &out_left)
                                          : iconv(cd_.get(), &in, &in_left, &out_ptr, &out_left);
      const int error = errno;
      written = static_cast<std::size_t>(out_ptr - out.data());
      if (result != static_cast<std::size_t>(-1)) {
        if (flushing || !last) break;
        flushing = true;
        continue;
      }
      if (error == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      if (error == EINVAL && !last) break;  // a character cut at the end: the next piece finishes it
      // EILSEQ (a byte or surrogate with no meaning) or EINVAL (a sequence cut off at the end).
      out.resize(written);
      throw undecodable(encoding_, source_, lines_.line_after(std::string_view(out).substr(old_size)));
    }
    out.resize(written);
    consumed_ += bytes.size() - in_left;
    carry_.assign(in, in_left);
  }

  TextEncoding encoding_;
  std::string source_;
  IconvHandle cd_;
  std::string carry_;          // the start of a character cut at the end of the last piece
  bool started_ = false;       // the BOM has been dealt with
  std::size_t consumed_ = 0;   // bytes decoded after the BOM, for the parity of UTF-16
  LineCount lines_;
};

ChunkDecoder::ChunkDecoder(std::string_view head, bool whole_file, const std::string& source, EncodingChoice choice)
    : impl_(std::make_unique<Impl>(encoding_of_head(head, whole_file, choice), source)) {
  impl_->check_head(head, whole_file);
}
ChunkDecoder::~ChunkDecoder() = default;
void ChunkDecoder::decode(std::string_view bytes, bool last, std::string& out) { impl_->decode(bytes, last, out); }

TextEncoding detect_encoding(std::string_view bytes, EncodingChoice choice) {
  if (bytes.starts_with(kUtf8Bom)) return TextEncoding::Utf8Bom;
  if (bytes.starts_with(kUtf16LeBom)) return TextEncoding::Utf16Le;
  if (bytes.starts_with(kUtf16BeBom)) return TextEncoding::Utf16Be;
  if (auto utf16 = utf16_by_zero_bytes(bytes)) return *utf16;
  if (is_valid_utf8(bytes)) return TextEncoding::Utf8;
  // Zero bytes that are not UTF-16 mean binary data; decode_to_utf8 rejects it whatever we
  // say here, so only the text-without-zeros case needs to be Windows-1258.
  if (bytes.find('\0') != std::string_view::npos) return TextEncoding::Utf8;
  // TCVN3 and VNI are 8-bit too: kept byte for byte (as Windows-1252 characters) for the columns'
  // detection (read/legacy_columns), when they are asked for or read better than Windows-1258.
  if (choice == EncodingChoice::Tcvn3 || choice == EncodingChoice::Vni) return TextEncoding::Windows1252;
  if (choice == EncodingChoice::Auto && legacy_bytes(bytes)) return TextEncoding::Windows1252;
  return TextEncoding::Windows1258;
}

std::string decode_to_utf8(std::string_view bytes, const std::string& source, EncodingChoice choice) {
  ChunkDecoder decoder(bytes, true, source, choice);
  std::string utf8;
  decoder.decode(bytes, true, utf8);
  return to_nfc(utf8);
}

}  // namespace kehoach
