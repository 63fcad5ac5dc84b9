#include "web/work_versions.h"

#include <stdlib.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "compute/submission_status.h"
#include "model/input_error.h"
#include "package/system_errors.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/database.h"
#include "store/ids.h"
#include "store/submissions.h"
#include "web/access.h"
#include "web/audit_words.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/layout.h"
#include "web/submission_work.h"
#include "web/table_form.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Who saved it, for the list: the account's name, or "" when it is gone.
std::string author(const RequestContext& context, const VersionRecord& version) {
  if (!version.created_by) return "";
  const std::optional<AccountRecord> account = find_account(context.db, *version.created_by);
  return account ? account->display_name : "";
}

}  // namespace

WorkFolder::WorkFolder(const Site& site) {
  std::string pattern = (fs::path(site.upload_folder()) / "viec-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr)
    throw OutputError("không tạo được thư mục tạm trong " + site.upload_folder() + ".");
  path_ = pattern;
}

WorkFolder::~WorkFolder() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string WorkFolder::file(const std::string& name) const { return (fs::path(path_) / name).string(); }

VersionRecord save_version(RequestContext& context, WorkKind kind, int year, WorkState state,
                           const std::vector<NewFile>& files, const std::string& how, std::optional<int> opened_on) {
  Site& site = context.site;
  std::vector<std::pair<StoredFile, const NewFile*>> stored;
  for (const NewFile& file : files) stored.emplace_back(site.files().put_file(file.path), &file);
  Transaction transaction(site.database(), context.db);
  // Approved work takes no new version: checked under the lock an approval takes, so they never cross.
  lock_submissions(context.db);
  check_not_locked(context, kind, year);
  // A version saved since the form was opened: checked under the versions' lock, which the other save held
  // until it committed, so that of two saves from one version the second always sees the first.
  lock_table(context.db, "versions");
  check_opened_on(context, kind, year, opened_on);
  std::vector<VersionFile> records;
  for (const auto& [bytes, file] : stored) {
    record_stored_file(context.db, bytes.sha256, static_cast<std::int64_t>(bytes.size), context.now);
    records.push_back({file->role, file->name, bytes.sha256});
  }
  VersionRecord version{0, context.unit->id, year, kind, 0, state, context.now, context.who->account.id};
  version = add_version(context.db, version, records);
  AuditEntry entry = audit_entry(audit_actor(context), "version.save");
  entry.unit_id = version.unit_id;
  entry.kind = work_kind_key(kind);
  entry.plan_year = year;
  entry.version_id = version.id;
  entry.detail = (how.empty() ? std::string(state == WorkState::Done ? "Tạo văn bản" : "Lưu bản nháp") : how) + ".";
  append_audit(context.db, entry);
  transaction.commit();
  return version;
}

std::optional<int> opened_on(const RequestContext& context) {
  if (!context.form || !context.posted().has("tu-phien-ban")) return std::nullopt;
  const std::string value = context.posted().value("tu-phien-ban");
  if (value == "0") return 0;
  const std::optional<std::int64_t> number = parse_id(value);
  if (!number || *number > 1'000'000'000) return 0;  // not a number the page wrote: checked as "none saved"
  return static_cast<int>(*number);
}

std::string opened_on_field(int number) {
  return "<input type=\"hidden\" name=\"tu-phien-ban\" value=\"" + std::to_string(number) + "\">\n";
}

int latest_number(const RequestContext& context, WorkKind kind, int year) {
  const std::optional<VersionRecord> latest = latest_version(context.db, context.unit->id, year, kind);
  return latest ? latest->number : 0;
}

void check_opened_on(const RequestContext& context, WorkKind kind, int year, std::optional<int> opened_on) {
  if (!opened_on) return;
  const std::optional<VersionRecord> latest = latest_version(context.db, context.unit->id, year, kind);
  // Nothing saved: nothing a save could replace (a number the page never wrote changes nothing).
  if (latest && latest->number != *opened_on) throw VersionConflict(*latest);
}

std::optional<VersionRecord> version_of_unit(const RequestContext& context, const std::string& id) {
  const std::optional<std::int64_t> number = parse_id(id);
  if (!number || !context.unit) return std::nullopt;
  std::optional<VersionRecord> version = find_version(context.db, *number);
  if (!version || version->unit_id != context.unit->id) return std::nullopt;
  return version;
}

std::optional<VersionFile> version_file(const RequestContext& context, const VersionRecord& version,
                                        const std::string& name) {
  for (const VersionFile& file : version_files(context.db, version.id))
    if (file.name == name) return file;
  return std::nullopt;
}

std::string stored_path(const RequestContext& context, const VersionFile& file) {
  return context.site.files().path_of(file.sha256);
}

std::string copy_to(const RequestContext& context, const VersionFile& file, const WorkFolder& folder) {
  const std::string target = folder.file(fs::path(file.name).filename().string());
  std::error_code error;
  fs::copy_file(stored_path(context, file), target, fs::copy_options::overwrite_existing, error);
  if (error) throw OutputError("không chép được tệp đã lưu " + file.name + ": " + system_reason(error) + ".");
  return target;
}

std::string version_path(std::int64_t unit, std::int64_t version) {
  return unit_path(unit, "phien-ban/" + std::to_string(version));
}

std::string version_file_path(std::int64_t unit, std::int64_t version, const std::string& name) {
  return version_path(unit, version) + "/" + url_encode(name);
}

std::string vietnam_time(std::int64_t seconds) {
  const Date day = vietnam_day(seconds);
  const std::int64_t into_day = ((seconds + kVietnamOffsetSeconds) % 86400 + 86400) % 86400;
  return two_digits(day.day) + "/" + two_digits(day.month) + "/" + std::to_string(day.year) + " " +
         two_digits(static_cast<int>(into_day / 3600)) + ":" + two_digits(static_cast<int>(into_day % 3600 / 60));
}

std::string state_tag(WorkState state) {
  return std::string("<strong class=\"tag tag--") + work_state_key(state) + "\">" + escape_html(state_label(state)) +
         "</strong>";
}

std::string version_line(const RequestContext& context, const VersionRecord& version) {
  const std::string who = author(context, version);
  return "Phiên bản " + std::to_string(version.number) + ", lưu lúc " + vietnam_time(version.created_at) +
         (who.empty() ? "" : " (" + who + ")");
}

// The files in the order an officer looks for them: the Word document, its Excel table, the PDF, then the
// data (the plan file, the table).
std::vector<VersionFile> ordered_files(const RequestContext& context, const VersionRecord& version) {
  std::vector<VersionFile> files = version_files(context.db, version.id);
  auto rank = [](const VersionFile& file) {
    static const char* kOrder[] = {".docx", ".xlsx", ".pdf", ".yaml", ".csv"};
    const std::string extension = fs::path(file.name).extension().string();
    int at = 0;
    for (const char* known : kOrder) {
      if (extension == known) break;
      ++at;
    }
    return std::make_pair(file.role == "output" ? 0 : 1, at);
  };
  std::stable_sort(files.begin(), files.end(), [&](const VersionFile& a, const VersionFile& b) { return rank(a) < rank(b); });
  return files;
}

std::string file_links(const RequestContext& context, const VersionRecord& version, const std::string& role) {
  std::string items;
  for (const VersionFile& file : ordered_files(context, version)) {
    if (!role.empty() && file.role != role) continue;
    items += "<li><a href=\"" + escape_html(version_file_path(version.unit_id, version.id, file.name)) + "\" download>" +
             escape_html(file.name) + "</a></li>\n";
  }
  return items.empty() ? "" : "<ul class=\"file-list\">\n" + items + "</ul>\n";
}

std::string versions_section(const RequestContext& context, const std::vector<VersionRecord>& versions) {
  std::string html = "<h2 id=\"phien-ban\">Các phiên bản</h2>\n";
  if (versions.empty()) return html + "<p>Chưa có phiên bản nào được lưu.</p>\n";
  html += "<p>Mỗi lần lưu là một phiên bản mới; các phiên bản cũ vẫn xem và tải về được.</p>\n" +
          scroll_box("Các phiên bản") + "<table class=\"table\">\n<thead><tr><th scope=\"col\">Phiên bản</th><th scope=\"col\">Trạng thái</th>"
          "<th scope=\"col\">Lưu lúc</th><th scope=\"col\">Người lưu</th><th scope=\"col\">Tệp</th></tr></thead>\n<tbody>\n";
  for (const VersionRecord& version : versions) {
    std::string files;
    for (const VersionFile& file : ordered_files(context, version))
      files += std::string(files.empty() ? "" : ", ") + "<a href=\"" +
               escape_html(version_file_path(version.unit_id, version.id, file.name)) + "\" download>" +
               escape_html(file.name) + "</a>";
    html += "<tr><th scope=\"row\"><a href=\"" + escape_html(version_path(version.unit_id, version.id)) +
            "\">Phiên bản " + std::to_string(version.number) + "</a></th><td>" + state_tag(version.state) + "</td><td>" +
            escape_html(vietnam_time(version.created_at)) + "</td><td>" + escape_html(author(context, version)) +
            "</td><td>" + files + "</td></tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n";
}

}  // namespace kehoach
