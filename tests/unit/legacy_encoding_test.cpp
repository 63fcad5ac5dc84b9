// TCVN3 and VNI: the tables over every Vietnamese letter in both cases with every tone mark, round
// trips, what a cell's text says of its encoding, and the column decisions with their thresholds.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/input_error.h"
#include "read/legacy_columns.h"
#include "read/text_decoding.h"
#include "text/legacy_encoding.h"
#include "text/unicode.h"

using namespace kehoach;

namespace {

const char* const kTones[] = {"", "\xCC\x80", "\xCC\x89", "\xCC\x83", "\xCC\x81", "\xCC\xA3"};  // none ` ? ~ ' .
const char* const kVowels[] = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};

// Every Vietnamese letter beyond ASCII, lower case then upper case: 12 vowels × 6 tones and đ, less a e i o u y.
std::vector<std::string> vietnamese_letters(bool upper) {
  std::vector<std::string> letters;
  for (const char* vowel : kVowels)
    for (const char* tone : kTones) {
      std::string letter = to_nfc(std::string(vowel) + tone);
      if (upper) letter = to_upper(letter);
      if (static_cast<unsigned char>(letter[0]) >= 0x80) letters.push_back(letter);
    }
  letters.push_back(upper ? "Đ" : "đ");
  return letters;
}

// Legacy text as a spreadsheet shows it.
std::string shown(const std::string& unicode, LegacyEncoding encoding) {
  const auto bytes = encode_legacy(unicode, encoding);
  REQUIRE(bytes);
  return windows1252_text(*bytes);
}

Grid grid_of(const std::vector<std::vector<std::string>>& rows) {
  Grid grid;
  grid.source = "bang.csv";
  for (std::size_t i = 0; i < rows.size(); ++i) grid.rows.push_back(GridRow{static_cast<int>(i + 1), rows[i]});
  return grid;
}

