// One saved version of a commune's work, to read and to download: its state, who saved it and when, its
// files (what the officer gave, what kehoach made), and what it holds: a village table shown with its
// totals, a plan with its appendix figures, a report with its results. A version of another unit, or a
// file the version does not have, is 404 as if it did not exist.
//
//   GET /don-vi/{unit}/phien-ban/{version}          the version
//   GET /don-vi/{unit}/phien-ban/{version}/{file}   one of its files, by the name it was kept under
#include <filesystem>

#include "web/html.h"
#include "web/labels.h"
#include "web/layout.h"
#include "web/plan_work.h"
#include "web/plan_year.h"
#include "web/report_work.h"
#include "web/routes.h"
#include "web/save_conflict.h"
#include "web/village_table.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

// The page of the kind's work that the version belongs to.
std::string work_path(const VersionRecord& version) {
  const std::string query = year_query(version.year);
  switch (version.kind) {
    case WorkKind::VillageTable: return unit_path(version.unit_id, "thon") + query;
    case WorkKind::Plan: return unit_path(version.unit_id, "ke-hoach") + query;
    default: break;
  }
  for (const ReportKind& report : report_kinds())
    if (report.kind == version.kind) return unit_path(version.unit_id, "bao-cao") + query + "&ky=" + period_key(report.period);
  return unit_path(version.unit_id);
}

Reply show_version(RequestContext& context) {
  const std::optional<VersionRecord> version = version_of_unit(context, context.param("version"));
  if (!version) return error_page(context, 404);
  std::string body = "<p>" + state_tag(version->state) + " " + escape_html(version_line(context, *version)) + ".</p>\n";
  const std::string outputs = file_links(context, *version, "output");
  if (!outputs.empty()) body += "<h2>Văn bản đã tạo</h2>\n" + outputs;
  body += "<h2>Dữ liệu đã nhập</h2>\n" + file_links(context, *version, "input");
  body += version_contents(context, *version);
  body += "<p><a href=\"" + escape_html(work_path(*version)) + "\">Về trang " +
          escape_html(work_label(version->kind, version->year)) + "</a></p>\n";
  return page_reply(context, {work_label(version->kind, version->year) + ": phiên bản " + std::to_string(version->number),
                              context.unit->full_name(), body, nullptr});
}

std::string content_type(const std::string& name) {
  const std::string extension = std::filesystem::path(name).extension().string();
  if (extension == ".docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (extension == ".xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (extension == ".pdf") return "application/pdf";
  if (extension == ".csv") return "text/csv; charset=utf-8";
  if (extension == ".yaml") return "application/yaml; charset=utf-8";
  return "application/octet-stream";
}

Reply download(RequestContext& context) {
  const std::optional<VersionRecord> version = version_of_unit(context, context.param("version"));
  if (!version) return error_page(context, 404);
  const std::optional<VersionFile> file = version_file(context, *version, context.param("file"));
  if (!file || !context.site.files().contains(file->sha256)) return error_page(context, 404);
  Reply reply;
  reply.file = stored_path(context, *file);
  reply.content_type = content_type(file->name);
  reply.download_name = file->name;
  return reply;
}

}  // namespace

void add_version_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/phien-ban/{version}", Access::Unit, show_version});
  router.add({"GET", "/don-vi/{unit}/phien-ban/{version}/{file}", Access::Unit, download});
}

}  // namespace kehoach
