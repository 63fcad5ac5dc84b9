#include "read/text_decoding.h"

#include <doctest/doctest.h>

#include <string>

#include "model/input_error.h"
#include "test_support.h"

using namespace kehoach;
using kehoach::testing::utf16_bytes;

namespace {

// "Tân Thịnh" written out in NFC so the expectation cannot depend on the editor.
const std::string kTanThinh = "T\xC3\xA2n Th\xE1\xBB\x8Bnh";

const std::string kResaveHint =
    "hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng CSV UTF-8.";

std::string message_of_decoding(const std::string& bytes) {
  return testing::error_of([&] { decode_to_utf8(bytes, "thon.csv"); });
}

}  // namespace

TEST_CASE("plain UTF-8 text is detected as UTF-8 and returned unchanged") {
  std::string text = "Xã,Số hộ\nTân Thịnh,12\n";
  CHECK(detect_encoding(text) == TextEncoding::Utf8);
  CHECK(decode_to_utf8(text, "thon.csv") == text);
}

TEST_CASE("a UTF-8 file with a BOM loses the BOM") {
  std::string bytes = "\xEF\xBB\xBFXã,Số hộ\n";
  CHECK(detect_encoding(bytes) == TextEncoding::Utf8Bom);
  CHECK(decode_to_utf8(bytes, "thon.csv") == "Xã,Số hộ\n");
}

TEST_CASE("an empty file decodes to empty text") {
  CHECK(detect_encoding("") == TextEncoding::Utf8);
  CHECK(decode_to_utf8("", "thon.csv") == "");
}

TEST_CASE("decomposed UTF-8 becomes NFC") {
  // a + combining circumflex, i + combining dot below
  std::string decomposed = "Ta\xCC\x82n Thi\xCC\xA3nh";
  CHECK(detect_encoding(decomposed) == TextEncoding::Utf8);
  CHECK(decode_to_utf8(decomposed, "thon.csv") == kTanThinh);
}

TEST_CASE("UTF-16LE with a BOM decodes to UTF-8 without the BOM") {
  std::string bytes = "\xFF\xFE" + utf16_bytes(u"Xã,Số hộ\r\nTân Thịnh,12\r\n", true);
  CHECK(detect_encoding(bytes) == TextEncoding::Utf16Le);
  CHECK(decode_to_utf8(bytes, "thon.csv") == "Xã,Số hộ\r\n" + kTanThinh + ",12\r\n");
}

TEST_CASE("UTF-16BE with a BOM decodes to UTF-8 without the BOM") {
  std::string bytes = "\xFE\xFF" + utf16_bytes(u"Xã;Số hộ\nTân Thịnh;12\n", false);
  CHECK(detect_encoding(bytes) == TextEncoding::Utf16Be);
  CHECK(decode_to_utf8(bytes, "thon.csv") == "Xã;Số hộ\n" + kTanThinh + ";12\n");
}

TEST_CASE("UTF-16LE without a BOM is recognised by its zero high bytes") {
  std::string bytes = utf16_bytes(u"Xã,Số hộ\nTân Thịnh,12\n", true);
  CHECK(detect_encoding(bytes) == TextEncoding::Utf16Le);
  CHECK(decode_to_utf8(bytes, "thon.csv") == "Xã,Số hộ\n" + kTanThinh + ",12\n");
}

TEST_CASE("UTF-16BE without a BOM is recognised by its zero high bytes") {
  std::string bytes = utf16_bytes(u"Xã,Số hộ\nTân Thịnh,12\n", false);
  CHECK(detect_encoding(bytes) == TextEncoding::Utf16Be);
  CHECK(decode_to_utf8(bytes, "thon.csv") == "Xã,Số hộ\n" + kTanThinh + ",12\n");
}

TEST_CASE("decomposed UTF-16LE without a BOM is still recognised and comes out NFC") {
  // Combining marks U+0302 and U+0323 put zero bytes at even offsets too.
  std::string bytes = utf16_bytes(u"Ta\u0302n Thi\u0323nh,Lo\u0302\u0300,12\n", true);
  CHECK(detect_encoding(bytes) == TextEncoding::Utf16Le);
  CHECK(decode_to_utf8(bytes, "thon.csv") == kTanThinh + ",L\xE1\xBB\x93,12\n");
}

TEST_CASE("a UTF-16 surrogate pair decodes to one four-byte character") {
  std::string bytes = "\xFF\xFE" + utf16_bytes(u"a\U0001F600b", true);
  CHECK(decode_to_utf8(bytes, "thon.csv") == "a\xF0\x9F\x98\x80" "b");
}