std::string refusal(Grid grid, EncodingChoice choice = EncodingChoice::Auto) {
  try {
    convert_legacy_text(grid, choice);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const std::vector<std::string> kVillages = {"Sâm Cồn", "Trùa", "Nậy", "Cừa Quán", "Đông Hà", "Cây Da", "Bình Hòa",
                                            "Giếng Thị", "Thiên Nhẫn", "Hưng Thịnh"};

}  // namespace

TEST_CASE("legacy encodings: every lower-case letter with every tone mark goes there and back") {
  const auto letters = vietnamese_letters(false);
  CHECK(letters.size() == 67);
  for (LegacyEncoding encoding : {LegacyEncoding::Tcvn3, LegacyEncoding::Vni})
    for (const std::string& letter : letters) {
      CAPTURE(letter);
      CAPTURE(legacy_name(encoding));
      // (ý in TCVN3, ì and í in VNI are the same byte as in Windows-1252: shown as themselves.)
      CHECK(decode_legacy(shown(letter, encoding), encoding) == letter);
    }
}

TEST_CASE("legacy encodings: every capital goes there and back, TCVN3's toned capitals inside a word of capitals") {
  const auto letters = vietnamese_letters(true);
  CHECK(letters.size() == 67);
  for (const std::string& letter : letters) {
    CAPTURE(letter);
    CHECK(decode_legacy(shown(letter, LegacyEncoding::Vni), LegacyEncoding::Vni) == letter);
    // TCVN3 (VN3) has codes for Ă Â Ê Ô Ơ Ư Đ only; the others are their small letter's code, shown
    // as a capital by an upper-case font (.VnTimeH), read as a capital between capitals.
    CHECK(decode_legacy(shown("NG" + letter, LegacyEncoding::Tcvn3), LegacyEncoding::Tcvn3) == "NG" + letter);
  }
  CHECK(decode_legacy(shown("Ă", LegacyEncoding::Tcvn3), LegacyEncoding::Tcvn3) == "Ă");
  CHECK(decode_legacy(shown("À", LegacyEncoding::Tcvn3), LegacyEncoding::Tcvn3) == "à");  // alone: its small letter
  CHECK(decode_legacy(shown("Hà", LegacyEncoding::Tcvn3), LegacyEncoding::Tcvn3) == "Hà");
}

TEST_CASE("legacy encodings: what the standards' tables give for known words") {
  CHECK(shown("Thôn Đông", LegacyEncoding::Tcvn3) == "Th«n §«ng");
  CHECK(shown("Thôn Đông", LegacyEncoding::Vni) == "Thoân Ñoâng");
  CHECK(shown("Việt Nam", LegacyEncoding::Vni) == "Vieät Nam");
  CHECK(shown("Hưng Thịnh", LegacyEncoding::Tcvn3) == "H\xC2\xADng Th\xC3\x9Enh");  // ư is 0xAD (a soft hyphen in 1252)
  CHECK(decode_legacy("Tröôøng", LegacyEncoding::Vni) == "Trường");
  CHECK(decode_legacy("AÙp", LegacyEncoding::Vni) == "Áp");
  CHECK(decode_legacy("Aùp", LegacyEncoding::Vni) == "Áp");  // a mark typed in the other case
  CHECK(decode_legacy("THµNH PHè", LegacyEncoding::Tcvn3) == "THÀNH PHỐ");
  CHECK_FALSE(decode_legacy("Nguyễn", LegacyEncoding::Tcvn3));  // ễ is no Windows-1252 character
  CHECK_FALSE(encode_legacy("Ω", LegacyEncoding::Vni));
}

TEST_CASE("legacy encodings: the tables hold every letter, each once") {
  for (LegacyEncoding encoding : {LegacyEncoding::Tcvn3, LegacyEncoding::Vni}) {
    std::vector<std::string> codes;
    for (bool upper : {false, true})
      for (const std::string& letter : vietnamese_letters(upper)) {
        const auto code = encode_legacy(letter, encoding);
        REQUIRE(code);
        if (encoding == LegacyEncoding::Vni || !upper || letter == "Đ") codes.push_back(*code);
      }
    std::sort(codes.begin(), codes.end());
    CHECK(std::adjacent_find(codes.begin(), codes.end()) == codes.end());
  }
}

TEST_CASE("Vietnamese syllables") {
  for (const char* word : {"Thôn", "Đông", "nghèo", "Nguyễn", "Trường", "quốc", "gì", "già", "khuỷu", "Đắk", "Lắk",
                           "THÀNH", "hộ", "cận", "xoong", "thuở"})
    CHECK_MESSAGE(vietnamese_syllable(word), word);
  for (const char* word : {"Th«n", "Thoân", "Ñoâng", "§«ng", "Gieỏng", "Thôñ", "hòàn", "cafe1", "Ðông", "Thiũnh"})
    CHECK_MESSAGE(!vietnamese_syllable(word), word);
}

TEST_CASE("a cell's evidence: legacy text, Unicode, and text both could be") {
  CHECK(judge_cell("Th«n §«ng") == CellEvidence::Tcvn3);
  CHECK(judge_cell("Thoân Ñoâng") == CellEvidence::Vni);
  CHECK(judge_cell("Thôn Đông") == CellEvidence::Unicode);
  CHECK(judge_cell("Thôn Hòa") == CellEvidence::Ambiguous);  // TCVN3 "Thụn Hũa" reads as Vietnamese too
  CHECK(judge_cell("Thôn Hòa", LegacyEncoding::Tcvn3) == CellEvidence::Tcvn3);  // ... in a .VnTime font it is
  CHECK(judge_cell("166") == CellEvidence::None);
  CHECK(judge_cell("§3") == CellEvidence::None);
  for (const std::string& village : kVillages) {
    CAPTURE(village);
    CHECK(judge_cell(village) != CellEvidence::Tcvn3);
    CHECK(judge_cell(village) != CellEvidence::Vni);
    CHECK(judge_cell(shown(village, LegacyEncoding::Tcvn3)) == CellEvidence::Tcvn3);
  }
}

TEST_CASE("fonts that name a legacy encoding") {
  bool upper = false;
  CHECK(font_encoding(".VnTime", &upper) == LegacyEncoding::Tcvn3);
  CHECK_FALSE(upper);
  CHECK(font_encoding(".VnTimeH", &upper) == LegacyEncoding::Tcvn3);
  CHECK(upper);
  CHECK(font_encoding(".VnArial Narrow") == LegacyEncoding::Tcvn3);
  CHECK(font_encoding("VNI-Times") == LegacyEncoding::Vni);
  CHECK_FALSE(font_encoding("Times New Roman"));
  CHECK(parse_encoding_choice("TCVN3") == EncodingChoice::Tcvn3);
  CHECK(parse_encoding_choice("vni") == EncodingChoice::Vni);
  CHECK(parse_encoding_choice("unicode") == EncodingChoice::Unicode);
  CHECK_FALSE(parse_encoding_choice("latin1"));
}

TEST_CASE("columns: a TCVN3 column beside a Unicode one is converted and told, the Unicode one left") {
  std::vector<std::vector<std::string>> rows = {{"TT", shown("Thôn", LegacyEncoding::Tcvn3), "Xã"}};
  for (std::size_t i = 0; i < kVillages.size(); ++i)
    rows.push_back({std::to_string(i + 1), shown(kVillages[i], LegacyEncoding::Tcvn3), "An Hòa Thịnh"});
  Grid grid = grid_of(rows);
  convert_legacy_text(grid, EncodingChoice::Auto);
  for (std::size_t i = 0; i < kVillages.size(); ++i) {
    CHECK(grid.rows[i + 1].cells[1] == kVillages[i]);
    CHECK(grid.rows[i + 1].cells[2] == "An Hòa Thịnh");
  }
  CHECK(grid.rows[0].cells[1] == "Thôn");
  REQUIRE(grid.notes.size() == 1);
  CHECK(grid.notes[0] == "bang.csv, cột B: chuyển từ mã TCVN3 sang Unicode, 11 ô.");
}

TEST_CASE("columns: the same in VNI, and VNI in an .xls cell's font") {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& village : kVillages) rows.push_back({shown(village, LegacyEncoding::Vni)});
  Grid grid = grid_of(rows);
  convert_legacy_text(grid, EncodingChoice::Auto);
  for (std::size_t i = 0; i < kVillages.size(); ++i) CHECK(grid.rows[i].cells[0] == kVillages[i]);
  CHECK(grid.notes == std::vector<std::string>{"bang.csv, cột A: chuyển từ mã VNI sang Unicode, 10 ô."});
}

