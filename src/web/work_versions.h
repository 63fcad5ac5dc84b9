#pragma once
// A commune's saved work as its pages show it: every save a new version with its files in the content
// store (input: what the officer gave; output: what kehoach made), the list of a kind's versions with
// links to read and download each, and the folder a request works in (a plan folder for `make_plan`).
// Versions are looked up by id only through version_of_unit, which answers nothing for another unit's.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "store/versions.h"
#include "web/context.h"

namespace kehoach {

// A folder of its own under the data folder's tmp/ for one request (a plan folder, the documents made),
// removed with everything in it when the request ends.
class WorkFolder {
 public:
  explicit WorkFolder(const Site& site);
  ~WorkFolder();
  WorkFolder(const WorkFolder&) = delete;
  WorkFolder& operator=(const WorkFolder&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const;  // path()/name

 private:
  std::string path_;
};

// A file to keep with a new version: its role ("input", "output"), the name its download gets, and
// where its bytes are now.
struct NewFile {
  std::string role;
  std::string name;
  std::string path;
};

// Thrown by save_version when a version of the kind was saved after the one the form was opened on: two
// officers of the unit saved from the same version, and the second is told so instead of replacing the
// first's work unseen. Holds the newer version, for the page to show beside the input it kept.
class VersionConflict : public std::runtime_error {
 public:
  explicit VersionConflict(VersionRecord newer)
      : std::runtime_error("đã có phiên bản mới hơn phiên bản biểu mẫu được mở"), newer_(std::move(newer)) {}
  const VersionRecord& newer() const { return newer_; }

 private:
  VersionRecord newer_;
};

// Puts the files into the content store and adds the version of the route's unit, by the signed-in
// account, in one transaction with its row of the audit log (store/audit.h), whose detail is `how` ("Nhập
// trực tiếp", "Tải lên tệp", "Lưu bản nháp", "Tạo văn bản"; by default the last two as `state` says):
// numbered after the last of its kind. Throws WorkLocked (web/submission_work.h) when that kind is
// approved, and VersionConflict when `opened_on` is given and the latest version of the kind is not that
// one (0: none was saved), both checked under the locks, so that two saves at once cannot both pass.
VersionRecord save_version(RequestContext& context, WorkKind kind, int year, WorkState state,
                           const std::vector<NewFile>& files, const std::string& how = "",
                           std::optional<int> opened_on = std::nullopt);

// The number of the version the posted form was opened on: its hidden field tu-phien-ban ("0" when none was
// saved yet). nullopt when the form has no such field (a client that does not read the page: not checked).
std::optional<int> opened_on(const RequestContext& context);
// The hidden field of a form that saves a kind: the number of the version it shows (0: none).
std::string opened_on_field(int number);
// The number of the latest version of the kind (0: none): what a form opened now is opened on.
int latest_number(const RequestContext& context, WorkKind kind, int year);
// Throws VersionConflict when `opened_on` is given and is not the latest version of the kind: the check a
// page makes before long work (making documents), which save_version makes again under the lock.
void check_opened_on(const RequestContext& context, WorkKind kind, int year, std::optional<int> opened_on);

// The version with this id (as the URL gives it) when it is the route's unit's; nullopt for anything
// else, so that another unit's version answers 404 as one that does not exist.
std::optional<VersionRecord> version_of_unit(const RequestContext& context, const std::string& id);

// The version's file of that name, if it has one.
std::optional<VersionFile> version_file(const RequestContext& context, const VersionRecord& version,
                                        const std::string& name);
// Where a stored file's bytes are (in the content store).
std::string stored_path(const RequestContext& context, const VersionFile& file);
// A copy of the stored file in `folder`, under its own name; returns its path.
std::string copy_to(const RequestContext& context, const VersionFile& file, const WorkFolder& folder);

// "/don-vi/12/phien-ban/34" and "/don-vi/12/phien-ban/34/ke-hoach.docx".
std::string version_path(std::int64_t unit, std::int64_t version);
std::string version_file_path(std::int64_t unit, std::int64_t version, const std::string& name);

// "12/05/2026 10:30" in Vietnam's time (UTC+7), whatever the server's time zone: every page and workbook says
// the time as Tình hình nộp judges deadlines.
std::string vietnam_time(std::int64_t seconds);

// The work's state as a coloured tag: "Chưa bắt đầu", "Đang nhập", "Đã hoàn thành".
std::string state_tag(WorkState state);

// "Phiên bản 3, lưu lúc 12/05/2026 10:30 (Lê Thị Hoa)".
std::string version_line(const RequestContext& context, const VersionRecord& version);

// The links to download the version's files of `role` ("output", "input"; "" for all): a list, or "".
std::string file_links(const RequestContext& context, const VersionRecord& version, const std::string& role);

// "Các phiên bản": a table of the versions, newest first, each with its state, time, author, a link to
// read it and its files; a sentence when there are none.
std::string versions_section(const RequestContext& context, const std::vector<VersionRecord>& versions);

}  // namespace kehoach
