#include "store/migrations.h"
#include "store/database.h"

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <algorithm>
#include <ctime>

namespace kehoach {
namespace {

using namespace Poco::Data::Keywords;

// Types used, in both databases: BIGINT (ids, times in seconds since 1970, sizes), INTEGER (counts and
// 0/1 flags), VARCHAR(n) for bounded words, TEXT for the rest. Names avoid words either reserves.
const std::vector<Migration> kMigrations = {
    {1,
     "units, accounts, sessions, login throttle, versions and files",
     {
         // The next id of each table (store/ids.h): portable where AUTOINCREMENT and SERIAL are not.
         "CREATE TABLE id_counters (table_name VARCHAR(64) PRIMARY KEY, next_id BIGINT NOT NULL)",
         // The unit tree: a province, its communes (or districts, then communes), their villages.
         // tier: province, district, commune, village; level_word: "Xã", "Phường", "Thôn", "Tổ dân phố";
         // name without its level word ("An Hòa Thịnh"); name_key: the full name as compared (name_key()),
         // unique among the children of one parent.
         "CREATE TABLE units ("
         " id BIGINT PRIMARY KEY,"
         " parent_id BIGINT REFERENCES units(id),"
         " tier VARCHAR(16) NOT NULL,"
         " level_word VARCHAR(64) NOT NULL,"
         " name VARCHAR(800) NOT NULL,"
         " name_key VARCHAR(1600) NOT NULL,"
         " created_at BIGINT NOT NULL)",
         "CREATE INDEX units_by_parent ON units (parent_id, name_key)",
         // role: commune (cán bộ xã), province (cán bộ tỉnh), admin (quản trị). password_hash: libsodium's
         // crypto_pwhash_str (Argon2id). must_change_password: 1 while the password is a one-time one.
         "CREATE TABLE accounts ("
         " id BIGINT PRIMARY KEY,"
         " login VARCHAR(64) NOT NULL UNIQUE,"
         " display_name VARCHAR(200) NOT NULL,"
         " role VARCHAR(16) NOT NULL,"
         " unit_id BIGINT REFERENCES units(id),"
         " password_hash VARCHAR(255) NOT NULL,"
         " must_change_password INTEGER NOT NULL,"
         " disabled INTEGER NOT NULL,"
         " created_at BIGINT NOT NULL,"
         " password_changed_at BIGINT NOT NULL)",
         // A signed-in browser: the hash of its cookie's token (never the token), the form token of its
         // forms, when it began and was last seen (idle timeout), and a notice for its next page.
         "CREATE TABLE sessions ("
         " token_hash VARCHAR(128) PRIMARY KEY,"
         " account_id BIGINT NOT NULL REFERENCES accounts(id),"
         " csrf_token VARCHAR(128) NOT NULL,"
         " created_at BIGINT NOT NULL,"
         " last_seen BIGINT NOT NULL,"
         " notice TEXT NOT NULL)",
         "CREATE INDEX sessions_by_account ON sessions (account_id)",
         // Failed logins per account name and per address (web/throttle.h decides what they mean).
         "CREATE TABLE login_throttle ("
         " throttle_key VARCHAR(300) PRIMARY KEY,"
         " failures INTEGER NOT NULL,"
         " blocked_until BIGINT NOT NULL,"
         " last_failure BIGINT NOT NULL)",
         // Files in the content-addressed store (store/file_store.h), by the SHA-256 of their bytes.
         "CREATE TABLE stored_files ("
         " sha256 VARCHAR(64) PRIMARY KEY,"
         " byte_size BIGINT NOT NULL,"
         " created_at BIGINT NOT NULL)",
         // Every save of a unit's work for a year is a new version, never changed afterwards. kind:
         // village_table, plan, report_q1, report_6m, report_9m, report_year; number: 1, 2, … per unit,
         // year and kind; state: draft (Đang nhập) or done (Đã hoàn thành).
         "CREATE TABLE versions ("
         " id BIGINT PRIMARY KEY,"
         " unit_id BIGINT NOT NULL REFERENCES units(id),"
         " plan_year INTEGER NOT NULL,"
         " kind VARCHAR(32) NOT NULL,"
         " number INTEGER NOT NULL,"
         " state VARCHAR(16) NOT NULL,"
         " created_at BIGINT NOT NULL,"
         " created_by BIGINT REFERENCES accounts(id),"
         " UNIQUE (unit_id, plan_year, kind, number))",
         // The files of a version: what the user gave (role "input") and what kehoach made ("output"), by
         // hash, with the name a download is given (never a path on disk).
         "CREATE TABLE version_files ("
         " version_id BIGINT NOT NULL REFERENCES versions(id),"
         " file_role VARCHAR(32) NOT NULL,"
         " file_name VARCHAR(255) NOT NULL,"
         " sha256 VARCHAR(64) NOT NULL REFERENCES stored_files(sha256),"
         " PRIMARY KEY (version_id, file_name))",
         "INSERT INTO id_counters (table_name, next_id) VALUES ('units', 1)",
         "INSERT INTO id_counters (table_name, next_id) VALUES ('accounts', 1)",
         "INSERT INTO id_counters (table_name, next_id) VALUES ('versions', 1)",
     }},
    {2,
     "submissions and their history",
     {
         // A unit's work of a year and kind sent up to the level above (model/submission.h): one row per
         // unit, year and kind, made when it is first sent. state: entering (Đang nhập), submitted (Đã gửi),
         // returned (Bị trả lại), approved (Đã duyệt). version_id: the version last sent (kept after a return
         // or a reopening: what was approved). reason: the reason given with the change that led to the
         // state (a return's, a reopening's; "" otherwise). explanation: the unit's explanation of what
         // `check` found in the version sent. changed_at, changed_by: the last change.
         "CREATE TABLE submissions ("
         " id BIGINT PRIMARY KEY,"
         " unit_id BIGINT NOT NULL REFERENCES units(id),"
         " plan_year INTEGER NOT NULL,"
         " kind VARCHAR(32) NOT NULL,"
         " state VARCHAR(16) NOT NULL,"
         " version_id BIGINT REFERENCES versions(id),"
         " reason TEXT NOT NULL,"
         " explanation TEXT NOT NULL,"
         " changed_at BIGINT NOT NULL,"
         " changed_by BIGINT REFERENCES accounts(id),"
         " UNIQUE (unit_id, plan_year, kind))",
         "CREATE INDEX submissions_by_year ON submissions (plan_year, kind, state)",
         // Every change of a submission, never changed afterwards: the action (submit, return, approve,
         // reopen), the states before and after, the version it concerned, the reason or explanation given,
         // who, when and from which address (the account's login is all it holds of a person).
         "CREATE TABLE submission_events ("
         " id BIGINT PRIMARY KEY,"
         " submission_id BIGINT NOT NULL REFERENCES submissions(id),"
         " action VARCHAR(16) NOT NULL,"
         " from_state VARCHAR(16) NOT NULL,"
         " to_state VARCHAR(16) NOT NULL,"
         " version_id BIGINT REFERENCES versions(id),"
         " reason TEXT NOT NULL,"
         " explanation TEXT NOT NULL,"
         " acted_at BIGINT NOT NULL,"
         " acted_by BIGINT REFERENCES accounts(id),"
         " client_address VARCHAR(100) NOT NULL)",
         "CREATE INDEX submission_events_by_submission ON submission_events (submission_id, id)",
         "INSERT INTO id_counters (table_name, next_id) VALUES ('submissions', 1)",
         "INSERT INTO id_counters (table_name, next_id) VALUES ('submission_events', 1)",
     }},
    {3,
     "audit log (Nhật ký thay đổi)",
     {
         // Every change of data, state, target and account, never changed or removed afterwards (no UPDATE
         // or DELETE of it anywhere; a test looks): when (acted_at, seconds), who (account_id: none for the
         // command line), from where (client_address: the browser's address, "" for the command line), what
         // (unit_id and unit_path, the ids from the top unit down to it as "/1/12/", by which a province
         // reads its whole tree; action: a machine key such as "version.save"; kind: a WorkKind key or "";
         // plan_year: 0 for none; version_id; detail: a short Vietnamese sentence). Nothing of a person
         // beyond the account, no figure of a table, nothing of a household.
         "CREATE TABLE audit_log ("
         " id BIGINT PRIMARY KEY,"
         " acted_at BIGINT NOT NULL,"
         " account_id BIGINT REFERENCES accounts(id),"
         " client_address VARCHAR(100) NOT NULL,"
         " unit_id BIGINT REFERENCES units(id),"
         " unit_path VARCHAR(400) NOT NULL,"
         " action VARCHAR(64) NOT NULL,"
         " kind VARCHAR(32) NOT NULL,"
         " plan_year INTEGER NOT NULL,"
         " version_id BIGINT REFERENCES versions(id),"
         " detail TEXT NOT NULL)",
         "CREATE INDEX audit_log_by_time ON audit_log (acted_at, id)",
         "CREATE INDEX audit_log_by_unit ON audit_log (unit_path, acted_at)",
         "INSERT INTO id_counters (table_name, next_id) VALUES ('audit_log', 1)",
     }},
    {4,
     "assigned targets and their adjustments",
     {
         // A province's targets of a year split down to every unit and village below it (Giao chỉ tiêu), with the
         // cascade of `kehoach batch`: every save a new version (number 1, 2, … per unit and year), never changed
         // afterwards, with who gave it, when and from where. cascade_sha256 and units_sha256: the cascade file and
         // the units table it was split from (stored_files), which `kehoach batch` splits the same way.
         "CREATE TABLE target_assignments ("
         " id BIGINT PRIMARY KEY,"
         " unit_id BIGINT NOT NULL REFERENCES units(id),"
         " plan_year INTEGER NOT NULL,"
         " number INTEGER NOT NULL,"
         " cascade_sha256 VARCHAR(64) NOT NULL REFERENCES stored_files(sha256),"
         " units_sha256 VARCHAR(64) NOT NULL REFERENCES stored_files(sha256),"
         " created_at BIGINT NOT NULL,"
         " created_by BIGINT REFERENCES accounts(id),"
         " client_address VARCHAR(100) NOT NULL,"
         " UNIQUE (unit_id, plan_year, number))",
         // Every unit of the split, the top first (position 0), each parent before its children: the unit of the
         // units table (none for a village of a village table), its name as the split names it, its households,
         // and for a commune the village table version its villages came from.
         "CREATE TABLE assignment_units ("
         " assignment_id BIGINT NOT NULL REFERENCES target_assignments(id),"
         " position INTEGER NOT NULL,"
         " parent_position INTEGER,"
         " unit_id BIGINT REFERENCES units(id),"
         " name VARCHAR(800) NOT NULL,"
         " households BIGINT NOT NULL,"
         " table_version_id BIGINT REFERENCES versions(id),"
         " PRIMARY KEY (assignment_id, position))",
         "CREATE INDEX assignment_units_by_unit ON assignment_units (unit_id, assignment_id)",
         // A unit's figures, one row per indicator (poor, near_poor): start, reduction, and how the reduction was
         // set (split by the rule, fixed as a count, fixed as all).
         "CREATE TABLE assignment_figures ("
         " assignment_id BIGINT NOT NULL REFERENCES target_assignments(id),"
         " position INTEGER NOT NULL,"
         " indicator VARCHAR(16) NOT NULL,"
         " start_count BIGINT NOT NULL,"
         " reduction BIGINT NOT NULL,"
         " fixed_kind VARCHAR(8) NOT NULL,"
         " PRIMARY KEY (assignment_id, position, indicator))",
         // A commune's request to plan other figures than those assigned (Đề nghị điều chỉnh), with its reason,
         // who asked, when and from where, and the village table its figures were computed on. Never changed.
         "CREATE TABLE target_adjustments ("
         " id BIGINT PRIMARY KEY,"
         " assignment_id BIGINT NOT NULL REFERENCES target_assignments(id),"
         " unit_id BIGINT NOT NULL REFERENCES units(id),"
         " plan_year INTEGER NOT NULL,"
         " reason TEXT NOT NULL,"
         " table_version_id BIGINT REFERENCES versions(id),"
         " asked_at BIGINT NOT NULL,"
         " asked_by BIGINT REFERENCES accounts(id),"
         " client_address VARCHAR(100) NOT NULL)",
         "CREATE INDEX target_adjustments_by_unit ON target_adjustments (unit_id, plan_year, id)",
         "CREATE INDEX target_adjustments_by_assignment ON target_adjustments (assignment_id, id)",
         // The figures asked for: position 0 the commune's own (name ""), then its villages in its table's order.
         "CREATE TABLE adjustment_figures ("
         " adjustment_id BIGINT NOT NULL REFERENCES target_adjustments(id),"
         " position INTEGER NOT NULL,"
         " name VARCHAR(800) NOT NULL,"
         " households BIGINT NOT NULL,"
         " indicator VARCHAR(16) NOT NULL,"
         " start_count BIGINT NOT NULL,"
         " reduction BIGINT NOT NULL,"
         " fixed_kind VARCHAR(8) NOT NULL,"
         " PRIMARY KEY (adjustment_id, position, indicator))",
         // The province's answer to a request, one at most (the key): agreed (1) or refused (0), its note, who,
         // when, from where. Never changed.
         "CREATE TABLE adjustment_decisions ("
         " adjustment_id BIGINT PRIMARY KEY REFERENCES target_adjustments(id),"
         " agreed INTEGER NOT NULL,"
         " note TEXT NOT NULL,"
         " decided_at BIGINT NOT NULL,"
         " decided_by BIGINT REFERENCES accounts(id),"
         " client_address VARCHAR(100) NOT NULL)",
         "INSERT INTO id_counters (table_name, next_id) VALUES ('target_assignments', 1)",
         "INSERT INTO id_counters (table_name, next_id) VALUES ('target_adjustments', 1)",
     }},
    {5,
     "submission deadlines",
     {
         // The deadline a unit above the communes (a province, a district) set on its Tình hình nộp page for
         // the submissions of a year and kind of work from the units below it (compute/submission_status.h:
         // it holds before the due date of the unit's plan's report schedule). due_date: ISO "2026-06-10", the
         // day in Vietnam whose end is the deadline. set_at, set_by: the last change. A deadline taken away is
         // a row deleted.
         "CREATE TABLE submission_deadlines ("
         " unit_id BIGINT NOT NULL REFERENCES units(id),"
         " plan_year INTEGER NOT NULL,"
         " kind VARCHAR(32) NOT NULL,"
         " due_date VARCHAR(10) NOT NULL,"
         " set_at BIGINT NOT NULL,"
         " set_by BIGINT REFERENCES accounts(id),"
         " PRIMARY KEY (unit_id, plan_year, kind))",
         // No ids are taken for it; the counter's row is the lock a change takes before it reads (lock_table).
         "INSERT INTO id_counters (table_name, next_id) VALUES ('submission_deadlines', 1)",
     }},
};

std::int64_t now_seconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

void ensure_record_table(Poco::Data::Session& session) {
  session << sql(session, "CREATE TABLE IF NOT EXISTS schema_migrations ("
             " version BIGINT PRIMARY KEY,"
             " name VARCHAR(200) NOT NULL,"
             " applied_at BIGINT NOT NULL)"),
      now;
}

std::vector<int> recorded(Poco::Data::Session& session) {
  std::vector<Poco::Int64> numbers;
  session << sql(session, "SELECT version FROM schema_migrations ORDER BY version"), into(numbers), now;
  return {numbers.begin(), numbers.end()};
}

}  // namespace

const std::vector<Migration>& migrations() { return kMigrations; }

std::vector<int> applied_migrations(Database& database) {
  Poco::Data::Session session = database.session();
  ensure_record_table(session);
  return recorded(session);
}

int apply_migrations(Database& database) {
  Poco::Data::Session session = database.session();
  int applied = 0;
  try {
    ensure_record_table(session);
    const std::vector<int> done = recorded(session);
    for (int number : done)
      if (std::none_of(kMigrations.begin(), kMigrations.end(), [&](const Migration& m) { return m.number == number; }))
        throw StoreError("cơ sở dữ liệu có thay đổi cấu trúc số " + std::to_string(number) +
                         " mà phiên bản kehoach này không biết (do bản kehoach mới hơn tạo); hãy dùng bản kehoach mới hơn.");
    for (const Migration& migration : kMigrations) {
      if (std::find(done.begin(), done.end(), migration.number) != done.end()) continue;
      Transaction transaction(database, session);
      for (const std::string& statement : migration.statements) session << sql(session, statement), now;
      session << sql(session, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
          bind(static_cast<Poco::Int64>(migration.number)), bind(migration.name), bind(now_seconds()), now;
      transaction.commit();
      ++applied;
    }
  } catch (const Poco::Exception& e) {
    throw StoreError("không cập nhật được cấu trúc cơ sở dữ liệu: " + e.displayText());
  }
  return applied;
}

}  // namespace kehoach