TEST_CASE("columns: a column mixing Unicode and TCVN3 is refused, or converted where --encoding says") {
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < kVillages.size(); ++i)
    rows.push_back({i < 5 ? shown(kVillages[i], LegacyEncoding::Tcvn3) : kVillages[i]});
  CHECK(refusal(grid_of(rows)) ==
        "bang.csv:1, cột A: cột A lẫn chữ Unicode (dòng 6) với chữ mã TCVN3 (phông .VnTime, .VnArial…) (dòng 1); hãy "
        "chuyển cả cột về Unicode (bằng công cụ chuyển mã, như Unikey) rồi lưu lại, hoặc chạy lại với --encoding tcvn3 "
        "để chuyển các ô không phải Unicode.");
  Grid grid = grid_of(rows);
  convert_legacy_text(grid, EncodingChoice::Tcvn3);
  // The TCVN3 cells are converted; the Unicode ones stay, those TCVN3 could also read ("Bình Hòa") too.
  for (std::size_t i = 0; i < kVillages.size(); ++i) CHECK(grid.rows[i].cells[0] == kVillages[i]);
  Grid kept = grid_of(rows);
  convert_legacy_text(kept, EncodingChoice::Unicode);
  CHECK(kept.rows[0].cells[0] == shown(kVillages[0], LegacyEncoding::Tcvn3));
  CHECK(kept.notes.empty());
}

