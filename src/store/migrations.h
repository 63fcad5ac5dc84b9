#pragma once
// The schema as numbered migrations, applied in order at start and recorded in `schema_migrations`,
// so that a database made by an older kehoach is brought up to date and a current one is left as it
// is. A migration that has landed is never edited: a change of schema is a new migration at the end.
#include <string>
#include <vector>

#include "store/database.h"

namespace kehoach {

struct Migration {
  int number;                           // 1, 2, …: the order they are applied in, never reused
  std::string name;                     // what it does, for the record
  std::vector<std::string> statements;  // one statement each (PostgreSQL prepares them one by one)
};

// Every migration, in order.
const std::vector<Migration>& migrations();

// Applies those not yet recorded, each in its own transaction with its record; returns how many.
// Throws StoreError when the database holds a migration this kehoach does not know (a newer kehoach
// made it) or a statement fails.
int apply_migrations(Database& database);

// The numbers recorded, in order.
std::vector<int> applied_migrations(Database& database);

}  // namespace kehoach
