#include "web/site.h"

#include <charconv>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "compute/submission_status.h"
#include "package/input_limits.h"
#include "store/migrations.h"

namespace kehoach {
namespace fs = std::filesystem;

SiteConfig make_site_config(const std::string& data_folder) {
  SiteConfig config;
  config.data_folder = data_folder;
  // An uploaded table may be as large as a table file kehoach reads, with room for the form around it.
  config.form_limits.upload_bytes = input_limits(InputKind::Table).file + 64 * 1024;
  return config;
}

Site::Site(SiteConfig config) : config_(std::move(config)) {
  init_security();
  const fs::path data(config_.data_folder);
  // A new data folder is the server's alone: it will hold password hashes and the communes' figures.
  std::error_code absent;
  const bool made = !fs::exists(data, absent);
  make_folder(data.string(), "thư mục dữ liệu");
  if (made) fs::permissions(data, fs::perms::owner_all, fs::perm_options::replace, absent);
  upload_folder_ = (data / "tmp").string();
  make_folder(upload_folder_, "thư mục dữ liệu");
  // What a server stopped outright left of its uploads: nothing there outlives a request.
  std::error_code ignored;
  for (fs::directory_iterator it(upload_folder_, ignored), end; !ignored && it != end; it.increment(ignored))
    fs::remove_all(it->path(), ignored);
  files_ = std::make_unique<FileStore>((data / "files").string());
  const std::string url = config_.database_url.empty() ? "sqlite:" + (data / "kehoach.db").string() : config_.database_url;
  database_ = std::make_unique<Database>(parse_database_url(url));
  apply_migrations(*database_);
}

Site::~Site() = default;

std::int64_t clock_offset_in(const std::string& path) {
  std::ifstream in(path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return 0;
  const std::size_t end = text.find_last_not_of(" \t\r\n") + 1;
  std::int64_t offset = 0;
  const auto [stop, problem] = std::from_chars(text.data() + begin, text.data() + end, offset);
  return problem == std::errc() && stop == text.data() + end ? offset : 0;
}

std::int64_t Site::now() const {
  if (config_.clock) return config_.clock();
  const auto system = static_cast<std::int64_t>(std::time(nullptr));
  return config_.clock_file.empty() ? system : system + clock_offset_in(config_.clock_file);
}

int Site::current_year() const { return vietnam_day(now()).year; }

const std::string& Site::decoy_password_hash() {
  std::call_once(decoy_once_, [this] { decoy_hash_ = hash_password(random_token(), config_.password_cost); });
  return decoy_hash_;
}

std::string Site::database_description() const {
  if (database_->backend() == Backend::PostgreSQL) return "PostgreSQL";
  const std::string url = config_.database_url.empty() ? "" : parse_database_url(config_.database_url).connection;
  return "SQLite, tệp " + (url.empty() ? (fs::path(config_.data_folder) / "kehoach.db").string() : url);
}

}  // namespace kehoach
