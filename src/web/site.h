#pragma once
// What every request of the web application shares: the data folder (the database file when it is
// SQLite, files/ for the content store, tmp/ for uploads being read), the database, and the settings a
// server was started with. Made once at start: the folders are created, the migrations applied.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "store/database.h"
#include "store/file_store.h"
#include "web/form_data.h"
#include "web/security.h"

namespace kehoach {

struct SiteConfig {
  std::string data_folder = "kehoach-data";
  std::string database_url;              // "" : SQLite in DATA/kehoach.db
  bool secure_cookies = false;           // --secure-cookies: the site is reached over TLS only
  std::string trusted_proxy;             // the proxy's address whose X-Forwarded-Proto/-For are believed
  std::int64_t idle_timeout = 60 * 60;   // seconds without a request before a session ends
  std::int64_t session_lifetime = 12 * 60 * 60;  // seconds after sign-in before it ends anyway
  PasswordCost password_cost = interactive_password_cost();
  FormLimits form_limits;                // set from the table input limit by make_site_config()
  bool make_pdf = true;                  // "Tạo văn bản" makes the PDF too, where LibreOffice is installed
  std::function<std::int64_t()> clock;   // seconds since 1970; the system clock when empty (tests set one)
  // For walks in a browser that need days to pass (a deadline): the system clock plus the seconds written
  // in this file (read each time; "" : none). `kehoach serve` takes it from KEHOACH_TEST_CLOCK_FILE.
  std::string clock_file;
};

// The seconds to add to the system clock that `path` holds ("86400", "-3600"); 0 when it holds no such
// number or cannot be read.
std::int64_t clock_offset_in(const std::string& path);

// The settings with the defaults of `kehoach serve`: uploads bounded as a table file is
// (KEHOACH_MAX_TABLE_MB), for the data folder `data_folder`.
SiteConfig make_site_config(const std::string& data_folder);

class Site {
 public:
  // Makes the data folder and its files/ and tmp/, opens the database and applies the migrations.
  // Throws StoreError or OutputError (a folder that cannot be made) with a message for the console.
  explicit Site(SiteConfig config);
  ~Site();
  Site(const Site&) = delete;
  Site& operator=(const Site&) = delete;

  Database& database() { return *database_; }
  FileStore& files() { return *files_; }
  const SiteConfig& config() const { return config_; }
  std::int64_t now() const;
  // The year of `now()` in Vietnam: the plan year a page shows unless asked for another.
  int current_year() const;
  const std::string& upload_folder() const { return upload_folder_; }
  // "SQLite, tệp kehoach-data/kehoach.db" or "PostgreSQL": what the start message says.
  std::string database_description() const;
  // A hash of no one's password, made once with the site's cost: a sign-in with a name that has no
  // account is checked against it, so that it takes as long as one with a wrong password.
  const std::string& decoy_password_hash();

 private:
  SiteConfig config_;
  std::string upload_folder_;
  std::unique_ptr<Database> database_;
  std::unique_ptr<FileStore> files_;
  std::once_flag decoy_once_;
  std::string decoy_hash_;
};

}  // namespace kehoach