TEST_CASE("columns: a heading retyped in Unicode above TCVN3 cells stays, more Unicode above them is mixing") {
  // "Thôn" reads as Vietnamese both as it is and in TCVN3 ("Thộn"); "Tên thôn, tổ dân phố" only as it is.
  auto table = [](std::size_t heading_cells) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < heading_cells; ++i) rows.push_back({i % 2 == 0 ? "Thôn" : "Tên thôn, tổ dân phố"});
    for (const std::string& village : kVillages) rows.push_back({shown(village, LegacyEncoding::Tcvn3)});
    return rows;
  };
  CHECK(judge_cell("Thôn") == CellEvidence::Ambiguous);
  Grid grid = grid_of(table(2));
  convert_legacy_text(grid, EncodingChoice::Auto);
  CHECK(grid.rows[0].cells[0] == "Thôn");
  CHECK(grid.rows[1].cells[0] == "Tên thôn, tổ dân phố");
  for (std::size_t i = 0; i < kVillages.size(); ++i) CHECK(grid.rows[i + 2].cells[0] == kVillages[i]);
  CHECK(grid.notes == std::vector<std::string>{"bang.csv, cột A: chuyển từ mã TCVN3 sang Unicode, 10 ô."});
  // --encoding tcvn3 keeps the heading too.
  Grid forced = grid_of(table(1));
  convert_legacy_text(forced, EncodingChoice::Tcvn3);
  CHECK(forced.rows[0].cells[0] == "Thôn");
  CHECK(forced.rows[1].cells[0] == kVillages[0]);
  // Six cells readable as they are above the TCVN3 ones are not a heading: rows typed in two encodings
  // (named at the first that only Unicode reads).
  CHECK(refusal(grid_of(table(6))).find("bang.csv:7, cột A: cột A lẫn chữ Unicode (dòng 2) với chữ mã TCVN3") == 0);
  // Unicode below TCVN3 cells is mixing, named at its own row, whatever the heading.
  auto below = table(2);
  below.push_back({"Hưng Thịnh"});
  CHECK(refusal(grid_of(below)).find("bang.csv:3, cột A: cột A lẫn chữ Unicode (dòng 13) với chữ mã TCVN3") == 0);
  // Row by row the same.
  std::vector<GridRow> passed;
  LegacyRowFilter filter("ho.csv", EncodingChoice::Auto, [&](GridRow&& row) { passed.push_back(std::move(row)); });
  const auto rows = table(1);
  for (std::size_t i = 0; i < rows.size(); ++i) filter.row(GridRow{static_cast<int>(i + 1), rows[i]});
  filter.finish();
  REQUIRE(passed.size() == rows.size());
  CHECK(passed[0].cells[0] == "Thôn");
  CHECK(passed[1].cells[0] == kVillages[0]);
}

TEST_CASE("Windows-1252 text only: what legacy text can show, told without making the bytes") {
  CHECK(windows1252_only("Thôn Hòa"));
  CHECK(windows1252_only(shown("Thôn Đông", LegacyEncoding::Tcvn3)));
  CHECK(windows1252_only("€ ‰ Ÿ"));  // the characters Windows-1252 puts at 0x80–0x9F
  CHECK_FALSE(windows1252_only("Hưng Thịnh"));
  CHECK_FALSE(windows1252_only("Đông"));
  CHECK_FALSE(windows1252_only("\xC3"));  // a cut UTF-8 sequence
  for (const std::string text : {"Thôn Hòa", "Hưng Thịnh", "Sâm Cồn", "abc", "€ ‰ Ÿ"})
    CHECK(windows1252_only(text) == windows1252_bytes(text).has_value());
}

TEST_CASE("columns: the same cell row after row (a household list's village) converted and counted every time") {
  std::vector<GridRow> passed;
  LegacyRowFilter filter("ho.csv", EncodingChoice::Auto, [&](GridRow&& row) { passed.push_back(std::move(row)); });
  const std::string village = shown("Thôn Đông Hà", LegacyEncoding::Tcvn3);
  const int rows = static_cast<int>(LegacyRowFilter::kHeadRows) + 500;
  for (int i = 1; i <= rows; ++i) filter.row(GridRow{i, {village, "Hưng Thịnh"}});
  filter.finish();
  REQUIRE(passed.size() == static_cast<std::size_t>(rows));
  CHECK(passed.front().cells[0] == "Thôn Đông Hà");
  CHECK(passed.back().cells[0] == "Thôn Đông Hà");
  CHECK(passed.back().cells[1] == "Hưng Thịnh");
  CHECK(filter.notes() == std::vector<std::string>{"ho.csv, cột A: chuyển từ mã TCVN3 sang Unicode, 2.500 ô."});
}

