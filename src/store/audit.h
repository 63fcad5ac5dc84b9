#pragma once
// The audit log (Nhật ký thay đổi): one row for every change of data, state, target and account, with who
// made it, when and from where. Append-only: a row is written inside the SAME transaction as the change it
// records (so a change that rolls back leaves no row, and no change is committed without its row), and never
// changed or removed afterwards: no UPDATE or DELETE of audit_log exists anywhere (tests/web/audit_test.cpp
// reads the sources for one). It holds nothing of a person beyond the account (its login, read through its
// id) and the unit: no figure of a table, nothing of a household.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kehoach {

struct AuditEntry {
  std::int64_t account_id = 0;   // who: the signed-in account (0: none, the command line)
  std::string client_address;    // from where: the browser's address ("": the command line)
  std::int64_t unit_id = 0;      // the unit whose data, state or account it is (0: none)
  std::string action;            // a machine key: "version.save", "submission.approve", "account.lock", …
  std::string kind;              // a WorkKind key ("plan", "village_table", …) or ""
  int plan_year = 0;             // 0: none
  std::int64_t version_id = 0;   // 0: none
  std::string detail;            // Vietnamese, short: what changed, a state change, a reason; no figures
  std::int64_t at = 0;           // when, in seconds since 1970 (0: the present time)
};

// Who acts, from where, and when: what every entry of one request shares.
struct AuditActor {
  std::int64_t account_id = 0;
  std::string client_address;
  std::int64_t at = 0;
};

// The entry of `action` by `actor` (the rest to be filled).
AuditEntry audit_entry(const AuditActor& actor, const std::string& action);

// Writes the entry. Called inside the transaction of the change it records, after the change's own locks
// (the audit's id counter is the last lock any transaction takes, so that none waits on another in a circle).
void append_audit(Poco::Data::Session& session, const AuditEntry& entry);

// What a reader asks for: every bound optional.
struct AuditFilter {
  std::optional<std::int64_t> within_unit;  // the rows of this unit and of every unit below it; nullopt: all
  std::string login;                        // the rows of this account ("": any)
  std::string action;                       // an action key, or a family of them ending with '.' ("account.")
  std::int64_t from = 0;                    // acted_at >= from (0: no bound)
  std::int64_t until = 0;                   // acted_at < until (0: no bound)
};

// A row as read: the entry, with the account's login, the unit's full name and the version's number.
struct AuditRow {
  std::int64_t id = 0;
  AuditEntry entry;
  std::string login;      // "" for none
  std::string unit_name;  // "Xã An Hòa Thịnh", "" for none
  int version_number = 0; // 0 for none
};

struct AuditPage {
  std::vector<AuditRow> rows;  // newest first
  std::int64_t total = 0;      // rows the filter finds, on every page
};

// The rows the filter finds, newest first, `limit` of them from `offset`.
AuditPage read_audit(Poco::Data::Session& session, const AuditFilter& filter, std::int64_t offset, int limit);

}  // namespace kehoach
