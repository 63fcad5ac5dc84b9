// The store on its own: migrations, ids, units, versions, the content-addressed files.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include "../unit/ended_process.h"
#include "../unit/scratch_folder.h"
#include "store/database.h"
#include "store/file_store.h"
#include "store/migrations.h"
#include "store/units.h"
#include "store/versions.h"

using namespace kehoach;
using kehoach::testing::ScratchFolder;
using kehoach::testing::ended_process;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> tables(Database& database) {
  Poco::Data::Session db = database.session();
  std::vector<std::string> names;
  db << "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", Poco::Data::Keywords::into(names),
      Poco::Data::Keywords::now;
  return names;
}

std::vector<std::string> files_under(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) names.push_back(fs::relative(entry.path(), folder).string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("migrations are applied once, recorded, and a second start applies none and changes nothing") {
  const ScratchFolder scratch;
  std::vector<std::string> first_tables;
  {
    Database database(parse_database_url(scratch.file("kehoach.db")));
    CHECK(apply_migrations(database) == static_cast<int>(migrations().size()));
    first_tables = tables(database);
    std::vector<int> numbers;
    for (const Migration& migration : migrations()) numbers.push_back(migration.number);
    CHECK(applied_migrations(database) == numbers);
  }
  Database again(parse_database_url("sqlite:" + scratch.file("kehoach.db")));
  CHECK(apply_migrations(again) == 0);
  CHECK(apply_migrations(again) == 0);
  CHECK(tables(again) == first_tables);
  for (const char* table : {"schema_migrations", "units", "accounts", "sessions", "login_throttle", "versions",
                            "version_files", "stored_files", "id_counters", "submission_deadlines"})
    CHECK(std::find(first_tables.begin(), first_tables.end(), table) != first_tables.end());
}

// Numbers are reserved per piece of work, so that branches land in any order: they rise, not always by one.
TEST_CASE("migrations are numbered in order, each once") {
  int last = 0;
  for (const Migration& migration : migrations()) {
    CHECK(migration.number > last);
    CHECK_FALSE(migration.statements.empty());
    last = migration.number;
  }
}

TEST_CASE("a database made by a newer kehoach (a migration this one does not know) is refused") {
  const ScratchFolder scratch;
  Database database(parse_database_url(scratch.file("kehoach.db")));
  apply_migrations(database);
  {
    Poco::Data::Session db = database.session();
    db << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'tương lai', 0)", Poco::Data::Keywords::now;
  }
  CHECK_THROWS_WITH_AS(apply_migrations(database), doctest::Contains("999"), StoreError);
}

TEST_CASE("database URLs: a path or sqlite: is SQLite, postgresql:// is PostgreSQL, anything else refused") {
  CHECK(parse_database_url("/srv/kehoach/kehoach.db").backend == Backend::SQLite);
  CHECK(parse_database_url("sqlite:du-lieu/k.db").connection == "du-lieu/k.db");
  CHECK(parse_database_url("postgresql://kehoach@localhost/kehoach").backend == Backend::PostgreSQL);
  // Poco's connector takes libpq's keywords, not a URL.
  CHECK(parse_database_url("postgres://kehoach@localhost/kehoach").connection == "host=localhost dbname=kehoach user=kehoach");
  CHECK(parse_database_url("postgresql://k:b%C3%AD@db.tinh.vn:5433/kehoach?sslmode=require").connection ==
        "host=db.tinh.vn port=5433 dbname=kehoach user=k password=bí sslmode=require");
  CHECK_THROWS_AS(parse_database_url("postgresql://k:a%20b@localhost/kehoach"), StoreError);
  CHECK_THROWS_AS(parse_database_url("mysql://localhost/kehoach"), StoreError);
  CHECK_THROWS_AS(parse_database_url(""), StoreError);
  CHECK_THROWS_AS(parse_database_url("sqlite:"), StoreError);
}

TEST_CASE("units: ids in order, the tree listed parents first in the order made, within() follows parents") {
  const ScratchFolder scratch;
  Database database(parse_database_url(scratch.file("kehoach.db")));
  apply_migrations(database);
  Poco::Data::Session db = database.session();
  Transaction transaction(database, db);
  const UnitRecord province = add_unit(db, {0, std::nullopt, Tier::Province, "Tỉnh", "Hà Tĩnh", 1});
  const UnitRecord commune = add_unit(db, {0, province.id, Tier::Commune, "Xã", "An Hòa Thịnh", 1});
  const UnitRecord other = add_unit(db, {0, province.id, Tier::Commune, "Phường", "Bắc Hồng Lĩnh", 1});
  const UnitRecord village = add_unit(db, {0, commune.id, Tier::Village, "Thôn", "Sâm Cồn", 1});
  transaction.commit();
  CHECK(commune.id == province.id + 1);
  std::vector<std::string> listed;
  for (const UnitRecord& unit : unit_tree_list(db)) listed.push_back(unit.full_name());
  CHECK(listed == std::vector<std::string>{"Tỉnh Hà Tĩnh", "Xã An Hòa Thịnh", "Thôn Sâm Cồn", "Phường Bắc Hồng Lĩnh"});
  CHECK(find_child_unit(db, province.id, "XÃ AN HÒA THỊNH")->id == commune.id);
  CHECK_FALSE(find_child_unit(db, province.id, "Xã An Hòa"));
  CHECK(unit_within(db, village.id, province.id));
  CHECK(unit_within(db, village.id, commune.id));
  CHECK_FALSE(unit_within(db, village.id, other.id));
  CHECK_FALSE(unit_within(db, commune.id, village.id));
  CHECK(find_unit(db, village.id)->parent_id == commune.id);
  CHECK_FALSE(find_unit(db, 999));
}

