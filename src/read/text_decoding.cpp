#include "read/text_decoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "model/input_error.h"
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

// 1-based line of the end of `decoded`, which is where decoding stopped; CRLF, LF and CR
// each end one line, as in the CSV reader.
int line_at_end_of(std::string_view decoded) {
  int line = 1;
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    if (decoded[i] == '\n') ++line;
    if (decoded[i] == '\r' && (i + 1 == decoded.size() || decoded[i + 1] != '\n')) ++line;
  }
  return line;
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
    default: return "UTF-8";
  }
}

InputError undecodable(TextEncoding encoding, const std::string& source, int line) {
  return InputError(Location{source, line, std::nullopt, ""},
                    std::string("tệp có byte không đọc được theo bảng mã ") +
                        encoding_label(encoding) + "; " + kResaveHint);
}

InputError not_text(const std::string& source) {
  return InputError(Location{source, std::nullopt, std::nullopt, ""},
                    "tệp này không phải là tệp văn bản CSV (có byte 0 của dữ liệu nhị phân); "
                    "nếu đây là bảng Excel, hãy dùng tệp .xlsx hoặc lưu lại dưới dạng CSV UTF-8.");
}

struct IconvCloser {
  void operator()(iconv_t cd) const { iconv_close(cd); }
};
using IconvHandle = std::unique_ptr<std::remove_pointer_t<iconv_t>, IconvCloser>;

// Converts with glibc's iconv. CP1258 keeps a base letter back to combine it with a
// following tone mark, hence the final flush call.
std::string convert_with_iconv(std::string_view bytes, TextEncoding encoding,
                               const std::string& source) {
  iconv_t raw = iconv_open("UTF-8", encoding_name(encoding));
  if (raw == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error(std::string("iconv does not know ") + encoding_name(encoding));
  IconvHandle cd(raw);

  std::string out(bytes.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  bool flushing = false;
  while (true) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    std::size_t result = flushing ? iconv(cd.get(), nullptr, nullptr, &out_ptr, &out_left)
                                  : iconv(cd.get(), &in, &in_left, &out_ptr, &out_left);
    written = static_cast<std::size_t>(out_ptr - out.data());
    if (result != static_cast<std::size_t>(-1)) {
      if (flushing) break;
      flushing = true;
      continue;
    }
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ (a byte or surrogate with no meaning) or EINVAL (a sequence cut off at the end).
    throw undecodable(encoding, source, line_at_end_of(std::string_view(out.data(), written)));
  }
  out.resize(written);
  return out;
}

// C0 controls other than the white space a CSV may hold (tab, line breaks, form feed).
bool has_control_characters(std::string_view utf8) {
  for (char c : utf8) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return true;
  }
  return false;
}

std::string decode_utf16(std::string_view bytes, TextEncoding encoding, const std::string& source) {
  bool has_bom = bytes.starts_with(encoding == TextEncoding::Utf16Le ? kUtf16LeBom : kUtf16BeBom);
  if (has_bom) bytes.remove_prefix(2);
  // Checked before iconv so that the message can say what is wrong: a cut-off file.
  if (bytes.size() % 2 != 0)
    throw InputError(Location{source, std::nullopt, std::nullopt, ""},
                     std::string("tệp ") + encoding_label(encoding) +
                         " có số byte lẻ nên bị cắt cụt hoặc hỏng; " + kResaveHint);
  std::string utf8 = convert_with_iconv(bytes, encoding, source);
  // A short binary file can pass the zero-byte test; read as UTF-16 it is full of control
  // characters that no spreadsheet writes.
  if (has_control_characters(utf8)) throw not_text(source);
  return utf8;
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

std::string decode_utf8(std::string_view bytes, const std::string& source) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  // Only reachable after a UTF-8 BOM: without one, invalid UTF-8 is read as Windows-1258.
  std::size_t bad_line = start_of_first_bad_line(bytes);
  throw undecodable(TextEncoding::Utf8, source, line_at_end_of(bytes.substr(0, bad_line)));
}

}  // namespace

TextEncoding detect_encoding(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) return TextEncoding::Utf8Bom;
  if (bytes.starts_with(kUtf16LeBom)) return TextEncoding::Utf16Le;
  if (bytes.starts_with(kUtf16BeBom)) return TextEncoding::Utf16Be;
  if (auto utf16 = utf16_by_zero_bytes(bytes)) return *utf16;
  if (is_valid_utf8(bytes)) return TextEncoding::Utf8;
  // Zero bytes that are not UTF-16 mean binary data; decode_to_utf8 rejects it whatever we
  // say here, so only the text-without-zeros case needs to be Windows-1258.
  if (bytes.find('\0') != std::string_view::npos) return TextEncoding::Utf8;
  return TextEncoding::Windows1258;
}

void check_utf8_text(std::string_view bytes, const std::string& source, int line) {
  if (bytes.find('\0') != std::string_view::npos) throw not_text(source);
  if (is_valid_utf8(bytes)) return;
  const std::size_t bad_line = start_of_first_bad_line(bytes);
  throw undecodable(TextEncoding::Utf8, source, line - 1 + line_at_end_of(bytes.substr(0, bad_line)));
}

std::string decode_to_utf8(std::string_view bytes, const std::string& source) {
  TextEncoding encoding = detect_encoding(bytes);
  if (encoding == TextEncoding::Utf16Le || encoding == TextEncoding::Utf16Be)
    return to_nfc(decode_utf16(bytes, encoding, source));
  if (bytes.find('\0') != std::string_view::npos) throw not_text(source);
  if (encoding == TextEncoding::Windows1258)
    return to_nfc(convert_with_iconv(bytes, encoding, source));
  if (encoding == TextEncoding::Utf8Bom) bytes.remove_prefix(kUtf8Bom.size());
  return to_nfc(decode_utf8(bytes, source));
}

}  // namespace kehoach
