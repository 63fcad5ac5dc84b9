#pragma once
// Making the unit tree: one unit from the administrator's form, or a whole tree from a units table
// (the same file and reader as `kehoach batch`'s, read/unit_tree_reader.h). What may hold what: a
// province is a top unit; a district lies in a province; a commune (xã, phường, thị trấn, đặc khu) in a
// province or a district; a village (thôn, tổ dân phố, …) in a commune.
#include <Poco/Data/Session.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "model/unit_tree.h"
#include "store/audit.h"
#include "store/units.h"
#include "web/form_view.h"
#include "web/site.h"

namespace kehoach {

// Whether a unit of `child` may lie below one of `parent` (nullopt: at the top).
bool may_hold(std::optional<Tier> parent, Tier child);

// The level words a form offers, in unit_levels()' order: "Tỉnh", "Huyện", …, "Xã", "Phường", …, "Thôn", ….
std::vector<std::string> unit_level_words();

// The values of the form that makes one unit: fields "cap" (a level word), "ten", "thuoc" (the parent's
// id, or "" for a top unit).
struct UnitForm {
  std::string level_word, name, parent;
};

// Checks the form and, when it can stand, adds the unit (in its own transaction) and returns it; else
// the problems go to `errors`, by field, and nothing is saved.
// The unit made is written in the audit log (store/audit.h) by `by`, in the same transaction.
std::optional<UnitRecord> create_unit(Site& site, Poco::Data::Session& db, const UnitForm& form, FormErrors& errors,
                                      const AuditActor& by);

struct UnitImport {
  int added = 0;
  int existing = 0;  // units of the table that were there already (by name, under the same parent)
};

// A units table that cannot be added: a level where it cannot lie, a level column that names none.
class ImportRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Adds the table's units below `parent` (nullopt: the table's top units are provinces), all in one
// transaction: those already there (same name under the same parent) are kept, the others added, in
// the table's order; the import is one row of the audit log, under `parent`, when it added any. Throws
// ImportRefused with the message to show, and then nothing is saved.
UnitImport import_unit_tree(Site& site, Poco::Data::Session& db, const UnitTree& tree,
                            const std::optional<UnitRecord>& parent, const AuditActor& by);

// "Tên đơn vị … dài …." from a reader's "tên đơn vị … dài …": a message as a sentence of its own.
std::string as_sentence(const std::string& message);

}  // namespace kehoach