TEST_CASE("versions: numbered per unit, year and kind, the latest's state is the work's, nothing saved is not started") {
  const ScratchFolder scratch;
  Database database(parse_database_url(scratch.file("kehoach.db")));
  apply_migrations(database);
  Poco::Data::Session db = database.session();
  Transaction transaction(database, db);
  const UnitRecord commune = add_unit(db, {0, std::nullopt, Tier::Province, "Tỉnh", "Hà Tĩnh", 1});
  CHECK(work_state(db, commune.id, 2026, WorkKind::Plan) == WorkState::NotStarted);
  record_stored_file(db, std::string(64, 'a'), 3, 1);
  record_stored_file(db, std::string(64, 'a'), 3, 1);  // once only
  const VersionRecord first = add_version(db, {0, commune.id, 2026, WorkKind::Plan, 0, WorkState::Draft, 5, std::nullopt},
                                          {{"input", "ke-hoach.yaml", std::string(64, 'a')}});
  const VersionRecord second = add_version(db, {0, commune.id, 2026, WorkKind::Plan, 0, WorkState::Done, 6, std::nullopt}, {});
  const VersionRecord other_year =
      add_version(db, {0, commune.id, 2025, WorkKind::Plan, 0, WorkState::Draft, 7, std::nullopt}, {});
  transaction.commit();
  CHECK(first.number == 1);
  CHECK(second.number == 2);
  CHECK(other_year.number == 1);
  CHECK(work_state(db, commune.id, 2026, WorkKind::Plan) == WorkState::Done);
  CHECK(work_state(db, commune.id, 2025, WorkKind::Plan) == WorkState::Draft);
  CHECK(work_state(db, commune.id, 2026, WorkKind::ReportQ1) == WorkState::NotStarted);
  CHECK(versions_of(db, commune.id, 2026, WorkKind::Plan).front().id == second.id);
  const std::vector<VersionFile> files = version_files(db, first.id);
  REQUIRE(files.size() == 1);
  CHECK(files[0].name == "ke-hoach.yaml");
}

TEST_CASE("the file store keeps bytes once, under DIR/files/ab/abcdef… named by their SHA-256") {
  const ScratchFolder scratch;
  FileStore store(scratch.file("files"));
  const StoredFile stored = store.put_bytes("abc");
  // SHA-256("abc"), FIPS 180-2's example.
  CHECK(stored.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(stored.size == 3);
  const std::string path = store.path_of(stored.sha256);
  CHECK(path == scratch.file("files") + "/ba/" + stored.sha256);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  CHECK(bytes.str() == "abc");
  CHECK(store.put_bytes("abc").sha256 == stored.sha256);
  const std::string upload = scratch.write("thon.csv", "abc");
  CHECK(store.put_file(upload).sha256 == stored.sha256);
  CHECK(store.put_file(scratch.write("khac.csv", "abcd")).sha256 != stored.sha256);
  // Two files in two folders, nothing else (no temporary left behind, no user's name).
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(scratch.file("files")))
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  CHECK(names.size() == 2);
  for (const std::string& name : names) CHECK(is_sha256_hex(name));
  CHECK(store.contains(stored.sha256));
  CHECK_FALSE(store.contains(std::string(64, '0')));
  CHECK_THROWS_AS(store.path_of("../../etc/passwd"), std::invalid_argument);
  CHECK_FALSE(is_sha256_hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
}

TEST_CASE("a server stopped outright while storing left a temporary: the next start removes it, and only such") {
  const ScratchFolder scratch;
  const std::string sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  const std::string dead = std::to_string(ended_process()), running = std::to_string(::getppid());
  fs::create_directories(scratch.file("files/ba"));
  fs::create_directories(scratch.file("files/0f"));
  scratch.write("files/ba/." + sha + "." + dead + ".tmp", "ab");  // killed half way through "abc"
  scratch.write("files/0f/." + std::string(64, 'f') + "." + dead + ".tmp", "");
  scratch.write("files/0f/." + std::string(64, 'e') + "." + running + ".tmp", "another server's, still running");
  scratch.write("files/0f/ghi-chu.txt", "not the store's to judge");
  FileStore store(scratch.file("files"));
  CHECK(files_under(scratch.file("files")) ==
        std::vector<std::string>{"0f/." + std::string(64, 'e') + "." + running + ".tmp", "0f/ghi-chu.txt"});
  // The same bytes stored again are whole under their name.
  CHECK(store.put_bytes("abc").sha256 == sha);
  std::ifstream in(store.path_of(sha), std::ios::binary);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "abc");
}
