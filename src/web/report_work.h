#pragma once
// A commune's periodic report as versions of the kind of its period (Báo cáo quý I, 6 tháng, 9 tháng, năm):
// each holds as inputs the report's plan file ("ke-hoach.yaml": the year's plan file made with "Tạo văn
// bản", with the report's own fields under `reports:`), the plan's village table ("thon.csv" or
// "thon.xlsx") and the movement table ("bien-dong-6m.csv", or .xlsx as uploaded); and once the documents are
// made, what `kehoach report ke-hoach.yaml --period 6m --movements bien-dong-6m.csv` writes from them
// ("ke-hoach-bao-cao-6m.docx", "ke-hoach-bao-cao-6m-bieu.xlsx", "ke-hoach-bao-cao-6m.pdf") as outputs. A
// version's inputs copied into a folder are a report folder: the command line makes the same documents from it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/make_report.h"
#include "model/period.h"
#include "store/versions.h"
#include "web/context.h"
#include "web/work_versions.h"

namespace kehoach {

// The kind of a period's report versions, and the period of ?ky=q1|6m|9m|year (nullopt when absent or not one).
WorkKind report_kind(Period period);
std::optional<Period> report_period(WorkKind kind);
std::optional<Period> page_period(const RequestContext& context);

// "bien-dong-6m.csv" (or .xlsx): the movement table a version keeps.
std::string movements_file_name(Period period, bool xlsx);

// The plan a period's report is made from: the year's latest plan version whose documents were made.
struct ReportBase {
  VersionRecord version;
  std::string plan_text;  // its plan file
  VersionFile table;      // its village table
  PlanInput input;        // read and computed, its file called "ke-hoach.yaml" in messages
};
std::optional<ReportBase> report_base(const RequestContext& context, int year);

// A report folder of one request: the plan file, the village table and the movement table side by side, and
// the same use cases as `kehoach report` run on it. Messages about its files name them without the folder.
class ReportFolder {
 public:
  ReportFolder(const RequestContext& context, const VersionFile& table);
  // The folder of a saved version: its inputs copied (nullopt when it lacks one).
  static std::optional<ReportFolder> of_version(const RequestContext& context, const VersionRecord& version);

  void write_plan(const std::string& text);
  std::string plan_text() const;
  void write_movements(const std::string& name, const std::string& text);
  void copy_movements(const std::string& name, const std::string& from);
  const std::string& movements_name() const { return movements_name_; }
  std::string movements_path() const { return folder_->file(movements_name_); }

  // compute_report and make_report on the folder (the documents into a folder of their own). Throw as they do.
  ReportFiguresResult compute(Period period) const;
  ReportDocuments make(Period period, bool pdf, const WorkFolder& made) const;

  // The inputs a version keeps: the plan file, the village table, the movement table.
  std::vector<NewFile> inputs() const;
  // `message` with the folder's path taken out ("…/viec-x/ke-hoach.yaml:12" → "ke-hoach.yaml:12").
  std::string shown(const std::string& message) const;

 private:
  ReportFolder(const RequestContext& context);
  std::unique_ptr<WorkFolder> folder_;
  std::string table_name_, movements_name_;
};

// The outputs' names as `kehoach report` gives them for the period: "ke-hoach-bao-cao-6m.docx".
std::string report_document_name(Period period);

// A saved version's report computed from its folder (nullopt when it cannot be: a version of a kehoach that
// read it differently), with the folder it was computed in.
struct SavedReport {
  ReportFolder folder;
  ReportFiguresResult figures;
};
std::optional<SavedReport> load_version_report(const RequestContext& context, const VersionRecord& version);

// The results as a page shows them before the documents are made: the report's own sentences for the whole
// unit, the villages below the period's threshold as the report names them, and the table of every village
// and the total (start, end of the period, reduced, the year's target, share of it).
std::string report_results_html(const Report& report);

}  // namespace kehoach