TEST_CASE("columns: evidence below the threshold is refused, asking for --encoding") {
  auto table = [](int legacy_cells) {
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < legacy_cells; ++i) rows.push_back({shown(kVillages[static_cast<std::size_t>(i)], LegacyEncoding::Tcvn3)});
    return grid_of(rows);
  };
  CHECK(kMinLegacyCells == 3);
  const std::string weak = refusal(table(kMinLegacyCells - 1));
  CHECK(weak.find("bang.csv:1, cột A: chữ ở cột A có thể được gõ bằng mã TCVN3") == 0);
  CHECK(weak.find("--encoding tcvn3") != std::string::npos);
  CHECK(weak.find("--encoding unicode") != std::string::npos);
  CHECK(refusal(table(kMinLegacyCells)).empty());
  Grid forced = table(1);
  convert_legacy_text(forced, EncodingChoice::Tcvn3);
  CHECK(forced.rows[0].cells[0] == kVillages[0]);
  // A Unicode table without any legacy cell is never asked about.
  std::vector<std::vector<std::string>> unicode;
  for (const std::string& village : kVillages) unicode.push_back({village});
  CHECK(refusal(grid_of(unicode)).empty());
  // One TCVN3 cell among Unicode ones: weak, or mixed.
  unicode.push_back({shown("Đại Thịnh", LegacyEncoding::Tcvn3)});
  CHECK_FALSE(refusal(grid_of(unicode)).empty());
}

TEST_CASE("columns: rows read one by one are judged on the first ones and later rows checked") {
  std::vector<GridRow> passed;
  LegacyRowFilter filter("ho.csv", EncodingChoice::Auto, [&](GridRow&& row) { passed.push_back(std::move(row)); });
  for (std::size_t i = 0; i < kVillages.size(); ++i)
    filter.row(GridRow{static_cast<int>(i + 1), {shown(kVillages[i], LegacyEncoding::Tcvn3)}});
  CHECK(passed.empty());  // kept until judged
  filter.finish();
  REQUIRE(passed.size() == kVillages.size());
  CHECK(passed[4].cells[0] == kVillages[4]);
  CHECK(filter.notes() == std::vector<std::string>{"ho.csv, cột A: chuyển từ mã TCVN3 sang Unicode, 10 ô."});

  std::vector<GridRow> sink;
  LegacyRowFilter later("ho.csv", EncodingChoice::Auto, [&](GridRow&& row) { sink.push_back(std::move(row)); });
  for (std::size_t i = 0; i < LegacyRowFilter::kHeadRows; ++i)
    later.row(GridRow{static_cast<int>(i + 1), {kVillages[i % kVillages.size()]}});
  CHECK(sink.size() == LegacyRowFilter::kHeadRows);
  CHECK_THROWS_WITH_AS(later.row(GridRow{2001, {shown("Đại Thịnh", LegacyEncoding::Tcvn3)}}),
                       doctest::Contains("ho.csv:2001, cột A: cột A lẫn chữ Unicode (dòng 1) với chữ mã TCVN3"),
                       InputError);
}

TEST_CASE("CSV bytes in TCVN3 or VNI are kept byte for byte for the columns, Windows-1258 stays Windows-1258") {
  std::string tcvn3 = "TT,Thôn\n", vni = tcvn3;
  for (std::size_t i = 0; i < kVillages.size(); ++i) {
    tcvn3 += std::to_string(i + 1) + "," + *encode_legacy(kVillages[i], LegacyEncoding::Tcvn3) + "\n";
    vni += std::to_string(i + 1) + "," + *encode_legacy(kVillages[i], LegacyEncoding::Vni) + "\n";
  }
  // (The header stays UTF-8 above: invalid UTF-8 as a whole all the same.)
  CHECK(detect_encoding(tcvn3) == TextEncoding::Windows1252);
  CHECK(detect_encoding(vni) == TextEncoding::Windows1252);
  CHECK(detect_encoding(tcvn3, EncodingChoice::Unicode) == TextEncoding::Windows1258);
  // Windows-1258 ("Đông Hà": Đ is 0xD0, à is 0xE0; "Bình Hòa" with the grave as its own byte, 0xCC): not
  // taken for a legacy encoding.
  CHECK(detect_encoding("TT,Th\xF4n\n1,\xD0\xF4ng H\xE0\n2,Tr\xF9" "a\n3,Bi\xCCnh Ho\xCC" "a\n") == TextEncoding::Windows1258);
  CHECK(decode_to_utf8("Th\xAB" "n", "x.csv", EncodingChoice::Tcvn3) == "Th«n");
}
