#include "web/unit_admin.h"

#include <map>

#include "read/unit_cells.h"
#include "store/database.h"
#include "store/ids.h"
#include "text/unicode.h"
#include "web/access.h"

namespace kehoach {
namespace {

const UnitLevel* level_by_word_exact(const std::string& word) {
  for (const UnitLevel& level : unit_levels())
    if (word == level.word) return &level;
  return nullptr;
}

// A name as stored: without its level word when it starts with one of the unit's own tier ("Xã An Hòa
// Thịnh" as a commune is "An Hòa Thịnh"; "Thôn 3" as a village is "3" with the word "Thôn").
struct StoredName {
  std::string word, name;
};
StoredName stored_name(const std::string& written, const UnitLevel& fallback) {
  const LeveledName split = split_level(written);
  if (split.level && split.level->tier == fallback.tier && !split.place.empty()) return {split.level->word, split.place};
  return {fallback.word, clean_text(written)};
}

std::string where_it_lies(const std::optional<UnitRecord>& parent) {
  return parent ? " thuộc " + parent->full_name() : " ở cấp cao nhất";
}

std::string tier_problem(const std::optional<UnitRecord>& parent, Tier child) {
  switch (child) {
    case Tier::Province: return "Tỉnh là cấp cao nhất; hãy để trống ô Thuộc đơn vị.";
    case Tier::District: return "Hãy chọn tỉnh mà huyện thuộc về.";
    case Tier::Commune: return "Hãy chọn tỉnh (hoặc huyện) mà xã, phường thuộc về.";
    case Tier::Village:
      return parent ? "Thôn, tổ dân phố phải thuộc một xã, phường, không thuộc " + parent->full_name() + "."
                    : "Hãy chọn xã, phường mà thôn, tổ dân phố thuộc về.";
  }
  return "";
}

}  // namespace

bool may_hold(std::optional<Tier> parent, Tier child) {
  if (!parent) return child == Tier::Province;
  switch (child) {
    case Tier::Province: return false;
    case Tier::District: return *parent == Tier::Province;
    case Tier::Commune: return *parent == Tier::Province || *parent == Tier::District;
    case Tier::Village: return *parent == Tier::Commune;
  }
  return false;
}

std::vector<std::string> unit_level_words() {
  std::vector<std::string> words;
  for (const UnitLevel& level : unit_levels()) words.push_back(level.word);
  return words;
}

std::string as_sentence(const std::string& message) {
  std::string sentence = message;
  if (!sentence.empty() && sentence[0] >= 'a' && sentence[0] <= 'z') sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
  if (!sentence.empty() && sentence.back() != '.') sentence += '.';
  return sentence;
}

std::optional<UnitRecord> create_unit(Site& site, Poco::Data::Session& db, const UnitForm& form, FormErrors& errors,
                                      const AuditActor& by) {
  const UnitLevel* level = level_by_word_exact(form.level_word);
  if (!level) errors.add("cap", "Hãy chọn cấp của đơn vị.");
  const std::string written = clean_text(form.name);
  StoredName name;
  if (written.empty()) {
    errors.add("ten", "Hãy nhập tên đơn vị.");
  } else if (const std::string problem = unit_name_problem(written); !problem.empty()) {
    errors.add("ten", as_sentence(problem));
  } else if (level) {
    name = stored_name(written, *level);
  }
  std::optional<UnitRecord> parent;
  if (!form.parent.empty()) {
    const std::optional<std::int64_t> id = parse_id(form.parent);
    if (id) parent = find_unit(db, *id);
    if (!parent) errors.add("thuoc", "Đơn vị cấp trên đã chọn không còn; hãy chọn lại.");
  }
  if (level && errors.message_for("thuoc").empty() &&
      !may_hold(parent ? std::optional<Tier>(parent->tier) : std::nullopt, level->tier))
    errors.add("thuoc", tier_problem(parent, level->tier));
  if (!errors.empty()) return std::nullopt;

  UnitRecord unit;
  unit.parent_id = parent ? std::optional<std::int64_t>(parent->id) : std::nullopt;
  unit.tier = level->tier;
  unit.level_word = name.word;
  unit.name = name.name;
  unit.created_at = site.now();
  Transaction transaction(site.database(), db);
  lock_table(db, "units");
  if (find_child_unit(db, unit.parent_id, unit.full_name())) {
    errors.add("ten", "Đã có " + unit.full_name() + where_it_lies(parent) + ".");
    return std::nullopt;
  }
  unit = add_unit(db, unit);
  AuditEntry entry = audit_entry(by, "unit.create");
  entry.unit_id = unit.id;
  entry.detail = "Thêm " + unit.full_name() + where_it_lies(parent) + ".";
  append_audit(db, entry);
  transaction.commit();
  return unit;
}

UnitImport import_unit_tree(Site& site, Poco::Data::Session& db, const UnitTree& tree,
                            const std::optional<UnitRecord>& parent, const AuditActor& by) {
  // Each level column's level: "Tỉnh", "Xã", "Thôn"; "Xã, phường" is a commune column.
  std::vector<const UnitLevel*> column_levels;
  for (const std::string& header : tree.levels) {
    const std::vector<const UnitLevel*> named = header_levels(header);
    if (named.empty()) throw ImportRefused("Cột \"" + header + "\" của tệp không cho biết cấp đơn vị (Tỉnh, Xã, Thôn…).");
    column_levels.push_back(named.front());
  }
  UnitImport summary;
  Transaction transaction(site.database(), db);
  lock_table(db, "units");
  std::map<int, std::optional<UnitRecord>> made;  // tree node → its unit (the root: `parent`)
  made[0] = parent;
  for (int index : tree.preorder()) {
    const UnitNode& node = tree.nodes[static_cast<std::size_t>(index)];
    const UnitLevel& column = *column_levels[static_cast<std::size_t>(node.level)];
    const std::optional<UnitRecord>& above = made.at(node.parent);
    const StoredName name = stored_name(node.name, column);
    if (!may_hold(above ? std::optional<Tier>(above->tier) : std::nullopt, column.tier))
      throw ImportRefused("Không thêm được " + name.word + " " + name.name + where_it_lies(above) + ": " +
                          tier_problem(above, column.tier));
    UnitRecord unit;
    unit.parent_id = above ? std::optional<std::int64_t>(above->id) : std::nullopt;
    unit.tier = column.tier;
    unit.level_word = name.word;
    unit.name = name.name;
    unit.created_at = site.now();
    if (std::optional<UnitRecord> there = find_child_unit(db, unit.parent_id, unit.full_name())) {
      made[index] = std::move(there);
      ++summary.existing;
      continue;
    }
    made[index] = add_unit(db, unit);
    ++summary.added;
  }
  if (summary.added > 0) {
    AuditEntry entry = audit_entry(by, "unit.import");
    entry.unit_id = parent ? parent->id : 0;
    entry.detail = "Thêm " + std::to_string(summary.added) + " đơn vị" + where_it_lies(parent) + " từ tệp" +
                   (summary.existing ? " (" + std::to_string(summary.existing) + " đơn vị đã có, giữ nguyên)" : "") + ".";
    append_audit(db, entry);
  }
  transaction.commit();
  return summary;
}

}  // namespace kehoach
