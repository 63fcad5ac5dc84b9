#pragma once
// The words documents use for the levels of units: administrative units (tỉnh, huyện, xã, phường,
// thị trấn, đặc khu, …) and the residential groups below a commune (thôn, tổ dân phố, khu phố, ấp,
// bản, …). Names often carry their level word ("Tổ dân phố 1", "Xã An Hòa Thịnh", "TT Văn Điển") and
// column headers name it ("Thôn", "Xã, thị trấn"): the one table of them, so that every document,
// every template and the batch say the same.
#include <optional>
#include <string>
#include <vector>

namespace kehoach {

enum class Tier { Province, District, Commune, Village };

struct UnitLevel {
  const char* word;   // "Tổ dân phố": how it starts a name or heads a column
  const char* lower;  // "tổ dân phố": inside a sentence
  Tier tier;
  const char* head;   // "Tổ trưởng tổ dân phố": who leads one
};

// Every level, in the order documents list them ("xã, phường, thị trấn"; "thôn, tổ dân phố").
const std::vector<UnitLevel>& unit_levels();

// The level a word names, in any case, with or without diacritics' composition: "thôn", "Tổ dân phố",
// "village", "Phường". Null for anything else ("Đơn vị", "Tên thôn").
const UnitLevel* level_named(const std::string& word);

// A name split into its leading level word and the rest: "Tổ dân phố 1" → (Tổ dân phố, "1"),
// "TT Văn Điển" → (Thị trấn, "Văn Điển"). `level` is null when the name starts with none.
struct LeveledName {
  const UnitLevel* level = nullptr;
  std::string place;  // the name without its level word
};
LeveledName split_level(const std::string& name);

// The levels a column header names: "Thôn" → {Thôn}; "Xã, thị trấn", "Xã/phường" → {Xã, Phường};
// "Tên thôn" → {Thôn}; "Đơn vị" → {}.
std::vector<const UnitLevel*> header_levels(const std::string& header);

// A unit's level: its name's leading word, else `fallback` (from the column or the issuer). Null when
// neither. `from_name`, when given, says whether the name carried it.
const UnitLevel* level_of(const std::string& name, const UnitLevel* fallback, bool* from_name = nullptr);

// The level of a canonical word as stored ("Tổ dân phố"); null for anything else.
const UnitLevel* level_by_word(const std::string& word);

// The level whose units an issuer of `level` usually lists: xã → thôn, phường and thị trấn → tổ dân
// phố, huyện → xã, quận → phường. Null where it is a mix (thị xã, thành phố, tỉnh, đặc khu).
const UnitLevel* usual_child(const UnitLevel& level);

// "xã Tứ Hiệp" for "Tứ Hiệp" of level Xã, "thị trấn Văn Điển" for "TT Văn Điển", "tổ dân phố 1" for
// "Tổ dân phố 1": how a sentence names a unit. The name itself when no level is known.
std::string in_sentence(const std::string& name, const UnitLevel* level);

// "Xã An Hòa Thịnh" for "An Hòa Thịnh" of level Xã: the name with its level word, capitalised.
std::string full_name(const std::string& name, const UnitLevel* level);

// The distinct levels, in the table's order: "xã, thị trấn" (lower case, for sentences) or
// "Xã, thị trấn" (a column header). Empty for none.
std::string levels_phrase(const std::vector<const UnitLevel*>& levels, bool capitalised);

// Who leads units of these levels: "Trưởng thôn, Tổ trưởng tổ dân phố".
std::string heads_phrase(const std::vector<const UnitLevel*>& levels);

// The territory an issuer's name stands for: "Hội LHPN huyện Hóc Môn" → "huyện Hóc Môn",
// "xã An Hòa Thịnh" → itself. From the first administrative level word on; the name itself when it has none.
std::string area_of(const std::string& issuer_unit);

}  // namespace kehoach
