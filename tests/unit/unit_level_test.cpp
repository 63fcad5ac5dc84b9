#include <doctest/doctest.h>

#include "model/unit_level.h"

using namespace kehoach;

namespace {

std::string word_of(const UnitLevel* level) { return level ? level->word : "(none)"; }

std::vector<std::string> words(const std::vector<const UnitLevel*>& levels) {
  std::vector<std::string> out;
  for (const UnitLevel* level : levels) out.push_back(level->word);
  return out;
}

}  // namespace

TEST_CASE("a name's leading level word is split from the place, in any case and composition") {
  const LeveledName ward_group = split_level("Tổ dân phố 1");
  CHECK(word_of(ward_group.level) == "Tổ dân phố");
  CHECK(ward_group.place == "1");
  CHECK(word_of(split_level("tổ 5").level) == "Tổ");
  CHECK(word_of(split_level("XÃ AN HÒA THỊNH").level) == "Xã");
  CHECK(split_level("Phường Bắc Hồng Lĩnh").place == "Bắc Hồng Lĩnh");
  CHECK(word_of(split_level("Khu phố 3").level) == "Khu phố");
  CHECK(word_of(split_level("Ấp Mỹ Hòa").level) == "Ấp");
  CHECK(word_of(split_level("Buôn Đôn").level) == "Buôn");
  CHECK(word_of(split_level("Đặc khu Phú Quốc").level) == "Đặc khu");
  CHECK(word_of(split_level("Thôn Tha\u0300nh").level) == "Thôn");  // decomposed à
}

TEST_CASE("abbreviated level words are read as the word: TT, TDP, KP, P.") {
  const LeveledName town = split_level("TT Văn Điển");
  CHECK(word_of(town.level) == "Thị trấn");
  CHECK(town.place == "Văn Điển");
  CHECK(split_level("TT. Văn Điển").place == "Văn Điển");
  CHECK(word_of(split_level("TDP 3").level) == "Tổ dân phố");
  CHECK(word_of(split_level("KP 2").level) == "Khu phố");
  CHECK(word_of(split_level("P.4").level) == "Phường");
  CHECK(split_level("P.4").place == "4");
}

TEST_CASE("a name that only resembles a level word keeps it as its name") {
  CHECK(split_level("Xà Lá").level == nullptr);      // not "Xã"
  CHECK(split_level("Thôn").level == nullptr);       // the word alone names nothing
  CHECK(split_level("Tân Thịnh").level == nullptr);
  CHECK(split_level("Tổng Giang").level == nullptr);  // "Tổ" is a whole word or nothing
  CHECK(split_level("Phú Thuận A").level == nullptr);
}

TEST_CASE("column headers name one level or several, other headers name none") {
  CHECK(words(header_levels("Thôn")) == std::vector<std::string>{"Thôn"});
  CHECK(words(header_levels("Tổ dân phố")) == std::vector<std::string>{"Tổ dân phố"});
  CHECK(words(header_levels("Xã, thị trấn")) == std::vector<std::string>{"Xã", "Thị trấn"});
  CHECK(words(header_levels("Xã/phường")) == std::vector<std::string>{"Xã", "Phường"});
  CHECK(words(header_levels("Tên thôn")) == std::vector<std::string>{"Thôn"});
  CHECK(words(header_levels("Thôn, tổ dân phố")) == std::vector<std::string>{"Thôn", "Tổ dân phố"});
  CHECK(words(header_levels("village")) == std::vector<std::string>{"Thôn"});
  CHECK(words(header_levels("Xa, thi tran")) == std::vector<std::string>{"Xã", "Thị trấn"});
  CHECK(words(header_levels("Đơn vị (thôn)")) == std::vector<std::string>{"Thôn"});
  CHECK(header_levels("Đơn vị").empty());
  CHECK(header_levels("Tổng số hộ").empty());
  CHECK(word_of(level_named("phường")) == "Phường");
  CHECK(level_named("Xã, thị trấn") == nullptr);
}

TEST_CASE("a unit's level is its own word, else the column's, and under a column only words of its tier count") {
  const UnitLevel* commune = level_named("Xã");
  CHECK(word_of(level_of("TT Văn Điển", commune)) == "Thị trấn");
  CHECK(word_of(level_of("Tứ Hiệp", commune)) == "Xã");
  CHECK(word_of(level_of("Bản Lầu", commune)) == "Xã");  // a commune named Bản Lầu, not a bản
  CHECK(word_of(level_of("Bản Lầu", nullptr)) == "Bản");
  CHECK(word_of(level_of("Tổ dân phố 2", level_named("Thôn"))) == "Tổ dân phố");
  CHECK(level_of("Sâm Cồn", nullptr) == nullptr);
  // "Tổ 3" under a column of tổ dân phố is one of them, written short.
  CHECK(word_of(level_of("Tổ 3", level_named("Tổ dân phố"))) == "Tổ dân phố");
  CHECK(word_of(level_of("Tổ 3", nullptr)) == "Tổ");
}