TEST_CASE("a Windows-1258 file with Vietnamese names decodes to NFC UTF-8") {
  // Windows-1258 writes ị as i + combining dot below (0xF2); â is the single byte 0xE2.
  std::string bytes = "T\xE2n Th" "i\xF2nh";
  CHECK(detect_encoding(bytes) == TextEncoding::Windows1258);
  CHECK(decode_to_utf8(bytes, "thon.csv") == kTanThinh);
}

TEST_CASE("Windows-1258 tone marks, đ, ơ and ư all come out precomposed") {
  // Xã,Số hộ / Hòa Đông,Mỹ Lợi,Trưng: tones as combining bytes 0xCC 0xDE 0xEC 0xF2.
  std::string bytes =
      "Xa\xDE,S\xF4\xEC h\xF4\xF2\r\n"
      "Ho\xCC" "a \xD0\xF4ng,My\xDE L\xF5\xF2i,Tr\xFDng\r\n";
  CHECK(detect_encoding(bytes) == TextEncoding::Windows1258);
  CHECK(decode_to_utf8(bytes, "thon.csv") ==
        "X\xC3\xA3,S\xE1\xBB\x91 h\xE1\xBB\x99\r\n"
        "H\xC3\xB2" "a \xC4\x90\xC3\xB4ng,M\xE1\xBB\xB9 L\xE1\xBB\xA3i,Tr\xC6\xB0ng\r\n");
}

TEST_CASE("a UTF-16 file with an odd number of bytes is rejected with advice to re-save") {
  std::string bytes = "\xFF\xFE" + utf16_bytes(u"Xã,12\n", true) + "x";
  CHECK(message_of_decoding(bytes) ==
        "thon.csv: tệp UTF-16 LE có số byte lẻ nên bị cắt cụt hoặc hỏng; " + kResaveHint);
}

TEST_CASE("a UTF-16BE file without a BOM and with an odd number of bytes is rejected") {
  std::string bytes = utf16_bytes(u"Xã,12\n", false);
  bytes += '\0';  // half of a final code unit
  REQUIRE(bytes.size() % 2 == 1);
  CHECK(message_of_decoding(bytes) ==
        "thon.csv: tệp UTF-16 BE có số byte lẻ nên bị cắt cụt hoặc hỏng; " + kResaveHint);
}

TEST_CASE("a UTF-16 file with a lone surrogate names the line it is on") {
  std::u16string text = u"Xã,Số hộ\nTân Thịnh,";
  text += char16_t(0xD800);
  text += u"12\n";
  std::string bytes = "\xFF\xFE" + utf16_bytes(text, true);
  CHECK(message_of_decoding(bytes) ==
        "thon.csv:2: tệp có byte không đọc được theo bảng mã UTF-16 LE; " + kResaveHint);
}

TEST_CASE("a byte that Windows-1258 leaves undefined is rejected with its line") {
  std::string bytes = "X\xE3,S\xF4\xEC\r\nT\xE2n\x81,12\r\n";
  CHECK(message_of_decoding(bytes) ==
        "thon.csv:2: tệp có byte không đọc được theo bảng mã Windows-1258; " + kResaveHint);
}

TEST_CASE("a UTF-8 file with a BOM but broken bytes is rejected with the broken line") {
  std::string bytes = "\xEF\xBB\xBFXã,12\nAn\xC3,5\n";
  CHECK(message_of_decoding(bytes) ==
        "thon.csv:2: tệp có byte không đọc được theo bảng mã UTF-8; " + kResaveHint);
}

TEST_CASE("binary data with scattered zero bytes is not a CSV text file") {
  std::string bytes("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x01\x00", 20);
  CHECK(message_of_decoding(bytes) ==
        "thon.csv: tệp này không phải là tệp văn bản CSV (có byte 0 của dữ liệu nhị phân); "
        "nếu đây là bảng Excel, hãy dùng tệp .xlsx hoặc lưu lại dưới dạng CSV UTF-8.");
}

TEST_CASE("a small zip file that looks like UTF-16 is still not a CSV text file") {
  // The start of an .xlsx: little-endian header fields put their zeros at odd offsets.
  std::string bytes("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00\x21\x00\x62\xEE\x9D\x68"
                    "\x5E\x01\x00\x00\x90\x04\x00\x00\x13\x00\x08\x02",
                    30);
  bytes += "[Content_Types].xml\x8D";  // an even length, so it gets as far as decoding
  CHECK(message_of_decoding(bytes) ==
        "thon.csv: tệp này không phải là tệp văn bản CSV (có byte 0 của dữ liệu nhị phân); "
        "nếu đây là bảng Excel, hãy dùng tệp .xlsx hoặc lưu lại dưới dạng CSV UTF-8.");
}

TEST_CASE("the error of an undecodable file names the file and no row when none applies") {
  try {
    decode_to_utf8(std::string("\x00\x00\x00\x01", 4), "thon.csv");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.where().source == "thon.csv");
    CHECK_FALSE(e.where().row.has_value());
  }
}
