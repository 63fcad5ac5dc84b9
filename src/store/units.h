#pragma once
// The units table: the tree of provinces, (districts,) communes and villages that accounts belong to
// and that every record of work hangs from.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/unit_level.h"

namespace kehoach {

struct UnitRecord {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;  // none for a province (a top unit)
  Tier tier = Tier::Commune;
  std::string level_word;                 // "Xã", "Phường", "Thôn", "Tổ dân phố": unit_levels()' word
  std::string name;                       // without the level word: "An Hòa Thịnh"
  std::int64_t created_at = 0;
  // "Xã An Hòa Thịnh": how pages and lists name it.
  std::string full_name() const;
};

// "province", "district", "commune", "village": the tier as stored; and back (nullopt for another word).
const char* tier_key(Tier tier);
std::optional<Tier> tier_from_key(const std::string& key);

// Inserts the unit (its id taken from the counter) and returns it with its id. Within a transaction.
UnitRecord add_unit(Poco::Data::Session& session, UnitRecord unit);

std::optional<UnitRecord> find_unit(Poco::Data::Session& session, std::int64_t id);

// The child of `parent` (nullopt: a top unit) whose full name compares equal (name_key) to `full_name`.
std::optional<UnitRecord> find_child_unit(Poco::Data::Session& session, std::optional<std::int64_t> parent,
                                          const std::string& full_name);

// The units directly below `parent` (nullopt: the top units), in the order they were made.
std::vector<UnitRecord> child_units(Poco::Data::Session& session, std::optional<std::int64_t> parent);

// Every unit, each parent before its children, siblings in the order they were made: the tree as a list.
std::vector<UnitRecord> unit_tree_list(Poco::Data::Session& session);

// Whether `unit` is `ancestor` or lies below it.
bool unit_within(Poco::Data::Session& session, std::int64_t unit, std::int64_t ancestor);

}  // namespace kehoach