TEST_CASE("a centrally-run city stands among the provinces under a column of provinces") {
  const UnitLevel* province = level_named("Tỉnh");
  CHECK(word_of(level_of("Thành phố Huế", province)) == "Thành phố");
  CHECK(full_name("Thành phố Huế", province) == "Thành phố Huế");  // not "Tỉnh Thành phố Huế"
  CHECK(full_name("Hà Tĩnh", province) == "Tỉnh Hà Tĩnh");
  CHECK(word_of(level_of("Huyện Hương Sơn", province)) == "Tỉnh");  // a district word is no province
}

TEST_CASE("an issuer's usual units: a commune's are thôn, a ward's tổ dân phố, a district's xã") {
  CHECK(word_of(usual_child(*level_named("Xã"))) == "Thôn");
  CHECK(word_of(usual_child(*level_named("Phường"))) == "Tổ dân phố");
  CHECK(word_of(usual_child(*level_named("Thị trấn"))) == "Tổ dân phố");
  CHECK(word_of(usual_child(*level_named("Huyện"))) == "Xã");
  CHECK(word_of(usual_child(*level_named("Quận"))) == "Phường");
  CHECK(usual_child(*level_named("Thị xã")) == nullptr);
}

TEST_CASE("a sentence names a unit with its level word in lower case") {
  const UnitLevel* commune = level_named("Xã");
  CHECK(in_sentence("Tứ Hiệp", commune) == "xã Tứ Hiệp");
  CHECK(in_sentence("TT Văn Điển", commune) == "thị trấn Văn Điển");
  CHECK(in_sentence("Thôn Tân Thịnh", level_named("Thôn")) == "thôn Tân Thịnh");
  CHECK(in_sentence("Tổ dân phố 1", level_named("Tổ dân phố")) == "tổ dân phố 1");
  CHECK(in_sentence("Xã An Hòa Thịnh", nullptr) == "xã An Hòa Thịnh");
  CHECK(in_sentence("Sâm Cồn", nullptr) == "Sâm Cồn");
  CHECK(full_name("An Hòa Thịnh", commune) == "Xã An Hòa Thịnh");
  CHECK(full_name("Phường Bắc Hồng Lĩnh", commune) == "Phường Bắc Hồng Lĩnh");
}

TEST_CASE("levels read as one phrase in the order documents list them, and so do their heads") {
  const UnitLevel* village = level_named("Thôn");
  const UnitLevel* group = level_named("Tổ dân phố");
  CHECK(levels_phrase({group, village, group}, false) == "thôn, tổ dân phố");
  CHECK(levels_phrase({group}, true) == "Tổ dân phố");
  CHECK(levels_phrase({level_named("Thị trấn"), level_named("Xã")}, true) == "Xã, thị trấn");
  CHECK(levels_phrase({}, true).empty());
  CHECK(heads_phrase({group}) == "Tổ trưởng tổ dân phố");
  CHECK(heads_phrase({group, village}) == "Trưởng thôn, Tổ trưởng tổ dân phố");
  CHECK(heads_phrase({level_named("Khu phố")}) == "Trưởng khu phố");
}

TEST_CASE("an organisation's area is the territory in its name, not the organisation") {
  CHECK(area_of("Hội LHPN huyện Hóc Môn") == "huyện Hóc Môn");
  CHECK(area_of("Hội Nông dân xã Phú Hòa") == "xã Phú Hòa");
  CHECK(area_of("xã An Hòa Thịnh") == "xã An Hòa Thịnh");
  CHECK(area_of("Ủy ban Mặt trận Tổ quốc Việt Nam quận 3") == "quận 3");  // "Tổ quốc" is no tổ
  CHECK(area_of("Ngân hàng Chính sách xã hội huyện Hương Sơn") == "huyện Hương Sơn");
  CHECK(area_of("Đoàn Thanh niên phường Hội Hợp") == "phường Hội Hợp");
  CHECK(area_of("Ban Chỉ đạo") == "Ban Chỉ đạo");
}
