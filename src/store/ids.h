#pragma once
// Ids for new rows, from the `id_counters` table: the same SQL in SQLite and PostgreSQL, where
// AUTOINCREMENT, SERIAL and IDENTITY are each one database's own. Called inside the transaction that
// inserts the row, so that an id is taken only if the row is written; the counter's row is locked by the
// UPDATE until then, so two transactions never take the same id.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>

namespace kehoach {

// The next id of `table` ("units", "accounts", "versions": a counter each, made by the migrations).
std::int64_t next_id(Poco::Data::Session& session, const std::string& table);

// Takes the lock of `table`'s counter until the transaction ends, without taking an id: the first step of
// a transaction that looks for a duplicate (a unit's name, a login, a version's number) before it inserts,
// so that two of them on PostgreSQL run one after the other instead of both inserting (SQLite has one
// writer at a time anyway).
void lock_table(Poco::Data::Session& session, const std::string& table);

}  // namespace kehoach
